"""Django, Knex and migrate-mongo projects are detected; Django gets a RunSQL migration chained to its
latest migration, and the user is told what was and was not read."""

from __future__ import annotations

import ast
from pathlib import Path

from schemawright.pipeline import DesignRequest, design, write_outputs
from schemawright.project.detect import detect
from schemawright.project.foreign import find_foreign

SPECS = Path(__file__).parent / "specs"


def _django(root: Path) -> Path:
    migs = root / "shop" / "migrations"
    migs.mkdir(parents=True)
    (root / "shop" / "__init__.py").write_text("")
    (migs / "__init__.py").write_text("")
    (migs / "0001_initial.py").write_text("from django.db import migrations\n")
    (migs / "0002_order_note.py").write_text("from django.db import migrations\n")
    return migs


def test_django_is_detected_read_only(tmp_path: Path) -> None:
    migs = _django(tmp_path)
    found = detect(tmp_path)
    assert found.format == "django" and found.directory == migs and not found.migrations
    assert found.foreign is not None and (found.foreign.app, found.foreign.latest) == (
        "shop",
        "0002_order_note",
    )


def test_django_gets_a_runsql_migration_depending_on_the_latest(tmp_path: Path, pg_url: str) -> None:
    migs = _django(tmp_path)
    outcome = design(DesignRequest(spec_path=SPECS / "004_teams.md", root=tmp_path, postgres_url=pg_url))
    result = outcome.result
    assert result.verification.status == "passed", result.verification
    assert any("Django migrations" in a.text and "RunSQL" in a.text for a in result.assumptions)
    write_outputs(outcome, tmp_path)
    first = (migs / "0003_004_teams.py").read_text()
    tree = ast.parse(first)  # valid Python
    assert "dependencies = [('shop', '0002_order_note')]" in first and "migrations.RunSQL(" in first
    assert "reverse_sql=" in first and "CREATE TABLE" in first
    later = sorted(p.name for p in migs.glob("000[4-9]_*.py"))
    for name in later:
        text = (migs / name).read_text()
        ast.parse(text)
        if "CONCURRENTLY" in text:
            assert "atomic = False" in text
    assert tree.body


def test_knex_and_migrate_mongo_are_detected_and_explained(tmp_path: Path) -> None:
    (tmp_path / "knexfile.js").write_text("module.exports = {};\n")
    knex = find_foreign(tmp_path)
    assert knex is not None and knex.tool == "knex"
    found = detect(tmp_path)
    assert found.format == "golang-migrate" and found.foreign == knex
    (tmp_path / "knexfile.js").unlink()
    (tmp_path / "migrate-mongo-config.js").write_text("module.exports = {};\n")
    mongo = find_foreign(tmp_path)
    assert mongo is not None and mongo.tool == "migrate-mongo"


def test_knex_note_says_what_is_supported(tmp_path: Path) -> None:
    (tmp_path / "knexfile.js").write_text("module.exports = {};\n")
    outcome = design(DesignRequest(spec_path=SPECS / "002_notes.md", root=tmp_path, verify=False))
    assert any("Knex migrations" in a.text and "not replayed" in a.text for a in outcome.result.assumptions)
