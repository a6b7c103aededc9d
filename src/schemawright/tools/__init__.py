"""Migration tool plugins: one module per tool, each a :class:`~schemawright.tools.base.MigrationTool`
(read its history from a folder, name the next version, write the feature's steps in its layout).

``REGISTRY`` is in detection order: a folder is the first tool's whose ``read_history`` finds migrations
there (or that ``owns`` it). Adding a tool is a module with a ``TOOL`` and a line here (plus its name in
``schemawright.project.detect.Format``). ``READ_ONLY`` holds the tools whose histories are read (by
``review``) but that ``design`` does not write, so they are no ``--format``: Liquibase formatted SQL."""

from __future__ import annotations

from schemawright.tools import (
    alembic,
    atlas,
    dbmate,
    diesel,
    django,
    flyway,
    golang_migrate,
    goose,
    knex,
    liquibase,
    prisma,
)
from schemawright.tools.base import MigrationTool

REGISTRY: dict[str, MigrationTool] = {
    t.name: t
    for t in (
        diesel.TOOL,
        prisma.TOOL,
        atlas.TOOL,
        flyway.TOOL,
        golang_migrate.TOOL,
        goose.TOOL,
        dbmate.TOOL,
        alembic.TOOL,
        django.TOOL,
        knex.TOOL,
    )
}

READ_ONLY: dict[str, MigrationTool] = {liquibase.TOOL.name: liquibase.TOOL}


def tool(name: str) -> MigrationTool:
    """The plugin for ``name`` (golang-migrate for an unknown name, as a new project gets)."""
    return REGISTRY.get(name, golang_migrate.TOOL)


def folder_tools() -> list[MigrationTool]:
    """The tools found by scanning a migrations folder, in detection order."""
    return [t for t in REGISTRY.values() if t.folder]


def project_tools() -> list[MigrationTool]:
    """The tools found by their own project files rather than a folder scan (Alembic, Django, Knex); the
    review reads the history of those whose ``read_history`` reads it statically (Alembic, Django)."""
    return [t for t in REGISTRY.values() if not t.folder]


def file_tools() -> list[MigrationTool]:
    """The tools whose migration files are known by their content wherever they lie (``read_file``)."""
    return [t for t in (*REGISTRY.values(), *READ_ONLY.values()) if t.read_file is not None]


__all__ = ["READ_ONLY", "REGISTRY", "MigrationTool", "file_tools", "folder_tools", "project_tools", "tool"]
