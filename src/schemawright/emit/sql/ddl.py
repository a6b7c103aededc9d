"""RelationalDesign → SQLAlchemy Core metadata for the design's dialect, and the DDL compiled from it.

SQLAlchemy renders tables, constraints and indexes with the dialect's quoting and type rules. The
migrations are made of operations (:mod:`schemawright.ops`), whose renderers compile them from this
metadata; what Core does not model (updated_at triggers, partitions, policies) is theirs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import mysql as sa_mysql
from sqlalchemy.schema import CreateIndex, CreateTable

from schemawright.design.models import Column, Index, RelationalDesign, Table
from schemawright.design.mysql import COLLATION as MYSQL_COLLATION
from schemawright.emit.sql.dialects import DialectName, dialect_for, quote, sa_dialect, shorten


@dataclass(frozen=True)
class MigrationSQL:
    up: str
    down: str


def _sql(fragment: str) -> sa.TextClause:
    """Designed SQL as a text clause. Colons are escaped: ``sa.text`` would read ``":0"`` (a quoted
    column name) as a bind parameter and render NULL in its place."""
    return sa.text(fragment.replace(":", "\\:"))


def _server_default(column: Column, dialect: DialectName) -> sa.TextClause | None:
    if column.default is None:
        return None
    if column.default_kind == "literal" and column.logical.name == "boolean":
        return sa.text(dialect_for(dialect).boolean(column.default.lower() in ("true", "1")).lower())
    return _sql(column.default)


class _Named(sa.types.UserDefinedType[Any]):
    """A type rendered by its name, as the catalog spells it (an existing enum or unknown type)."""

    cache_ok = True

    def __init__(self, name: str) -> None:
        self.name = name

    def get_col_spec(self, **_kw: Any) -> str:
        return self.name


def _column_type(column: Column, dialect: DialectName) -> sa.types.TypeEngine[Any]:
    """The column's type from its logical type, or its native type where it has one: a foreign key
    column to an existing key of an enum or unknown type takes that type's name (``object_type``)."""
    if column.native_type:
        return _Named(column.native_type)
    found = dialect_for(dialect).sa_type(column.logical)
    if column.collation and isinstance(found, sa.String):  # a foreign key column to a key of that collation
        found = found.copy()
        found.collation = column.collation
    return found


def build_metadata(design: RelationalDesign) -> tuple[sa.MetaData, dict[str, sa.Table]]:
    dialect = design.dialect
    metadata = sa.MetaData()
    tables: dict[str, sa.Table] = {}
    for table in design.tables:
        columns: list[sa.schema.SchemaItem] = []
        for column in table.columns:
            args: list[sa.schema.SchemaItem] = []
            if column.default_kind == "identity":
                args.append(sa.Identity(always=dialect == "postgresql"))
            col = sa.Column(
                column.name,
                _column_type(column, dialect),
                *args,
                nullable=column.nullable,
                server_default=_server_default(column, dialect),
                autoincrement=column.default_kind == "identity",
            )
            columns.append(col)
        if table.primary_key:
            columns.append(
                sa.PrimaryKeyConstraint(*table.primary_key, name=shorten(f"pk_{table.name}", dialect))
            )
        for unique in table.unique:
            columns.append(sa.UniqueConstraint(*unique.columns, name=unique.name))
        for check in table.checks:
            columns.append(sa.CheckConstraint(_sql(check.expression), name=check.name))
        kwargs: dict[str, Any] = {}
        if dialect == "mysql":
            kwargs.update(mysql_engine="InnoDB")
            if not table.default_collation:  # else the database's, as the existing text keys it references
                kwargs.update(mysql_charset="utf8mb4", mysql_collate=MYSQL_COLLATION)
            columns.extend(_mysql_partial_keys(table))
        if dialect == "sqlite" and not table.existing:
            kwargs["sqlite_strict"] = True
        if dialect == "postgresql" and table.partition is not None:
            kwargs["postgresql_partition_by"] = (
                f"{table.partition.method.upper()} ({quote(dialect, table.partition.column)})"
            )
        schema, _, name = table.name.rpartition(".")  # an existing table outside the default schema
        tables[table.name] = sa.Table(name, metadata, *columns, schema=schema or None, **kwargs)
    for table in design.tables:
        sa_table = tables[table.name]
        for fk in table.foreign_keys:
            if fk.ref_table not in tables:
                continue
            ref = tables[fk.ref_table]
            sa_table.append_constraint(
                sa.ForeignKeyConstraint(
                    fk.columns, [ref.c[c] for c in fk.ref_columns], name=fk.name, ondelete=fk.on_delete
                )
            )
    return metadata, tables


