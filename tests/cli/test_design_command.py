"""The ``design`` command's contract: outputs, exit codes, and that nothing changes on failure."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from schemawright.cli import app
from schemawright.schema_doc import design_schema
from tests.corpus_paths import EXAMPLES, REPO, shared_spec

runner = CliRunner()


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "ai" / "features").mkdir(parents=True)
    shutil.copy(EXAMPLES / "001_login.md", root / "ai" / "features" / "001_login.md")
    return root


def test_writes_decision_document_and_migration_pair(project: Path) -> None:
    code, _, err = _run(
        "design", str(project / "ai/features/001_login.md"), "--root", str(project), "--no-verify"
    )
    assert code == 0, err
    doc = project / "ai/decisions/001_login_database_schema.md"
    ups = list((project / "backend/migrations").glob("*_001_login.up.sql"))
    downs = list((project / "backend/migrations").glob("*_001_login.down.sql"))
    assert doc.exists() and len(ups) == 1 and len(downs) == 1
    assert ups[0].name[:14].isdigit() and ups[0].name[:14] == downs[0].name[:14]
    text = doc.read_text()
    assert text.startswith("# Database Schema: 001_login — Login")
    for section in (
        "## Summary",
        "## ER diagram",
        "## Tables",
        "## Index strategy",
        "## Constraints and integrity",
        "## Security notes",
        "## Migrations created",
        "## Assumptions",
        "## Traceability",
    ):
        assert section in text
    assert "[User] 1----* [LoginAttempt]" in text
    assert "CREATE TABLE users" in ups[0].read_text()
    assert "DROP TABLE IF EXISTS users;" in downs[0].read_text()


def test_json_output_matches_the_published_schema(project: Path) -> None:
    code, out, err = _run(
        "design",
        str(project / "ai/features/001_login.md"),
        "--root",
        str(project),
        "--no-verify",
        "--json",
        "--dry-run",
    )
    assert code == 0, err
    data = json.loads(out)
    jsonschema.validate(data, json.loads(design_schema()))
    assert data["feature"] == {
        "id": "001_login",
        "name": "Login",
        "source": str(project / "ai/features/001_login.md"),
    }
    [store] = data["stores"]
    assert store["kind"] == "relational" and store["dialect"] == "postgresql"
    users = next(t for t in store["tables"] if t["name"] == "users")
    assert {
        "name",
        "columns",
        "primary_key",
        "foreign_keys",
        "unique",
        "indexes",
        "checks",
        "partition",
    } <= set(users)
    assert {f["role"] for f in data["files"]} == {"decision", "migration-up", "migration-down"}
    assert _tree(project) == {"ai/features/001_login.md": (EXAMPLES / "001_login.md").read_bytes()}


def test_published_schema_file_is_current() -> None:
    assert (REPO / "docs" / "design.schema.json").read_text() == design_schema()


def test_refuses_to_overwrite_without_force_and_replaces_with_it(project: Path) -> None:
    spec = str(project / "ai/features/001_login.md")
    assert _run("design", spec, "--root", str(project), "--no-verify")[0] == 0
    before = _tree(project)
    code, _, err = _run("design", spec, "--root", str(project), "--no-verify")
    assert code == 1 and "--force" in err
    assert _tree(project) == before
    code, _, err = _run("design", spec, "--root", str(project), "--no-verify", "--force")
    assert code == 0, err
    assert len(list((project / "backend/migrations").glob("*_001_login.up.sql"))) == 1


def test_dry_run_writes_nothing(project: Path) -> None:
    before = _tree(project)
    code, _, err = _run(
        "design",
        str(project / "ai/features/001_login.md"),
        "--root",
        str(project),
        "--dry-run",
        "--no-verify",
    )
    assert code == 0 and "would write" in err
    assert _tree(project) == before


@pytest.mark.parametrize(
    ("content", "feature_id", "message"),
    [
        (None, None, "not found"),
        (b"\xff\xfe\x00\x01binary", None, "binary"),
        (bytes(range(1, 32)) * 8 + b"\x7f\x80\x81\x8d", None, "binary"),
        (b"# ok\n", "../x", "invalid feature ID"),
        (b"# ok\n", "has space", "invalid feature ID"),
        (b"   \n", None, "empty"),
    ],
)
def test_bad_input_is_a_usage_error_and_changes_nothing(
    project: Path, content: bytes | None, feature_id: str | None, message: str
) -> None:
    spec = project / "ai/features/002_bad.md"
    if content is not None:
        spec.write_bytes(content)
    before = _tree(project)
    args = ["design", str(spec), "--root", str(project), "--no-verify"]
    if feature_id is not None:
        args += ["--id", feature_id]
    code, _, err = _run(*args)
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1
    assert _tree(project) == before


def test_huge_file_is_rejected(project: Path) -> None:
    spec = project / "ai/features/003_huge.md"
    spec.write_bytes(b"# x\n" + b"a" * (5 * 1024 * 1024 + 1))
    code, _, err = _run("design", str(spec), "--root", str(project), "--no-verify")
    assert code == 2 and "5 MB" in err


def test_spec_kit_id_defaults_to_folder_name(tmp_path: Path) -> None:
    spec = tmp_path / "specs" / "003-vessels" / "spec.md"
    spec.parent.mkdir(parents=True)
    spec.write_text(
        "# Feature Specification: Fleet\n\n## Key Entities\n\n- **Vessel**: a ship with a name and a flag.\n"
    )
    code, out, err = _run("design", str(spec), "--root", str(tmp_path), "--no-verify", "--json", "--dry-run")
    assert code == 0, err
    assert json.loads(out)["feature"]["id"] == "003-vessels"


def test_ui_only_spec_writes_no_migration(tmp_path: Path) -> None:
    spec = shared_spec("008_about_page.md")
    code, _, err = _run("design", str(spec), "--root", str(tmp_path), "--no-verify")
    assert code == 0, err
    doc = (tmp_path / "ai/decisions/008_about_page_database_schema.md").read_text()
    assert "No schema change is needed" in doc
    assert not (tmp_path / "backend").exists()


def test_design_runs_the_review_on_its_own_output(project: Path) -> None:
    code, out, err = _run(
        "design",
        str(project / "ai/features/001_login.md"),
        "--root",
        str(project),
        "--no-verify",
        "--json",
        "--dry-run",
    )
    assert code == 0, err
    review = json.loads(out)["review"]
    assert review["errors"] == 0
    assert all(not f.split()[1].startswith("error") for f in review["findings"])


def test_review_command_is_registered(project: Path) -> None:
    assert (
        _run("design", str(project / "ai/features/001_login.md"), "--root", str(project), "--no-verify")[0]
        == 0
    )
    code, out, err = _run("review", "--root", str(project), "--format", "json")
    assert code == 0, err + out
    assert json.loads(out)["dialect"] == "postgresql"
