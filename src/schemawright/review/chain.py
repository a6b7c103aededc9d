"""The chain of migrations the reviewer walks, each an up and (when there is one) a down section.

A folder's migrations are read by the migration tools' plugins (:mod:`schemawright.tools`), so the
reviewer and the designer agree on what a migration is, how up and down pair, in which order they run
and which run outside a transaction. The review lints any SQL, so a folder in no tool's layout is plain
SQL, each file an up (a file a plugin knows by its content, a Liquibase formatted-SQL changelog, the
migrations that plugin reads from it: one per changeset; ``{name}.up.sql`` and ``{name}.down.sql`` one
migration), and the plugins of tools found by their project files read what they can statically
(Alembic: the revisions under ``versions/``, their operations as SQL). ``.sql`` files beside the tools'
migrations that no tool would run are named in a note, not reviewed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from schemawright.project import migration as tool_migration
from schemawright.project.errors import ProjectError
from schemawright.safe_files import SafeReader, containment
from schemawright.tools import file_tools, folder_tools, project_tools
from schemawright.tools.base import MigrationTool
from schemawright.tools.goose import GO_MIGRATION

_Rel = Callable[[Path], str]  # a path as the report names it: relative to the project root


@dataclass(frozen=True)
class Section:
    """One direction of a migration: its SQL and where it sits in its file."""

    path: str
    sql: str
    first_line: int = 1


@dataclass(frozen=True)
class Migration:
    name: str
    up: Section
    down: Section | None
    # True when the tool runs the migration in a transaction it opens itself (dbmate, goose, Diesel, Atlas,
    # Liquibase)
    implicit_transaction: bool = False
    no_transaction: bool = False  # marked to run outside a transaction


def read_chain(migrations_dir: Path, *, relative_to: Path | None = None) -> tuple[list[Migration], list[str]]:
    """The folder's migrations in the order they run, and notes on what could only be read partly
    (Alembic), was left out (files no tool would run) or was refused (symbolic links out of the project
    root, FIFOs, devices, oversized files: see ``safe_files``). A file that is not UTF-8 is a
    :class:`ValueError` naming it."""
    base = relative_to or migrations_dir
    inside = containment(base, migrations_dir)

    def rel(path: Path) -> str:
        try:
            return str(path.relative_to(base))
        except ValueError:
            return str(path)

    found, refused = _by_tools(migrations_dir, inside)
    notes: list[str] = []
    if found:
        migrations = [_from_tool(m, plugin, rel) for m, plugin in found]
        notes += _not_run(migrations_dir, [m for m, _ in found], rel)
        if any(plugin.name == "goose" for _, plugin in found):
            notes += _go_migrations(migrations_dir, rel)
    else:
        reader = SafeReader(inside)
        migrations, plain_notes = _plain(migrations_dir, reader, rel)
        refused += reader.refused
        notes += plain_notes
    reader = SafeReader(inside)
    unread: list[str] = []
    read_any = bool(migrations)
    for plugin in project_tools():  # Alembic's revisions and Django's migrations, read statically
        for m in plugin.read_history(migrations_dir, reader):
            read_any = True
            if m.up.strip() or (m.down or "").strip():  # one that changes nothing in the database: no SQL
                migrations.append(_from_tool(m, plugin, rel))
            unread += [f"{rel(m.path)}: {note}" for note in m.unread]
    if not read_any:
        notes += _unread_python(migrations_dir, rel)
    return migrations, unread + refused + reader.refused + notes


NOTHING_READ = "No migrations were read from"


def _unread_python(folder: Path, rel: _Rel) -> list[str]:
    """A note when ``folder`` holds Python files yet no tool read a migration there: they are neither
    Alembic revisions nor Django migrations as their tools find them, and the review must not pass
    silently on a history it never saw (the CLI exits 2)."""
    files = [p for p in folder.rglob("*.py") if p.name != "__init__.py" and "__pycache__" not in p.parts]
    if not files:
        return []
    return [
        f"{NOTHING_READ} {rel(folder) or '.'}: its {len(files)} Python file(s) are neither Alembic "
        "revisions (in a versions/ folder) nor Django migrations ({app}/migrations/0001_name.py beside "
        "__init__.py), so nothing was reviewed; pass --migrations-dir the folder holding the migrations."
    ]


def _by_tools(
    folder: Path, inside: Path
) -> tuple[list[tuple[tool_migration.Migration, MigrationTool]], list[str]]:
    """Every folder tool's migrations in ``folder``, each file taken by the first tool (in detection order)
    that reads it, in version order; and the refusals. A folder is normally one tool's (``design`` writes
    in the first one's layout), but the review lints every migration there that some tool would run."""
    found: list[tuple[tool_migration.Migration, MigrationTool]] = []
    taken: set[Path] = set()
    refused: list[str] = []
    reader = SafeReader(inside)  # one for every tool: a file several tools' names match is read once
    for plugin in folder_tools():
        start = len(reader.refused)
        try:
            read = plugin.read_history(folder, reader)
        except ProjectError as exc:
            raise ValueError(str(exc)) from exc
        refused += [note for note in reader.refused[start:] if note not in refused]
        for m in read:
            if m.path not in taken:
                found.append((m, plugin))
                taken |= {p for p in (m.path, m.down_path) if p is not None}
    found.sort(key=lambda pair: (pair[0].key, pair[0].name))
    return found, refused


