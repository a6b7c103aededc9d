"""The operations (:mod:`schemawright.ops`) that turn one catalog into another.

:func:`diff` compares an existing catalog with a target one, table by table (tables by qualified name,
columns, foreign keys and indexes by name), and returns the operations that make the existing schema the
target, in an order that applies: foreign keys and indexes dropped before the columns and tables they
use, tables dropped referencing ones first, tables created referenced ones first (a key to a table
created later, or a cycle, becomes an :class:`~schemawright.ops.models.AddForeignKey` after them), then
new columns, indexes and keys. The way back is their reverse (:attr:`Diff.reverse`), derived as every
down is.

What no operation expresses is never dropped silently: it is listed in :attr:`Diff.unsupported` (a column
whose type, nullability or default changed, a changed primary key, UNIQUE or CHECK constraints added to
or dropped from an existing table, an index on expressions, a type the designer cannot render, views,
functions, triggers, types and policies).

Example::

    change = diff(reflect(before), reflect(after))
    renderer = renderer_for("postgresql", change.tables)
    up = [renderer.render(op) for op in change.operations]
    down = [renderer.render(op) for op in change.reverse]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TypeVar

from sqlglot import exp
from sqlglot.errors import ParseError

from schemawright.catalog import models as cat
from schemawright.catalog.design import design_column, design_table
from schemawright.design.models import ForeignKey, Table
from schemawright.emit.sql.dialects import DialectName
from schemawright.ops import models as o
from schemawright.ops.plan import down_operations
from schemawright.review.parse import DIALECTS

_IndexOp = TypeVar("_IndexOp", o.CreateIndex, o.DropIndex)


@dataclass
class Diff:
    operations: list[o.Operation] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)  # changes no operation expresses, one sentence each
    tables: list[Table] = field(default_factory=list)  # both catalogs' tables as design tables (a renderer's)

    @property
    def reverse(self) -> list[o.Operation]:
        """The operations that undo :attr:`operations`: their reverses, last first, less what dropping a
        new table undoes as well (:func:`schemawright.ops.plan.down_operations`)."""
        return down_operations(self.operations)


@dataclass
class TableDiff:
    """What one table gains and loses between two versions of it, as operations. Everything is matched
    by name: columns, foreign keys, indexes."""

    add_columns: list[o.AddColumn] = field(default_factory=list)  # in the table's column order
    add_indexes: list[o.CreateIndex] = field(default_factory=list)
    add_keys: list[o.AddForeignKey] = field(default_factory=list)
    drop_keys: list[o.DropForeignKey] = field(default_factory=list)
    drop_indexes: list[o.DropIndex] = field(default_factory=list)
    drop_columns: list[o.DropColumn] = field(default_factory=list)
    # new keys the engine cannot add to an existing table (no ADD CONSTRAINT, and not one new column's own)
    refused_keys: list[ForeignKey] = field(default_factory=list)


def diff_table(was: Table, now: Table, *, alters_constraints: bool = True) -> TableDiff:
    """The operations that make the table ``was`` into ``now`` (one table, named ``now.name``).

    Without ``alters_constraints`` (SQLite) a new key on one new column that defaults to NULL is that
    column's own (``ADD COLUMN … REFERENCES``, the only form SQLite allows: the column must default to
    NULL), a dropped column takes its one key with it, and any other new key is refused."""
    name = now.name
    out = TableDiff()
    was_fks = {fk.name for fk in was.foreign_keys}
    now_fks = {fk.name for fk in now.foreign_keys}
    out.drop_keys = [
        o.DropForeignKey(table=name, foreign_key=fk) for fk in was.foreign_keys if fk.name not in now_fks
    ]
    was_ix = {ix.name for ix in was.indexes}
    now_ix = {ix.name for ix in now.indexes}
    out.drop_indexes = [o.DropIndex(table=name, index=ix) for ix in was.indexes if ix.name not in now_ix]
    out.add_indexes = [o.CreateIndex(table=name, index=ix) for ix in now.indexes if ix.name not in was_ix]
    added = {c.name: c for c in now.columns if was.column(c.name) is None}
    inline: dict[str, ForeignKey] = {}
    for fk in (fk for fk in now.foreign_keys if fk.name not in was_fks):
        column = added.get(fk.columns[0]) if len(fk.columns) == 1 else None
        if alters_constraints:
            out.add_keys.append(o.AddForeignKey(table=name, foreign_key=fk))
        elif column is not None and column.nullable and column.default is None:
            inline[column.name] = fk
        else:
            out.refused_keys.append(fk)
    out.add_columns = [
        o.AddColumn(table=name, column=c, foreign_key=inline.get(c.name)) for c in added.values()
    ]
    for column in (c for c in was.columns if now.column(c.name) is None):
        own = [fk for fk in was.foreign_keys if column.name in fk.columns]
        key = own[0] if not alters_constraints and len(own) == 1 else None
        out.drop_columns.append(o.DropColumn(table=name, column=column, foreign_key=key))
    return out


def diff(existing: cat.Catalog, target: cat.Catalog, *, alters_constraints: bool = True) -> Diff:
    """The operations from ``existing`` to ``target`` (both of one dialect). Without
    ``alters_constraints`` (SQLite: no ``ADD CONSTRAINT``) a new one-column key on a new column that
    defaults to NULL goes with the column (``ADD COLUMN … REFERENCES``) and any other key added to an
    existing table is unsupported (see :func:`diff_table`)."""
    dialect = target.dialect
    out = Diff()
    old = {t.qualified: t for t in existing.tables}
    new = {t.qualified: t for t in target.tables}
    designed = {name: _designed(dialect, t, out.unsupported) for name, t in new.items()}
    out.tables = [*designed.values(), *(design_table(dialect, t) for n, t in old.items() if n not in new)]

    drop_keys: list[o.Operation] = []
    drop_indexes: list[o.Operation] = []
    drop_columns: list[o.Operation] = []
    add_columns: list[o.Operation] = []
    add_indexes: list[o.Operation] = []
    add_keys: list[o.Operation] = []
    for name in (n for n in new if n in old):
        before, after = old[name], new[name]
        _compare_table(dialect, before, after, out.unsupported)
        change = diff_table(
            design_table(dialect, before), designed[name], alters_constraints=alters_constraints
        )
        drop_indexes += [_index_op(op, before, out.unsupported) for op in change.drop_indexes]
        add_indexes += [_index_op(op, after, out.unsupported) for op in change.add_indexes]
        out.unsupported += [
            f"{name}: foreign key {fk.name} on an existing table (no ADD CONSTRAINT)"
            for fk in change.refused_keys
        ]
        gone = {op.column.name for op in change.drop_columns}
        _check_types(dialect, before, [c for c in before.columns if c.name in gone], out.unsupported)
        drop_keys += change.drop_keys
        drop_columns += change.drop_columns
        add_columns += change.add_columns
        add_keys += change.add_keys

    creates, late_keys = _creation_order([designed[n] for n in new if n not in old], not alters_constraints)
    for table in creates:
        add_indexes += [
            _index_op(o.CreateIndex(table=table.name, index=ix), new[table.name], out.unsupported)
            for ix in table.indexes
        ]
    for dropped in (t for n, t in old.items() if n not in new):
        _check_types(dialect, dropped, dropped.columns, out.unsupported)
    drops = _drop_order([design_table(dialect, t) for n, t in old.items() if n not in new])
    out.operations = [
        *drop_keys,
        *drop_indexes,
        *drop_columns,
        *(o.DropTable(table=t) for t in drops),
        *(o.CreateTable(table=t) for t in creates),
        *add_columns,
        *add_indexes,
        *late_keys,
        *add_keys,
    ]
    out.unsupported += _objects(existing, target)
    return out


def _designed(dialect: DialectName, table: cat.Table, unsupported: list[str]) -> Table:
    """``table`` as the design table an operation carries (see :func:`_check_types`)."""
    _check_types(dialect, table, table.columns, unsupported)
    return design_table(dialect, table).model_copy(update={"existing": False})


def _check_types(
    dialect: DialectName, table: cat.Table, columns: list[cat.Column], unsupported: list[str]
) -> None:
    """A column an operation creates (or its reverse creates again) gets the type the designer renders
    for its logical type: where that is not the catalog's type, the change is not faithful, and said."""
    for column in columns:
        rendered = design_column(dialect, column).type
        if not column.known_type or not _same_type(rendered, column.type, dialect):
            unsupported.append(
                f"{table.qualified}.{column.name}: type {column.type or '(none)'} is rendered {rendered}"
            )


