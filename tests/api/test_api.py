"""The Python API: the same results as the CLI, typed; ``import schemawright`` loads none of it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import schemawright
from schemawright.domain.model import DomainModel
from tests.corpus_paths import EXAMPLES

LOGIN = EXAMPLES / "001_login.md"


def test_import_is_lazy() -> None:
    code = (
        "import sys, schemawright; heavy = [m for m in ('schemawright.api', 'pydantic', 'sqlalchemy', "
        "'schemawright.pipeline', 'yaml') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "[]"


def test_analyze_from_path_and_text() -> None:
    from_path = schemawright.analyze(LOGIN)
    assert isinstance(from_path, DomainModel) and from_path.feature_id == "001_login"
    from_text = schemawright.analyze(LOGIN.read_text(), feature_id="001_login", feature_name="Login")
    assert from_text.model_dump() == from_path.model_dump()
    assert schemawright.analyze(str(LOGIN)).feature_name == "Login"


def test_design_from_a_model_writes_like_the_cli(tmp_path: Path) -> None:
    model = schemawright.analyze(LOGIN)
    result = schemawright.design(model, root=tmp_path, verify=False, write=True)
    assert {f.role for f in result.files} == {"decision", "migration-up", "migration-down"}
    for f in result.files:
        assert (tmp_path / f.path).read_text() == f.content
    with pytest.raises(schemawright.DesignError, match="--force"):
        schemawright.design(model, root=tmp_path, verify=False, write=True)
    assert schemawright.design(model, root=tmp_path, verify=False, write=True, force=True).files


def test_design_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(schemawright.UsageError, match="project root not found"):
        schemawright.design(LOGIN, root=tmp_path / "missing")
    with pytest.raises(schemawright.UsageError, match="not found"):
        schemawright.design(tmp_path / "nope.md", root=tmp_path)


def test_subpackages_stay_importable_beside_the_functions() -> None:
    import schemawright.verify.engines as engines
    from schemawright.design.models import RelationalDesign

    assert engines.__name__ == "schemawright.verify.engines"
    assert schemawright.design.models.RelationalDesign is RelationalDesign
    assert callable(schemawright.design) and "Design the schema" in (schemawright.design.__doc__ or "")


def test_verify_and_review_on_sqlite(tmp_path: Path) -> None:
    up = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);\n"
    assert schemawright.verify(up, "DROP TABLE notes;\n", dialect="sqlite").status == "passed"
    broken = schemawright.verify(up, "SELECT 1;\n", dialect="sqlite")
    assert broken.status == "failed" and "exists after down but not before up" in broken.error
    folder = tmp_path / "backend" / "migrations"
    folder.mkdir(parents=True)
    (folder / "001_notes.up.sql").write_text(up)
    (folder / "001_notes.down.sql").write_text("DROP TABLE notes;\n")
    report = schemawright.review(tmp_path, dialect="sqlite", replay=False)
    assert report.migrations == ["001_notes"] and report.dialect == "sqlite"
