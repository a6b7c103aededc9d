"""What squawk caught and the review missed (issue 10): an inline UNIQUE on ADD COLUMN (SW610), NOT VALID
validated in the same transaction (SW621), several names in one DROP INDEX (each seen by the rules; SW617
when CONCURRENTLY), and long names of constraints, views, functions and triggers (SW405). A positive and a
negative case each; PostgreSQL confirms the premises that are about the engine."""

from __future__ import annotations

import psycopg
import pytest

from schemawright.review import review_migration
from schemawright.review.chain import Migration, Section
from schemawright.review.engine import review_chain
from schemawright.review.models import ReviewReport
from schemawright.review.replay import EngineChoice
from tests.services import POSTGRES, service_url

PRIOR = """CREATE TABLE users (
    id BIGINT PRIMARY KEY,
    email TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE orders (
    id BIGINT PRIMARY KEY,
    user_id BIGINT,
    total NUMERIC(12, 2) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_orders_user_id ON orders (user_id);
CREATE INDEX idx_orders_total ON orders (total);
"""
TIMEOUTS = "SET lock_timeout = '5s';\nSET statement_timeout = '60s';\n"
FK = "ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id) "
FK += "ON DELETE SET NULL NOT VALID;\n"
VALIDATE = "ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_user;\n"


def review(up: str, down: str = "SELECT 1;", *, engine: bool = False) -> ReviewReport:
    choice = EngineChoice(url=service_url(POSTGRES)) if engine else None
    return review_migration(TIMEOUTS + up, down, dialect="postgresql", prior_sql=[PRIOR], engine=choice)


def codes(report: ReviewReport, code: str) -> list[str]:
    return [f.message for f in report.findings if f.code == code]


# --- SW610: ADD COLUMN ... UNIQUE ----------------------------------------------------------------------
def test_inline_unique_on_an_existing_table_is_reported() -> None:
    report = review("ALTER TABLE users ADD COLUMN handle TEXT UNIQUE;")
    [message] = codes(report, "SW610")
    assert "users.handle" in message and "inline UNIQUE" in message
    [fix] = [f.fix for f in report.findings if f.code == "SW610"]
    assert "CREATE UNIQUE INDEX CONCURRENTLY uq_users_handle ON users (handle)" in fix
    assert "UNIQUE USING INDEX uq_users_handle" in fix
    assert codes(review("ALTER TABLE users ADD COLUMN code TEXT PRIMARY KEY;"), "SW610")


def test_inline_unique_on_a_table_of_the_same_migration_or_a_plain_column_is_not() -> None:
    new_table = "CREATE TABLE tags (id BIGINT PRIMARY KEY);\nALTER TABLE tags ADD COLUMN label TEXT UNIQUE;"
    assert not codes(review(new_table), "SW610")
    assert not codes(review("ALTER TABLE users ADD COLUMN handle TEXT;"), "SW610")


# --- SW621: NOT VALID and VALIDATE in one transaction ---------------------------------------------------
def test_validate_in_the_same_transaction_is_reported() -> None:
    report = review(FK + VALIDATE, engine=True)
    assert report.catalog.startswith("reflected")  # PostgreSQL accepts it: the problem is the lock
    [message] = codes(report, "SW621")
    assert "fk_orders_user" in message
    [finding] = [f for f in report.findings if f.code == "SW621"]
    assert finding.location.line == 4  # the VALIDATE, after the two SET lines and the ADD
    explicit = "BEGIN;\n" + FK + VALIDATE + "COMMIT;\n"
    assert codes(review(explicit), "SW621")


def test_validate_after_a_commit_or_in_a_later_migration_is_not() -> None:
    assert not codes(review("BEGIN;\n" + FK + "COMMIT;\nBEGIN;\n" + VALIDATE + "COMMIT;\n"), "SW621")
    # a migration marked to run outside a transaction: each statement commits on its own
    steps = [
        Migration("000_prior", Section("prior.sql", PRIOR), None),
        Migration(
            "001_fk",
            Section("001_fk.sql", TIMEOUTS + FK + VALIDATE),
            Section("001_fk.sql", "SELECT 1;"),
            no_transaction=True,
        ),
    ]
    assert not codes(review_chain(steps, dialect="postgresql", focus={"001_fk"}), "SW621")
    split = [
        steps[0],
        Migration("001_fk", Section("001.sql", TIMEOUTS + FK), Section("001.d.sql", "SELECT 1;")),
        Migration("002_validate", Section("002.sql", TIMEOUTS + VALIDATE), Section("002.d.sql", "SELECT 1;")),
    ]
    assert not codes(review_chain(split, dialect="postgresql"), "SW621")