def _index_op(op: _IndexOp, table: cat.Table, unsupported: list[str]) -> _IndexOp:
    """``op`` on ``table``'s catalog index of its name: with what :func:`design_table` leaves out of an
    index (predicate, order, method) and the table's schema; expression keys are said, not rendered."""
    found = next(
        (i for i in table.indexes if not i.constraint and (i.name or f"idx_{table.name}") == op.index.name),
        None,
    )  # the index design_table made this one of (it names an unnamed one so)
    index = op.index
    if found is not None:
        if any(k.expression is not None for k in found.keys):
            unsupported.append(
                f"{table.qualified}: index {index.name} has expression keys, rendered without them"
            )
        index = index.model_copy(
            update={
                "where": found.where,
                "descending": [k.column for k in found.keys if k.descending and k.column is not None],
                "method": found.method or "btree",
            }
        )
    return op.model_copy(
        update={"table": table.name, "table_schema": table.schema_name or "", "index": index}
    )


def _compare_table(dialect: DialectName, before: cat.Table, after: cat.Table, unsupported: list[str]) -> None:
    """What changed inside a table that no operation expresses."""
    name = after.qualified
    old_columns = {c.name: c for c in before.columns}
    for column in after.columns:
        was = old_columns.get(column.name)
        if was is None:
            continue
        for what, a, b in (
            ("type", was.type, column.type),
            ("nullability", was.nullable, column.nullable),
            ("default", was.default, column.default),
        ):
            if a != b:
                unsupported.append(f"{name}.{column.name}: {what} changes from {a} to {b}")
    old_pk = before.primary_key.columns if before.primary_key else []
    new_pk = after.primary_key.columns if after.primary_key else []
    if old_pk != new_pk:
        unsupported.append(f"{name}: primary key changes from {old_pk} to {new_pk}")
    for kind, was_set, now_set in (
        (
            "UNIQUE",
            {(u.name, tuple(u.columns)) for u in before.uniques},
            {(u.name, tuple(u.columns)) for u in after.uniques},
        ),
        (
            "CHECK",
            {(c.name, c.expression) for c in before.checks},
            {(c.name, c.expression) for c in after.checks},
        ),
    ):
        for name_, detail in sorted(now_set - was_set, key=str):
            unsupported.append(f"{name}: {kind} {name_ or detail} added")
        for name_, detail in sorted(was_set - now_set, key=str):
            unsupported.append(f"{name}: {kind} {name_ or detail} dropped")


