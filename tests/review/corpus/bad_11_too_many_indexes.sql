-- expect: SW203
-- corpus:prior
CREATE TABLE users (
    id BIGINT GENERATED ALWAYS AS IDENTITY,
    email TEXT NOT NULL,
    name TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'blocked')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_users PRIMARY KEY (id)
);
CREATE TABLE orders (
    id BIGINT GENERATED ALWAYS AS IDENTITY,
    user_id BIGINT NOT NULL,
    total NUMERIC(12, 2) NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'paid')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_orders PRIMARY KEY (id),
    CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX idx_orders_user_id ON orders (user_id);
-- migrate:up
CREATE TABLE articles (
    id BIGINT GENERATED ALWAYS AS IDENTITY,
    c1 TEXT,
    c2 TEXT,
    c3 TEXT,
    c4 TEXT,
    c5 TEXT,
    c6 TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_articles PRIMARY KEY (id)
);
CREATE INDEX idx_articles_c1 ON articles (c1);
CREATE INDEX idx_articles_c2 ON articles (c2);
CREATE INDEX idx_articles_c3 ON articles (c3);
CREATE INDEX idx_articles_c4 ON articles (c4);
CREATE INDEX idx_articles_c5 ON articles (c5);
CREATE INDEX idx_articles_c6 ON articles (c6);

-- migrate:down
DROP TABLE IF EXISTS articles;
