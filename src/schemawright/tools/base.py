"""What every migration tool plugin provides (:class:`MigrationTool`), and what several share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from schemawright.project.errors import ProjectError
from schemawright.project.migration import Migration, NewFile, Step
from schemawright.safe_files import SafeReader

if TYPE_CHECKING:
    from schemawright.emit.sql.dialects import DialectName
    from schemawright.project.detect import MigrationSet

Written = tuple[list[NewFile], list[str]]  # the files, and notes for the Assumptions


def _never(_directory: Path) -> bool:
    return False


def _nothing(_directory: Path, _reader: SafeReader) -> list[Migration]:
    return []


def joined(migration: Migration) -> str:
    """``{version}_{name}``: the file (or folder) name most tools give a migration."""
    return f"{migration.version}_{migration.name}"


@dataclass(frozen=True)
class MigrationTool:
    """One migration tool: how to read its history from a folder, name its next version, and write the
    feature's steps in its own layout.

    ``read_history(folder, reader)`` returns the folder's migrations of this tool ([] when it holds none);
    ``owns(folder)`` says the folder is this tool's even without migrations (Atlas's ``atlas.sum``);
    ``folder`` is False for tools found by their own project files (Alembic, Django, Knex), which the
    folder scan skips (Alembic's ``read_history`` reads its revisions statically, for the review);
    ``label(migration)`` is the migration's name as the tool shows it (the reviewer's name for it);
    ``read_file(path, text)`` is set for a tool whose files are known by their content wherever they lie
    (Liquibase formatted SQL), and returns the file's migrations, or None when it is not this tool's."""

    name: str
    next_version: Callable[[Sequence[Migration], str], str]
    write: Callable[[MigrationSet, list[Step], DialectName], Written]
    read_history: Callable[[Path, SafeReader], list[Migration]] = _nothing
    owns: Callable[[Path], bool] = _never
    folder: bool = True
    default_dir: str = "backend/migrations"
    label: Callable[[Migration], str] = joined
    read_file: Callable[[Path, str], list[Migration] | None] | None = None


def read_text(path: Path, reader: SafeReader, what: str = "migration") -> str | None:
    """The migration's text; None (noted by ``reader``) for a file that must not be read."""
    try:
        return reader.text(path)
    except UnicodeDecodeError as exc:
        raise ProjectError(
            f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); re-save the {what} as UTF-8"
        ) from exc
    except OSError as exc:
        raise ProjectError(f"{path}: cannot read the {what} ({exc.strerror})") from exc


def folder_migration(
    folder: Path,
    up_name: str,
    version: str,
    name: str,
    reader: SafeReader,
    *,
    transactional: bool | None = None,
) -> Migration | None:
    """A migration kept as a folder (Prisma, Diesel): ``up_name`` and an optional ``down.sql`` beside it;
    None when the up must not be read. ``transactional`` when the tool wraps each migration itself (Diesel,
    unless the folder opts out); None when it says nothing (Prisma)."""
    up = read_text(folder / up_name, reader)
    if up is None:
        return None
    down_path = folder / "down.sql"
    down = read_text(down_path, reader) if down_path.exists() else None
    return Migration(
        version=version,
        name=name,
        path=folder / up_name,
        up=up,
        down=down,
        down_path=down_path if down is not None else None,
        transactional=bool(transactional),
        no_transaction=transactional is False,
    )


def numbered_next(migrations: Sequence[Migration], stamp: str) -> str:
    """``stamp`` (UTC YYYYMMDDHHMMSS) when the project uses timestamps and it sorts after the latest; else
    the latest plus one, keeping its width."""
    if not migrations:
        return stamp
    latest = migrations[-1].version
    if len(latest) == len(stamp) and stamp > latest:
        return stamp
    return str(int(latest) + 1).zfill(len(latest))


def clock(_migrations: Sequence[Migration], stamp: str) -> str:
    """The stamp itself (tools whose migrations are chained or named otherwise)."""
    return stamp
