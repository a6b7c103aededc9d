"""PostgreSQL: transactional DDL, CONCURRENTLY, NOT VALID, declarative partitioning, TIMESTAMPTZ."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from schemawright.emit.sql.base import DialectName, SATypeRenderer, SqlDialect, TypeRenderer, numeric

if TYPE_CHECKING:
    from sqlalchemy.engine.interfaces import Dialect as SADialect


class PostgreSQL(SqlDialect):
    name: ClassVar[DialectName] = "postgresql"

    TYPES: ClassVar[dict[str, TypeRenderer]] = {
        "uuid": lambda t: "UUID",
        "bigint": lambda t: "BIGINT",
        "integer": lambda t: "INTEGER",
        "smallint": lambda t: "SMALLINT",
        "text": lambda t: "TEXT",
        "varchar": lambda t: f"VARCHAR({t.length})",
        "char": lambda t: f"CHAR({t.length})",
        "numeric": lambda t: numeric("NUMERIC", t),
        "boolean": lambda t: "BOOLEAN",
        "date": lambda t: "DATE",
        "time": lambda t: "TIME",
        "timestamptz": lambda t: "TIMESTAMPTZ",
        "interval": lambda t: "INTERVAL",
        "json": lambda t: "JSONB",
        "bytea": lambda t: "BYTEA",
        "inet": lambda t: "INET",
    }

    identifier_limit = 63
    engine_identifier_limit = 63
    truncates_long_identifiers = True

    supports_lock_timeout = True
    supports_concurrent_index = True
    supports_not_valid = True
    supports_partitioning = True
    supports_create_or_replace = True
    single_statement_triggers = True

    has_timestamptz = True
    has_uuid_type = True
    has_binary_json = True
    has_inet_type = True
    has_array_type = True
    has_identity_columns = True
    has_named_enum_types = True
    deferrable_foreign_keys = True
    alter_type_using = True
    has_index_methods = True
    timestamp_type = "TIMESTAMPTZ"
    now = "now()"
    uuid_default = "gen_random_uuid()"  # core since PostgreSQL 13, no extension
    true_literal = "TRUE"
    false_literal = "FALSE"
    checks_email_shape = True

    def _sa_types(self) -> dict[str, SATypeRenderer]:
        import sqlalchemy as sa
        from sqlalchemy.dialects import postgresql as sa_pg

        return {
            "uuid": lambda t: sa_pg.UUID(),
            "bigint": lambda t: sa.BigInteger(),
            "integer": lambda t: sa.Integer(),
            "smallint": lambda t: sa.SmallInteger(),
            "text": lambda t: sa.Text(),
            "varchar": lambda t: sa.String(t.length),
            "char": lambda t: sa.CHAR(t.length),
            "numeric": lambda t: sa.Numeric(t.precision, t.scale),
            "boolean": lambda t: sa.Boolean(),
            "date": lambda t: sa.Date(),
            "time": lambda t: sa.Time(),
            "timestamptz": lambda t: sa_pg.TIMESTAMP(timezone=True),
            "json": lambda t: sa_pg.JSONB(),
            "bytea": lambda t: sa.LargeBinary(),
            "inet": lambda t: sa_pg.INET(),
        }

    def _make_sa_dialect(self) -> SADialect:
        from sqlalchemy.dialects import postgresql as sa_pg

        return sa_pg.dialect(paramstyle="named")  # type: ignore[no-untyped-call]