# --- DROP INDEX a, b -----------------------------------------------------------------------------------
def test_every_name_of_a_multi_name_drop_index_is_seen() -> None:
    down = (
        "CREATE INDEX idx_orders_user_id ON orders (user_id);\n"
        "CREATE INDEX idx_orders_total ON orders (total);"
    )
    report = review("DROP INDEX idx_orders_user_id, idx_orders_total;", down, engine=True)
    assert report.catalog.startswith("reflected")
    assert sorted(codes(report, "SW615")) == [
        "Index idx_orders_total is dropped without CONCURRENTLY.",
        "Index idx_orders_user_id is dropped without CONCURRENTLY.",
    ]
    assert not codes(report, "SW613")  # the model dropped both, and the down's CREATEs do not conflict
    missing = review("DROP INDEX idx_orders_user_id, idx_nowhere;", down)
    assert any("idx_nowhere does not exist" in m for m in codes(missing, "SW618"))


def test_concurrent_single_drops_are_clean_and_several_names_are_rejected() -> None:
    down = "CREATE INDEX idx_orders_user_id ON orders (user_id);"
    single = review("DROP INDEX CONCURRENTLY IF EXISTS idx_orders_user_id;", down)
    assert not codes(single, "SW615") and not codes(single, "SW617")
    both = "DROP INDEX CONCURRENTLY IF EXISTS idx_orders_user_id, idx_orders_total;"
    static = review(both, down)
    [message] = codes(static, "SW617")
    assert "does not support dropping multiple objects" in message
    # PostgreSQL does reject it, and the report says so once, not once per source
    replayed = review(both, down, engine=True)
    [rejected] = codes(replayed, "SW617")
    assert "fails on" in rejected and "multiple objects" in rejected


# --- SW405 on names the table rules do not see ----------------------------------------------------------
LONG = "ck_orders_total_is_never_negative_even_for_refunds_and_store_credit"  # 67 bytes


@pytest.mark.parametrize(
    "statement",
    [
        f"ALTER TABLE orders ADD CONSTRAINT {LONG} CHECK (total >= 0) NOT VALID;",
        f"CREATE VIEW {LONG} AS SELECT id FROM orders;",
        f"CREATE FUNCTION {LONG}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;",
        f"CREATE TRIGGER {LONG} BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION f();",
        f"CREATE TYPE {LONG} AS ENUM ('a');",
        f"ALTER TABLE orders RENAME CONSTRAINT fk_orders_user TO {LONG};",
        f"ALTER INDEX idx_orders_total RENAME TO {LONG};",
    ],
)
def test_long_names_of_other_objects_are_reported(statement: str) -> None:
    [message] = codes(review(statement), "SW405")
    assert "67 bytes (limit 63)" in message and f"truncates it to {LONG[:63]}" in message


def test_names_of_63_bytes_are_not_reported() -> None:
    name = LONG[:63]
    report = review(f"ALTER TABLE orders ADD CONSTRAINT {name} CHECK (total >= 0) NOT VALID;")
    assert not codes(report, "SW405")


def test_postgresql_truncates_a_long_constraint_name() -> None:
    """The premise of SW405: the constraint exists under its first 63 bytes only."""
    with psycopg.connect(service_url(POSTGRES)) as conn:
        conn.execute("CREATE TEMP TABLE t (total INT)")
        conn.execute(f"ALTER TABLE t ADD CONSTRAINT {LONG} CHECK (total >= 0)")
        names = [
            r[0] for r in conn.execute("SELECT conname FROM pg_constraint WHERE conrelid = 't'::regclass")
        ]
        conn.rollback()
    assert names == [LONG[:63]]
