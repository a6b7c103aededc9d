"""Django: ``{app}/migrations/{n:04d}_{name}.py`` with ``migrations.RunSQL`` depending on the app's latest
migration (found by the apps' own folders, see :mod:`schemawright.project.foreign`).

``read_history`` reads the migrations statically for the review (never importing them): every app's
under a folder (or the one app whose ``migrations`` folder it is) in ``migrate`` order, each as SQL
(:mod:`schemawright.project.django_static`), named ``app.0001_initial`` as Django names them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from schemawright.project.foreign import django_apps, django_migration
from schemawright.project.migration import Migration, NewFile, Step
from schemawright.safe_files import SafeReader
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


def read_history(folder: Path, reader: SafeReader, dialect: str | None = None) -> list[Migration]:
    """The Django migrations under ``folder`` as ``dialect`` SQL (default PostgreSQL), read statically."""
    from schemawright.project.django_files import app_files

    own = (folder / "__init__.py").is_file() and folder.name == "migrations" and any(folder.glob("0001_*.py"))
    apps = [folder] if own else django_apps(folder)
    keep = {p for app in apps for p in app_files(app) if reader.allows(p)}
    if not keep:
        return []
    # imported only for a Django project: they load Alembic and SQLAlchemy
    from schemawright.project.django_static import read_apps
    from schemawright.project.static_history import user_model

    return read_apps(apps, dialect or "postgresql", user_model=user_model(apps), keep=keep)


def _label(migration: Migration) -> str:
    return f"{migration.path.parent.parent.name}.{migration.path.stem}"  # app.0001_initial, as Django says


# numbered from the app's latest migration
TOOL = MigrationTool("django", clock, write, read_history, folder=False, label=_label)
