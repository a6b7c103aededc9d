"""Prisma Migrate: ``{ts}_{name}/migration.sql``; no down migrations."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from schemawright.project.migration import Migration, NewFile, Step
from schemawright.safe_files import SafeReader
from schemawright.tools.base import MigrationTool, Written, numbered_next, read_text

if TYPE_CHECKING:
    from schemawright.emit.sql.dialects import DialectName
    from schemawright.project.detect import MigrationSet

PRISMA = re.compile(r"^(?P<version>\d{14})_(?P<name>.+)$")


def read_history(directory: Path, reader: SafeReader) -> list[Migration]:
    found = [
        (m, p / "migration.sql", read_text(p / "migration.sql", reader))
        for p in directory.iterdir()
        if (m := PRISMA.match(p.name)) and (p / "migration.sql").exists()
    ]
    return [
        Migration(version=m["version"], name=m["name"], path=p, up=up) for m, p, up in found if up is not None
    ]


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
