"""Moved to :mod:`schemawright.engines.scratch` (throw-away databases on real engines); this module keeps
the old import path working."""

from __future__ import annotations

from schemawright.engines.scratch import (
    MYSQL_ENV,
    POSTGRES_ENV,
    MySQLScratch,
    Params,
    PostgresScratch,
    ScratchDatabase,
    SQLiteScratch,
    postgres_admin,
    postgres_scratch_on,
    scratch_database,
    warn,
)

__all__ = [
    "MYSQL_ENV",
    "POSTGRES_ENV",
    "MySQLScratch",
    "Params",
    "PostgresScratch",
    "SQLiteScratch",
    "ScratchDatabase",
    "postgres_admin",
    "postgres_scratch_on",
    "scratch_database",
    "warn",
]
