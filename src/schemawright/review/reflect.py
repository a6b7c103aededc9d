"""The reviewer's view of a replayed chain: the one catalog (:mod:`schemawright.catalog`) as the review
:class:`Schema`. It is a filter over the catalog, not a reader of its own: the tables it holds are the
catalog's tables with the reviewer's conventions (lower-case references, ``NO ACTION`` as no decision, the
default ``btree`` method left out, unique constraints MySQL and SQLite also report as indexes dropped).

The engine's catalog is the truth about structure (types, keys, checks, indexes, partitions, objects made
by DO blocks or dynamic SQL); the static replay still knows where each object was written, so source
locations are copied from it. Tables the static replay never saw are placed at the migration after which
they appeared.

Every non-system schema is read, not only the default one: a table in another schema is keyed by its bare
name like the static replay keys it (``billing.invoices`` -> ``invoices``), or by ``schema.name`` when the
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
from schemawright.review.schema import Schema, key, trigger_key


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
        schema.tables[tkey] = _table(found, tkey, static, appeared, catalog.dialect)
    schema.views = {key(v.name) for v in catalog.views if not v.materialized}
    schema.functions = {key(f.name) for f in catalog.functions}
    schema.triggers = {trigger_key(t.name, t.table): key(t.table) for t in catalog.triggers}
    schema.types = {key(t.name) for t in catalog.types}
    return schema


def _table(found: cat.Table, tkey: str, static: Schema, appeared: dict[str, str], dialect: str) -> cat.Table:
    known = _match(tkey, static.tables)
    path = (known.path or "") if known else appeared.get(tkey, "")
    line = (known.line or 0) if known else 1
    static_columns = {key(c.name): c for c in known.columns} if known else {}
    columns = [_column(info, dialect, known, static_columns) for info in found.columns]
    foreign_keys = []
    for fk in found.foreign_keys:
        cols = [key(c) for c in fk.columns]
        same = next((f for f in known.foreign_keys if f.columns == cols), None) if known else None
        on_delete = fk.on_delete or (same.on_delete if same else None)
        foreign_keys.append(
            fk.model_copy(
                update={
                    "columns": cols,
                    "ref_table": key(fk.ref_table),
                    "ref_columns": [key(c) for c in fk.ref_columns],
                    "on_delete": on_delete.upper()
                    if on_delete and on_delete.upper() != "NO ACTION"
                    else None,
                    "path": same.path if same else path,
                    "line": same.line if same else line,
                }
            )
        )
    uniques = [u.model_copy(update={"columns": [key(c) for c in u.columns]}) for u in found.uniques]
    unique_names = {key(u.name or "") for u in found.uniques}
    indexes: dict[str, cat.Index] = {}
    for ix in found.indexes:
        if key(ix.name or "") in unique_names:
            continue  # MySQL and SQLite report unique constraints as indexes too
        indexes[key(ix.name or "")] = _index(ix, known, path, line)
    for static_ix in known.indexes if known else []:
        static_key = key(static_ix.name or "")
        if _match(static_key, indexes) is None and any("(" in c for c in static_ix.key_texts):
            indexes[static_key] = static_ix  # expression indexes: SQLAlchemy cannot reflect them
    static_comment = (known.comment or "") if known else ""
    comment = found.comment if found.comment is not None else static_comment  # SQLite has no comments
    pk = found.primary_key
    return found.model_copy(
        update={
            "name": known.name if known else found.name,
            "columns": columns,
            "primary_key": pk.model_copy(update={"columns": [key(c) for c in pk.columns]}) if pk else None,
            "foreign_keys": foreign_keys,
            "uniques": uniques,
            "indexes": list(indexes.values()),
            "comment": comment,
            "partition_of": cat.TableRef(name=key(found.partition_of.name)) if found.partition_of else None,
            "path": path,
            "line": line,
        }
    )


def _column(
    info: cat.Column, dialect: str, known: cat.Table | None, static_columns: dict[str, cat.Column]
) -> cat.Column:
    static_col = _match(info.name, static_columns)
    return info.model_copy(
        update={
            "name": static_col.name if static_col else info.name,
            "base_type": _dtype(info.type, dialect),
            "constrained": bool(static_col and static_col.constrained) or _enum(info.type),
            "path": static_col.path if static_col else ((known.path or "") if known else ""),
            "line": static_col.line if static_col else ((known.line or 0) if known else 1),
        }
    )


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


def _index(ix: cat.Index, known: cat.Table | None, path: str, line: int) -> cat.Index:
    name = ix.name or ""
    using = ix.method
    source = _match(name, {key(i.name or ""): i for i in known.indexes}) if known else None
    return ix.model_copy(
        update={
            "name": source.name if source else name,
            "keys": [
                cat.IndexKey(column=key(k.column))
                if k.column is not None
                else cat.IndexKey(expression=k.text.lower())
                for k in ix.keys
            ],
            "method": using.lower() if using and using.lower() != "btree" else None,
            "path": source.path if source else path,
            "line": source.line if source else line,
        }
    )
