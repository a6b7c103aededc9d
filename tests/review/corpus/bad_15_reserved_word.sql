-- expect: SW402
-- migrate:up
CREATE TABLE "group" (
    id BIGINT GENERATED ALWAYS AS IDENTITY,
    title TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_group PRIMARY KEY (id)
);

-- migrate:down
DROP TABLE IF EXISTS "group";
