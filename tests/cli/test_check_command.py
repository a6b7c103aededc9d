"""``schemawright check`` on a designed project: clean → exit 0; a planted column drop → exit 1 with the
review error and the drift; and the published pre-commit hook reporting the same problem."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import schemawright
from schemawright.cli import app
from schemawright.drift import documented_tables
from tests.corpus_paths import EXAMPLES, REPO

runner = CliRunner()
DROP = "ALTER TABLE users DROP COLUMN display_name;\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "app"
    root.mkdir()
    schemawright.design(EXAMPLES / "001_login.md", root=root, verify=False, write=True)
    return root


def _plant(root: Path) -> None:
    folder = root / "backend" / "migrations"
    (folder / "29990101000000_002_cleanup.up.sql").write_text(DROP)
    (folder / "29990101000000_002_cleanup.down.sql").write_text(
        "ALTER TABLE users ADD COLUMN display_name TEXT;\n"
    )


def test_clean_project_passes(project: Path) -> None:
    result = runner.invoke(app, ["check", "--root", str(project), "--no-replay"])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "check passed: 0 review error(s), 0 drift(s)" in result.stderr


def test_clean_project_passes_with_replay_on_a_real_engine(project: Path) -> None:
    result = runner.invoke(app, ["check", "--root", str(project)])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "reflected" in result.stderr


def test_planted_drop_fails_with_review_error_and_drift(project: Path) -> None:
    _plant(project)
    result = runner.invoke(app, ["check", "--root", str(project), "--no-replay"])
    assert result.exit_code == 1
    assert "29990101000000_002_cleanup.up.sql:1: SW604 error" in result.stdout
    assert "ai/decisions/001_login_database_schema.md:" in result.stdout
    assert (
        "drift: column users.display_name is documented but the migrations do not create it" in result.stdout
    )


def test_missing_root_is_a_usage_error(tmp_path: Path) -> None:
    assert runner.invoke(app, ["check", "--root", str(tmp_path / "nope")]).exit_code == 2


def test_documented_tables_reads_the_tables_section_only(project: Path) -> None:
    doc = next((project / "ai" / "decisions").glob("*.md")).read_text()
    tables = documented_tables(doc)
    assert [t.name for t in tables] == ["users", "login_attempts"]
    assert [c for c, _ in tables[0].columns][:3] == ["id", "email", "password_hash"]


def _git(root: Path, env: dict[str, str], *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.mark.slow
def test_pre_commit_try_repo_reports_a_planted_problem(project: Path) -> None:
    pre_commit = Path(sys.executable).parent / "pre-commit"
    if not pre_commit.exists():
        pytest.skip("pre-commit is not installed (pip install pre-commit; it is in the dev extra)")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
        "PRE_COMMIT_HOME": str(project.parent / "pre-commit-home"),
    }
    _git(project, env, "init", "-q")
    _git(project, env, "add", ".")
    _git(project, env, "commit", "-qm", "feature 001")
    _plant(project)
    _git(project, env, "add", ".")
    clone = project.parent / "schemawright"  # the committed hook and package, not a dirty work tree
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], env=env, check=True, capture_output=True)
    run = subprocess.run(
        [str(pre_commit), "try-repo", str(clone), "schemawright-review", "--verbose"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=1500,
    )
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    assert "SW604" in output and "drop" in output.lower()
    shutil.rmtree(project.parent / "pre-commit-home", ignore_errors=True)
