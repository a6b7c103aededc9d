CREATE TABLE users (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    email TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A partitioned table: monthly partitions, one year sub-partitioned, and a default.
CREATE TABLE page_views (
    id BIGINT GENERATED ALWAYS AS IDENTITY,
    user_id UUID REFERENCES users (id),
    path TEXT NOT NULL,
    viewed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (id, viewed_at)
) PARTITION BY RANGE (viewed_at);
CREATE INDEX idx_page_views_user_id ON page_views (user_id);
CREATE TABLE page_views_2025 PARTITION OF page_views
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY RANGE (viewed_at);
CREATE TABLE page_views_2025_h1 PARTITION OF page_views_2025 FOR VALUES FROM ('2025-01-01') TO ('2025-07-01');
CREATE TABLE page_views_2025_h2 PARTITION OF page_views_2025 FOR VALUES FROM ('2025-07-01') TO ('2026-01-01');
CREATE TABLE page_views_2026_01 PARTITION OF page_views FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
CREATE TABLE page_views_default PARTITION OF page_views DEFAULT;
