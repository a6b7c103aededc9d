"""Knex projects: detected, replayed with the real Knex, extended with a ``{ts}_{ID}.js`` migration that
runs our statements with knex.raw, and verified through Knex (latest, rollback, latest)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from schemawright.pipeline import DesignRequest, design, write_outputs
from schemawright.project.detect import detect
from schemawright.project.knex import NODE_MODULES_ENV, knex_runtime, render_migration

SPECS = Path(__file__).parent / "specs"
CACHE = Path(__file__).resolve().parents[2] / ".cache" / "node" / "node_modules"
KNEXFILE = "module.exports = { client: 'pg', migrations: { directory: './db/knex' } };\n"
USERS = """exports.up = function (knex) {
  return knex.schema.createTable('users', (t) => {
    t.bigIncrements('id');
    t.text('email').notNullable().unique();
  });
};

exports.down = function (knex) {
  return knex.schema.dropTable('users');
};
"""


def _project(root: Path) -> Path:
    (root / "knexfile.js").write_text(KNEXFILE)
    migs = root / "db" / "knex"
    migs.mkdir(parents=True)
    (migs / "20260101000000_users.js").write_text(USERS)
    (migs / "README.md").write_text("not a migration\n")
    return migs


def _node_check(path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    done = subprocess.run([node, "--check", str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


@pytest.fixture
def knex_modules(monkeypatch: pytest.MonkeyPatch) -> Path:
    """knex + pg from $SCHEMAWRIGHT_NODE_MODULES or .cache/node (which .ci/run fills with npm)."""
    modules = Path(os.environ.get(NODE_MODULES_ENV) or CACHE)
    if not (shutil.which("node") and (modules / "knex").is_dir() and (modules / "pg").is_dir()):
        message = (
            f"node with the knex and pg npm packages is needed (npm install --prefix .cache/node knex pg "
            f"mysql2, or set {NODE_MODULES_ENV})"
        )
        if os.environ.get("SCHEMAWRIGHT_REQUIRE_SERVICES") == "1":
            pytest.fail(message + " (SCHEMAWRIGHT_REQUIRE_SERVICES=1 forbids skipping)")
        pytest.skip(message)
    monkeypatch.setenv(NODE_MODULES_ENV, str(modules))
    return modules


def test_knex_project_is_detected(tmp_path: Path) -> None:
    migs = _project(tmp_path)
    found = detect(tmp_path)
    assert found.format == "knex" and found.directory == migs
    assert [m.path.name for m in found.migrations] == ["20260101000000_users.js"]
    assert detect(tmp_path, fmt="knex").format == "knex"


def test_knex_raw_calls_escape_question_marks_and_keep_order(tmp_path: Path) -> None:
    text = render_migration(
        "009_x", "CREATE TABLE a (c TEXT CHECK (c ~ '^a?$'));\nCREATE INDEX idx_a_c ON a (c);\n",
        "DROP TABLE a;\n", "postgresql", True,
    )
    up = text.split("exports.down")[0]
    assert up.index("CREATE TABLE a") < up.index("CREATE INDEX idx_a_c")
    assert json.dumps("'^a\\?$'")[1:-1] in up and up.count("await knex.raw(") == 2
    (tmp_path / "m.js").write_text(text)
    _node_check(tmp_path / "m.js")


def test_knex_project_is_replayed_extended_and_verified_through_knex(
    tmp_path: Path, pg_url: str, knex_modules: Path
) -> None:
    migs = _project(tmp_path)
    outcome = design(DesignRequest(spec_path=SPECS / "004_teams.md", root=tmp_path, postgres_url=pg_url))
    result = outcome.result
    assert result.verification.status == "passed", result.verification
    names = [s.name for s in result.verification.reports[0].steps]
    assert names[0] == "prior-1 knex migrate:latest (existing)" and "down (knex migrate:rollback)" in names
    assert any("replayed with Knex itself" in a.text for a in result.assumptions)
    write_outputs(outcome, tmp_path)
    new = sorted(p for p in migs.glob("*.js") if "004_teams" in p.name)
    assert new and new[0].name.endswith("_004_teams.js") and len(new[0].name.split("_")[0]) == 14
    first = new[0].read_text()
    assert "exports.up = async function up(knex)" in first and "exports.down" in first
    assert "CREATE TABLE teams" in first and "CREATE TABLE users" not in first  # users is referenced
    assert "ALTER TABLE users" in first and "BIGINT" in first
    for path in new:
        _node_check(path)
        if "CONCURRENTLY" in path.read_text():
            assert "exports.config = { transaction: false };" in path.read_text()
    after = detect(tmp_path)
    assert len(after.migrations) == 1 + len(new)
    again = design(DesignRequest(spec_path=SPECS / "004_teams.md", root=tmp_path, postgres_url=pg_url))
    assert again.result.verification.status == "passed", again.result.verification
    assert sorted(again.replaced) == new


def test_without_knex_the_reason_is_given_and_the_sql_still_verifies(
    tmp_path: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(NODE_MODULES_ENV, str(tmp_path / "nowhere"))
    migs = _project(tmp_path)
    assert isinstance(knex_runtime(tmp_path, "postgresql"), str)
    outcome = design(DesignRequest(spec_path=SPECS / "002_notes.md", root=tmp_path, postgres_url=pg_url))
    assert outcome.result.verification.status == "passed", outcome.result.verification
    assert any(
        "Knex could not be run" in a.text and "npm install knex pg" in a.text
        for a in outcome.result.assumptions
    )
    write_outputs(outcome, tmp_path)
    (new,) = [p for p in migs.glob("*_002_notes.js")]
    _node_check(new)
