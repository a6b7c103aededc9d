"""Diesel projects (``diesel.toml``, ``migrations/{version}_{name}/up.sql`` + ``down.sql``), and folders
of SQL migrations in a layout we do not read: an error, never an empty project whose tables get
created again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from schemawright.pipeline import DesignError, DesignRequest, design, write_outputs
from schemawright.project.detect import detect
from schemawright.project.errors import ProjectError

SPECS = Path(__file__).parent / "specs"
NOW = dt.datetime(2026, 3, 4, 5, 6, 7, tzinfo=dt.timezone.utc)
SETUP = """CREATE OR REPLACE FUNCTION diesel_manage_updated_at(_tbl regclass) RETURNS VOID AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER set_updated_at BEFORE UPDATE ON %s
                    FOR EACH ROW EXECUTE PROCEDURE diesel_set_updated_at()', _tbl);
END;
$$ LANGUAGE plpgsql;
"""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _diesel_project(root: Path, folder: str = "migrations", toml: str | None = None) -> Path:
    _write(root / "diesel.toml", toml if toml is not None else '[print_schema]\nfile = "src/schema.rs"\n')
    d = root / folder
    _write(d / "00000000000000_diesel_initial_setup" / "up.sql", SETUP)
    _write(
        d / "00000000000000_diesel_initial_setup" / "down.sql",
        "DROP FUNCTION IF EXISTS diesel_manage_updated_at(_tbl regclass);\n",
    )
    _write(
        d / "2023-01-01-000000_create_users" / "up.sql",
        "CREATE TABLE users (\n  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),\n  email TEXT NOT NULL\n);\n",
    )
    _write(d / "2023-01-01-000000_create_users" / "down.sql", "DROP TABLE users;\n")
    return d


def test_diesel_folders_are_read_in_version_order(tmp_path: Path) -> None:
    d = _diesel_project(tmp_path)
    _write(d / "2023-02-01-120000_add_index" / "up.sql", "CREATE INDEX CONCURRENTLY ix ON users (email);\n")
    _write(d / "2023-02-01-120000_add_index" / "metadata.toml", "run_in_transaction = false\n")
    found = detect(tmp_path)
    assert found.format == "diesel" and found.directory == d
    assert [m.name for m in found.migrations] == ["diesel_initial_setup", "create_users", "add_index"]
    users = found.migrations[1]
    assert users.version == "2023-01-01-000000" and users.down == "DROP TABLE users;\n"
    assert [m.transactional for m in found.migrations] == [True, True, False]  # metadata.toml opts out
    assert found.next_version("20260304050607") == "2026-03-04-050607"  # Diesel's own timestamp form
    assert found.next_version("20200101000000") == "2023-02-01-120001"  # never sorts before the latest


def test_diesel_toml_names_the_folder(tmp_path: Path) -> None:
    d = _diesel_project(tmp_path, "db/diesel", '[migrations_directory]\ndir = "db/diesel"\n')
    found = detect(tmp_path)
    assert found.format == "diesel" and found.directory == d and len(found.migrations) == 2
    empty = tmp_path / "fresh"
    _write(empty / "diesel.toml", "")
    fresh = detect(empty)
    assert fresh.format == "diesel" and fresh.directory == empty / "migrations" and not fresh.migrations


def test_feature_on_a_diesel_project_builds_on_its_tables(tmp_path: Path, pg_url: str) -> None:
    d = _diesel_project(tmp_path)
    outcome = design(
        DesignRequest(spec_path=SPECS / "002_notes.md", root=tmp_path, postgres_url=pg_url, now=NOW)
    )
    result = outcome.result
    assert result.verification.status == "passed", result.verification
    steps = [s.name for s in result.verification.reports[0].steps]
    assert steps[:2] == ["prior-1", "prior-2"]  # both Diesel migrations replayed before ours
    paths = {f.path: f for f in result.files}
    up = paths["migrations/2026-03-04-050607_002_notes/up.sql"].content
    assert "CREATE TABLE users" not in up and "REFERENCES users (id)" in up and "UUID" in up
    assert "DROP TABLE IF EXISTS notes" in paths["migrations/2026-03-04-050607_002_notes/down.sql"].content
    write_outputs(outcome, tmp_path)
    assert sorted(p.name for p in (d / "2026-03-04-050607_002_notes").iterdir()) == ["down.sql", "up.sql"]
    again = detect(tmp_path)
    assert [m.name for m in again.migrations][-1] == "002_notes"


def test_a_prior_migration_ending_without_semicolon_replays_in_its_transaction(
    tmp_path: Path, pg_url: str
) -> None:
    # `DO $$ … $$` closing a file without `;`: the replay's COMMIT must not run into it.
    d = _diesel_project(tmp_path)
    _write(d / "2023-02-01-000000_backfill" / "up.sql", "DO $$\nBEGIN\n    DELETE FROM users;\nEND\n$$\n")
    _write(d / "2023-02-01-000000_backfill" / "down.sql", "SELECT 1\n")
    result = design(
        DesignRequest(spec_path=SPECS / "002_notes.md", root=tmp_path, postgres_url=pg_url, now=NOW)
    ).result
    assert result.verification.status == "passed", result.verification
    assert (
        "REFERENCES users (id)"
        in {f.path: f.content for f in result.files}["migrations/2026-03-04-050607_002_notes/up.sql"]
    )


def test_concurrent_index_step_runs_outside_diesels_transaction(tmp_path: Path, pg_url: str) -> None:
    _diesel_project(tmp_path)
    result = design(
        DesignRequest(spec_path=SPECS / "004_teams.md", root=tmp_path, postgres_url=pg_url, now=NOW)
    ).result
    assert result.verification.status == "passed", result.verification
    files = {f.path: f.content for f in result.files}
    index = "migrations/2026-03-04-050609_004_teams_index_1"  # main, validate, index: one second apart
    assert "CREATE INDEX CONCURRENTLY" in files[f"{index}/up.sql"]
    assert files[f"{index}/metadata.toml"] == "run_in_transaction = false\n"
    assert "migrations/2026-03-04-050607_004_teams/metadata.toml" not in files


def test_unrecognised_layout_stops_instead_of_recreating_tables(tmp_path: Path) -> None:
    d = tmp_path / "migrations"
    _write(d / "create_users" / "forward.sql", "CREATE TABLE users (id BIGINT PRIMARY KEY);\n")
    with pytest.raises(ProjectError, match=r"migrations: holds SQL migrations \(create_users/forward\.sql\)"):
        detect(tmp_path)
    with pytest.raises(DesignError) as exc:
        design(DesignRequest(spec_path=SPECS / "002_notes.md", root=tmp_path, verify=False))
    message = str(exc.value)
    assert "\n" not in message and str(d) in message and "--format" in message
    with pytest.raises(ProjectError, match="--format"):  # a named folder is checked too
        detect(tmp_path, tmp_path / "migrations")


def test_regenerated_feature_replaces_its_diesel_folder(tmp_path: Path) -> None:
    d = _diesel_project(tmp_path)
    first = design(DesignRequest(spec_path=SPECS / "002_notes.md", root=tmp_path, verify=False, now=NOW))
    write_outputs(first, tmp_path)
    later = NOW + dt.timedelta(days=1)
    second = design(DesignRequest(spec_path=SPECS / "002_notes.md", root=tmp_path, verify=False, now=later))
    assert {p.name for p in second.replaced} == {"up.sql", "down.sql"}
    write_outputs(second, tmp_path)
    folders = sorted(p.name for p in d.iterdir())
    assert folders[-1] == "2026-03-05-050607_002_notes"
    assert "2026-03-04-050607_002_notes" not in folders  # no empty folder for Diesel to trip over


def test_wrong_format_for_the_folder_says_so(tmp_path: Path) -> None:
    _write(tmp_path / "migrations" / "000001_users.up.sql", "CREATE TABLE users (id BIGINT PRIMARY KEY);\n")
    with pytest.raises(
        ProjectError, match=r"000001_users\.up\.sql\) that are not goose migrations; pass --format"
    ):
        detect(tmp_path, fmt="goose")


def test_check_still_gets_the_folder_of_an_unrecognised_layout(tmp_path: Path) -> None:
    d = tmp_path / "migrations"
    _write(d / "create_users" / "forward.sql", "CREATE TABLE users (id BIGINT PRIMARY KEY);\n")
    found = detect(tmp_path, strict=False)  # `check` and the MCP schema resource lint any SQL
    assert found.directory == d and not found.migrations
    assert detect(tmp_path, Path("migrations"), strict=False).directory.resolve() == d.resolve()
