"""Read a replayed scratch database back into the review :class:`Schema` (SQLAlchemy reflection).

The engine's catalog is the truth about structure (types, keys, checks, indexes, partitions, objects made
by DO blocks or dynamic SQL); the static model still knows where each object was written, so source
locations are copied from it. Tables the static model never saw are placed at the migration after which
they appeared.
"""

from __future__ import annotations

import warnings
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlglot import exp
from sqlglot.errors import ParseError

from schemawright.project.tool_tables import TOOL_TABLES
from schemawright.review.parse import DIALECTS
from schemawright.review.schema import Column, ForeignKey, Index, Schema, Table, key
from schemawright.verify.engines import ScratchDatabase


def table_names(db: ScratchDatabase) -> set[str]:
    """Application table names now in the scratch database (cheap: used after every migration)."""
    engine = sa.create_engine(db.sqlalchemy_url)
    try:
        return {key(t) for t in sa.inspect(engine).get_table_names()} - TOOL_TABLES
    finally:
        engine.dispose()


def reflect_schema(db: ScratchDatabase, static: Schema, appeared: dict[str, str]) -> Schema:
    """The catalog of ``db`` as a review Schema; ``appeared`` maps table key -> file it appeared in."""
    engine = sa.create_engine(db.sqlalchemy_url)
    try:
        inspector = sa.inspect(engine)
        schema = Schema()
        warnings.filterwarnings("ignore", "Skipped unsupported reflection", sa.exc.SAWarning)
        partitions = _partitions(db)
        for name in inspector.get_table_names():
            if key(name) in TOOL_TABLES:
                continue
            table = _table(inspector, engine.dialect, name, static, appeared, db.dialect)
            table.partitioned, table.partition_of = partitions.get(key(name), (False, None))
            schema.tables[key(name)] = table
        schema.views = {key(v) for v in inspector.get_view_names()}
    finally:
        engine.dispose()
    schema.functions, schema.triggers, schema.types = _objects(db)
    return schema


def _table(
    inspector: sa.Inspector,
    sa_dialect: sa.Dialect,
    name: str,
    static: Schema,
    appeared: dict[str, str],
    dialect: str,
) -> Table:
    known = _match(name, static.tables)
    table = Table(
        known.name if known else name,
        created_in=known.created_in if known else "",
        line=known.line if known else 1,
        path=known.path if known else appeared.get(key(name), ""),
    )
    checks = [str(c["sqltext"]) for c in inspector.get_check_constraints(name)]
    for info in inspector.get_columns(name):
        table.columns[key(info["name"])] = _column(info, sa_dialect, dialect, known, checks)
    table.primary_key = tuple(
        key(c) for c in inspector.get_pk_constraint(name).get("constrained_columns", [])
    )
    for fk in inspector.get_foreign_keys(name):
        cols = tuple(key(c) for c in fk["constrained_columns"])
        same = next((f for f in known.foreign_keys if f.columns == cols), None) if known else None
        on_delete = (fk.get("options") or {}).get("ondelete") or (same.on_delete if same else None)
        table.foreign_keys.append(
            ForeignKey(
                fk.get("name") or "",
                cols,
                key(fk["referred_table"]),
                tuple(key(c) for c in fk["referred_columns"]),
                on_delete.upper() if on_delete and on_delete.upper() != "NO ACTION" else None,
                same.line if same else table.line,
                same.path if same else table.path,
            )
        )
    table.uniques = [tuple(key(c) for c in u["column_names"]) for u in inspector.get_unique_constraints(name)]
    unique_names = {key(u.get("name") or "") for u in inspector.get_unique_constraints(name)}
    for ix in inspector.get_indexes(name):
        index_name = ix.get("name") or ""
        if key(index_name) in unique_names:
            continue  # MySQL and SQLite report unique constraints as indexes too
        table.indexes[key(index_name)] = _index(ix, table, known)
    for static_key, index in (known.indexes if known else {}).items():
        if _match(static_key, table.indexes) is None and any("(" in c for c in index.columns):
            table.indexes[static_key] = index  # expression indexes: SQLAlchemy cannot reflect them
    table.checks = checks
    try:
        table.comment = inspector.get_table_comment(name).get("text") or ""
    except NotImplementedError:  # SQLite has no comments
        table.comment = known.comment if known else ""
    return table


