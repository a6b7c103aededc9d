"""The reviewer's view of a replayed chain: the one catalog (:mod:`schemawright.catalog`) as the review
:class:`Schema`. It is a filter over the catalog, not a reader of its own.

The engine's catalog is the truth about structure (types, keys, checks, indexes, partitions, objects made
by DO blocks or dynamic SQL); the static model still knows where each object was written, so source
locations are copied from it. Tables the static model never saw are placed at the migration after which
they appeared.

Every non-system schema is read, not only the default one: a table in another schema is keyed by its bare
name like the static model keys it (``billing.invoices`` -> ``invoices``), or by ``schema.name`` when the
default schema has a table of that name too. A column of a type SQLAlchemy does not know (``xid8``, an
extension's type) keeps the catalog's name for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from sqlglot import exp
from sqlglot.errors import ParseError

from schemawright.catalog import models as cat
from schemawright.catalog.reflect import reflect, table_refs
from schemawright.engines.scratch import ScratchDatabase
from schemawright.review.parse import DIALECTS
from schemawright.review.schema import Column, ForeignKey, Index, Schema, Table, key


def _keys(tables: Sequence[cat.TableRef | cat.Table]) -> list[str]:
    """The key of each table, in order: its bare name unless a table before it (the default schema's
    first) already has it, then ``schema.name``."""
    out: list[str] = []
    taken: set[str] = set()
    for table in tables:
        tkey = key(table.name) if key(table.name) not in taken else key(f"{table.schema_name}.{table.name}")
        taken.add(tkey)
        out.append(tkey)
    return out


def table_names(db: ScratchDatabase) -> set[str]:
    """Application table keys now in the scratch database (cheap: used after every migration)."""
    return set(_keys(table_refs(db)))


def reflect_schema(db: ScratchDatabase, static: Schema, appeared: dict[str, str]) -> Schema:
    """The catalog of ``db`` as a review Schema; ``appeared`` maps table key -> file it appeared in."""
    return review_schema(reflect(db), static, appeared)


def review_schema(catalog: cat.Catalog, static: Schema, appeared: dict[str, str]) -> Schema:
    """``catalog`` as a review Schema, with the source locations of ``static`` (see the module)."""
    schema = Schema()
    for found, tkey in zip(catalog.tables, _keys(catalog.tables), strict=True):
        table = _table(found, tkey, static, appeared, catalog.dialect)
        table.partitioned = found.partitioned
        table.partition_of = key(found.partition_of.name) if found.partition_of else None
        schema.tables[tkey] = table
    schema.views = {key(v.name) for v in catalog.views if not v.materialized}
    schema.functions = {key(f.name) for f in catalog.functions}
    schema.triggers = {key(t.name): key(t.table) for t in catalog.triggers}
    schema.types = {key(t.name) for t in catalog.types}
    return schema


def _table(found: cat.Table, tkey: str, static: Schema, appeared: dict[str, str], dialect: str) -> Table:
    known = _match(tkey, static.tables)
    table = Table(
        known.name if known else found.name,
        created_in=known.created_in if known else "",
        line=known.line if known else 1,
        path=known.path if known else appeared.get(tkey, ""),
    )
    checks = [c.expression for c in found.checks]
    for info in found.columns:
        table.columns[key(info.name)] = _column(info, dialect, known)
    table.primary_key = tuple(key(c) for c in found.primary_key.columns) if found.primary_key else ()
    for fk in found.foreign_keys:
        cols = tuple(key(c) for c in fk.columns)
        same = next((f for f in known.foreign_keys if f.columns == cols), None) if known else None
        on_delete = fk.on_delete or (same.on_delete if same else None)
        table.foreign_keys.append(
            ForeignKey(
                fk.name or "",
                cols,
                key(fk.ref_table),
                tuple(key(c) for c in fk.ref_columns),
                on_delete.upper() if on_delete and on_delete.upper() != "NO ACTION" else None,
                same.line if same else table.line,
                same.path if same else table.path,
            )
        )
    table.uniques = [tuple(key(c) for c in u.columns) for u in found.uniques]
    unique_names = {key(u.name or "") for u in found.uniques}
    for ix in found.indexes:
        index_name = ix.name or ""
        if key(index_name) in unique_names:
            continue  # MySQL and SQLite report unique constraints as indexes too
        table.indexes[key(index_name)] = _index(ix, table, known)
    for static_key, index in (known.indexes if known else {}).items():
        if _match(static_key, table.indexes) is None and any("(" in c for c in index.columns):
            table.indexes[static_key] = index  # expression indexes: SQLAlchemy cannot reflect them
    table.checks = checks
    if found.comment is not None:
        table.comment = found.comment
    else:  # SQLite has no comments
        table.comment = known.comment if known else ""
    return table


def _column(info: cat.Column, dialect: str, known: Table | None) -> Column:
    static_col = _match(info.name, known.columns) if known else None
    name = static_col.name if static_col else info.name
    type_sql = info.type
    default = info.default
    identity = info.fills_itself
    col = Column(
        name,
        type_sql,
        _dtype(type_sql, dialect),
        nullable=info.nullable,
        default=default,
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


def _index(ix: cat.Index, table: Table, known: Table | None) -> Index:
    name = ix.name or ""
    columns = tuple(key(k.column) if k.column is not None else k.text.lower() for k in ix.keys)
    using = ix.method
    source = _match(name, known.indexes) if known else None
    return Index(
        source.name if source else name,
        table.name,
        columns,
        ix.unique,
        ix.where,
        using.lower() if using and using.lower() != "btree" else None,
        source.line if source else table.line,
        source.path if source else table.path,
    )