def _creation_order(tables: list[Table], inline_only: bool) -> tuple[list[Table], list[o.Operation]]:
    """New tables, each after the new tables it refers to; a key that would need a table created later
    (a cycle) is split off as an ``AddForeignKey`` after them (kept inline when the engine cannot add
    one later: SQLite accepts a key to a table that does not exist yet)."""
    pending = {t.name: t for t in tables}
    done: list[Table] = []
    late: list[o.Operation] = []
    while pending:
        ready = [
            t
            for t in pending.values()
            if all(fk.ref_table not in pending or fk.ref_table == t.name for fk in t.foreign_keys)
        ]
        if not ready:  # a cycle: take the first table and add its keys to pending tables later
            table = next(iter(pending.values()))
            later = [
                fk for fk in table.foreign_keys if fk.ref_table in pending and fk.ref_table != table.name
            ]
            if inline_only:
                later = []
            else:
                late += [o.AddForeignKey(table=table.name, foreign_key=fk) for fk in later]
                table = table.model_copy(
                    update={"foreign_keys": [f for f in table.foreign_keys if f not in later]}
                )
            ready = [table]
        for table in ready:
            done.append(table)
            pending.pop(table.name)
    return done, late


def _drop_order(tables: list[Table]) -> list[Table]:
    """Dropped tables, referencing ones first (the reverse of their creation order)."""
    ordered, _ = _creation_order(tables, True)
    return list(reversed(ordered))


def _objects(existing: cat.Catalog, target: cat.Catalog) -> list[str]:
    """Views, functions, triggers, types and policies that differ: no operation expresses them."""
    out: list[str] = []
    pairs: list[tuple[str, set[str], set[str]]] = [
        (
            "view",
            {_q(v.schema_name, v.name) for v in existing.views},
            {_q(v.schema_name, v.name) for v in target.views},
        ),
        (
            "function",
            {f"{_q(f.schema_name, f.name)}({f.arguments})" for f in existing.functions},
            {f"{_q(f.schema_name, f.name)}({f.arguments})" for f in target.functions},
        ),
        (
            "trigger",
            {f"{t.table_qualified}.{t.name}" for t in existing.triggers},
            {f"{t.table_qualified}.{t.name}" for t in target.triggers},
        ),
        (
            "type",
            {_q(t.schema_name, t.name) for t in existing.types},
            {_q(t.schema_name, t.name) for t in target.types},
        ),
        (
            "policy",
            {f"{_q(p.schema_name, p.table)}.{p.name}" for p in existing.policies},
            {f"{_q(p.schema_name, p.table)}.{p.name}" for p in target.policies},
        ),
    ]
    for kind, was, now in pairs:
        out += [f"{kind} {n} added" for n in sorted(now - was)]
        out += [f"{kind} {n} dropped" for n in sorted(was - now)]
    return out


def _q(schema: str | None, name: str) -> str:
    return cat.qualify(schema, name)


def _same_type(a: str, b: str, dialect: DialectName) -> bool:
    """Whether two spellings name one type (``TIMESTAMPTZ`` and ``TIMESTAMP WITH TIME ZONE``)."""
    first, second = (_normal(t, dialect) for t in (a, b))
    return first == second


def _normal(type_sql: str, dialect: DialectName) -> str:
    """One spelling per type: sqlglot's, without spaces or an integer's display width (``BIGINT(20)``)."""
    name = DIALECTS[dialect]
    try:
        text = exp.DataType.build(type_sql, dialect=name).sql(dialect=name)
    except (ParseError, ValueError):
        text = type_sql
    return _DISPLAY_WIDTH.sub(r"\1", text.upper().replace(" ", ""))


_DISPLAY_WIDTH = re.compile(r"\b(TINYINT|SMALLINT|MEDIUMINT|INT|INTEGER|BIGINT)\(\d+\)")
