-- expect: SW101, SW612, SW103
-- dialect: sqlite
-- migrate:up
CREATE TABLE readings_raw (
    sensor TEXT NOT NULL,
    price REAL NOT NULL,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
