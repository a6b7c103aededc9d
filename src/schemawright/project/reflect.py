"""Read a replayed scratch database back into design models (SQLAlchemy reflection), so existing
tables can be referenced by the designer exactly like tables it designed itself.

On PostgreSQL every non-system schema is read: a table outside the default schema is named
``schema.table`` (``billing.invoices``), so it is known to exist and never mistaken for a default-schema
table of the same name. A column of a type SQLAlchemy does not know (``xid8``, an extension's type) keeps
the catalog's name for it as its ``type`` (its logical type is text, the nearest neutral one)."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine.interfaces import ReflectedColumn

from schemawright.design.models import Check, Column, ForeignKey, Index, LogicalType, Table, UniqueConstraint
from schemawright.emit.sql.dialects import DialectName, type_sql
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
    engine = sa.create_engine(db.sqlalchemy_url)
    tables: list[Table] = []
    try:
        inspector = sa.inspect(engine)
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "Did not recognize type", sa.exc.SAWarning)
            for schema in _schemas(inspector, dialect):
                tables += _reflect_schema(db, inspector, schema)
    finally:
        engine.dispose()
    return tables


def _schemas(inspector: sa.Inspector, dialect: str) -> list[str | None]:
    """The default schema (None), then on PostgreSQL every other non-system one (a MySQL server's other
    databases belong to others, SQLite has one)."""
    if dialect != "postgresql":
        return [None]
    default = inspector.default_schema_name
    return [
        None,
        *sorted(
            s
            for s in inspector.get_schema_names()
            if s != default and s != "information_schema" and not s.startswith("pg_")
        ),
    ]


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
    if db.dialect != "postgresql" or not any(
        isinstance(c["type"], sa.types.NullType) for cols in columns.values() for c in cols
    ):
        return {}
    rows = db.query(
        "SELECT c.relname AS tbl, a.attname AS col, format_type(a.atttypid, a.atttypmod) AS type "
        "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE a.attnum > 0 AND NOT a.attisdropped AND n.nspname = COALESCE(%s, current_schema())",
        [schema],
    )
    wanted = set(names)
    return {(str(r["tbl"]), str(r["col"])): str(r["type"]) for r in rows if r["tbl"] in wanted}


def _by_name(found: Mapping[tuple[str | None, str], T]) -> dict[str, T]:
    """A ``get_multi_*`` answer (keyed by schema and table) keyed by table name (one schema per call)."""
    return {table: value for (_, table), value in found.items()}


def reflect_functions(db: ScratchDatabase) -> list[str]:
    """User-defined functions (PostgreSQL), so shared ones like ``set_updated_at`` are not recreated."""
    if db.dialect != "postgresql":
        return []
    rows = db.query("""SELECT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                       WHERE n.nspname = current_schema() ORDER BY 1""")
    return [str(r["name"]) for r in rows]


def reflect_partitions(db: ScratchDatabase) -> dict[str, list[str]]:
    """PostgreSQL declarative partitioning: every partitioned table (relkind 'p') -> its direct
    partitions (named like :func:`reflect_tables` names tables: ``schema.table`` outside the current
    schema). An index on such a table cannot be built ``CONCURRENTLY``; it is built on each partition."""
    if db.dialect != "postgresql":
        return {}
    rows = db.query("""SELECT CASE WHEN pn.nspname = current_schema() THEN p.relname
                                   ELSE pn.nspname || '.' || p.relname END AS parent,
                              CASE WHEN cn.nspname = current_schema() THEN c.relname
                                   ELSE cn.nspname || '.' || c.relname END AS child
                       FROM pg_class p JOIN pg_namespace pn ON pn.oid = p.relnamespace
                       LEFT JOIN pg_inherits i ON i.inhparent = p.oid
                       LEFT JOIN pg_class c ON c.oid = i.inhrelid AND c.relispartition
                       LEFT JOIN pg_namespace cn ON cn.oid = c.relnamespace
                       WHERE p.relkind = 'p' AND pn.nspname NOT IN ('pg_catalog', 'information_schema')
                       AND pn.nspname NOT LIKE 'pg\\_%'
                       ORDER BY 1, 2""")
    out: dict[str, list[str]] = {}
    for r in rows:
        children = out.setdefault(str(r["parent"]), [])
        if r["child"] is not None:
            children.append(str(r["child"]))
    return out


def trigger_tables(db: ScratchDatabase) -> set[str]:
    """Tables with a user-defined trigger (the project's way of keeping ``updated_at`` current)."""
    if db.dialect == "postgresql":
        rows = db.query("""SELECT CASE WHEN n.nspname = current_schema() THEN c.relname
                                       ELSE n.nspname || '.' || c.relname END AS name
                           FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                           JOIN pg_namespace n ON n.oid = c.relnamespace
                           WHERE NOT t.tgisinternal AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                           AND n.nspname NOT LIKE 'pg\\_%'""")
    elif db.dialect == "sqlite":
        rows = db.query("SELECT tbl_name AS name FROM sqlite_master WHERE type = 'trigger'")
    else:
        rows = db.query(
            "SELECT event_object_table AS name FROM information_schema.triggers "
            "WHERE trigger_schema = DATABASE()"
        )
    return {str(r["name"]) for r in rows}