def _from_tool(m: tool_migration.Migration, plugin: MigrationTool, rel: _Rel) -> Migration:
    up = Section(rel(m.path), m.up, m.up_line)
    down = Section(rel(m.down_path or m.path), m.down, m.down_line) if m.down is not None else None
    return Migration(plugin.label(m), up, down, m.transactional, m.no_transaction)


def _not_run(folder: Path, migrations: list[tool_migration.Migration], rel: _Rel) -> list[str]:
    """A note naming the ``.sql`` files under ``folder`` that no tool would run."""
    read = {p for m in migrations for p in (m.path, m.down_path) if p is not None}
    left = sorted(rel(p) for p in folder.rglob("*.sql") if p not in read and not p.is_dir())
    if not left:
        return []
    shown = ", ".join(left[:3]) + (f" and {len(left) - 3} more" if len(left) > 3 else "")
    layout = "in no file layout schemawright reads for a migration tool"
    return [f"not reviewed: {shown} (beside the migrations, {layout})"]


def _go_migrations(folder: Path, rel: _Rel) -> list[str]:
    """A note naming goose's Go migrations in ``folder``, which goose runs between the SQL ones."""
    go = sorted((p for p in folder.iterdir() if GO_MIGRATION.match(p.name)), key=lambda p: p.name)
    if not go:
        return []
    shown = ", ".join(rel(p) for p in go[:3]) + (f" and {len(go) - 3} more" if len(go) > 3 else "")
    return [
        f"not reviewed: {len(go)} goose Go migration(s) ({shown}): code, which schemawright neither reads "
        "nor runs; the catalog after them lacks what they create or change"
    ]


_PAIR = re.compile(r"^(?P<name>.+)\.(?P<dir>up|down)\.sql$")


def _plain(folder: Path, reader: SafeReader, rel: _Rel) -> tuple[list[Migration], list[str]]:
    """A folder in no tool's layout: every ``.sql`` file (in any folder below) an up migration, a
    file a plugin knows by its content (Liquibase) the migrations it reads there, ``{name}.up.sql`` with
    ``{name}.down.sql`` beside it one migration; in version order (numerically: 10 follows 9; by name when
    there is no version; a file's migrations in the file's order). A down with no up beside it is named in
    a note, not reviewed."""
    found: list[tuple[str, Migration]] = []
    paths = sorted(folder.rglob("*.sql"))
    downs = {(p.parent, m["name"]): p for p in paths if (m := _PAIR.match(p.name)) and m["dir"] == "down"}
    for path in paths:
        pair = _PAIR.match(path.name)
        if pair is not None and pair["dir"] == "down":
            continue
        down_path = downs.pop((path.parent, pair["name"]), None) if pair is not None else None
        text = reader.text(path)
        if text is None:
            continue
        if pair is not None:
            down = _section(down_path, reader, rel)
            found.append((pair["name"], Migration(pair["name"], Section(rel(path), text), down)))
        elif read := _read_file(path, text):
            plugin, migrations = read
            found += [(f"{path.stem}:{i:04d}", _from_tool(m, plugin, rel)) for i, m in enumerate(migrations)]
        else:
            found.append((path.stem, Migration(path.stem, Section(rel(path), text), None)))
    found.sort(key=lambda item: _version_key(item[0]))
    left = sorted(rel(p) for p in downs.values())
    notes = [f"not reviewed: {', '.join(left)} (a down migration with no up beside it)"] if left else []
    return [migration for _, migration in found], notes


def _read_file(path: Path, text: str) -> tuple[MigrationTool, list[tool_migration.Migration]] | None:
    """The migrations of the first plugin that knows the file by its content, or None."""
    for plugin in file_tools():
        migrations = plugin.read_file(path, text) if plugin.read_file is not None else None
        if migrations is not None:
            return plugin, migrations
    return None


def _section(path: Path | None, reader: SafeReader, rel: _Rel) -> Section | None:
    text = reader.text(path) if path is not None else None
    return Section(rel(path), text) if path is not None and text is not None else None


def _version_key(name: str) -> tuple[tuple[int, str], ...]:
    return tuple((int(p), "") if p.isdigit() else (0, p) for p in re.split(r"[._]", name))
