"""golang-migrate: ``{version}_{name}.up.sql`` / ``.down.sql`` pairs (also the default for a new project)."""

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

PAIR = re.compile(r"^(?P<version>\d+)_(?P<name>.+)\.(?P<dir>up|down)\.sql$")


def read_history(directory: Path, reader: SafeReader) -> list[Migration]:
    """Each ``{version}_{name}.up.sql`` with the down of the same version, whatever the down's name:
    golang-migrate pairs the two by version (``30_add_x.up.sql`` with ``30_drop_x.down.sql``)."""
    ups: dict[tuple[str, str], Path] = {}
    downs: dict[int, Path] = {}
    for path in directory.iterdir():
        m = PAIR.match(path.name)
        if m and not path.is_dir():
            if m["dir"] == "up":
                ups[(m["version"], m["name"])] = path
            else:
                downs[int(m["version"])] = path
    out = []
    for (v, n), up_path in ups.items():
        up = read_text(up_path, reader)
        if up is None:
            continue
        down_path = downs.get(int(v))
        down = read_text(down_path, reader) if down_path else None
        out.append(
            Migration(
                version=v,
                name=n,
                path=up_path,
                up=up,
                down=down,
                down_path=down_path if down is not None else None,
            )
        )
    return out


def write(found: MigrationSet, plan: list[Step], _dialect: DialectName) -> Written:
    files: list[NewFile] = []
    for s in plan:
        files.append(NewFile(found.directory / f"{s.version}_{s.name}.up.sql", "migration-up", s.up))
        files.append(NewFile(found.directory / f"{s.version}_{s.name}.down.sql", "migration-down", s.down))
    return files, []


TOOL = MigrationTool("golang-migrate", numbered_next, write, read_history)