def partial_key_column(ix: Index) -> str:
    """MySQL has no partial indexes: a virtual generated column is 1 while the index's condition holds and
    NULL otherwise, and the unique index ends with it, so rows outside the condition never collide (NULLs
    are distinct). The marker reads no foreign-key column (MariaDB forbids those in indexed generated
    columns)."""
    return shorten(f"{ix.name}_active", "mysql")


def _mysql_partial_keys(table: Table) -> list[sa.Column[object]]:
    out: list[sa.Column[object]] = []
    for ix in table.indexes:
        if not ix.where:
            continue
        out.append(
            sa.Column(
                partial_key_column(ix),
                sa_mysql.TINYINT(),
                sa.Computed(_sql(f"CASE WHEN {ix.where} THEN 1 END"), persisted=False),
                nullable=True,
            )
        )
    return out


_KEY_BYTES_LIMIT = 3072  # InnoDB index key limit (DYNAMIC row format)


def _mysql_prefix_lengths(ix: Index, table: Table) -> dict[str, int]:
    """Prefix lengths for text columns when a composite index would exceed InnoDB's key limit."""
    texts: list[str] = []
    fixed = 0
    for name in ix.columns:
        col = table.column(name)
        if col is not None and col.logical.name in ("varchar", "char"):
            texts.append(name)
            fixed += 4 * (col.logical.length or 1)
        else:
            fixed += 16 if col is None or col.logical.name != "uuid" else 144
    if fixed <= _KEY_BYTES_LIMIT or not texts:
        return {}
    other = fixed - sum(4 * (c.logical.length or 1) for n in texts if (c := table.column(n)) is not None)
    each = max(1, (_KEY_BYTES_LIMIT - other) // 4 // len(texts))
    return {n: each for n in texts}


def index_element(table: Table, sa_table: sa.Table, dialect: DialectName, ix: Index) -> sa.Index:
    """``ix`` of ``table`` as a SQLAlchemy index on ``sa_table`` (expressions, order, partial condition or
    MySQL's marker column, prefix lengths, method)."""
    exprs: list[sa.ColumnElement[object]] = []
    for name in ix.columns:
        col = sa_table.c[name]
        expr: sa.ColumnElement[object] = sa.func.lower(col) if ix.expressions.get(name) == "lower" else col
        if name in ix.descending:
            expr = expr.desc()
        exprs.append(expr)
    if dialect == "mysql" and ix.where:
        exprs.append(sa_table.c[partial_key_column(ix)])
    kwargs: dict[str, Any] = {}
    if ix.where:
        if dialect == "postgresql":
            kwargs["postgresql_where"] = _sql(ix.where)
        elif dialect == "sqlite":
            kwargs["sqlite_where"] = _sql(ix.where)
    if dialect == "mysql" and (prefixes := _mysql_prefix_lengths(ix, table)):
        kwargs["mysql_length"] = prefixes
    if dialect == "postgresql" and ix.method not in ("btree", ""):
        kwargs["postgresql_using"] = ix.method
    return sa.Index(ix.name, *exprs, unique=ix.unique, _table=sa_table, **kwargs)


def compile_ddl(element: sa.schema.ExecutableDDLElement, dialect: DialectName) -> str:
    return str(element.compile(dialect=sa_dialect(dialect))).strip()


def render_migration(
    design: RelationalDesign, header: str = "", *, existing_functions: list[str] | None = None
) -> MigrationSQL:
    """The migration that creates the design's new tables (existing ones are referenced). Its operations
    come from :func:`schemawright.ops.plan.create_operations`; the down is their reverse, never written
    separately. (The designer renders the whole feature, changes to existing tables included, through
    :mod:`schemawright.ops.feature`.)"""
    from schemawright.ops.plan import Step, create_operations, render_step
    from schemawright.ops.render import renderer_for

    renderer = renderer_for(design.dialect, design.tables)
    operations = create_operations(design, existing_functions or [], renderer)
    up, down = render_step(Step(operations=operations), renderer.with_tables(operations), header)
    return MigrationSQL(up=up, down=down)


def tables_sql(design: RelationalDesign) -> dict[str, str]:
    """Each new table's CREATE TABLE and CREATE INDEX statements, for the decision document (the
    SQLAlchemy metadata is built once for all of them)."""
    dialect = design.dialect
    _, sa_tables = build_metadata(design)
    out: dict[str, str] = {}
    for table in design.new_tables():
        sa_table = sa_tables[table.name]
        parts = [compile_ddl(CreateTable(sa_table), dialect) + ";"]
        parts += [
            compile_ddl(CreateIndex(index_element(table, sa_table, dialect, ix)), dialect) + ";"
            for ix in table.indexes
        ]
        out[table.name] = "\n".join(parts)
    return out
