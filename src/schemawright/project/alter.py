"""Safe changes to existing tables: what the design adds to a table the project already has becomes
operations (:mod:`schemawright.ops`) that do not rewrite or long-lock it. Their down is their reverse,
derived like every other down (:func:`schemawright.ops.plan.down_operations`), never written here.

PostgreSQL: columns are added nullable (or with a constant default, a catalog-only change since 11);
foreign keys are added ``NOT VALID`` (no scan under the ACCESS EXCLUSIVE lock) and then validated
(a scan under SHARE UPDATE EXCLUSIVE, which allows writes); indexes are built ``CONCURRENTLY``, which
cannot run inside a transaction, so they are returned as steps to be written one per migration.

SQLite has no ``ALTER TABLE … ADD CONSTRAINT``: a foreign key added to an existing table is the new
column's own constraint (``ADD COLUMN … REFERENCES``, which SQLite allows for a column that defaults to
NULL — every link the designer adds to an existing table is such a column), and its down drops the column.

A partitioned table (relkind 'p') takes neither: PostgreSQL (before 18) refuses a ``NOT VALID`` foreign
key on it, so the key is added validated, and it refuses ``CREATE INDEX CONCURRENTLY`` on it, so the
index follows the documented pattern: ``CREATE INDEX … ON ONLY`` the parent (catalog only, nothing is
built), each partition's index ``CONCURRENTLY`` in a migration of its own, then ``ALTER INDEX … ATTACH
PARTITION`` for each (the parent's index becomes valid when the last one is attached).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from schemawright.catalog.diff import diff_table
from schemawright.design.conventions import ExistingSchema
from schemawright.design.models import Column, Index, RelationalDesign, Table
from schemawright.emit.sql.dialects import shorten
from schemawright.ops import models as o
from schemawright.ops.plan import Separate, Step
from schemawright.ops.render import Renderer, renderer_for

__all__ = ["AlterPlan", "Separate", "alter_existing"]


@dataclass
class AlterPlan:
    operations: list[o.Operation] = field(
        default_factory=list
    )  # in the feature's migration, after its tables
    steps: list[Step] = field(default_factory=list)  # migrations of their own, in order
    notes: list[str] = field(default_factory=list)  # for the design's Assumptions: what is not the safe form

    def __bool__(self) -> bool:
        return bool(self.operations or self.steps)


def _as_added(column: Column) -> Column:
    """The column as it can be added to a table with rows: NOT NULL only with a constant default (no
    table rewrite), else nullable without a default."""
    if not column.nullable and column.default is not None and column.default_kind == "literal":
        return column
    return column.model_copy(update={"nullable": True, "default": None, "default_kind": "none"})


def _addable(table: Table, old: Table) -> Table:
    """``table`` with each column ``old`` has not in the form it can be added in (:func:`_as_added`)."""
    columns = [c if old.column(c.name) is not None else _as_added(c) for c in table.columns]
    return table.model_copy(update={"columns": columns})


def _named(ix: Index, name: str) -> Index:
    """``ix`` under another name (a partition's part of it): the same columns, order, uniqueness,
    predicate, method and expressions, as ATTACH PARTITION requires."""
    return ix.model_copy(update={"name": name})


def _for_engine(ix: Index, table: str, renderer: Renderer) -> tuple[Index | None, list[str]]:
    """``ix`` as ``renderer``'s engine can add it to the existing ``table`` (None: not at all), and the
    notes saying what differs. PostgreSQL and SQLite build it whole. MySQL has no partial indexes (a new
    table's is emulated with a generated column, which this does not add to an existing table) and
    MariaDB no functional ones (case-insensitive uniqueness is the column's collation's)."""
    if renderer.partial_indexes and renderer.expression_indexes:
        return ix, []
    if ix.where and not renderer.partial_indexes:
        return None, [
            f"{table} is an existing table, and {renderer.name} has no partial indexes (a new table's is "
            f"emulated with a generated column, not added to an existing one), so {ix.name} "
            f"({', '.join(ix.columns)} WHERE {ix.where}) is not in the migration: an index without its "
            "condition would be a different constraint; add it by hand if it must be enforced."
        ]
    if ix.expressions and not renderer.expression_indexes:
        kept = ix.model_copy(update={"expressions": {}})
        exprs = ", ".join(f"{kind}({column})" for column, kind in ix.expressions.items())
        return kept, [
            f"{table} is an existing table, and {renderer.name} has no functional indexes in a form MySQL "
            f"and MariaDB both accept, so {ix.name} indexes {', '.join(ix.columns)} instead of {exprs}: "
            f"it is case-insensitive only if {table}'s column collation is (a _ci collation, as the "
            "servers' defaults are)."
        ]
    return ix, []


def alter_existing(
    design: RelationalDesign, existing: ExistingSchema, renderer: Renderer | None = None
) -> AlterPlan:
    """Operations for what ``design`` adds to tables of ``existing`` (which must be the schema as it was
    before designing). What is added is :func:`schemawright.catalog.diff.diff_table`'s; this puts it in
    the form that does not rewrite or long-lock a table with rows. Nothing existing is dropped."""
    renderer = renderer or renderer_for(design.dialect)
    out = AlterPlan()
    validates: list[Step] = []
    indexes: list[Step] = []
    attaches: list[o.Operation] = []  # ALTER INDEX … ATTACH PARTITION, after every partition's index is built
    for table in design.tables:
        old = existing.table(table.name)
        if not table.existing or old is None:
            continue
        change = diff_table(old, _addable(table, old), alters_constraints=renderer.alters_constraints)
        partitioned = renderer.partitions and existing.partitioned(table.name)
        for fk in change.refused_keys:
            out.notes.append(
                f"{table.name} is an existing table, and {renderer.name} adds a foreign key to one "
                "only with a new nullable column of its own (ALTER TABLE … ADD COLUMN … REFERENCES), "
                f"so {fk.name} ({', '.join(fk.columns)} → {fk.ref_table}) is not in the migration: "
                f"rebuild {table.name} with it (create the new table, copy the rows, drop the old "
                "one, rename) if it must be enforced."
            )
        # the table's new indexes go before its new keys, so a key uses the index (InnoDB would make an
        # index of its own, drop it for ours, then refuse to drop ours before the key in the down)
        keys: list[o.Operation] = []
        index_ops: list[o.Operation] = []
        for add in change.add_keys:
            fk = add.foreign_key
            if partitioned:
                keys.append(add)
                out.notes.append(
                    f"{table.name} is a partitioned table, and PostgreSQL (before 18) refuses a NOT VALID "
                    f"foreign key on one, so {fk.name} is added and validated in one step: it reads every "
                    f"partition under a SHARE ROW EXCLUSIVE lock (writes to {table.name} wait until it "
                    "ends) — run the migration off-peak."
                )
            elif renderer.not_valid:
                keys.append(add.model_copy(update={"not_valid": True}))
                validate = o.ValidateConstraint(table=table.name, name=fk.name)
                validates.append(
                    Step(operations=[validate], suffix=f"validate_{len(validates) + 1}", compact=True)
                )
            else:
                keys.append(add)
        for create in change.add_indexes:
            added, notes = _for_engine(create.index, table.name, renderer)
            out.notes += notes
            if added is None:
                continue
            ix = added
            if partitioned:
                tree = _index_tree(existing, table.name, ix.name, renderer)
                # catalog only: the parent's (and sub-partitioned partitions') index, invalid until attached
                index_ops += [
                    o.CreateIndex(
                        table=n.table,
                        table_schema=n.schema,
                        index=_named(ix, n.index),
                        only=True,
                        if_not_exists=True,
                    )
                    for n in tree
                    if not n.leaf
                ]
                for n in (n for n in tree if n.leaf):
                    build = o.CreateIndex(
                        table=n.table,
                        table_schema=n.schema,
                        index=_named(ix, n.index),
                        concurrently=True,
                        if_not_exists=True,
                    )
                    indexes.append(Step(operations=[build], suffix=f"index_{len(indexes) + 1}", compact=True))
                # children before their parent, so each parent's index is valid before it is attached
                root = tree[0].qualified_index
                attaches += [
                    o.AttachIndexPartition(parent=n.parent, index=n.qualified_index, root=root)
                    for n in sorted(tree, key=lambda n: -n.depth)
                    if n.parent
                ]
                leaves = sum(n.leaf for n in tree)
                out.notes.append(
                    f"{table.name} is a partitioned table, on which PostgreSQL cannot build an index "
                    f"CONCURRENTLY: {ix.name} is created ON ONLY {table.name} (a catalog entry, nothing is "
                    f"built), then built CONCURRENTLY on each of its {leaves} partition(s) in migrations of "
                    "their own and attached to it by the last one, which makes it valid; partitions created "
                    "later get it automatically. PostgreSQL cannot detach an attached index, so that last "
                    "migration's down drops the whole index: roll back the feature's index migrations "
                    "together."
                )
            elif renderer.concurrent_indexes:
                build = create.model_copy(update={"index": ix, "concurrently": True, "if_not_exists": True})
                indexes.append(Step(operations=[build], suffix=f"index_{len(indexes) + 1}", compact=True))
            else:
                index_ops.append(create.model_copy(update={"index": ix}))
        out.operations += change.add_columns
        out.operations += index_ops + keys
    if attaches:  # an attached index cannot be detached: its down drops the parent's, which takes them all
        indexes.append(Step(operations=attaches, suffix=f"index_{len(indexes) + 1}", compact=True))
    out.steps = validates + indexes
    return out


@dataclass(frozen=True)
class _IndexNode:
    """One table of a partition tree and the name of its part of a new index (unquoted)."""

    table: str  # without its schema
    schema: str  # "" for the default schema
    index: str  # without its schema (an index lives in its table's)
    parent: str  # the parent table's part of the index, schema-qualified; "" for the partitioned table
    leaf: bool  # a partition holding rows (built CONCURRENTLY), not itself partitioned
    depth: int  # 0 for the partitioned table itself

    @property
    def qualified_index(self) -> str:
        return f"{self.schema}.{self.index}" if self.schema else self.index


def _index_tree(existing: ExistingSchema, table: str, index: str, renderer: Renderer) -> list[_IndexNode]:
    """``table`` and its partitions, parents before children, each with its index name: the new index's
    own name on ``table``, ``{index}_{partition}`` (shortened to the engine's limit) on a partition.
    A partition in another schema gets its index there (an index lives in its table's schema)."""
    out: list[_IndexNode] = []

    def walk(name: str, ix: str, parent: str, depth: int) -> None:
        schema, _, bare = name.rpartition(".")
        node = _IndexNode(bare, schema, ix, parent, not existing.partitioned(name), depth)
        out.append(node)
        for child in existing.partitions.get(name, []):
            walk(
                child,
                shorten(f"{index}_{child.rpartition('.')[2]}", renderer.name),
                node.qualified_index,
                depth + 1,
            )

    walk(table, index, "", 0)
    return out
