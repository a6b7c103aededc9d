"""Read a replayed scratch database back into design models (SQLAlchemy reflection), so existing
tables can be referenced by the designer exactly like tables it designed itself.

On PostgreSQL every non-system schema is read: a table outside the default schema is named
``schema.table`` (``billing.invoices``), so it is known to exist and never mistaken for a default-schema
table of the same name. A column of a type SQLAlchemy does not know (``xid8``, an extension's type) keeps
the catalog's name for it as its ``type`` (its logical type is text, the nearest neutral one)."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine.interfaces import ReflectedColumn

from schemawright.design.models import Check, Column, ForeignKey, Index, LogicalType, Table, UniqueConstraint
from schemawright.emit.sql.dialects import DialectName, type_sql
from schemawright.engines import engine_for
from schemawright.engines.scratch import ScratchDatabase
from schemawright.project.tool_tables import TOOL_TABLES

T = TypeVar("T")


def logical_type(sa_type: sa.types.TypeEngine[Any]) -> LogicalType:
    """The dialect-neutral type of a reflected column (unknown types fall back to text)."""
    name = type(sa_type).__name__.upper()
    if name == "UUID":
        return LogicalType(name="uuid")
    if isinstance(sa_type, sa.BigInteger):
        return LogicalType(name="bigint")
    if isinstance(sa_type, sa.SmallInteger):
        return LogicalType(name="smallint")
    if isinstance(sa_type, sa.Integer):
        return LogicalType(name="integer")
    if isinstance(sa_type, sa.Boolean):
        return LogicalType(name="boolean")
    if isinstance(sa_type, sa.DateTime):
        return LogicalType(name="timestamptz")
    if isinstance(sa_type, sa.Date):
        return LogicalType(name="date")
    if isinstance(sa_type, sa.Time):
        return LogicalType(name="time")
    if isinstance(sa_type, sa.Interval):
        return LogicalType(name="interval")
    if isinstance(sa_type, sa.Numeric) and not isinstance(sa_type, sa.Float):
        return LogicalType(name="numeric", precision=sa_type.precision, scale=sa_type.scale)
    if isinstance(sa_type, sa.JSON) or name in ("JSONB", "JSON"):
        return LogicalType(name="json")
    if isinstance(sa_type, sa.LargeBinary) or name in ("BYTEA", "BLOB", "VARBINARY"):
        return LogicalType(name="bytea")
    if name == "INET":
        return LogicalType(name="inet")
    if isinstance(sa_type, sa.CHAR) and getattr(sa_type, "length", None):
        return LogicalType(name="char", length=sa_type.length)
    if (
        isinstance(sa_type, sa.String)
        and not isinstance(sa_type, sa.Text)
        and getattr(sa_type, "length", None)
    ):
        return LogicalType(name="varchar", length=sa_type.length)
    return LogicalType(name="text")


def _column(dialect: DialectName, info: ReflectedColumn, catalog_type: str = "") -> Column:
    """``catalog_type``: the engine's name for a type SQLAlchemy did not recognise (then the column's
    ``type``; its logical type is text)."""
    logical = logical_type(info["type"])
    default = info.get("default")
    kind = "none"
    if (
        info.get("identity")
        or (default and "nextval(" in default)
        or (info.get("autoincrement") is True and logical.name in ("bigint", "integer"))
    ):
        kind, default = "identity", None
    elif default:
        low = default.lower()
        kind = (
            "now"
            if ("now()" in low or "current_timestamp" in low)
            else "uuid"
            if "uuid" in low
            else "literal"
        )
    unknown = isinstance(info["type"], sa.types.NullType) and catalog_type
    return Column(
        name=info["name"],
        type=catalog_type if unknown else type_sql(dialect, logical),
        logical=logical,
        nullable=bool(info.get("nullable", True)),
        default=default,
        default_kind=kind,
        comment=info.get("comment") or "",
    )


def reflect_tables(db: ScratchDatabase) -> list[Table]:
    """Every application table of ``db`` as an ``existing`` design table.

    SQLAlchemy's ``get_multi_*`` calls read every table's columns, keys, indexes and checks with one
    catalog query each on PostgreSQL, instead of six queries per table (a project with a few hundred
    tables, or the later features of ``design --all``, spent seconds here); other dialects loop as
    before inside SQLAlchemy."""
    dialect: DialectName = db.dialect
    engine = _engine(db.sqlalchemy_url)
    tables: list[Table] = []
    try:
        inspector = sa.inspect(engine)
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "Did not recognize type", sa.exc.SAWarning)
            for schema in engine_for(dialect).schemas(inspector):
                tables += _reflect_schema(db, inspector, schema)
    finally:
        engine.dispose()
    return tables


@lru_cache(maxsize=4)
def _engine(url: str) -> sa.Engine:
    """One SQLAlchemy engine per database URL: its compiled catalog queries and its dialect's first-connect
    checks are kept, which ``design --all`` (reading the same chain template for every feature) would
    otherwise pay again each time. Callers dispose of its connections when done."""
    return sa.create_engine(url)


def _qualified(schema: str | None, name: str) -> str:
    return f"{schema}.{name}" if schema else name


def _reflect_schema(db: ScratchDatabase, inspector: sa.Inspector, schema: str | None) -> list[Table]:
    dialect: DialectName = db.dialect
    tables: list[Table] = []
    names = sorted(
        n
        for n in inspector.get_table_names(schema=schema)
        if n not in TOOL_TABLES and not n.startswith("sqlite_")
    )
    if not names:
        return tables
    pks = _by_name(inspector.get_multi_pk_constraint(schema=schema, filter_names=names))
    columns = _by_name(inspector.get_multi_columns(schema=schema, filter_names=names))
    fks = _by_name(inspector.get_multi_foreign_keys(schema=schema, filter_names=names))
    uniques = _by_name(inspector.get_multi_unique_constraints(schema=schema, filter_names=names))
    indexes = _by_name(inspector.get_multi_indexes(schema=schema, filter_names=names))
    checks = _by_name(inspector.get_multi_check_constraints(schema=schema, filter_names=names))
    unknown = _catalog_types(db, schema, names, columns)
    for name in names:
        pk = pks.get(name)
        qualified = _qualified(schema, name)
        table = Table(
            name=qualified,
            existing=True,
            primary_key=list(pk["constrained_columns"] or []) if pk else [],
            columns=[
                _column(dialect, c, unknown.get((name, c["name"]), "")) for c in columns.get(name) or []
            ],
        )
        for fk in fks.get(name) or []:
            on_delete = str((fk.get("options") or {}).get("ondelete") or "NO ACTION").upper()
            ref_table = _qualified(fk.get("referred_schema"), fk["referred_table"])
            table.foreign_keys.append(
                ForeignKey(
                    name=fk.get("name") or f"fk_{name}_{fk['referred_table']}",
                    columns=fk["constrained_columns"],
                    ref_table=ref_table,
                    ref_columns=fk["referred_columns"],
                    on_delete=on_delete if on_delete in ("CASCADE", "RESTRICT", "SET NULL") else "NO ACTION",
                )
            )
        for uq in uniques.get(name) or []:
            table.unique.append(
                UniqueConstraint(name=uq.get("name") or f"uq_{name}", columns=uq["column_names"])
            )
        for ix in indexes.get(name) or []:
            if ix.get("duplicates_constraint"):
                continue
            table.indexes.append(
                Index(
                    name=ix.get("name") or f"idx_{name}",
                    columns=[c for c in ix["column_names"] if c],
                    unique=bool(ix["unique"]),
                )
            )
        for ck in checks.get(name) or []:
            table.checks.append(Check(name=ck.get("name") or f"ck_{name}", expression=ck["sqltext"]))
        tables.append(table)
    return tables


def _catalog_types(
    db: ScratchDatabase, schema: str | None, names: list[str], columns: Mapping[str, list[ReflectedColumn]]
) -> dict[tuple[str, str], str]:
    """(table, column) -> PostgreSQL's ``format_type`` for the columns SQLAlchemy reflected as NullType
    (one query, only when there is such a column)."""
    if not any(isinstance(c["type"], sa.types.NullType) for cols in columns.values() for c in cols):
        return {}
    wanted = set(names)
    return {k: v for k, v in engine_for(db.dialect).catalog_types(db, schema).items() if k[0] in wanted}


def _by_name(found: Mapping[tuple[str | None, str], T]) -> dict[str, T]:
    """A ``get_multi_*`` answer (keyed by schema and table) keyed by table name (one schema per call)."""
    return {table: value for (_, table), value in found.items()}


def reflect_functions(db: ScratchDatabase) -> list[str]:
    """User-defined functions (PostgreSQL), so shared ones like ``set_updated_at`` are not recreated."""
    return engine_for(db.dialect).current_functions(db)


def reflect_partitions(db: ScratchDatabase) -> dict[str, list[str]]:
    """PostgreSQL declarative partitioning: every partitioned table (relkind 'p') -> its direct
    partitions (named like :func:`reflect_tables` names tables: ``schema.table`` outside the current
    schema). An index on such a table cannot be built ``CONCURRENTLY``; it is built on each partition."""
    return engine_for(db.dialect).partition_children(db)


def trigger_tables(db: ScratchDatabase) -> set[str]:
    """Tables with a user-defined trigger (the project's way of keeping ``updated_at`` current)."""
    return engine_for(db.dialect).trigger_tables(db)
