"""All outputs of a design land together or not at all, also when the process is killed mid-write.

How: every new file is written and synced into ``ROOT/.schemawright/staging/<run>/`` first, and every
file it replaces or removes is hard-linked (else copied) there as a backup. Then a journal
(``journal.json``: the planned moves) is written and synced — the commit point — and only then are the
staged files renamed over their targets and the removed ones unlinked. The run folder is deleted last.

After a crash the next run (under the root's lock) finds the run folder: without a journal nothing was
moved yet and the folder is just deleted (the old state stands); with one, the moves are finished (the new
state). If finishing fails (a folder became read-only), the backups are put back (the old state). No
``.tmp`` file is ever left beside the outputs: temporary files exist only inside the run folder."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from schemawright.io import WriteError
from schemawright.writes.lock import state_dir

JOURNAL = "journal.json"


@dataclass
class Move:
    """One planned change: ``staged`` renamed over ``target`` (None: ``target`` is removed); ``backup``
    holds the target's old content (None: there was no old file)."""

    target: str
    staged: str | None
    backup: str | None


def staging_root(root: Path) -> Path:
    return state_dir(root) / "staging"


def commit(root: Path, files: list[tuple[Path, str]], remove: list[Path]) -> None:
    """Write ``files`` (path, content) and remove ``remove`` (``--force``'s replaced files) as one change.
    The caller holds :func:`schemawright.writes.lock.root_lock`. Raises :class:`WriteError` (one line) and
    then nothing has changed."""
    run = staging_root(root) / f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
    try:
        moves = _stage(run, files, remove)
        _write_journal(run, moves)
    except OSError as exc:
        shutil.rmtree(run, ignore_errors=True)
        reason = exc.strerror or str(exc)
        raise WriteError(f"cannot write outputs: {reason} — check the folders' permissions") from exc
    _finish(run, moves)


def recover(root: Path) -> None:
    """Finish (journal written) or discard (no journal) every interrupted write under ``root``. Called
    with the root's lock held, so no run folder here belongs to a live writer."""
    staging = root / ".schemawright" / "staging"
    if not staging.is_dir():
        return
    for run in sorted(staging.iterdir()):
        journal = run / JOURNAL
        if not journal.is_file():
            shutil.rmtree(run, ignore_errors=True)  # never committed: the old state stands
            continue
        try:
            moves = [Move(**m) for m in json.loads(journal.read_text(encoding="utf-8"))["moves"]]
        except (OSError, ValueError, TypeError, KeyError) as exc:
            raise WriteError(
                f"unreadable write journal {journal} ({exc}) — restore the files listed in it "
                "by hand, then delete its folder"
            ) from exc
        _finish(run, moves)


def _stage(run: Path, files: list[tuple[Path, str]], remove: list[Path]) -> list[Move]:
    (run / "new").mkdir(parents=True)
    (run / "old").mkdir()
    moves: list[Move] = []
    targets = [path.resolve() for path, _ in files]
    for i, ((_, content), target) in enumerate(zip(files, targets, strict=True)):
        target.parent.mkdir(parents=True, exist_ok=True)
        staged = run / "new" / str(i)
        with open(staged, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        moves.append(Move(str(target), str(staged), _backup(target, run / "old" / str(i))))
    for j, old in enumerate(p.resolve() for p in remove):
        if old not in targets and old.exists():
            moves.append(Move(str(old), None, _backup(old, run / "old" / f"r{j}")))
    for move in moves:  # a rename cannot cross file systems: refuse before anything moves
        folder = Path(move.target).parent
        if move.staged is not None and os.stat(move.staged).st_dev != os.stat(folder).st_dev:
            raise OSError(18, f"{folder} is on another file system than the project root")
    return moves


def _backup(target: Path, backup: Path) -> str | None:
    """A hard link to the target's current file (a copy across file systems); None when there is none."""
    if not target.is_file():
        return None
    try:
        os.link(target, backup)
    except OSError:
        shutil.copy2(target, backup)
    return str(backup)


def _write_journal(run: Path, moves: list[Move]) -> None:
    """The commit point: once ``journal.json`` exists (renamed into place after a sync), a crash is
    finished forward by the next run."""
    part = run / "journal.part"
    with open(part, "w", encoding="utf-8") as handle:
        json.dump({"moves": [asdict(m) for m in moves]}, handle, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(part, run / JOURNAL)
    _sync_dir(run)


def _finish(run: Path, moves: list[Move]) -> None:
    """Apply the journal's moves (each is safe to repeat), else put every backup back."""
    try:
        for move in moves:
            if move.staged is None:
                Path(move.target).unlink(missing_ok=True)
            elif os.path.exists(move.staged):
                os.replace(move.staged, move.target)
        for parent in sorted({str(Path(m.target).parent) for m in moves}):
            _sync_dir(Path(parent))
        for move in moves:  # a replaced migration's own folder (Diesel, Prisma) goes when emptied
            if move.staged is None:
                _remove_if_empty(Path(move.target).parent)
    except OSError as exc:
        _roll_back(run, moves)
        raise WriteError(
            f"cannot write outputs: {exc.strerror or exc} — nothing was changed; check the "
            "folders' permissions"
        ) from exc
    shutil.rmtree(run, ignore_errors=True)


def _roll_back(run: Path, moves: list[Move]) -> None:
    """Restore the state before the journal: old files back from their backups, new ones removed."""
    try:
        for move in moves:
            if move.backup is not None:
                os.replace(move.backup, move.target)
            elif move.staged is not None and not os.path.exists(move.staged):
                Path(move.target).unlink(missing_ok=True)
    except OSError as exc:
        raise WriteError(
            f"an interrupted write could not be finished or undone ({exc.strerror or exc}); "
            f"its journal is {run / JOURNAL}"
        ) from exc
    shutil.rmtree(run, ignore_errors=True)


def _remove_if_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):
        folder.rmdir()  # only ever succeeds on an empty folder


def _sync_dir(folder: Path) -> None:
    """Make renames in ``folder`` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
