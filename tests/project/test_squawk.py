"""The PostgreSQL migrations generated for existing projects pass squawk (PyPI ``squawk-cli``) with the
repository's ``.squawk.toml``, whose every exclusion is justified there."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from schemawright.pipeline import DesignRequest, design, write_outputs
from tests.corpus_paths import EXAMPLES, REPO, SHARED_SPECS, shared_spec

SPECS = Path(__file__).parent / "specs"


def _squawk() -> str:
    found = shutil.which("squawk", path=str(Path(sys.executable).parent)) or shutil.which("squawk")
    if found is None:
        pytest.fail("squawk is not installed; pip install -e '.[dev]' (squawk-cli)")
    return found


def _lint(files: list[Path]) -> None:
    run = subprocess.run(
        [_squawk(), "--config", str(REPO / ".squawk.toml"), "--reporter", "gcc", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_spec_007_migration_passes_squawk(tmp_path: Path, pg_url: str) -> None:
    root = tmp_path / "project"
    shutil.copytree(shared_spec("007_support_tickets_existing"), root)
    outcome = design(
        DesignRequest(spec_path=shared_spec("007_support_tickets.md"), root=root, postgres_url=pg_url)
    )
    write_outputs(outcome, root)
    _lint(sorted((root / "backend/migrations").glob("*_007_support_tickets*.up.sql")))


def test_features_on_an_existing_project_pass_squawk(tmp_path: Path, pg_url: str) -> None:
    specs = [
        EXAMPLES / "001_login.md",
        SPECS / "004_teams.md",
        SPECS / "002_notes.md",
        SPECS / "003_note_tags.md",
    ]
    for spec in specs:
        write_outputs(design(DesignRequest(spec_path=spec, root=tmp_path, postgres_url=pg_url)), tmp_path)
    later = [
        f for f in sorted((tmp_path / "backend/migrations").glob("*.up.sql")) if "_001_login" not in f.name
    ]
    assert len(later) == 5  # 004 (+ validate, index), 002, 003
    _lint(later)


def _corpus() -> list[Path]:
    shared = sorted(SHARED_SPECS.glob("[0-9]*.md")) if SHARED_SPECS.is_dir() else []
    return [EXAMPLES / "001_login.md", *shared]


@pytest.mark.parametrize("spec", _corpus(), ids=lambda p: p.stem)
def test_every_first_migration_passes_squawk(tmp_path: Path, pg_url: str, spec: Path) -> None:
    """Each corpus spec designed for PostgreSQL into an empty project: its migrations lint clean."""
    outcome = design(DesignRequest(spec_path=spec, root=tmp_path, db="postgresql", postgres_url=pg_url))
    write_outputs(outcome, tmp_path)
    ups = sorted((tmp_path / "backend/migrations").glob("*.up.sql"))
    if outcome.result.no_change_reason:  # a spec with no data needs writes no migration
        assert not ups
        return
    assert outcome.result.verification.status == "passed", outcome.result.verification
    assert ups
    _lint(ups)
