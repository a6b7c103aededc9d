"""The replay runs each migration in the transaction its tool gives it, as design's replay does: a goose,
dbmate, Diesel, Atlas or Liquibase migration that needs a transaction block (``LOCK TABLE``) replays (the
real-history case 04_goose_transaction_lock: was a false SW617, "LOCK TABLE can only be used in
transaction blocks", and the static catalog). A ``CONCURRENTLY`` migration is replayed outside it, as
SW616's fix would run it, so the review keeps the reflected catalog and reports the problem once."""

from __future__ import annotations

from pathlib import Path

from schemawright.review.engine import review_project
from schemawright.review.replay import EngineChoice
from tests.services import service_url

USERS = "CREATE TABLE users (\n    id BIGINT PRIMARY KEY,\n    email TEXT NOT NULL\n);\n"


def goose_project(root: Path, files: dict[str, str]) -> Path:
    folder = root / "migrations"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text)
    return root


def engine() -> EngineChoice:
    return EngineChoice(url=service_url("SCHEMAWRIGHT_POSTGRES_URL"))


def test_a_lock_inside_goose_transaction_replays(tmp_path: Path) -> None:
    root = goose_project(
        tmp_path,
        {
            "1_users.sql": f"-- +goose Up\n{USERS}\n-- +goose Down\nDROP TABLE users;\n",
            "2_lock.sql": "-- +goose Up\nLOCK TABLE users IN ACCESS EXCLUSIVE MODE;\n"
            "ALTER TABLE users ADD COLUMN nickname TEXT;\n\n"
            "-- +goose Down\nLOCK TABLE users IN ACCESS EXCLUSIVE MODE;\n"
            "ALTER TABLE users DROP COLUMN nickname;\n",
        },
    )
    report = review_project(root, engine=engine())
    assert "SW617" not in report.codes(), [f.message for f in report.findings if f.code == "SW617"]
    assert report.catalog.startswith("reflected")


def test_a_concurrent_index_in_the_tools_transaction_is_reported_once(tmp_path: Path) -> None:
    index = "CREATE INDEX CONCURRENTLY idx_users_email ON users (email);\n"
    down = "-- +goose Down\nDROP INDEX CONCURRENTLY idx_users_email;\n"
    files = {
        "1_users.sql": f"-- +goose Up\n{USERS}\n-- +goose Down\nDROP TABLE users;\n",
        "2_index.sql": f"-- +goose Up\n{index}\n{down}",
    }
    inside = review_project(goose_project(tmp_path / "a", files), engine=engine())
    [failing] = [f for f in inside.findings if f.code == "SW616"]  # goose would fail here
    assert (failing.location.file, failing.location.line) == ("migrations/2_index.sql", 2)
    assert "SW617" not in inside.codes() and inside.catalog.startswith("reflected")
    files["2_index.sql"] = f"-- +goose NO TRANSACTION\n-- +goose Up\n{index}\n{down}"
    outside = review_project(goose_project(tmp_path / "b", files), engine=engine())
    assert not {"SW616", "SW617"} & outside.codes() and outside.catalog.startswith("reflected")


def test_a_last_statement_without_semicolon_replays_in_the_tools_transaction(tmp_path: Path) -> None:
    # A Diesel migration ending in `DO $$ … $$` with no `;` (real histories do): the COMMIT that closes the
    # tool's transaction must not run into it (was a false SW617, syntax error at or near "COMMIT").
    folder = tmp_path / "migrations"
    for name, up, down in [
        ("2024-01-01-000000_users", USERS, "DROP TABLE users;\n"),
        (
            "2024-02-01-000000_backfill",
            "-- a note\nDO $$\nBEGIN\n    UPDATE users SET email = lower(email);\nEND\n$$\n",
            "SELECT 1",
        ),
    ]:
        (folder / name).mkdir(parents=True)
        (folder / name / "up.sql").write_text(up)
        (folder / name / "down.sql").write_text(down)
    report = review_project(tmp_path, engine=engine())
    assert "SW617" not in report.codes(), [f.message for f in report.findings if f.code == "SW617"]
    assert report.catalog.startswith("reflected")
