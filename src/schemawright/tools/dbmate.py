"""dbmate: ``{version}_{name}.sql`` with ``-- migrate:up`` / ``-- migrate:down`` sections."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from schemawright.project.migration import Migration, NewFile, Step
from schemawright.safe_files import SafeReader
from schemawright.tools.base import MigrationTool, Written, numbered_next
from schemawright.tools.sectioned import read_sectioned

if TYPE_CHECKING:
    from schemawright.emit.sql.dialects import DialectName
    from schemawright.project.detect import MigrationSet


def read_history(directory: Path, reader: SafeReader) -> list[Migration]:
    return read_sectioned(directory, "dbmate", reader)


def write(found: MigrationSet, plan: list[Step], _dialect: DialectName) -> Written:
    files = []
    for s in plan:
        tx = "" if s.transactional else " transaction:false"
        text = f"-- migrate:up{tx}\n{s.up}\n-- migrate:down{tx}\n{s.down}"
        files.append(NewFile(found.directory / f"{s.version}_{s.name}.sql", "migration", text))
    return files, []


TOOL = MigrationTool("dbmate", numbered_next, write, read_history)
