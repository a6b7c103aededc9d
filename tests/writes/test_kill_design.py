"""``kill -9`` at any write step of a real ``schemawright design --force`` leaves the project with the old
design or the new one, once the next run has recovered.

``test_journal.py`` proves it for the journal's ``commit`` alone; this drives the whole command. The test
process designs a first version of a feature (the old state), then for every file-system step of the
second design's write (each rename, sync, link and unlink inside ``commit``) forks a child that runs the
command and SIGKILLs itself just before that step. The parent then takes the root's lock, as the next run
does, and finds exactly the old files or exactly the new ones: same names and contents (migration
timestamps aside), no ``.schemawright/`` and no temporary file left."""

from __future__ import annotations

import os
import re
import signal
import sys
from collections.abc import Callable
from datetime import datetime, timezone, tzinfo
from pathlib import Path
from typing import Any

import pytest

from schemawright import pipeline
from schemawright.cli import app  # imported once, before the forks
from schemawright.writes import journal
from schemawright.writes.lock import root_lock

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")

V1 = """# Feature ID: 001_notes

## Name: Notes

### Business Logic
- A user has an email and a display name.
- A note belongs to one user and has a title and a body.
"""
V2 = V1 + "- A tag has a unique label; a note has many tags and a tag is on many notes.\n"
STEPS = ("replace", "fsync", "unlink", "link")
_STAMP = re.compile(r"\d{14}")


def _state(root: Path) -> dict[str, str]:
    """Every file outside the state folder and the specs, migration timestamps (and the root's path, which
    the header and the decision document quote) replaced."""
    return {
        _STAMP.sub("T", str(p.relative_to(root))): _STAMP.sub("T", p.read_text().replace(str(root), "ROOT"))
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".schemawright" not in p.parts and p.suffix != ".spec"
    }


def _design(root: Path, spec_text: str, kill_at: int = 0) -> int:
    """Run ``design --force`` in a forked child; with ``kill_at`` it SIGKILLs itself just before that
    file-system step of the write. Returns the child's wait status; the child's count of steps is written
    to ``root/steps.spec``."""
    spec = root / "001_notes.spec"
    spec.write_text(spec_text)
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            code = _child(root, spec, kill_at)
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return status


class _Clock(datetime):
    """The design's clock, fixed per spec version: the second version's migration always gets a later
    stamp than the first's. With the wall clock, a first and second design in the same second share a stamp
    and the write takes fewer steps than a run that crosses a second, so "every step" was not one list."""

    at = datetime(2026, 1, 1, tzinfo=timezone.utc)

    @classmethod
    def now(cls, tz: tzinfo | None = None) -> _Clock:
        return cls.fromtimestamp(cls.at.timestamp(), tz)


def _child(root: Path, spec: Path, kill_at: int) -> int:
    _Clock.at = datetime(2026, 1, 1, 0, 0, 0 if spec.read_text() == V1 else 10, tzinfo=timezone.utc)
    setattr(pipeline, "datetime", _Clock)  # noqa: B010 — only this forked child's copy
    count = [0]
    writing = [False]

    def counted(real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            if writing[0]:
                count[0] += 1
                if count[0] == kill_at:
                    os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)

        return call

    for name in STEPS:
        setattr(os, name, counted(getattr(os, name)))
    real_commit = journal.commit

    def commit(*args: Any, **kwargs: Any) -> None:
        writing[0] = True
        try:
            real_commit(*args, **kwargs)
        finally:
            writing[0] = False

    journal.commit = commit  # type: ignore[assignment]
    sys.stderr = open(os.devnull, "w")  # noqa: SIM115 — the child exits right after
    try:
        app(["design", str(spec), "--root", str(root), "--id", "001_notes", "--no-verify", "--force"],
            standalone_mode=False)
    except BaseException as exc:
        (root / "error.spec").write_text(repr(exc))
        return 3
    (root / "steps.spec").write_text(str(count[0]))
    return 0


def test_kill_at_every_write_step_of_design_leaves_old_or_new(tmp_path: Path) -> None:
    old_root, new_root = tmp_path / "old", tmp_path / "new"
    for root in (old_root, new_root):
        root.mkdir()
        assert _design(root, V1) == 0, (root / "error.spec").read_text()
    old = _state(old_root)
    assert _design(new_root, V2) == 0
    new = _state(new_root)
    steps = int((new_root / "steps.spec").read_text())
    assert old != new and steps >= 8, (steps, sorted(old), sorted(new))
    seen = set()
    for step in range(1, steps + 1):
        root = tmp_path / f"step{step}"
        root.mkdir()
        assert _design(root, V1) == 0
        status = _design(root, V2, kill_at=step)
        error = (root / "error.spec").read_text() if (root / "error.spec").exists() else ""
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (step, status, error)
        with root_lock(root):  # what the next run does first
            pass
        state = _state(root)
        assert state in (old, new), (step, sorted(state))
        seen.add("new" if state == new else "old")
        assert not (root / ".schemawright").exists(), step
        assert not [p for p in root.rglob("*") if p.name.endswith((".tmp", ".part"))], step
    assert seen == {"old", "new"}  # kills before the journal keep the old design, after it finish the new
