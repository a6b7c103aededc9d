"""Parallel ``design`` runs into one project root queue on the root's lock: different features get
distinct migration versions, and of several runs with the same ID exactly one writes while the others
fail with the "already exists" error (exit 1)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.corpus_paths import EXAMPLES

RUNS = 6
CLI = "from schemawright.cli import main; main()"


def _start(root: Path, feature_id: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCHEMAWRIGHT_")}
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            CLI,
            "design",
            str(root / "001_login.md"),
            "--root",
            str(root),
            "--id",
            feature_id,
            "--no-verify",
            "--no-replay",
        ],  # no replay: each run designs the same tables anew
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _run_all(root: Path, ids: list[str]) -> list[tuple[int, str]]:
    shutil.copy(EXAMPLES / "001_login.md", root / "001_login.md")
    procs = [_start(root, i) for i in ids]
    return [(p.wait(timeout=300), p.communicate()[1]) for p in procs]


def test_parallel_runs_get_distinct_versions(tmp_path: Path) -> None:
    results = _run_all(tmp_path, [f"00{n}_login" for n in range(1, RUNS + 1)])
    assert [code for code, _ in results] == [0] * RUNS, results
    ups = sorted((tmp_path / "backend" / "migrations").glob("*.up.sql"))
    versions = [re.match(r"(\d+)_", p.name).group(1) for p in ups]  # type: ignore[union-attr]
    assert len(ups) == RUNS
    assert len(set(versions)) == RUNS, versions


def test_parallel_runs_with_one_id_write_once(tmp_path: Path) -> None:
    results = _run_all(tmp_path, ["001_login"] * RUNS)
    codes = sorted(code for code, _ in results)
    assert codes == [0] + [1] * (RUNS - 1), results
    for code, stderr in results:
        assert "Traceback" not in stderr
        if code == 1:
            assert "already exists for feature 001_login — pass --force" in stderr
            assert "wrote " not in stderr
    assert len(list((tmp_path / "backend" / "migrations").glob("*.up.sql"))) == 1
