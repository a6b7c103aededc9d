"""A design's outputs land together or not at all: ``kill -9`` at any step of the write leaves, once the
next run has recovered, either the old files or the new ones, and no ``.tmp`` file anywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from schemawright.io import WriteError
from schemawright.writes import journal
from schemawright.writes.journal import commit, recover
from schemawright.writes.lock import root_lock

OLD = {"ai/decisions/001_x_database_schema.md": "old decision", "backend/migrations/1_001_x.up.sql": "old up"}
NEW = {
    "ai/decisions/001_x_database_schema.md": "new decision",
    "backend/migrations/2_001_x.up.sql": "new up",
    "backend/migrations/2_001_x.down.sql": "new down",
}

# The child writes NEW over OLD (removing the old migration, as --force does) and SIGKILLs itself just
# before the STEP-th file-system step (rename, sync, unlink or link); STEP=0 runs to the end and prints
# how many steps there were.
CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from schemawright.writes.journal import commit
    from schemawright.writes.lock import root_lock

    root, step, count = Path(sys.argv[1]), int(sys.argv[2]), [0]
    def counted(real):
        def call(*args, **kwargs):
            count[0] += 1
            if count[0] == step:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)
        return call
    for name in ("replace", "fsync", "unlink", "link"):
        setattr(os, name, counted(getattr(os, name)))
    new = {NEW!r}
    with root_lock(root):
        commit(root, [(root / k, v) for k, v in new.items()], [root / "backend/migrations/1_001_x.up.sql"])
    print(count[0])
    """
).replace("{NEW!r}", repr(NEW))


def _old_root(root: Path) -> Path:
    for rel, text in OLD.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


def _state(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): p.read_text()
        for p in root.rglob("*")
        if p.is_file() and ".schemawright" not in p.parts
    }


def _child(root: Path, step: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(root), str(step)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_kill_at_every_step_leaves_old_or_new_state(tmp_path: Path) -> None:
    full = _child(_old_root(tmp_path / "full"), 0)
    assert full.returncode == 0, full.stderr
    steps = int(full.stdout)
    assert _state(tmp_path / "full") == NEW
    seen = set()
    for step in range(1, steps + 1):
        root = _old_root(tmp_path / f"step{step}")
        killed = _child(root, step)
        assert killed.returncode == -9, (step, killed.stderr)
        with root_lock(root):  # what the next run does first
            pass
        state = _state(root)
        assert state in (OLD, NEW), (step, state)
        seen.add("new" if state == NEW else "old")
        assert not (root / ".schemawright").exists(), step
        assert not [p for p in root.rglob("*") if p.name.endswith((".tmp", ".part"))], step
    assert seen == {"old", "new"}  # kills before the journal keep the old state, after it finish the new


def test_a_half_applied_journal_is_finished(tmp_path: Path) -> None:
    root = _old_root(tmp_path)
    run = journal.staging_root(root) / "123-abc"
    (run / "new").mkdir(parents=True)
    target = root / "ai/decisions/001_x_database_schema.md"
    (root / "backend/migrations/2_001_x.up.sql").write_text("new up")  # the first move already happened
    (run / "new" / "1").write_text("new decision")
    moves = [
        {
            "target": str(root / "backend/migrations/2_001_x.up.sql"),
            "staged": str(run / "new/0"),
            "backup": None,
        },
        {"target": str(target), "staged": str(run / "new/1"), "backup": None},
        {"target": str(root / "backend/migrations/1_001_x.up.sql"), "staged": None, "backup": None},
    ]
    (run / journal.JOURNAL).write_text(json.dumps({"moves": moves}))
    recover(root)
    assert _state(root) == {
        "ai/decisions/001_x_database_schema.md": "new decision",
        "backend/migrations/2_001_x.up.sql": "new up",
    }
    assert not run.exists()


def test_staging_without_a_journal_is_discarded(tmp_path: Path) -> None:
    root = _old_root(tmp_path)
    run = journal.staging_root(root) / "123-abc" / "new"
    run.mkdir(parents=True)
    (run / "0").write_text("half")
    recover(root)
    assert _state(root) == OLD
    assert not run.parent.exists()


def test_a_failed_move_puts_the_old_files_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _old_root(tmp_path)
    real, calls = os.replace, []

    def failing(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 3:  # journal, first output, then the second output fails
            raise PermissionError(13, "Permission denied")
        real(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(WriteError, match="Permission denied — nothing was changed"):
        commit(root, [(root / k, v) for k, v in NEW.items()], [root / "backend/migrations/1_001_x.up.sql"])
    monkeypatch.setattr(os, "replace", real)
    assert _state(root) == OLD
    assert not list(journal.staging_root(root).iterdir())  # the lock (held by the caller) tidies the rest


def test_state_folder_is_ignored_by_git_and_removed_when_empty(tmp_path: Path) -> None:
    with root_lock(tmp_path):
        assert (tmp_path / ".schemawright" / ".gitignore").read_text().endswith("*\n")
    assert not (tmp_path / ".schemawright").exists()
