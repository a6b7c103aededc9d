"""SQLite: STRICT tables of a few storage classes (text, integer, real, blob), so most logical types are
TEXT or INTEGER; no ALTER TABLE … ADD CONSTRAINT, no schemas, no identifier limit of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from schemawright.emit.sql.base import DialectName, SATypeRenderer, SqlDialect, TypeRenderer

if TYPE_CHECKING:
    from sqlalchemy.engine.interfaces import Dialect as SADialect


class SQLite(SqlDialect):
    name: ClassVar[DialectName] = "sqlite"

    TYPES: ClassVar[dict[str, TypeRenderer]] = {
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

    identifier_limit = 128  # SQLite has none; names stay readable

    has_exact_decimal = False
    reserved_words = frozenset({"index"})
    has_temporal_types = False
    timestamp_type = "TEXT"
    now = "CURRENT_TIMESTAMP"
    length_function = "length"

    def _sa_types(self) -> dict[str, SATypeRenderer]:
        import sqlalchemy as sa

        return {
            "uuid": lambda t: sa.Text(),
            "bigint": lambda t: sa.Integer(),
            "integer": lambda t: sa.Integer(),
            "smallint": lambda t: sa.Integer(),
            "text": lambda t: sa.Text(),
            "varchar": lambda t: sa.String(t.length),
            "char": lambda t: sa.Text(),
            "numeric": lambda t: sa.Text(),
            "boolean": lambda t: sa.Integer(),
            "date": lambda t: sa.Text(),
            "time": lambda t: sa.Text(),
            "timestamptz": lambda t: sa.Text(),
            "json": lambda t: sa.Text(),
            "bytea": lambda t: sa.LargeBinary(),
            "inet": lambda t: sa.Text(),  # STRICT tables know no VARCHAR(45); TEXT as in the DDL
        }

    def _make_sa_dialect(self) -> SADialect:
        from sqlalchemy.dialects import sqlite as sa_sqlite

        return sa_sqlite.dialect(paramstyle="named")
