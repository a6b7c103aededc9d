"""Alembic: revision files chained by ``down_revision`` (found by ``alembic.ini`` / ``env.py``, see
:mod:`schemawright.project.alembic_chain`); each step runs the verified SQL with ``op.execute``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from schemawright.project.alembic_revision import revision_files
from schemawright.project.migration import NewFile, Step
from schemawright.tools.base import MigrationTool, Written, clock

if TYPE_CHECKING:
    from schemawright.emit.sql.dialects import DialectName
    from schemawright.project.detect import MigrationSet


def write(found: MigrationSet, plan: list[Step], dialect: DialectName) -> Written:
    head = found.migrations[-1].version if found.migrations else None
    steps = [(s.name, s.up, s.down, not s.transactional or i > 0) for i, s in enumerate(plan)]
    files = [
        NewFile(p, "migration", text) for p, text in revision_files(found.directory, head, steps, dialect)
    ]
    return files, [
        f"Alembic: revision file(s) chained to the head ({head or 'base'}) run the verified SQL with "
        "op.execute; the chain was verified through Alembic itself (upgrade head, downgrade, upgrade "
        "head). Autogenerate will not see these tables until the application's models declare them."
    ]


TOOL = MigrationTool("alembic", clock, write, folder=False)  # revisions are chained by id, not versioned
