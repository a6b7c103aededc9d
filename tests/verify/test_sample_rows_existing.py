"""Sample rows on top of a project's existing tables: an existing table's NOT NULL foreign keys (which the
design may not even describe) get parent rows first, in foreign-key order; an existing table that cannot
be filled is left without a row, with the tables that need it — never a failed verification."""

from __future__ import annotations

from pathlib import Path

from schemawright.design.models import Column, ForeignKey, LogicalType, RelationalDesign, Table
from schemawright.pipeline import DesignRequest, design
from schemawright.verify.engines import ScratchDatabase, scratch_database
from schemawright.verify.sample_rows import insert_sample_rows

SPEC = Path(__file__).parents[1] / "project" / "specs" / "002_notes.md"
PRIOR = """
CREATE TABLE organizations (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE users (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  email TEXT NOT NULL
);
-- Two tables that need each other: no row can be inserted into either without deferring.
CREATE TABLE a (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, b_id BIGINT NOT NULL);
CREATE TABLE b (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, a_id BIGINT NOT NULL REFERENCES a (id));
ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b (id);
-- A rule the design does not know about.
CREATE TABLE codes (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code TEXT NOT NULL CHECK (code = 'x')
);
"""


def _bigint(name: str, nullable: bool = False, identity: bool = False) -> Column:
    return Column(
        name=name,
        type="BIGINT",
        logical=LogicalType(name="bigint"),
        nullable=nullable,
        default_kind="identity" if identity else "none",
    )


def _existing(name: str, *columns: Column) -> Table:
    """An existing table as the design sees it: only what the feature needs (no foreign keys)."""
    return Table(
        name=name, existing=True, columns=[_bigint("id", identity=True), *columns], primary_key=["id"]
    )


def _new(name: str, parent: str, nullable: bool) -> Table:
    return Table(
        name=name,
        columns=[_bigint("id", identity=True), _bigint(f"{parent}_id", nullable=nullable)],
        primary_key=["id"],
        foreign_keys=[
            ForeignKey(name=f"fk_{name}", columns=[f"{parent}_id"], ref_table=parent, ref_columns=["id"])
        ],
    )


def _up(db: ScratchDatabase, *tables: tuple[str, str, bool]) -> None:
    db.execute_script(PRIOR)
    for name, parent, nullable in tables:
        null = "" if nullable else " NOT NULL"
        db.execute(
            f"CREATE TABLE {name} (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
            f"{parent}_id BIGINT{null} REFERENCES {parent} (id))"
        )


def test_parents_of_an_existing_table_come_first(postgres_url: str) -> None:
    with scratch_database("postgresql", postgres_url) as db:
        _up(db, ("notes", "users", False))
        users = _existing("users", Column(name="email", type="TEXT", logical=LogicalType(name="text")))
        rows = insert_sample_rows(db, RelationalDesign(tables=[users, _new("notes", "users", False)]))
        assert [r.table for r in rows] == ["organizations", "users", "notes"]
        org, user, note = (r.stored for r in rows)
        assert user["org_id"] == org["id"] and note["users_id"] == user["id"]


def test_tables_that_cannot_be_filled_are_skipped_not_failed(postgres_url: str) -> None:
    with scratch_database("postgresql", postgres_url) as db:
        _up(db, ("needs_a", "a", False), ("maybe_a", "a", True), ("needs_code", "codes", False))
        tables = [
            _existing("a"),
            _existing("codes"),
            _new("needs_a", "a", nullable=False),
            _new("maybe_a", "a", nullable=True),
            _new("needs_code", "codes", nullable=False),
        ]
        rows = {r.table: r.stored for r in insert_sample_rows(db, RelationalDesign(tables=tables))}
        assert set(rows) == {"maybe_a"}  # a and b need each other; codes rejects our value
        assert rows["maybe_a"]["a_id"] is None


def test_feature_on_users_with_a_required_organization_verifies(tmp_path: Path, postgres_url: str) -> None:
    migrations = tmp_path / "backend" / "migrations"
    migrations.mkdir(parents=True)
    (migrations / "000001_core.up.sql").write_text(PRIOR, encoding="utf-8")
    result = design(DesignRequest(spec_path=SPEC, root=tmp_path, postgres_url=postgres_url)).result
    assert result.verification.status == "passed", result.verification
    report = result.verification.reports[0]
    step = next(s for s in report.steps if s.name == "sample-rows")
    assert step.detail.split(", ") == ["organizations", "users", "notes"]
