-- expect: none
-- replay-expect: SW617
-- migrate:up
CREATE TABLE notes (
    id BIGINT GENERATED ALWAYS AS IDENTITY,
    author_id BIGINT NOT NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_notes PRIMARY KEY (id),
    CONSTRAINT fk_notes_authors FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE
);
CREATE INDEX idx_notes_author_id ON notes (author_id);

-- migrate:down
DROP TABLE IF EXISTS notes;
