"""Each migration tool's project is detected, replayed, extended with a feature in its own format, and
the new migration verifies on top of the whole chain."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemawright.pipeline import DesignRequest, design, write_outputs
from schemawright.project.detect import detect
from schemawright.project.formats import atlas_sum

SPEC = Path(__file__).parent / "specs" / "002_notes.md"
TEAMS = Path(__file__).parent / "specs" / "004_teams.md"
USERS = (
    "CREATE TABLE users (\n    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
    "    email TEXT NOT NULL\n);\n"
)
DROP = "DROP TABLE users;\n"

PROJECTS: dict[str, dict[str, str]] = {
    "golang-migrate": {"migrations/000001_core.up.sql": USERS, "migrations/000001_core.down.sql": DROP},
    "dbmate": {"db/migrations/20260101000000_core.sql": f"-- migrate:up\n{USERS}\n-- migrate:down\n{DROP}"},
    "goose": {"migrations/00001_core.sql": f"-- +goose Up\n{USERS}\n-- +goose Down\n{DROP}"},
    "flyway": {
        "db/migration/V1__core.sql": USERS,
        "db/migration/V1_1__seed.sql": "SELECT 1;\n",
        "db/migration/U1__core.sql": DROP,
    },
    "atlas": {"migrations/20260101000000_core.sql": USERS, "migrations/atlas.sum": ""},
    "prisma": {
        "prisma/migrations/20260101000000_core/migration.sql": USERS,
        "prisma/migrations/migration_lock.toml": 'provider = "postgresql"\n',
    },
}


def _project(root: Path, fmt: str) -> None:
    for rel, text in PROJECTS[fmt].items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    if fmt == "atlas":
        (root / "migrations" / "atlas.sum").write_text(atlas_sum(root / "migrations", {}), encoding="utf-8")


def _design(root: Path, spec: Path, url: str) -> list[str]:
    outcome = design(DesignRequest(spec_path=spec, root=root, postgres_url=url))
    result = outcome.result
    assert result.verification.status == "passed", result.verification
    assert sum(s.name.startswith("prior-") for s in result.verification.reports[0].steps) >= 1
    write_outputs(outcome, root)
    return [f.path for f in result.files if f.role != "decision"]


@pytest.mark.parametrize("fmt", sorted(PROJECTS))
def test_format_is_detected_replayed_extended_and_verified(tmp_path: Path, pg_url: str, fmt: str) -> None:
    _project(tmp_path, fmt)
    before = detect(tmp_path)
    assert before.format == fmt and before.migrations
    written = _design(tmp_path, SPEC, pg_url)
    after = detect(tmp_path)
    assert after.format == fmt and after.migrations[-1].name == "002_notes", written
    assert "REFERENCES users (id)" in after.migrations[-1].up and "BIGINT" in after.migrations[-1].up
    assert len(after.migrations) == len(before.migrations) + 1
    if fmt in ("golang-migrate", "dbmate", "goose", "flyway"):
        down = after.migrations[-1].down or ""
        assert "DROP TABLE IF EXISTS notes" in down and "users" not in down.split("notes")[-1]


def test_flyway_numbers_after_the_latest_with_an_undo_file(tmp_path: Path, pg_url: str) -> None:
    _project(tmp_path, "flyway")
    written = _design(tmp_path, SPEC, pg_url)
    assert sorted(Path(p).name for p in written) == ["U2__002_notes.sql", "V2__002_notes.sql"]


def test_atlas_sum_is_recomputed(tmp_path: Path, pg_url: str) -> None:
    _project(tmp_path, "atlas")
    _design(tmp_path, SPEC, pg_url)
    d = tmp_path / "migrations"
    text = (d / "atlas.sum").read_text()
    assert text == atlas_sum(d, {})
    lines = text.splitlines()
    assert lines[0].startswith("h1:") and len(lines) == 3 and lines[2].startswith("2") and " h1:" in lines[2]


def test_concurrent_index_migrations_are_marked_non_transactional(tmp_path: Path, pg_url: str) -> None:
    _project(tmp_path, "dbmate")
    (tmp_path / "db/migrations/20260101000000_core.sql").write_text(
        "-- migrate:up\nCREATE TABLE users (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), "
        "email TEXT NOT NULL);"
        "\n-- migrate:down\nDROP TABLE users;\n",
        encoding="utf-8",
    )
    _design(tmp_path, TEAMS, pg_url)
    index = next((tmp_path / "db/migrations").glob("*_004_teams_index_1.sql")).read_text()
    assert index.startswith("-- migrate:up transaction:false\n") and "CONCURRENTLY" in index
