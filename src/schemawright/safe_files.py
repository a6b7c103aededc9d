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
from functools import cached_property
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
    return _inspect(path, base.resolve(), limit)[0]


def _inspect(path: Path, real_base: Path, limit: int) -> tuple[str | None, Path]:
    """:func:`refusal`'s reason, and ``path`` with every symbolic link resolved (the file to open), for a
    base already resolved: a reader resolves its base once, and each file once (was: the file twice and
    the base twice per file, most of the time a 342-migration history took to read)."""
    try:
        info = path.lstat()
    except OSError as exc:
        return f"cannot be read ({exc.strerror})", path
    real = path.resolve()
    inside = real.is_relative_to(real_base)
    if stat.S_ISLNK(info.st_mode) and not inside:
        return f"is a symbolic link to {real}, outside the project root", real
    if not inside:
        return f"lies outside the project root (at {real})", real
    try:
        info = real.stat()
    except OSError as exc:
        return f"cannot be read ({exc.strerror})", real
    return _unreadable(info, limit), real


def _unreadable(info: os.stat_result, limit: int) -> str | None:
    """Why a file inside the root, with this status, must not be read: not a regular file, or too big."""
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file (a FIFO, device or socket)"
    if info.st_size > limit:
        return f"is larger than {limit // (1024 * 1024)} MB"
    return None


def read_bytes(path: Path, base: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The content of ``path`` if :func:`refusal` allows it; else :class:`UnsafeFile`."""
    return _read_inside(path, base.resolve(), limit)


def _read_inside(path: Path, real_base: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    reason, real = _inspect(path, real_base, limit)
    return _open_checked(path, real, reason, limit)


def _open_checked(path: Path, real: Path, reason: str | None, limit: int = MAX_FILE_BYTES) -> bytes:
    """The content of ``real`` (``path`` resolved and inspected, refused for ``reason`` unless None)."""
    if reason is not None:
        raise UnsafeFile(f"{path} {reason}")
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NOCTTY", 0)
    try:  # the path just checked, not resolved again
        fd = os.open(real, flags)
    except OSError as exc:
        raise UnsafeFile(f"{path} cannot be read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFile(f"{path} is not a regular file (a FIFO, device or socket)")
        # up to limit + 1 bytes, asked for as the size the file has and one more: asking for the limit
        # made a buffer of 5 MB for every file (most of the time a 600-file history took to read); the
        # rest is read only when the file grew since fstat
        want = min(info.st_size, limit) + 1
        data = handle.read(want)
        if len(data) == want <= limit:
            data += handle.read(limit + 1 - want)
    if len(data) > limit:
        raise UnsafeFile(f"{path} is larger than {limit // (1024 * 1024)} MB")
    return data


@dataclass
class SafeReader:
    """Reads files inside ``base`` and remembers what it refused, for the caller's notes.

    A reader lives for one read of a folder, in which several migration tools may each read the same
    file (a ``0001_x.up.sql`` is a dbmate, a goose and a golang-migrate name): it reads each path once and
    gives the same text (or refusal) again, and resolves each folder the files lie in once."""

    base: Path
    refused: list[str] = field(default_factory=list)
    _texts: dict[Path, str | UnsafeFile] = field(default_factory=dict, repr=False, compare=False)
    # a folder -> (its real path, whether that lies inside the real base)
    _folders: dict[Path, tuple[Path, bool]] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def _real_base(self) -> Path:
        """``base`` with its symbolic links resolved, once per reader (a reader lives for one read)."""
        return self.base.resolve()

    def _inspect(self, path: Path) -> tuple[str | None, Path]:
        """:func:`_inspect` for this reader's base, with the file's folder resolved once per reader: a
        file that is no symbolic link is its real folder joined with its name, the same path
        :meth:`Path.resolve` gives, and the one :func:`os.lstat` says what :func:`os.stat` would."""
        name = path.name
        if name in ("", ".", ".."):
            return _inspect(path, self._real_base, MAX_FILE_BYTES)
        try:
            info = path.lstat()
        except OSError as exc:
            return f"cannot be read ({exc.strerror})", path
        if stat.S_ISLNK(info.st_mode):
            return _inspect(path, self._real_base, MAX_FILE_BYTES)
        folder = self._folders.get(path.parent)
        if folder is None:
            real_folder = path.parent.resolve()
            folder = self._folders[path.parent] = (real_folder, real_folder.is_relative_to(self._real_base))
        real = folder[0] / name
        if not (folder[1] or real == self._real_base):
            return f"lies outside the project root (at {real})", real
        return _unreadable(info, MAX_FILE_BYTES), real

    def allows(self, path: Path) -> bool:
        reason = self._inspect(path)[0]
        if reason is not None:
            self.refused.append(f"{path} {reason}; it was not read")
        return reason is None

    def text(self, path: Path) -> str | None:
        """UTF-8 text of ``path``, or None (and a note) when it is refused. Decoding errors propagate.
        A path read before gives the same text again without reading it (or None and the same note)."""
        if path in self._texts:
            text = self._texts[path]
            if isinstance(text, UnsafeFile):
                self.refused.append(f"{text}; it was not read")
                return None
            return text
        try:
            reason, real = self._inspect(path)
            text = _open_checked(path, real, reason).decode("utf-8")
        except UnsafeFile as exc:
            self._texts[path] = exc
            self.refused.append(f"{exc}; it was not read")
            return None
        self._texts[path] = text
        return text
