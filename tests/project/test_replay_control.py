"""Replay control: ``--no-replay`` runs none of the existing migrations, and Alembic / Django migrations
(Python) are imported and run only with ``--trust-python-migrations`` (otherwise they are read statically
and their SQL replayed); each is one line under Assumptions and on stderr."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from schemawright.cli import app
from schemawright.pipeline import DesignRequest, design
from schemawright.project.alembic_chain import find_layout, read_revisions
from tests.project.test_alembic import _project

SPECS = Path(__file__).parent / "specs"
TRAP = 'from pathlib import Path\nPath(__file__).with_name("IMPORTED").write_text("ran")\n'


def _trap_alembic(root: Path) -> Path:
    """An Alembic project whose revisions leave a file behind when Python imports them."""
    _project(root)
    versions = root / "alembic" / "versions"
    for revision in versions.glob("*.py"):
        revision.write_text(TRAP + revision.read_text())
    return versions / "IMPORTED"


def test_alembic_revisions_are_read_statically_without_trust(tmp_path: Path, pg_url: str) -> None:
    marker = _trap_alembic(tmp_path)
    outcome = design(DesignRequest(spec_path=SPECS / "002_notes.md", root=tmp_path, postgres_url=pg_url))
    assert not marker.exists()  # nothing of the revisions ran
    result = outcome.result
    [note] = [a.text for a in result.assumptions if "--trust-python-migrations" in a.text]
    assert "2 were read statically" in note
    assert not any("verified through Alembic" in a.text for a in result.assumptions)
    # the schema the revisions build is replayed first (users, from op.create_table), then the new one
    assert result.verification.status == "passed", result.verification
    steps = [s.name for s in result.verification.reports[0].steps]
    assert steps[0] == "prior-1" and not any(s.startswith("alembic") for s in steps)
    revision = next(f for f in result.files if f.path.endswith(".py"))
    assert "REFERENCES users (id)" in revision.content and "CREATE TABLE users" not in revision.content
    assert "down_revision = '9f8e7d6c5b4a'" in revision.content or 'down_revision = "9f8e7d6c5b4a"' in (
        revision.content
    )


def test_the_static_chain_equals_alembics(tmp_path: Path) -> None:
    _project(tmp_path)
    layout = find_layout(tmp_path)
    assert layout is not None
    assert read_revisions(layout) == read_revisions(layout, trusted=True)


def test_trusted_alembic_revisions_run(tmp_path: Path, pg_url: str) -> None:
    marker = _trap_alembic(tmp_path)
    request = DesignRequest(
        spec_path=SPECS / "002_notes.md", root=tmp_path, postgres_url=pg_url, trust_python=True
    )
    assert design(request).result.verification.status == "passed"
    assert marker.exists()


def test_no_replay_runs_no_existing_migration_and_says_so(tmp_path: Path) -> None:
    migrations = tmp_path / "backend" / "migrations"
    migrations.mkdir(parents=True)
    # Would fail if it ran: the replay would stop the run with this statement.
    (migrations / "001_broken.up.sql").write_text("CREATE TABLE broken (;\n")
    (migrations / "001_broken.down.sql").write_text("DROP TABLE broken;\n")
    spec = SPECS / "002_notes.md"
    result = CliRunner().invoke(
        app, ["design", str(spec), "--root", str(tmp_path), "--db", "sqlite", "--no-replay"]
    )
    assert result.exit_code == 0, result.stderr
    assert "note: The existing migrations were not replayed (--no-replay)" in result.stderr
    decision = next((tmp_path / "ai" / "decisions").glob("*.md")).read_text()
    assert "not replayed (--no-replay)" in decision
    failing = CliRunner().invoke(
        app, ["design", str(spec), "--root", str(tmp_path), "--db", "sqlite", "--force"]
    )
    assert failing.exit_code == 1 and "001_broken.up.sql" in failing.stderr


@pytest.mark.parametrize("flag", ["--no-replay", "--trust-python-migrations"])
def test_flags_are_in_the_help(flag: str) -> None:
    assert flag in CliRunner().invoke(app, ["design", "--help"]).stdout


def test_a_statically_read_history_that_changes_tables_it_never_creates_is_partial_and_says_so(
    tmp_path: Path, pg_url: str
) -> None:
    """Projects that create their base schema with ``metadata.create_all`` and only alter it in revisions
    (Netflix Dispatch): the statements the engine rejects are left out and listed; the rest is built on."""
    _project(tmp_path)
    (tmp_path / "alembic" / "versions" / "c3_accounts.py").write_text(
        'import sqlalchemy as sa\nfrom alembic import op\n\nrevision = "c3"\n'
        'down_revision = "9f8e7d6c5b4a"\n\n\n'
        'def upgrade():\n    op.add_column("accounts", sa.Column("plan", sa.Text()))\n'
    )
    request = DesignRequest(spec_path=SPECS / "002_notes.md", root=tmp_path, postgres_url=pg_url)
    result = design(request).result
    [rejected] = [a.text for a in result.assumptions if "rejected by the engine" in a.text]
    assert rejected.startswith("1 statement(s) of the statically read history")
    assert 'c3_accounts.py: line 9: relation "accounts" does not exist' in rejected
    assert result.verification.status == "passed", result.verification
    revision = next(f for f in result.files if f.path.endswith(".py"))
    assert "REFERENCES users (id)" in revision.content and "CREATE TABLE users" not in revision.content
