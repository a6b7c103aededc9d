"""One file written atomically (``analyze --out``): readers see the old file or the whole new one, never a
part, and a failed write leaves nothing behind.

The content goes to a temp file in the target's own folder (a rename cannot cross file systems), is
synced, and is then moved into place: with ``replace`` by ``os.replace``; without it by ``os.link``, which
fails when the target exists, so "never overwrite without ``--force``" holds even against another process
creating the file meanwhile. The temp file is removed on every path out, and the new file gets the usual
permissions (``0o666`` less the umask; the old file's mode when one is replaced), not the temp file's 0600.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from schemawright.io import WriteError


class FileExists(WriteError):
    """The target exists and ``replace`` was not given (the CLI's exit 1, "pass --force")."""


def write_atomic(path: Path, content: str, *, replace: bool = False) -> None:
    """Write ``content`` (UTF-8, ``\\n`` line ends) to ``path``. Raises :class:`FileExists` when ``path``
    exists and not ``replace``, :class:`WriteError` (one line) when it cannot be written; either way
    nothing has changed and no temp file is left."""
    if path.exists() and not replace:
        raise FileExists(f"{path} already exists — pass --force to replace it")
    if path.is_dir():
        raise WriteError(f"cannot write {path}: it is a folder — pass a file name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _failed(path, exc) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fchmod(handle.fileno(), _mode(path))
            os.fsync(handle.fileno())
        _move(tmp, path, replace)
    except FileExists:
        raise
    except OSError as exc:
        raise _failed(path, exc) from exc
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)  # gone already after os.replace; a leftover after os.link or a failure


def _failed(path: Path, exc: OSError) -> WriteError:
    return WriteError(f"cannot write {path}: {exc.strerror or exc} — check the folder's permissions")


def _move(tmp: str, path: Path, replace: bool) -> None:
    if replace:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)  # atomic "create if absent"
    except FileExistsError:
        raise FileExists(f"{path} already exists — pass --force to replace it") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        if path.exists():  # no hard links on this file system: check, then rename
            raise FileExists(f"{path} already exists — pass --force to replace it") from None
        os.replace(tmp, path)


def _mode(path: Path) -> int:
    """The replaced file's permission bits, else ``0o666`` less the process umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
