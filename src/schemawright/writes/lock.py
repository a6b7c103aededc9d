"""One lock per project root, so parallel ``design`` runs queue instead of racing: two runs that read the
migrations folder at the same time would both pick the same next version, and two runs with the same ID
would both pass the "would overwrite" check. The lock is ``flock`` on ``ROOT/.schemawright/lock``: the
kernel releases it when the process dies (also on ``kill -9``), so there is never a stale lock to clear.

The lock is re-entrant within a process (the CLI holds it around plan, checks and write; the writer takes
it again), because ``flock`` on a second file descriptor of the same file would block on itself."""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STATE_DIR = ".schemawright"
_GITIGNORE = "# schemawright's lock and staging area: never commit\n*\n"

_guard = threading.Lock()
_held: dict[Path, tuple[threading.RLock, list[int]]] = {}  # root -> (thread lock, [fd, depth])


def state_dir(root: Path) -> Path:
    """``ROOT/.schemawright``, created with a ``.gitignore`` so its contents are never committed."""
    folder = root / STATE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text(_GITIGNORE, encoding="utf-8")
    return folder


@contextmanager
def root_lock(root: Path) -> Iterator[None]:
    """Hold the project root's lock for the block; waits while another process holds it. On the first
    (outermost) acquisition an interrupted earlier write is finished or rolled back (see
    :func:`schemawright.writes.journal.recover`), so everything under the lock starts from a whole state.
    On the last release an empty ``.schemawright/`` is removed again: a run leaves only its outputs."""
    key = root.resolve()
    with _guard:
        thread_lock, slot = _held.setdefault(key, (threading.RLock(), [-1, 0]))
    with thread_lock:
        if slot[1] == 0:
            slot[0] = _acquire(key)
        slot[1] += 1
        try:
            if slot[1] == 1:
                from schemawright.writes.journal import recover

                recover(key)
            yield
        finally:
            slot[1] -= 1
            if slot[1] == 0:
                _tidy(key / STATE_DIR)
                fcntl.flock(slot[0], fcntl.LOCK_UN)
                os.close(slot[0])
                slot[0] = -1


def _acquire(root: Path) -> int:
    """An exclusive ``flock`` on the lock file. The holder before us may have removed the file (see
    :func:`_tidy`) while we waited on it, so a lock on a file no longer at the path does not count."""
    while True:
        path = state_dir(root) / "lock"
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except FileNotFoundError:  # the folder was removed between mkdir and open: try again
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            held, current = os.fstat(fd), os.stat(path)
            if (held.st_dev, held.st_ino) == (current.st_dev, current.st_ino):
                return fd
        except FileNotFoundError:
            pass
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)


def _tidy(folder: Path) -> None:
    """Remove the state folder when nothing is left in it but the lock (still held, so no one else is
    inside); best effort — a folder that stays is harmless and ignored by git."""
    with contextlib.suppress(OSError):  # missing, or holds a write that could not be recovered: keep it
        (folder / "staging").rmdir()
    try:
        if set(os.listdir(folder)) <= {"lock", ".gitignore"}:
            (folder / ".gitignore").unlink(missing_ok=True)
            (folder / "lock").unlink(missing_ok=True)
            folder.rmdir()
    except OSError:
        pass


@contextmanager
def writing_lock(root: Path, writing: bool) -> Iterator[None]:
    """:func:`root_lock` around a run that will write (plan, checks and write, so the next version and the
    overwrite check see every earlier run's files); a dry run, or a root that does not exist (a usage error
    later, and it must not be created), takes none."""
    if not writing or not root.is_dir():
        yield
        return
    with root_lock(root):
        yield
