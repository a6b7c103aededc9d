"""``schemawright design --all FOLDER``: the batch on the command line (exit codes, report, --json)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from schemawright.cli import app
from tests.corpus_paths import EXAMPLES, REPO

runner = CliRunner()
CORPUS = REPO / "tests" / "corpus"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    features = root / "ai" / "features"
    features.mkdir(parents=True)
    for spec in (EXAMPLES / "001_login.md", CORPUS / "103_music.md"):
        shutil.copy(spec, features / spec.name)
    return root


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_all_designs_each_feature_and_prints_one_line_each(project: Path) -> None:
    folder = str(project / "ai/features")
    code, out, err = _run("design", "--all", folder, "--root", str(project), "--no-verify")
    assert code == 0, err
    assert out == ""
    lines = err.strip().splitlines()
    assert lines[0].startswith("001_login") and " ok " in lines[0] and "wrote 3 files" in lines[0]
    assert lines[1].startswith("103_music") and " ok " in lines[1]
    assert lines[-1].startswith("2 of 2 features designed, 0 failed")
    assert len(list((project / "backend/migrations").glob("*.up.sql"))) == 2


def test_all_exits_1_when_a_feature_fails_and_writes_the_others(project: Path) -> None:
    (project / "ai/features/002_binary.md").write_bytes(b"\x00\x01 not a spec")
    folder = str(project / "ai/features")
    code, _, err = _run("design", "--all", folder, "--root", str(project), "--no-verify")
    assert code == 1
    failed = next(line for line in err.splitlines() if line.startswith("002_binary"))
    assert "FAILED" in failed and "binary" in failed
    assert "2 of 3 features designed, 1 failed" in err
    assert (project / "ai/decisions/103_music_database_schema.md").is_file()


def test_all_dry_run_json_writes_nothing(project: Path) -> None:
    code, out, err = _run(
        "design", "--all", str(project / "ai/features"), "--root", str(project), "--no-verify", "--dry-run",
        "--json",
    )
    assert code == 0, err
    entries = json.loads(out)
    assert [e["id"] for e in entries] == ["001_login", "103_music"]
    assert all(e["status"] == "dry-run" and e["written"] == [] for e in entries)
    assert entries[0]["design"]["feature"]["name"] == "Login"
    assert not (project / "backend").exists()
    assert "would write" in err


def test_all_verifies_on_the_embedded_postgresql(project: Path) -> None:
    code, _, err = _run("design", "--all", str(project / "ai/features"), "--root", str(project), "--embedded")
    assert code == 0, err
    assert err.count("postgresql passed on embedded PostgreSQL") == 2


@pytest.mark.parametrize("extra", [["--id", "x"], ["--name", "X"], ["FILE"], ["--model", "m.yaml"]])
def test_all_refuses_per_feature_options(project: Path, extra: list[str]) -> None:
    args = [str(project / "ai/features/001_login.md") if a == "FILE" else a for a in extra]
    code, _, err = _run("design", *args, "--all", str(project / "ai/features"), "--root", str(project))
    assert code == 2
    assert "--all takes each feature's ID and name from its spec" in err


def test_all_on_a_folder_without_specs_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = _run("design", "--all", str(tmp_path), "--root", str(tmp_path))
    assert code == 2 and "no feature specs" in err
    code, _, err = _run("design", "--all", str(tmp_path / "absent"), "--root", str(tmp_path))
    assert code == 2 and "not a folder" in err
    code, _, err = _run("design", "--all", str(tmp_path), "--root", str(tmp_path / "absent"))
    assert code == 2 and "project root not found" in err


def test_design_help_mentions_all() -> None:
    code, out, _ = _run("design", "--help")
    assert code == 0 and "--all" in out and "FOLDER" in out
