-- expect: SW618
-- replay-expect: SW617
-- migrate:up
CREATE TABLE tags (
    id BIGINT GENERATED ALWAYS AS IDENTITY,
    name TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_tags PRIMARY KEY (id)
);
CREATE INDEX idx_tags_name ON tags (name);

-- migrate:down
DROP INDEX idx_tags_nme;
DROP TABLE IF EXISTS tags;
