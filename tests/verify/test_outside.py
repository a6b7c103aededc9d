"""Statements that reach outside the scratch database are refused before anything of their script runs,
on the real engines, and reported by design (exit 1) and review (SW504)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from schemawright.cli import app
from schemawright.verify.engines import scratch_database
from schemawright.verify.errors import RefusedStatement
from schemawright.verify.outside import reaches_outside
from tests.corpus_paths import EXAMPLES

REFUSED = [
    ("postgresql", "COPY (SELECT 1) TO PROGRAM 'touch {marker}'"),
    ("postgresql", "COPY (SELECT 1) TO '{marker}'"),
    ("postgresql", "ALTER SYSTEM SET work_mem = '64MB'"),
    ("postgresql", "CREATE ROLE sw_evil SUPERUSER LOGIN"),
    ("postgresql", "ALTER ROLE postgres PASSWORD 'x'"),
    ("postgresql", "GRANT pg_execute_server_program TO PUBLIC"),
    ("postgresql", "DROP DATABASE postgres"),
    ("postgresql", "LOAD 'auto_explain'"),
    ("postgresql", "SELECT dblink_exec('dbname=postgres', 'DROP TABLE x')"),
    ("postgresql", "SELECT pg_read_file('/etc/hostname')"),
    ("postgresql", "SELECT lo_import('/etc/hostname')"),
    ("postgresql", "SELECT lo_export(1, '{marker}')"),
    ("postgresql", "DO $$ BEGIN EXECUTE 'COPY (SELECT 1) TO PROGRAM ''touch {marker}'''; END $$"),
    ("postgresql", "CREATE EXTENSION dblink"),
    ("mysql", "SELECT 1 INTO OUTFILE '{marker}'"),
    ("mysql", "SELECT 1 INTO DUMPFILE '{marker}'"),
    ("mysql", "CREATE USER 'sw_evil'@'%' IDENTIFIED BY 'x'"),
    ("mysql", "GRANT ALL ON *.* TO 'sw_evil'@'%'"),
    ("mysql", "DROP SCHEMA mysql"),
    ("mysql", "LOAD DATA INFILE '/etc/hostname' INTO TABLE t"),
    ("sqlite", "ATTACH DATABASE '{marker}' AS other"),
    ("sqlite", "VACUUM INTO '{marker}'"),
]
ALLOWED = [
    "CREATE TABLE users (id BIGINT PRIMARY KEY, note TEXT DEFAULT 'drop database later')",
    "GRANT SELECT ON TABLE users TO app_reader",
    "CREATE EXTENSION IF NOT EXISTS citext",
    "COPY users FROM STDIN",
    "-- COPY t TO PROGRAM 'x'\nCREATE TABLE a (id int)",
    "CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at = now(); "
    "RETURN NEW; END $$",
    "COMMENT ON TABLE users IS 'we use dblink elsewhere'",
    "CREATE TABLE user_roles (id int)",
]


@pytest.mark.parametrize(("dialect", "statement"), REFUSED)
def test_predicate_refuses(dialect: str, statement: str) -> None:
    assert reaches_outside(statement.format(marker="/tmp/x"), dialect)


@pytest.mark.parametrize("statement", ALLOWED)
def test_predicate_allows_schema_work(statement: str) -> None:
    assert reaches_outside(statement, "postgresql") is None


def _url(request: pytest.FixtureRequest, dialect: str) -> str | None:
    fixture = {"postgresql": "postgres_url", "mysql": "mysql_url"}.get(dialect)
    return request.getfixturevalue(fixture) if fixture else None


@pytest.mark.parametrize(("dialect", "statement"), REFUSED)
def test_nothing_of_the_script_runs(request: pytest.FixtureRequest, dialect: str, statement: str) -> None:
    marker = Path(f"/tmp/sw_outside_{uuid.uuid4().hex[:8]}")
    script = f"CREATE TABLE before_it (id INT);\n{statement.format(marker=marker)};\n"
    with scratch_database(dialect, _url(request, dialect)) as db:  # type: ignore[arg-type]
        with pytest.raises(RefusedStatement) as info:
            db.execute_script(script)
        assert info.value.line == 2 and "refused before it ran" in str(info.value)
        assert "before_it" not in str(db.snapshot())
    assert not marker.exists()


def test_design_refuses_an_existing_migration_and_review_reports_it(
    tmp_path: Path, postgres_url: str
) -> None:
    marker = tmp_path / "ran"
    migrations = tmp_path / "backend" / "migrations"
    migrations.mkdir(parents=True)
    (migrations / "001_x.up.sql").write_text(
        f"CREATE TABLE x (id INT);\nCOPY x TO PROGRAM 'touch {marker}';\n"
    )
    (migrations / "001_x.down.sql").write_text("DROP TABLE x;\n")
    spec = str(EXAMPLES / "001_login.md")
    runner = CliRunner()
    result = runner.invoke(
        app,
        ["design", spec, "--root", str(tmp_path), "--db", "postgresql"],
        env={"SCHEMAWRIGHT_POSTGRES_URL": postgres_url},
    )
    assert (
        result.exit_code == 1
        and "acts outside its database" in result.stderr
        and "001_x.up.sql" in result.stderr
    )
    review = runner.invoke(
        app,
        ["review", "--root", str(tmp_path), "--format", "json"],
        env={"SCHEMAWRIGHT_POSTGRES_URL": postgres_url},
    )
    assert review.exit_code == 1 and '"SW504"' in review.stdout
    assert not marker.exists() and not (tmp_path / "ai").exists()
