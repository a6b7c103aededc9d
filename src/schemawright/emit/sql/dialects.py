"""Per-dialect facts the designer and emitters share: identifier quoting, limits, type names.

Quoting uses SQLAlchemy's own identifier preparer, so reserved words (``order``, ``user``, ``desc``)
are quoted exactly when the engine needs it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import lru_cache
from typing import Literal

from sqlalchemy.dialects import mysql, postgresql, sqlite
from sqlalchemy.engine.interfaces import Dialect as SADialect

from schemawright.design.models import LogicalType

DialectName = Literal["postgresql", "mysql", "sqlite"]
IDENTIFIER_LIMIT: dict[str, int] = {"postgresql": 63, "mysql": 64, "sqlite": 128}


@lru_cache(maxsize=3)
def sa_dialect(name: DialectName) -> SADialect:
    if name == "postgresql":
        return postgresql.dialect(paramstyle="named")  # type: ignore[no-untyped-call]
    if name == "mysql":
        # One migration must run on MySQL and on MariaDB, whose reserved words differ (MariaDB reserves
        # OFFSET; MySQL reserves RANK): quote the words either engine reserves.
        from sqlalchemy.dialects.mysql.reserved_words import RESERVED_WORDS_MARIADB, RESERVED_WORDS_MYSQL

        dialect = mysql.dialect(paramstyle="named")
        preparer = dialect.identifier_preparer
        preparer.reserved_words = set(preparer.reserved_words) | RESERVED_WORDS_MARIADB | RESERVED_WORDS_MYSQL
        return dialect
    return sqlite.dialect(paramstyle="named")


def quote(dialect: DialectName, identifier: str) -> str:
    return str(sa_dialect(dialect).identifier_preparer.quote(identifier))


def literal(dialect: DialectName, value: str) -> str:
    """A SQL string literal: quotes doubled (and MySQL's backslash escapes doubled), so spec text can
    never break out of it."""
    if dialect == "mysql":
        value = value.replace("\\", "\\\\")
    return "'" + value.replace("'", "''") + "'"


def shorten(name: str, dialect: DialectName) -> str:
    """Fit an identifier to the engine's limit deterministically: keep a readable prefix and add a
    hash of the full name, so two long names never collide."""
    limit = IDENTIFIER_LIMIT[dialect]
    if len(name.encode("utf-8")) <= limit:
        return name
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    prefix = name.encode("utf-8")[: limit - 9].decode("utf-8", errors="ignore").rstrip("_")
    return f"{prefix}_{digest}"


def type_sql(dialect: DialectName, t: LogicalType) -> str:
    """The type as it appears in DDL for ``dialect`` (the JSON ``type`` field)."""
    if dialect == "postgresql":
        return _PG[t.name](t)
    if dialect == "mysql":
        return _MY[t.name](t)
    return _SQLITE[t.name](t)


def _num(base: str, t: LogicalType) -> str:
    return f"{base}({t.precision},{t.scale})" if t.precision is not None else base


_TypeRenderer = Callable[[LogicalType], str]

_PG: dict[str, _TypeRenderer] = {
    "uuid": lambda t: "UUID",
    "bigint": lambda t: "BIGINT",
    "integer": lambda t: "INTEGER",
    "smallint": lambda t: "SMALLINT",
    "text": lambda t: "TEXT",
    "varchar": lambda t: f"VARCHAR({t.length})",
    "char": lambda t: f"CHAR({t.length})",
    "numeric": lambda t: _num("NUMERIC", t),
    "boolean": lambda t: "BOOLEAN",
    "date": lambda t: "DATE",
    "time": lambda t: "TIME",
    "timestamptz": lambda t: "TIMESTAMPTZ",
    "interval": lambda t: "INTERVAL",
    "json": lambda t: "JSONB",
    "bytea": lambda t: "BYTEA",
    "inet": lambda t: "INET",
}
_MY: dict[str, _TypeRenderer] = {
    "uuid": lambda t: "CHAR(36)",
    "bigint": lambda t: "BIGINT",
    "integer": lambda t: "INT",
    "smallint": lambda t: "SMALLINT",
    "text": lambda t: "TEXT",
    "varchar": lambda t: f"VARCHAR({t.length})",
    "char": lambda t: f"CHAR({t.length})",
    "numeric": lambda t: _num("DECIMAL", t),
    "boolean": lambda t: "BOOLEAN",
    "date": lambda t: "DATE",
    "time": lambda t: "TIME(0)",
    "timestamptz": lambda t: "DATETIME(6)",
    "interval": lambda t: "BIGINT",
    "json": lambda t: "JSON",
    "bytea": lambda t: "VARBINARY(1024)",
    "inet": lambda t: "VARCHAR(45)",
}
_SQLITE: dict[str, _TypeRenderer] = {
    "uuid": lambda t: "TEXT",
    "bigint": lambda t: "INTEGER",
    "integer": lambda t: "INTEGER",
    "smallint": lambda t: "INTEGER",
    "text": lambda t: "TEXT",
    "varchar": lambda t: "TEXT",
    "char": lambda t: "TEXT",
    "numeric": lambda t: "TEXT",
    "boolean": lambda t: "INTEGER",
    "date": lambda t: "TEXT",
    "time": lambda t: "TEXT",
    "timestamptz": lambda t: "TEXT",
    "interval": lambda t: "INTEGER",
    "json": lambda t: "TEXT",
    "bytea": lambda t: "BLOB",
    "inet": lambda t: "TEXT",
}
