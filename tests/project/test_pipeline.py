"""Features designed one after another in one project root: each migration builds on the ones before
and verifies with the whole chain on a real engine."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from benchmarks.scoring.gold import load_gold
from benchmarks.scoring.score import score_design
from schemawright.pipeline import DesignRequest, design, design_json, write_outputs
from schemawright.verify.engines import scratch_database
from tests.corpus_paths import EXAMPLES, shared_spec

SPECS = Path(__file__).parent / "specs"
CREATE = re.compile(r"^CREATE TABLE (\w+)", re.M)


def _created(root: Path) -> list[str]:
    return [
        name
        for f in sorted((root / "backend" / "migrations").glob("*.up.sql"))
        for name in CREATE.findall(f.read_text())
    ]


def test_spec_007_meets_its_gold_on_the_existing_project(tmp_path: Path, pg_url: str) -> None:
    root = tmp_path / "project"
    shutil.copytree(shared_spec("007_support_tickets_existing"), root)
    spec = shared_spec("007_support_tickets.md")
    data = design_json(spec, root=root, verify=True)
    assert data["verification"]["status"] == "passed", data["verification"]
    steps = [s["name"] for s in data["verification"]["reports"][0]["steps"]]
    assert steps[0] == "prior-1"  # the existing migration was replayed first
    score = score_design(data, load_gold(shared_spec("gold/007_support_tickets.yaml")), root)
    by_kind = {(c.kind, c.target): c for c in score.checks}
    for kind in ("no_duplicate_existing_table", "fk_type_matches_existing", "down_keeps_existing"):
        results = [c for (k, _), c in by_kind.items() if k == kind]
        assert results and all(c.passed for c in results), results
    up = next(f for f in sorted((root / "backend/migrations").glob("*_007_support_tickets.up.sql")))
    assert not {"users", "organizations"} & set(CREATE.findall(up.read_text()))
    assert "REFERENCES users (id)" in up.read_text() and "BIGINT" in up.read_text()
    assumptions = " ".join(a["text"] for a in data["assumptions"])
    assert "BIGINT identity" in assumptions and "existing table users" in assumptions


def test_features_in_sequence_verify_with_the_whole_chain(tmp_path: Path, pg_url: str) -> None:
    specs = [EXAMPLES / "001_login.md", SPECS / "002_notes.md", SPECS / "003_note_tags.md"]
    for i, spec in enumerate(specs):
        outcome = design(DesignRequest(spec_path=spec, root=tmp_path, postgres_url=pg_url))
        result = outcome.result
        assert result.verification.status == "passed", result.verification
        steps = [s.name for s in result.verification.reports[0].steps]
        assert sum(s.startswith("prior-") for s in steps) == i  # every earlier migration replayed
        write_outputs(outcome, tmp_path)
        tables = _created(tmp_path)
        assert len(tables) == len(set(tables)), f"duplicate tables after {spec.name}: {tables}"
        down = next(f for f in result.files if f.role == "migration-down").content
        assert ("DROP TABLE IF EXISTS users" in down) == (i == 0)  # only the feature that made it drops it
    assert {"users", "notes", "tags", "note_comments"} <= set(_created(tmp_path))


def test_new_link_on_an_existing_table_is_a_safe_change(tmp_path: Path, pg_url: str) -> None:
    for spec in (EXAMPLES / "001_login.md", SPECS / "004_teams.md", SPECS / "002_notes.md"):
        outcome = design(DesignRequest(spec_path=spec, root=tmp_path, postgres_url=pg_url))
        assert outcome.result.verification.status == "passed", outcome.result.verification
        write_outputs(outcome, tmp_path)
    migrations = tmp_path / "backend" / "migrations"
    up = next(migrations.glob("*_004_teams.up.sql")).read_text()
    down = next(migrations.glob("*_004_teams.down.sql")).read_text()
    assert "ALTER TABLE users ADD COLUMN team_id UUID;" in up  # nullable: no rewrite, old rows stay valid
    assert up.startswith("-- schemawright") and "SET lock_timeout = '5s';" in up
    assert "NOT VALID;" in up and "VALIDATE" not in up  # validated in its own transaction, after the add
    validate = next(migrations.glob("*_004_teams_validate_1.up.sql")).read_text()
    assert "ALTER TABLE users VALIDATE CONSTRAINT fk_users_teams;" in validate
    assert "CREATE TABLE users" not in up and "CONCURRENTLY" not in up
    index_up = next(migrations.glob("*_004_teams_index_1.up.sql")).read_text()
    assert "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_users_team_id ON users (team_id);" in index_up
    assert "DROP INDEX CONCURRENTLY" in next(migrations.glob("*_004_teams_index_1.down.sql")).read_text()
    assert down.index("DROP COLUMN team_id") < down.index("DROP TABLE IF EXISTS teams")
    assert "DROP TABLE IF EXISTS users" not in down
    assert len(sorted(migrations.glob("*.up.sql"))) == 5  # the third feature replayed all four before it


def test_index_on_an_existing_partitioned_table_is_built_per_partition(tmp_path: Path, pg_url: str) -> None:
    """PostgreSQL refuses CREATE INDEX CONCURRENTLY (and a NOT VALID foreign key) on a partitioned table:
    the index is made ON ONLY the parent, built CONCURRENTLY on each leaf partition, and attached."""
    shutil.copytree(SPECS / "partitioned_existing", tmp_path, dirs_exist_ok=True)
    outcome = design(DesignRequest(spec_path=SPECS / "005_campaigns.md", root=tmp_path, postgres_url=pg_url))
    assert outcome.result.verification.status == "passed", outcome.result.verification
    write_outputs(outcome, tmp_path)
    migrations = tmp_path / "backend" / "migrations"
    ups = sorted(migrations.glob("*_005_campaigns*.up.sql"))
    main, text = ups[0].read_text(), "\n".join(f.read_text() for f in ups)
    assert "ON ONLY page_views (campaign_id);" in main and "ON ONLY page_views_2025 (campaign_id);" in main
    assert "NOT VALID" not in main and "CONCURRENTLY" not in main
    assert not re.search(r"CONCURRENTLY[^;]* ON page_views(_2025)? ", text)  # never on a partitioned table
    for leaf in ("page_views_2025_h1", "page_views_2025_h2", "page_views_2026_01", "page_views_default"):
        assert re.search(rf"CREATE INDEX CONCURRENTLY IF NOT EXISTS \w+ ON {leaf} \(campaign_id\);", text), (
            leaf
        )
    assert text.count("ATTACH PARTITION") == 5  # four leaves and the sub-partitioned year
    assumptions = " ".join(a.text for a in outcome.result.assumptions)
    assert "page_views is a partitioned table" in assumptions and "ON ONLY page_views" in assumptions
    # the built-in review reads the ON ONLY index as the foreign key's index
    assert not [f for f in outcome.result.review.findings if f.startswith("SW201")], outcome.result.review
    downs = sorted(migrations.glob("*_005_campaigns*.down.sql"), reverse=True)
    with scratch_database("postgresql", pg_url) as db:
        for f in sorted(migrations.glob("*.up.sql")):
            db.execute_script(f.read_text())
        rows = db.query(
            "SELECT c.relname AS name, i.indisvalid AS valid FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname LIKE '%campaign_id%'"
        )
        assert len(rows) == 6 and all(r["valid"] for r in rows), rows  # the parent's index is complete
        for f in downs:
            db.execute_script(f.read_text())
        assert not db.query("SELECT 1 FROM pg_class WHERE relname LIKE '%campaign%'")
        assert db.query("SELECT 1 FROM pg_class WHERE relname = 'page_views' AND relkind = 'p'")