def _column(
    info: Any, sa_dialect: sa.Dialect, dialect: str, known: Table | None, checks: list[str]
) -> Column:
    static_col = _match(str(info["name"]), known.columns) if known else None
    name = static_col.name if static_col else str(info["name"])
    type_sql = info["type"].compile(dialect=sa_dialect)
    default = info.get("default")
    identity = bool(info.get("identity")) or bool(default and "nextval(" in str(default))
    identity = identity or (info.get("autoincrement") is True and dialect == "mysql")
    col = Column(
        name,
        type_sql,
        _dtype(type_sql, dialect),
        nullable=bool(info["nullable"]),
        default=None if default is None else str(default),
        identity=identity or bool(static_col and static_col.identity),
        line=static_col.line if static_col else (known.line if known else 1),
        path=static_col.path if static_col else (known.path if known else ""),
    )
    col.check = bool(static_col and static_col.check) or _enum(type_sql)
    return col


T = TypeVar("T")


def _match(name: str, known: dict[str, T]) -> T | None:
    """The static object for a reflected name; PostgreSQL truncates identifiers to 63 bytes, so a longer
    static name whose first 63 characters match is the same object (and keeps its written name)."""
    found = known.get(key(name))
    if found is None and len(name) == 63:
        found = next((v for k, v in known.items() if k.startswith(key(name))), None)
    return found


def _enum(type_sql: str) -> bool:
    return type_sql.upper().startswith(("ENUM", "SET("))


def _dtype(type_sql: str, dialect: str) -> str:
    """sqlglot's type name for the engine's spelling, so rules compare the same names on both paths."""
    try:
        return str(exp.DataType.build(type_sql, dialect=DIALECTS[dialect]).this.name)
    except (ParseError, ValueError):
        return type_sql.split("(")[0].upper()


def _index(ix: Any, table: Table, known: Table | None) -> Index:
    name = str(ix.get("name") or "")
    options = ix.get("dialect_options") or {}
    expressions = ix.get("expressions") or []
    columns = tuple(
        key(c) if c is not None else str(expressions[i]).lower() for i, c in enumerate(ix["column_names"])
    )
    where = options.get("postgresql_where") or options.get("sqlite_where")
    using = options.get("postgresql_using")
    source = _match(name, known.indexes) if known else None
    return Index(
        source.name if source else name,
        table.name,
        columns,
        bool(ix.get("unique")),
        str(where) if where is not None else None,
        str(using).lower() if using and str(using).lower() != "btree" else None,
        source.line if source else table.line,
        source.path if source else table.path,
    )


def _partitions(db: ScratchDatabase) -> dict[str, tuple[bool, str | None]]:
    """PostgreSQL declarative partitioning: table key -> (partitioned parent?, parent of a partition)."""
    if db.dialect != "postgresql":
        return {}
    rows = db.query(
        "SELECT c.relname AS name, c.relkind = 'p' AS partitioned, p.relname AS parent "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "LEFT JOIN pg_inherits i ON i.inhrelid = c.oid AND c.relispartition "
        "LEFT JOIN pg_class p ON p.oid = i.inhparent "
        "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')"
    )
    return {key(r["name"]): (bool(r["partitioned"]), key(r["parent"]) if r["parent"] else None) for r in rows}


def _objects(db: ScratchDatabase) -> tuple[set[str], dict[str, str], set[str]]:
    """Functions, triggers (-> table key) and user-defined types the engine holds."""
    if db.dialect == "postgresql":
        functions = db.query(
            "SELECT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = current_schema()"
        )
        triggers = db.query(
            "SELECT t.tgname AS name, c.relname AS tbl FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
            "AND NOT t.tgisinternal"
        )
        types = db.query(
            "SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
            "WHERE n.nspname = current_schema() AND t.typtype IN ('e', 'd')"
        )
        return (
            {key(r["name"]) for r in functions},
            {key(r["name"]): key(r["tbl"]) for r in triggers},
            {key(r["name"]) for r in types},
        )
    if db.dialect == "mysql":
        functions = db.query(
            "SELECT ROUTINE_NAME AS name FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()"
        )
        triggers = db.query(
            "SELECT TRIGGER_NAME AS name, EVENT_OBJECT_TABLE AS tbl FROM information_schema.TRIGGERS "
            "WHERE TRIGGER_SCHEMA = DATABASE()"
        )
        return {key(r["name"]) for r in functions}, {key(r["name"]): key(r["tbl"]) for r in triggers}, set()
    triggers = db.query("SELECT name, tbl_name AS tbl FROM sqlite_master WHERE type = 'trigger'")
    return set(), {key(r["name"]): key(r["tbl"]) for r in triggers}, set()
