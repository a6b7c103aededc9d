"""Prisma Migrate: ``{ts}_{name}/migration.sql``; no down migrations (Prisma's documented rollback, a
``down.sql`` beside ``migration.sql`` run with ``prisma db execute``, is read as the down when present)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from schemawright.project.migration import Migration, NewFile, Step
from schemawright.safe_files import SafeReader
from schemawright.tools.base import MigrationTool, Written, folder_migration, numbered_next

if TYPE_CHECKING:
    from schemawright.emit.sql.dialects import DialectName
    from schemawright.project.detect import MigrationSet

PRISMA = re.compile(r"^(?P<version>\d{14})_(?P<name>.+)$")


def read_history(directory: Path, reader: SafeReader) -> list[Migration]:
    out = []
    for folder in directory.iterdir():
        m = PRISMA.match(folder.name)
        if m is None or not (folder / "migration.sql").exists():
            continue
        found = folder_migration(folder, "migration.sql", m["version"], m["name"], reader)
        if found is not None:
            out.append(found)
    return out


def write(found: MigrationSet, plan: list[Step], _dialect: DialectName) -> Written:
    files = [
        NewFile(found.directory / f"{s.version}_{s.name}" / "migration.sql", "migration-up", s.up)
        for s in plan
    ]
    return files, [
        "Prisma Migrate has no down migrations; the verified down script is not written. Update "
        "schema.prisma to match (e.g. `prisma db pull`)."
    ]


TOOL = MigrationTool("prisma", numbered_next, write, read_history, default_dir="prisma/migrations")
