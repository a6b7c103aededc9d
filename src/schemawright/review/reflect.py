"""Read a replayed scratch database back into the review :class:`Schema` (SQLAlchemy reflection).

The engine's catalog is the truth about structure (types, keys, checks, indexes, partitions, objects made
by DO blocks or dynamic SQL); the static model still knows where each object was written, so source
locations are copied from it. Tables the static model never saw are placed at the migration after which
they appeared.

On PostgreSQL every non-system schema is read, not only the default one: a table in another schema is
keyed by its bare name like the static model keys it (``billing.invoices`` -> ``invoices``), or by
``schema.name`` when the default schema has a table of that name too. A column of a type SQLAlchemy does
not know (``xid8``, an extension's type) keeps the catalog's name for it.
"""

from __future__ import annotations

import warnings
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlglot import exp
from sqlglot.errors import ParseError

from schemawright.engines import engine_for
from schemawright.engines.scratch import ScratchDatabase
from schemawright.project.tool_tables import TOOL_TABLES
from schemawright.review.parse import DIALECTS
from schemawright.review.schema import Column, ForeignKey, Index, Schema, Table, key


def _tables(inspector: sa.Inspector, dialect: str) -> list[tuple[str | None, str, str]]:
    """(schema, name, key) of every application table: the bare name is the key unless a table of an
    earlier schema (the default one first) already has it, then ``schema.name``."""
    out: list[tuple[str | None, str, str]] = []
    taken: set[str] = set()
    for schema in engine_for(dialect).schemas(inspector):
        for name in inspector.get_table_names(schema=schema):
            if key(name) in TOOL_TABLES:
                continue
            tkey = key(name) if key(name) not in taken else key(f"{schema}.{name}")
            taken.add(tkey)
            out.append((schema, name, tkey))
    return out


def table_names(db: ScratchDatabase) -> set[str]:
    """Application table keys now in the scratch database (cheap: used after every migration)."""
    engine = sa.create_engine(db.sqlalchemy_url)
    try:
        return {tkey for _, _, tkey in _tables(sa.inspect(engine), db.dialect)}
    finally:
        engine.dispose()


def reflect_schema(db: ScratchDatabase, static: Schema, appeared: dict[str, str]) -> Schema:
    """The catalog of ``db`` as a review Schema; ``appeared`` maps table key -> file it appeared in."""
    engine = sa.create_engine(db.sqlalchemy_url)
    try:
        inspector = sa.inspect(engine)
        schema = Schema()
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "Skipped unsupported reflection", sa.exc.SAWarning)
            warnings.filterwarnings("ignore", "Did not recognize type", sa.exc.SAWarning)
            partitions = _partitions(db)
            types = _TypeNames(db)
            for owner, name, tkey in _tables(inspector, db.dialect):
                reader = _Reader(inspector, engine.dialect, owner, name, types)
                table = _table(reader, tkey, static, appeared, db.dialect)
                table.partitioned, table.partition_of = partitions.get(tkey, (False, None))
                schema.tables[tkey] = table
            schema.views = {
                key(v)
                for owner in engine_for(db.dialect).schemas(inspector)
                for v in inspector.get_view_names(owner)
            }
    finally:
        engine.dispose()
    schema.functions, schema.triggers, schema.types = _objects(db)
    return schema


class _TypeNames:
    """The catalog's own name for each column's type (PostgreSQL ``format_type``), read once and only
    when SQLAlchemy meets a type it does not know."""

    def __init__(self, db: ScratchDatabase) -> None:
        self.db = db
        self.names: dict[tuple[str, str, str], str] | None = None

    def get(self, schema: str | None, table: str, column: str) -> str:
        """"" when the catalog has no name for it (SQLite: a column declared without a type)."""
        if self.names is None:
            self.names = engine_for(self.db.dialect).all_catalog_types(self.db)
        return self.names.get((schema or "", table, column), "")


class _Reader:
    """The inspector calls for one table, in its schema."""

    def __init__(
        self,
        inspector: sa.Inspector,
        sa_dialect: sa.Dialect,
        schema: str | None,
        name: str,
        types: _TypeNames,
    ) -> None:
        self.inspector = inspector
        self.sa_dialect = sa_dialect
        self.schema = schema
        self.name = name
        self.types = types

    def type_sql(self, info: Any) -> str:
        """The column's type as the engine spells it; the catalog's name for types SQLAlchemy does not
        know (it reflects them as NullType, which cannot be compiled)."""
        if isinstance(info["type"], sa.types.NullType):
            return self.types.get(self.schema, self.name, str(info["name"]))
        return str(info["type"].compile(dialect=self.sa_dialect))


def _table(reader: _Reader, tkey: str, static: Schema, appeared: dict[str, str], dialect: str) -> Table:
    inspector, name, owner = reader.inspector, reader.name, reader.schema
    known = _match(tkey, static.tables)
    table = Table(
        known.name if known else name,
        created_in=known.created_in if known else "",
        line=known.line if known else 1,
        path=known.path if known else appeared.get(tkey, ""),
    )
    checks = [str(c["sqltext"]) for c in inspector.get_check_constraints(name, schema=owner)]
    for info in inspector.get_columns(name, schema=owner):
        table.columns[key(info["name"])] = _column(info, reader, dialect, known, checks)
    table.primary_key = tuple(
        key(c) for c in inspector.get_pk_constraint(name, schema=owner).get("constrained_columns", [])
    )
    for fk in inspector.get_foreign_keys(name, schema=owner):
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
    uniques = inspector.get_unique_constraints(name, schema=owner)
    table.uniques = [tuple(key(c) for c in u["column_names"]) for u in uniques]
    unique_names = {key(u.get("name") or "") for u in uniques}
    for ix in inspector.get_indexes(name, schema=owner):
        index_name = ix.get("name") or ""
        if key(index_name) in unique_names:
            continue  # MySQL and SQLite report unique constraints as indexes too
        table.indexes[key(index_name)] = _index(ix, table, known)
    for static_key, index in (known.indexes if known else {}).items():
        if _match(static_key, table.indexes) is None and any("(" in c for c in index.columns):
            table.indexes[static_key] = index  # expression indexes: SQLAlchemy cannot reflect them
    table.checks = checks
    try:
        table.comment = inspector.get_table_comment(name, schema=owner).get("text") or ""
    except NotImplementedError:  # SQLite has no comments
        table.comment = known.comment if known else ""
    return table


def _column(info: Any, reader: _Reader, dialect: str, known: Table | None, checks: list[str]) -> Column:
    static_col = _match(str(info["name"]), known.columns) if known else None
    name = static_col.name if static_col else str(info["name"])
    type_sql = reader.type_sql(info)
    default = info.get("default")
    identity = bool(info.get("identity")) or bool(default and "nextval(" in str(default))
    identity = identity or (
        info.get("autoincrement") is True and engine_for(dialect).reflected_autoincrement_is_identity
    )
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
    rows = engine_for(db.dialect).partition_rows(db)
    return {key(r["name"]): (bool(r["partitioned"]), key(r["parent"]) if r["parent"] else None) for r in rows}


def _objects(db: ScratchDatabase) -> tuple[set[str], dict[str, str], set[str]]:
    """Functions, triggers (-> table key) and user-defined types the engine holds."""
    functions, triggers, types = engine_for(db.dialect).objects(db)
    return (
        {key(r["name"]) for r in functions},
        {key(r["name"]): key(r["tbl"]) for r in triggers},
        {key(r["name"]) for r in types},
    )
