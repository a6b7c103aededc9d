"""``analyze``, ``design --model`` and the environment drop-in, through the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from schemawright.cli import app
from tests.corpus_paths import EXAMPLES

runner = CliRunner()
LOGIN = EXAMPLES / "001_login.md"


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_analyze_prints_yaml_with_provenance_comments() -> None:
    result = runner.invoke(app, ["analyze", str(LOGIN)])
    assert result.exit_code == 0, result.stderr
    assert "feature_id: 001_login" in result.stdout and "# spec line 35" in result.stdout
    data = yaml.safe_load(result.stdout)
    assert [e["name"] for e in data["entities"]] == ["user", "login_attempt"]
    assert "required" not in result.stdout  # defaults omitted


def test_analyze_json_and_out_file(tmp_path: Path) -> None:
    out = tmp_path / "model.json"
    result = runner.invoke(app, ["analyze", str(LOGIN), "--json", "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(out.read_text())
    assert data["feature_id"] == "001_login" and data["entities"][0]["source"]["line"] == 35
    assert "not_understood" in data and "assumptions" in data


def test_analyze_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", str(tmp_path / "nope.md")])
    assert result.exit_code == 2 and "not found" in result.stderr


def test_design_from_edited_model_applies_the_edit(tmp_path: Path) -> None:
    model = tmp_path / "model.yaml"
    assert runner.invoke(app, ["analyze", str(LOGIN), "--out", str(model)]).exit_code == 0
    text = model.read_text().replace(
        "{name: ip_address, kind: ip_address}", "{name: ip_address, kind: ip_address, required: false}"
    )
    model.write_text(text)
    result = runner.invoke(
        app, ["design", "--model", str(model), "--root", str(tmp_path), "--no-verify", "--json", "--dry-run"]
    )
    assert result.exit_code == 0, result.stderr
    [store] = json.loads(result.stdout)["stores"]
    attempts = next(t for t in store["tables"] if t["name"] == "login_attempts")
    assert next(c for c in attempts["columns"] if c["name"] == "ip_address")["nullable"] is True


BAD = """\
feature_id: 001_x
feature_name: X
entities:
  - name: user
    attributes:
      - {name: email, kind: monie}
  - name: user
relationships:
  - {child: loan, parent: user, cardinality: some}
"""


def test_bad_model_exits_2_with_one_error_per_problem_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "model.yaml").write_text(BAD)
    before = _tree(tmp_path)
    result = runner.invoke(app, ["design", "--model", str(tmp_path / "model.yaml"), "--root", str(tmp_path)])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert [e.split(": ", 2)[1] for e in errors] == [f"{tmp_path / 'model.yaml'}:{n}" for n in (6, 7, 9, 9)]
    assert _tree(tmp_path) == before


def test_feature_file_and_model_together_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["design", str(LOGIN), "--model", "m.yaml", "--root", str(tmp_path)])
    assert result.exit_code == 2 and "not both" in result.stderr


def test_environment_drop_in_writes_document_and_migration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "app"
    (root / "ai" / "features").mkdir(parents=True)
    spec = root / "ai" / "features" / "003_sign_in.md"
    shutil.copy(LOGIN, spec)
    monkeypatch.chdir(root)
    env = {"FEATURE_FILE": str(spec.relative_to(root)), "ID": "003_sign_in", "FEATURE_NAME": "Sign in"}
    result = runner.invoke(app, ["design"], env=env)  # exactly as the orchestrator calls it
    assert result.exit_code == 0, result.stderr
    doc = root / "ai" / "decisions" / "003_sign_in_database_schema.md"
    assert doc.read_text().startswith("# Database Schema: 003_sign_in — Sign in")
    assert len(list((root / "backend" / "migrations").glob("*_003_sign_in.up.sql"))) == 1
    assert len(list((root / "backend" / "migrations").glob("*_003_sign_in.down.sql"))) == 1


def test_no_arguments_and_no_environment_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["design", "--root", str(tmp_path)], env={"FEATURE_FILE": ""})
    assert result.exit_code == 2 and "FEATURE_FILE" in result.stderr


def test_analyze_out_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "model.yaml"
    out.write_text("mine\n")
    result = runner.invoke(app, ["analyze", str(LOGIN), "--out", str(out)])
    assert result.exit_code == 1 and "already exists — pass --force" in result.stderr
    assert out.read_text() == "mine\n" and sorted(p.name for p in tmp_path.iterdir()) == ["model.yaml"]
    result = runner.invoke(app, ["analyze", str(LOGIN), "--out", str(out), "--force"])
    assert result.exit_code == 0, result.stderr
    assert "feature_id: 001_login" in out.read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.yaml"]  # no temp file left


def test_analyze_out_failure_leaves_no_temp_file(tmp_path: Path) -> None:
    (tmp_path / "model.yaml").mkdir()  # a folder where the file should go
    result = runner.invoke(app, ["analyze", str(LOGIN), "--out", str(tmp_path / "model.yaml"), "--force"])
    assert result.exit_code == 1 and "error: cannot write" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.yaml"]
