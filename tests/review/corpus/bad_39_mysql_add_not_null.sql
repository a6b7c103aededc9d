-- expect: SW601, SW604
-- dialect: mysql
-- corpus:prior
CREATE TABLE customers (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    legacy_code VARCHAR(16),
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB;
-- migrate:up
ALTER TABLE customers ADD COLUMN tier VARCHAR(16) NOT NULL;
ALTER TABLE customers DROP COLUMN legacy_code;

-- migrate:down
ALTER TABLE customers DROP COLUMN tier;
ALTER TABLE customers ADD COLUMN legacy_code VARCHAR(16);
