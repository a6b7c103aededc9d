"""Replay + reflect on real engines: corpus recall on the reflected catalog, engine rejections as findings,
objects only the engine can see, and the static fallback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from schemawright.cli import app
from schemawright.review.engine import review_chain, review_project
from schemawright.review.models import Severity
from schemawright.review.replay import EngineChoice
from schemawright.verify.errors import ServerUnusable
from tests.review.corpus_cases import Case, all_cases
from tests.services import service_url

URLS = {"postgresql": "SCHEMAWRIGHT_POSTGRES_URL", "mysql": "SCHEMAWRIGHT_MYSQL_URL"}
CASES = all_cases()


def engine_for(dialect: str) -> EngineChoice:
    return EngineChoice(url=service_url(URLS[dialect]) if dialect in URLS else None)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_corpus_on_the_reflected_catalog(case: Case) -> None:
    report = review_chain(
        case.migrations, dialect=case.dialect, focus={case.name}, engine=engine_for(case.dialect)
    )
    expected = case.expect | case.replay_expect
    assert expected <= report.codes(), f"missed {sorted(expected - report.codes())}"
    errors = {f.code for f in report.at_or_above(Severity.ERROR)} - expected
    assert not errors, [f"{f.code} {f.message}" for f in report.findings if f.code in errors]
    rejected_up = any(f.code == "SW617" and "The up" in f.message for f in report.findings) or any(
        f.code == "SW504" for f in report.findings  # refused before it ran: the up did not replay either
    )
    assert report.catalog.startswith("reflected") != rejected_up


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text)
    return folder


def test_rejected_up_names_file_line_and_engine_message(tmp_path: Path) -> None:
    write(
        tmp_path / "backend" / "migrations",
        {
            "001_notes.up.sql": "-- notes\n\nCREATE TABLE notes (\n  id BIGINT PRIMARY KEY,\n"
            "  author_id BIGINT REFERENCES authors (id)\n);\n",
            "001_notes.down.sql": "DROP TABLE IF EXISTS notes;\n",
        },
    )
    url = service_url("SCHEMAWRIGHT_POSTGRES_URL")
    report = review_project(tmp_path, engine=EngineChoice(url=url))
    [rejected] = [f for f in report.findings if f.code == "SW617"]
    assert rejected.severity is Severity.ERROR
    assert (rejected.location.file, rejected.location.line) == ("backend/migrations/001_notes.up.sql", 3)
    assert "authors" in rejected.message and "does not exist" in rejected.message
    assert report.catalog == "static" and "static catalog" in report.notes[0]


def test_table_made_by_dynamic_sql_is_reviewed_only_with_replay(tmp_path: Path) -> None:
    write(
        tmp_path / "backend" / "migrations",
        {
            "001_logs.up.sql": "DO $$ BEGIN EXECUTE 'CREATE TABLE audit_logs (message TEXT)'; END $$;\n",
            "001_logs.down.sql": "DROP TABLE IF EXISTS audit_logs;\n",
        },
    )
    static = review_project(tmp_path, engine=None)
    assert static.catalog == "static" and "SW101" not in static.codes()
    replayed = review_project(tmp_path, engine=EngineChoice(url=service_url("SCHEMAWRIGHT_POSTGRES_URL")))
    assert replayed.catalog.startswith("reflected (server")
    [missing_pk] = [f for f in replayed.findings if f.code == "SW101"]
    assert missing_pk.location.table == "audit_logs"
    assert missing_pk.location.file == "backend/migrations/001_logs.up.sql"


def test_down_dropping_a_shared_function_fails_on_the_engine() -> None:
    [case] = [c for c in CASES if c.name == "bad_45_down_drops_shared_function"]
    report = review_chain(
        case.migrations, dialect="postgresql", focus={case.name}, engine=engine_for("postgresql")
    )
    [rejected] = [f for f in report.findings if f.code == "SW617"]
    assert "The down" in rejected.message and "depend" in rejected.message
    assert rejected.location.file == case.path.name
    assert case.path.read_text().splitlines()[rejected.location.line - 1].startswith("DROP FUNCTION")
    [static] = [f for f in report.findings if f.code == "SW618"]
    assert static.location.line == rejected.location.line


def test_sqlite_always_replays_and_no_replay_stays_static(tmp_path: Path) -> None:
    write(
        tmp_path / "backend" / "migrations",
        {
            "001_tags.up.sql": "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;\n",
            "001_tags.down.sql": "DROP TABLE IF EXISTS tags;\n",
        },
    )
    assert review_project(tmp_path, dialect="sqlite").catalog.startswith("reflected")
    assert review_project(tmp_path, dialect="sqlite", engine=None).catalog == "static"


def test_unreachable_configured_server_fails_closed(tmp_path: Path) -> None:
    write(tmp_path / "backend" / "migrations", {"001_t.up.sql": "CREATE TABLE t (id INT PRIMARY KEY);\n"})
    with pytest.raises(ServerUnusable, match=r"127\.0\.0\.1:1"):
        review_project(tmp_path, dialect="mysql", engine=EngineChoice(url="mysql://root@127.0.0.1:1/none"))
    run = CliRunner().invoke(app, ["review", "--root", str(tmp_path), "--dialect", "mysql"],
                             env={"SCHEMAWRIGHT_MYSQL_URL": "mysql://root:s3cret@127.0.0.1:1/none"})
    assert run.exit_code == 1 and "--no-replay" in run.stderr and "s3cret" not in run.stderr


def test_without_a_configured_engine_review_is_static(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SCHEMAWRIGHT_MYSQL_URL", raising=False)
    write(tmp_path / "backend" / "migrations", {"001_t.up.sql": "CREATE TABLE t (id INT PRIMARY KEY);\n"})
    report = review_project(tmp_path, dialect="mysql", engine=EngineChoice())
    assert report.catalog == "static"
    assert report.notes and "no mysql engine for replay" in report.notes[0]
