"""Reading a project's migration files without trusting the folder they sit in.

A migrations folder may come from a pull request: a symbolic link to ``/proc/self/environ`` put the
environment's secrets into a report, ``/dev/zero`` exhausted memory and a FIFO hung the run. So a file is
read only when it is a regular file, at most :data:`MAX_FILE_BYTES` long, whose real path (after every
symbolic link) lies inside the base folder (the project root). Anything else is refused with a one-line
reason the caller reports and skips. The file is opened non-blocking and checked again on the open
descriptor, so a file swapped for a FIFO between the check and the read cannot hang the run either.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

MAX_FILE_BYTES = 5 * 1024 * 1024  # the spec's limit too; a migration larger than this is not hand-written


class UnsafeFile(ValueError):
    """A file refused by :func:`read_bytes`; the message names the file and why."""


def containment(root: Path, folder: Path) -> Path:
    """The folder files must stay inside: ``root``, unless the user pointed at a folder outside it."""
    real_root, real_folder = root.resolve(), folder.resolve()
    if folder.is_absolute() and not real_folder.is_relative_to(real_root) and not folder.is_symlink():
        return real_folder
    return real_root


def refusal(path: Path, base: Path, limit: int = MAX_FILE_BYTES) -> str | None:
    """Why ``path`` must not be read (None when it may be)."""
    try:
        info = path.lstat()
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    real = path.resolve()
    if stat.S_ISLNK(info.st_mode) and not real.is_relative_to(base.resolve()):
        return f"is a symbolic link to {real}, outside the project root"
    if not real.is_relative_to(base.resolve()):
        return f"lies outside the project root (at {real})"
    try:
        info = real.stat()
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file (a FIFO, device or socket)"
    if info.st_size > limit:
        return f"is larger than {limit // (1024 * 1024)} MB"
    return None


def read_bytes(path: Path, base: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The content of ``path`` if :func:`refusal` allows it; else :class:`UnsafeFile`."""
    reason = refusal(path, base, limit)
    if reason is not None:
        raise UnsafeFile(f"{path} {reason}")
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path.resolve(), flags)
    except OSError as exc:
        raise UnsafeFile(f"{path} cannot be read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise UnsafeFile(f"{path} is not a regular file (a FIFO, device or socket)")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise UnsafeFile(f"{path} is larger than {limit // (1024 * 1024)} MB")
    return data


@dataclass
class SafeReader:
    """Reads files inside ``base`` and remembers what it refused, for the caller's notes."""

    base: Path
    refused: list[str] = field(default_factory=list)

    def allows(self, path: Path) -> bool:
        reason = refusal(path, self.base)
        if reason is not None:
            self.refused.append(f"{path} {reason}; it was not read")
        return reason is None

    def text(self, path: Path) -> str | None:
        """UTF-8 text of ``path``, or None (and a note) when it is refused. Decoding errors propagate."""
        try:
            return read_bytes(path, self.base).decode("utf-8")
        except UnsafeFile as exc:
            self.refused.append(f"{exc}; it was not read")
            return None
