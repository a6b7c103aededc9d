"""Reflection reads every non-system PostgreSQL schema and keeps types SQLAlchemy does not know (xid8) by
their catalog name, in the review (review/reflect.py) and in the design's view of a project
(project/reflect.py)."""

from __future__ import annotations

from pathlib import Path

from schemawright.project.reflect import reflect_tables, trigger_tables
from schemawright.review.engine import review_project
from schemawright.review.reflect import reflect_schema, table_names
from schemawright.review.replay import EngineChoice
from schemawright.review.schema import Schema, column
from schemawright.verify.engines import scratch_database
from tests.services import POSTGRES, service_url

SETUP = """CREATE SCHEMA billing;
CREATE TABLE accounts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    snapshot xid8,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE billing.invoices (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    last_xid xid8 NOT NULL,
    total NUMERIC(12, 2) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE billing.accounts (id BIGINT PRIMARY KEY);
CREATE FUNCTION billing.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER trg_invoices_touch BEFORE UPDATE ON billing.invoices
    FOR EACH ROW EXECUTE FUNCTION billing.touch();
CREATE TYPE billing.state AS ENUM ('open', 'paid');
CREATE VIEW billing.open_invoices AS SELECT id FROM billing.invoices;
"""


def test_review_reflection_reads_every_schema_and_unknown_types() -> None:
    with scratch_database("postgresql", service_url(POSTGRES)) as db:
        db.execute_script(SETUP)
        schema = reflect_schema(db, Schema(), {})
        names = table_names(db)
    # the default schema's accounts keeps its bare key; the second accounts is qualified
    assert names == {"accounts", "invoices", "billing.accounts"} == set(schema.tables)
    accounts, invoices = schema.tables["accounts"], schema.tables["invoices"]
    snapshot, last_xid = column(accounts, "snapshot"), column(invoices, "last_xid")
    assert snapshot is not None and (snapshot.type, snapshot.base_type) == ("xid8", "XID8")
    assert last_xid is not None and last_xid.type == "xid8" and not last_xid.nullable
    assert [fk.ref_table for fk in invoices.foreign_keys] == ["accounts"]
    assert "touch" in schema.functions and schema.triggers == {"trg_invoices_touch on invoices": "invoices"}
    assert "state" in schema.types and "open_invoices" in schema.views


def test_review_of_a_project_with_a_second_schema(tmp_path: Path) -> None:
    folder = tmp_path / "backend" / "migrations"
    folder.mkdir(parents=True)
    (folder / "001_billing.up.sql").write_text(SETUP)
    (folder / "001_billing.down.sql").write_text(
        "DROP SCHEMA billing CASCADE;\nDROP TABLE IF EXISTS accounts;\n"
    )
    report = review_project(tmp_path, engine=EngineChoice(url=service_url(POSTGRES)))
    assert report.catalog.startswith("reflected")  # no crash on xid8
    assert "invoices" in report.tables
    # the table in the second schema is reviewed: its foreign key has no index
    assert any(f.code == "SW201" and f.location.table == "invoices" for f in report.findings)


def test_project_reflection_reads_every_schema_and_unknown_types() -> None:
    with scratch_database("postgresql", service_url(POSTGRES)) as db:
        db.execute_script(SETUP)
        tables = {t.name: t for t in reflect_tables(db)}
        triggered = trigger_tables(db)
    assert set(tables) == {"accounts", "billing.accounts", "billing.invoices"}
    snapshot = tables["accounts"].column("snapshot")
    assert snapshot is not None and snapshot.type == "xid8" and snapshot.logical.name == "text"
    invoices = tables["billing.invoices"]
    [fk] = invoices.foreign_keys
    assert (fk.ref_table, fk.on_delete) == ("accounts", "CASCADE")
    last_xid = invoices.column("last_xid")
    assert last_xid is not None and last_xid.type == "xid8" and not last_xid.nullable
    total = invoices.column("total")
    assert total is not None and total.type == "NUMERIC(12,2)"  # known types render as before
    assert triggered == {"billing.invoices"}
