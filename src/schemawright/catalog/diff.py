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

from sqlglot import exp
from sqlglot.errors import ParseError

from schemawright.catalog import models as cat
from schemawright.catalog.design import design_column, design_table
from schemawright.design.models import ForeignKey, Index, Table
from schemawright.emit.sql.dialects import DialectName
from schemawright.ops import models as o
from schemawright.ops.plan import down_operations
from schemawright.review.parse import DIALECTS


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


def diff(existing: cat.Catalog, target: cat.Catalog, *, alters_constraints: bool = True) -> Diff:
    """The operations from ``existing`` to ``target`` (both of one dialect). Without
    ``alters_constraints`` (SQLite: no ``ADD CONSTRAINT``) a new one-column key on a new column goes with
    the column (``ADD COLUMN … REFERENCES``) and any other key added to an existing table is unsupported."""
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
        was, now = design_table(dialect, before), designed[name]
        _compare_table(dialect, before, after, out.unsupported)
        now_fks = {fk.name: fk for fk in now.foreign_keys}
        was_fks = {fk.name: fk for fk in was.foreign_keys}
        drop_keys += [
            o.DropForeignKey(table=name, foreign_key=fk) for n, fk in was_fks.items() if n not in now_fks
        ]
        was_ix = {ix.name: (ix, i) for ix, i in zip(was.indexes, _indexes(before), strict=True)}
        now_ix = {ix.name: (ix, i) for ix, i in zip(now.indexes, _indexes(after), strict=True)}
        for ix_name, (ix, found) in was_ix.items():
            if ix_name not in now_ix:
                drop_indexes.append(_index_op(o.DropIndex, before, _full(ix, found), out.unsupported))
        for ix_name, (ix, found) in now_ix.items():
            if ix_name not in was_ix:
                add_indexes.append(_index_op(o.CreateIndex, after, _full(ix, found), out.unsupported))
        inline: dict[str, ForeignKey] = {}
        added = {c.name for c in after.columns} - {c.name for c in before.columns}
        for fk_name, fk in now_fks.items():
            if fk_name in was_fks:
                continue
            if alters_constraints:
                add_keys.append(o.AddForeignKey(table=name, foreign_key=fk))
            elif len(fk.columns) == 1 and fk.columns[0] in added:
                inline[fk.columns[0]] = fk
            else:
                out.unsupported.append(
                    f"{name}: foreign key {fk_name} on an existing table (no ADD CONSTRAINT)"
                )
        for column in now.columns:
            if column.name in added:
                add_columns.append(
                    o.AddColumn(table=name, column=column, foreign_key=inline.get(column.name))
                )
        gone_columns = [c for c in before.columns if c.name not in {c.name for c in after.columns}]
        _check_types(dialect, before, gone_columns, out.unsupported)
        for column in was.columns:
            if column.name in {c.name for c in gone_columns}:
                gone = [fk for fk in was.foreign_keys if column.name in fk.columns]
                own = gone[0] if not alters_constraints and len(gone) == 1 else None
                drop_columns.append(o.DropColumn(table=name, column=column, foreign_key=own))

    creates, late_keys = _creation_order([designed[n] for n in new if n not in old], not alters_constraints)
    for table in creates:
        add_indexes += [
            _index_op(o.CreateIndex, new[table.name], _full(ix, found), out.unsupported)
            for ix, found in zip(table.indexes, _indexes(new[table.name]), strict=True)
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


def _indexes(table: cat.Table) -> list[cat.Index]:
    """The catalog indexes :func:`design_table` keeps, in its order."""
    return [ix for ix in table.indexes if not ix.constraint]


def _full(ix: Index, found: cat.Index) -> Index:
    """The design index with what :func:`design_table` leaves out: predicate, order and method."""
    return ix.model_copy(
        update={
            "where": found.where,
            "descending": [k.column for k in found.keys if k.descending and k.column is not None],
            "method": found.method or "btree",
        }
    )


def _index_op(
    kind: type[o.CreateIndex] | type[o.DropIndex], table: cat.Table, ix: Index, unsupported: list[str]
) -> o.Operation:
    found = next((i for i in table.indexes if i.name == ix.name), None)
    if found is not None and any(k.expression is not None for k in found.keys):
        unsupported.append(f"{table.qualified}: index {ix.name} has expression keys, rendered without them")
    return kind(table=table.name, table_schema=table.schema_name or "", index=ix)


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
