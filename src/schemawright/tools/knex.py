"""Knex: ``{YYYYMMDDHHMMSS}_{name}.js`` exporting ``up``/``down`` that run our statements with ``knex.raw``
(found by ``knexfile.js``, see :mod:`schemawright.project.foreign`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from schemawright.project.knex import render_migration
from schemawright.project.migration import NewFile, Step
from schemawright.tools.base import MigrationTool, Written, numbered_next

if TYPE_CHECKING:
    from schemawright.emit.sql.dialects import DialectName
    from schemawright.project.detect import MigrationSet


def write(found: MigrationSet, plan: list[Step], dialect: DialectName) -> Written:
    files = [
        NewFile(
            found.directory / f"{s.version}_{s.name}.js",
            "migration",
            render_migration(s.name, s.up, s.down, dialect, s.transactional),
        )
        for s in plan
    ]
    return files, []


TOOL = MigrationTool("knex", numbered_next, write, folder=False)
