"""Django: ``{app}/migrations/{n:04d}_{name}.py`` with ``migrations.RunSQL`` depending on the app's latest
migration (found by the apps' own folders, see :mod:`schemawright.project.foreign`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from schemawright.project.foreign import django_migration
from schemawright.project.migration import NewFile, Step
from schemawright.tools import golang_migrate
from schemawright.tools.base import MigrationTool, Written, clock

if TYPE_CHECKING:
    from schemawright.emit.sql.dialects import DialectName
    from schemawright.project.detect import MigrationSet


def write(found: MigrationSet, plan: list[Step], dialect: DialectName) -> Written:
    if found.foreign is None:  # no app found: plain SQL pairs
        return golang_migrate.write(found, plan, dialect)
    latest = found.migrations[-1].path.stem if found.migrations else None
    app, dep = found.foreign.app, latest or found.foreign.latest
    number = int(dep[:4]) if dep[:4].isdigit() else 0
    files = []
    for i, s in enumerate(plan, 1):
        name = f"{number + i:04d}_{s.name}"
        text = django_migration((app, dep) if dep else None, s.up, s.down, dialect, s.transactional)
        files.append(NewFile(found.directory / f"{name}.py", "migration", text))
        dep = name
    return files, []


TOOL = MigrationTool("django", clock, write, folder=False)  # numbered from the app's latest migration
