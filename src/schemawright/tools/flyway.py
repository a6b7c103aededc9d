"""Flyway: ``V{n}__{name}.sql`` with an undo ``U{n}__{name}.sql`` (Flyway Teams), in a folder and the
folders below it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from schemawright.project.migration import Migration, NewFile, Step
from schemawright.safe_files import SafeReader
from schemawright.tools.base import MigrationTool, Written, read_text

if TYPE_CHECKING:
    from schemawright.emit.sql.dialects import DialectName
    from schemawright.project.detect import MigrationSet

FLYWAY = re.compile(r"^(?P<kind>[VU])(?P<version>\d+(?:[._]\d+)*)__(?P<name>.+)\.sql$")


def read_history(directory: Path, reader: SafeReader) -> list[Migration]:
    """The versioned migrations in ``directory`` and every folder below it (Flyway scans its locations
    recursively), each with the undo script of the same version, whatever the undo's description."""
    files = sorted(p for p in directory.rglob("*.sql") if FLYWAY.match(p.name) and not p.is_dir())
    undo = {_number(m["version"]): p for p in files if (m := FLYWAY.match(p.name)) and m["kind"] == "U"}
    out = []
    for path in files:
        m = FLYWAY.match(path.name)
        if m and m["kind"] == "V":
            up = read_text(path, reader)
            if up is None:
                continue
            u = undo.get(_number(m["version"]))
            down = read_text(u, reader) if u else None
            out.append(
                Migration(
                    version=m["version"],
                    name=m["name"],
                    path=path,
                    up=up,
                    down=down,
                    down_path=u if down is not None else None,
                )
            )
    return out


def _number(version: str) -> tuple[int, ...]:
    """Flyway's version as numbers: ``1.1``, ``1_1`` and ``01.1`` are one version."""
    return tuple(int(part) for part in re.split(r"[._]", version))


def label(migration: Migration) -> str:
    """The versioned file's name without ``.sql``: ``V1.1__add_email``."""
    return f"V{migration.version}__{migration.name}"


def next_version(migrations: Sequence[Migration], _stamp: str) -> str:
    """The next integer version."""
    return str(migrations[-1].key[0] + 1) if migrations else "1"


def write(found: MigrationSet, plan: list[Step], _dialect: DialectName) -> Written:
    d, base = found.directory, int(plan[0].version)
    files = []
    for i, s in enumerate(plan):
        files.append(NewFile(d / f"V{base + i}__{s.name}.sql", "migration-up", s.up))
        files.append(NewFile(d / f"U{base + i}__{s.name}.sql", "migration-down", s.down))
    return files, ["Flyway: the undo script is written as U{n}__… (Flyway Teams runs it with `flyway undo`)."]


TOOL = MigrationTool("flyway", next_version, write, read_history, default_dir="db/migration", label=label)
