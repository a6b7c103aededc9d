"""The dialect registry: ``dialect_for(name)`` gives the engine's :class:`SqlDialect` (``postgresql.py``,
``mysql.py``, ``sqlite.py``), whose type tables, feature flags and methods hold every per-engine fact the
designer, emitters and reviewer use.

Quoting uses SQLAlchemy's own identifier preparer, so reserved words (``order``, ``user``, ``desc``)
are quoted exactly when the engine needs it. The module-level functions below are the older spelling of
the same methods (``quote(dialect, name)`` is ``dialect_for(dialect).quote(name)``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from schemawright.emit.sql.base import DialectName, SqlDialect
from schemawright.emit.sql.mysql import MySQL
from schemawright.emit.sql.postgresql import PostgreSQL
from schemawright.emit.sql.sqlite import SQLite

if TYPE_CHECKING:  # SQLAlchemy is imported when a dialect is first asked for it (the review never is)
    from sqlalchemy.engine.interfaces import Dialect as SADialect

    from schemawright.catalog.models import LogicalType

__all__ = [
    "IDENTIFIER_LIMIT",
    "DialectName",
    "SqlDialect",
    "dialect_for",
    "is_dialect",
    "literal",
    "quote",
    "sa_dialect",
    "shorten",
    "type_sql",
]

_DIALECTS: dict[str, SqlDialect] = {d.name: d for d in (PostgreSQL(), MySQL(), SQLite())}
_ALIASES = {"postgres": "postgresql"}  # sqlglot's name
IDENTIFIER_LIMIT: dict[str, int] = {name: d.identifier_limit for name, d in _DIALECTS.items()}


def dialect_for(name: str) -> SqlDialect:
    """The dialect called ``name`` (``postgresql``, ``mysql``, ``sqlite``; also sqlglot's ``postgres``)."""
    found = _DIALECTS.get(_ALIASES.get(name, name))
    if found is None:
        raise ValueError(f"unknown dialect {name!r}; expected postgresql, mysql or sqlite")
    return found


def is_dialect(name: str | None) -> bool:
    """Whether ``name`` is one of the SQL dialects' own names (no alias)."""
    return name in _DIALECTS


def sa_dialect(name: DialectName) -> SADialect:
    return dialect_for(name).sa_dialect()


def quote(dialect: DialectName, identifier: str) -> str:
    return dialect_for(dialect).quote(identifier)


def literal(dialect: DialectName, value: str) -> str:
    """A SQL string literal: quotes doubled (and MySQL's backslash escapes doubled), so spec text can
    never break out of it."""
    return dialect_for(dialect).literal(value)


def shorten(name: str, dialect: DialectName) -> str:
    """Fit an identifier to the engine's limit deterministically: keep a readable prefix and add a
    hash of the full name, so two long names never collide."""
    return dialect_for(dialect).shorten(name)


def type_sql(dialect: DialectName, t: LogicalType) -> str:
    """The type as it appears in DDL for ``dialect`` (the JSON ``type`` field)."""
    return dialect_for(dialect).type_sql(t)
