-- expect: SW619, SW620
-- corpus:prior
CREATE TABLE users (
    id BIGINT GENERATED ALWAYS AS IDENTITY,
    email TEXT NOT NULL,
    name TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_users PRIMARY KEY (id)
);
-- migrate:up
ALTER TABLE users ADD COLUMN nickname TEXT;

-- migrate:down
ALTER TABLE users DROP COLUMN IF EXISTS nickname;
