"""Flyway: ``V{n}__{name}.sql`` with an undo ``U{n}__{name}.sql`` (Flyway Teams)."""

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
    undo = {m["version"]: p for p in directory.iterdir() if (m := FLYWAY.match(p.name)) and m["kind"] == "U"}
    out = []
    for path in directory.iterdir():
        m = FLYWAY.match(path.name)
        if m and m["kind"] == "V" and not path.is_dir():
            up = read_text(path, reader)
            if up is None:
                continue
            u = undo.get(m["version"])
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


TOOL = MigrationTool("flyway", next_version, write, read_history, default_dir="db/migration")
