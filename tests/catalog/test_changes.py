"""``catalog.changes``: which tables a PostgreSQL script can change, as the reader sees them, or None when
its text cannot tell (then ``design --all`` reads the whole schema again)."""

from __future__ import annotations

import pytest

from schemawright.catalog.changes import tables_changed
from schemawright.catalog.models import Catalog, Index, IndexKey, Table

BEFORE = Catalog(
    dialect="postgresql",
    default_schema="public",
    schemas=["billing"],
    tables=[
        Table(name="users", indexes=[Index(name="idx_users_email", keys=[IndexKey(column="email")])]),
        Table(schema_name="billing", name="invoices"),
    ],
)

GENERATED = """-- schemawright 0.1.0: feature 043_job_board
SET lock_timeout = '5s';

CREATE TABLE companies (
\tid UUID DEFAULT gen_random_uuid() NOT NULL,
\tname TEXT NOT NULL,
\tCONSTRAINT pk_companies PRIMARY KEY (id),
\tCONSTRAINT ck_companies_name CHECK (name LIKE '%_%')
);

CREATE TABLE recruiters (
\tid UUID NOT NULL,
\tcompany_id UUID,
\tCONSTRAINT fk_recruiters_companies FOREIGN KEY(company_id) REFERENCES companies (id) ON DELETE CASCADE
);

CREATE INDEX idx_recruiters_company_id ON recruiters (company_id);
CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.updated_at = now(); RETURN NEW; END; $$;
CREATE TRIGGER trg_companies_updated_at BEFORE UPDATE ON companies
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
COMMENT ON TABLE companies IS 'who hires';
COMMENT ON COLUMN recruiters.company_id IS 'their employer';
ALTER TABLE users ADD COLUMN company_id UUID;
ALTER TABLE users ADD CONSTRAINT fk_users_companies FOREIGN KEY (company_id) REFERENCES companies (id)
    ON DELETE SET NULL NOT VALID;
"""
LATER = """SET lock_timeout = '5s';
-- squawk-ignore ban-concurrent-index-creation-in-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_users_company_id ON ONLY users (company_id);
BEGIN;
ALTER TABLE users VALIDATE CONSTRAINT fk_users_companies;
COMMIT;
"""


def test_the_tables_a_generated_migration_creates_alters_indexes_and_comments() -> None:
    assert tables_changed([GENERATED, LATER], BEFORE) == {
        (None, "companies"),
        (None, "recruiters"),
        (None, "users"),
    }
    assert tables_changed([], BEFORE) == set()
    assert tables_changed(["SET statement_timeout = 0;\nBEGIN;\nCOMMIT;"], BEFORE) == set()


def test_names_are_the_catalog_s_schema_and_table() -> None:
    script = (
        'CREATE TABLE "Mixed" (id int);\nALTER TABLE public.users ADD COLUMN x int;\n'
        "CREATE UNIQUE INDEX ix ON billing.invoices (id);\n"
        "CREATE POLICY own ON billing.invoices USING (true);"
    )
    assert tables_changed([script], BEFORE) == {(None, "Mixed"), (None, "users"), ("billing", "invoices")}


@pytest.mark.parametrize(
    "statement",
    [
        "DROP TABLE users",
        "DROP INDEX idx_users_email",
        "ALTER TABLE users RENAME COLUMN email TO mail",  # other tables' foreign keys name the column
        "ALTER TABLE users RENAME TO people",
        "ALTER TABLE users DROP CONSTRAINT pk_users CASCADE",  # drops other tables' foreign keys
        "ALTER TABLE users SET SCHEMA billing",
        "ALTER TABLE users ATTACH PARTITION users_2024 DEFAULT",
        "CREATE TABLE users_default PARTITION OF users DEFAULT",  # gets its parent's indexes
        "CREATE TABLE admins (level int) INHERITS (users)",
        "ALTER INDEX idx_users_email ATTACH PARTITION idx_users_2024_email",
        "ALTER INDEX idx_users_email RENAME TO ix",
        "CREATE TYPE mood AS ENUM ('ok')",
        "ALTER TYPE mood ADD VALUE 'sad'",
        "CREATE SCHEMA app",
        "CREATE TABLE app.things (id int)",  # a schema the catalog does not know
        "CREATE TABLE copy AS SELECT * FROM users",
        "CREATE VIEW v AS SELECT 1",
        "CREATE EXTENSION citext",
        "DO $$ BEGIN EXECUTE 'DROP TABLE users'; END $$",
        "SET search_path = billing",
        "INSERT INTO users VALUES (1)",
    ],
)
def test_anything_else_is_not_told(statement: str) -> None:
    assert tables_changed([GENERATED, statement + ";"], BEFORE) is None
