"""Migration plans: the operations of a feature's migrations, their derived downs, and their text.

A plan is a list of :class:`Step` — one migration each: the feature's own, then the statements that need
a migration of their own (a ``VALIDATE CONSTRAINT``, each ``CREATE INDEX CONCURRENTLY``). A step's down
is never written: :func:`down_operations` reverses its operations (last first, each ``reverse()``d) and
leaves out what a later ``DROP TABLE`` of the same down removes anyway (the table's indexes, row-level
security and policies, the partitions of a dropped parent).
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from schemawright.design.models import RelationalDesign
from schemawright.emit.sql.dialects import shorten
from schemawright.emit.sql.triggers import FUNCTION
from schemawright.ops import models as o
from schemawright.ops.render import Renderer, renderer_for


class Step(BaseModel):
    """One migration: its operations in order. ``suffix`` names a separate migration (``validate_1``,
    ``index_1``; "" for the feature's own); ``compact`` writes one statement per line (no blank lines),
    the layout of the short separate migrations."""

    model_config = ConfigDict(frozen=True)

    operations: list[o.Operation] = Field(default_factory=list)
    suffix: str = ""
    compact: bool = False

    @property
    def transactional(self) -> bool:
        """May run inside a transaction: every operation may (a concurrent index build may not)."""
        return all(op.transactional for op in self.operations)

    def reverse(self) -> Step:
        """The step that undoes this one, operation by operation (nothing left out)."""
        return self.model_copy(update={"operations": [op.reverse() for op in reversed(self.operations)]})


class Plan(BaseModel):
    """A feature's migrations in order, and the notes for its Assumptions (what is not the safe form)."""

    steps: list[Step] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


def down_operations(operations: list[o.Operation]) -> list[o.Operation]:
    """What undoes ``operations``: their reverses, last first, without those a later ``DROP TABLE`` of
    the same list makes redundant (``DROP TABLE`` removes the table's indexes, policies and row-level
    security, and a partitioned table's partitions), and with each index tree's root dropped once."""
    reverse: list[o.Operation] = [op.reverse() for op in reversed(operations)]
    dropped: set[str] = set()
    kept: list[o.Operation] = []
    roots: set[str] = set()
    for op in reversed(reverse):  # from the end, so every later DROP TABLE is known
        if isinstance(op, o.DropTable):
            dropped.add(op.table.name)
        elif _on_dropped(op, dropped):
            continue
        kept.append(op)
    out: list[o.Operation] = []
    for op in reversed(kept):
        if isinstance(op, o.DetachIndexPartition):
            if op.root in roots:
                continue
            roots.add(op.root)
        out.append(op)
    return out


def _on_dropped(op: o.Operation, dropped: set[str]) -> bool:
    """``op`` undoes something on a table in ``dropped`` that dropping the table undoes as well."""
    if isinstance(op, o.DropIndex):
        return _qualified(op.table_schema, op.table) in dropped
    if isinstance(op, o.DisableRowLevelSecurity):
        return op.table in dropped
    if isinstance(op, o.DropPolicy):
        return op.policy.table in dropped
    return isinstance(op, o.DropPartition) and op.parent in dropped


def _qualified(schema: str, name: str) -> str:
    return f"{schema}.{name}" if schema else name


def create_operations(
    design: RelationalDesign, existing_functions: list[str], renderer: Renderer
) -> list[o.Operation]:
    """The operations that create ``design``'s new tables: each table with its partition and indexes, in
    the design's order; a foreign key to a table created later added after every table (where the engine
    can add one: SQLite keeps it inline); then the ``updated_at`` triggers and row-level security."""
    known = {t.name for t in design.tables}
    created = {t.name for t in design.tables if t.existing}
    out: list[o.Operation] = []
    deferred: list[o.Operation] = []
    new_tables = design.new_tables()
    for table in new_tables:
        later = sorted(
            (
                fk
                for fk in table.foreign_keys
                if fk.ref_table in known and fk.ref_table not in created and fk.ref_table != table.name
            ),
            key=lambda fk: fk.name,
        )
        if later and renderer.alters_constraints:
            names = {fk.name for fk in later}
            kept = [fk for fk in table.foreign_keys if fk.name not in names]
            out.append(o.CreateTable(table=table.model_copy(update={"foreign_keys": kept})))
            deferred += [o.AddForeignKey(table=table.name, foreign_key=fk) for fk in later]
        else:
            out.append(o.CreateTable(table=table))
        if table.partition is not None and renderer.partitions:
            out.append(
                o.CreatePartition(table=shorten(f"{table.name}_default", renderer.name), parent=table.name)
            )
        out += [o.CreateIndex(table=table.name, index=ix) for ix in table.indexes]
        created.add(table.name)
    out += deferred
    trigger_tables = [t for t in new_tables if t.updated_at_trigger]
    if trigger_tables and renderer.updated_at == "function":
        if FUNCTION not in existing_functions:
            out.append(o.CreateUpdatedAtFunction())
        out += [o.CreateUpdatedAtTrigger(table=t.name) for t in trigger_tables]
    elif renderer.updated_at == "trigger":
        out += [o.CreateUpdatedAtTrigger(table=t.name) for t in trigger_tables if t.column("updated_at")]
    for table in new_tables:
        if table.row_level_security:
            out.append(o.EnableRowLevelSecurity(table=table.name))
        out += [o.CreatePolicy(policy=p) for p in design.policies if p.table == table.name]
    return out


# -- text ------------------------------------------------------------------------------------------------
# Statements are separated by a blank line; a run of operations of one group is written one per line,
# under the group's heading in an up (the layout the migrations have always had).
_GROUPS: dict[type, str] = {
    o.EnableRowLevelSecurity: "rls",
    o.CreatePolicy: "rls",
    o.DropUpdatedAtTrigger: "triggers",
    o.DropUpdatedAtFunction: "triggers",
    o.DropColumn: "alter",
    o.DropForeignKey: "alter",
    o.DropIndex: "alter",
    o.DetachIndexPartition: "alter",
}
_HEADINGS = {"rls": "-- Supabase row-level security"}


@dataclass(frozen=True)
class Separate:
    """A rendered migration of its own (a step after the feature's): ``VALIDATE CONSTRAINT`` (its scan must
    not share a transaction with the ``NOT VALID`` add, which holds ACCESS EXCLUSIVE until commit) or
    ``CREATE INDEX CONCURRENTLY`` (not allowed in a transaction at all)."""

    suffix: str  # migration name suffix: "validate_1", "index_1"
    up: str
    down: str
    transactional: bool = True


def render_statements(items: list[o.Operation | str], renderer: Renderer, *, compact: bool, up: bool) -> str:
    """The statements of ``items`` (operations, or statements already written) in the layout of a
    migration body (no header)."""
    blocks: list[list[str]] = []
    group: str | None = None
    for item in items:
        sql = (item if isinstance(item, str) else renderer.render(item)).rstrip("\n")
        if not sql:
            continue
        g = None if isinstance(item, str) else _GROUPS.get(type(item))
        if blocks and (compact or (g is not None and g == group)):
            blocks[-1].append(sql)
        else:
            heading = _HEADINGS.get(g or "") if up else None
            blocks.append([heading, sql] if heading else [sql])
        group = g
    return "\n\n".join("\n".join(b) for b in blocks)


def render_step(step: Step, renderer: Renderer, header: str) -> tuple[str, str]:
    """(up, down) text of ``step``: the header, ``lock_timeout`` (where the engine has one) before any up
    statement, the statements; the down is :func:`down_operations` of the up."""
    head = f"{header}\n" if header else ""
    up = render_statements(list(step.operations), renderer, compact=step.compact, up=True)
    if up and renderer.lock_timeout:
        up = renderer.lock_timeout + ("\n" if step.compact else "\n\n") + up
    down_ops = down_operations(step.operations)
    down = render_statements(
        _foreign_key_checks(down_ops, renderer), renderer, compact=step.compact, up=False
    )
    if step.compact:
        return head + up, head + down
    return head + up + "\n", head + down + "\n"


def _foreign_key_checks(down: list[o.Operation], renderer: Renderer) -> list[o.Operation | str]:
    """Tables that refer to each other both ways (SQLite keeps every foreign key inline) cannot be dropped
    in any order with foreign keys enforced: where the engine can switch the checks off for a while, the
    drops run without them."""
    items: list[o.Operation | str] = list(down)
    if renderer.foreign_key_checks is None:
        return items
    drops = [(i, op.table) for i, op in enumerate(down) if isinstance(op, o.DropTable)]
    before: set[str] = set()
    cyclic = False
    for _, table in drops:
        cyclic = cyclic or any(
            fk.ref_table in before for fk in table.foreign_keys if fk.ref_table != table.name
        )
        before.add(table.name)
    if not cyclic:
        return items
    off, on = renderer.foreign_key_checks
    first, last = drops[0][0], drops[-1][0]
    return [*items[:first], off, *items[first : last + 1], on, *items[last + 1 :]]


def render_plan(plan: Plan, design: RelationalDesign, header: str) -> tuple[tuple[str, str], list[Separate]]:
    """((up, down) of the feature's migration, the separate migrations after it)."""
    renderer = renderer_for(design.dialect, design.tables).with_tables(
        op for step in plan.steps for op in step.operations
    )
    main, *rest = plan.steps or [Step()]
    return render_step(main, renderer, header), [
        Separate(s.suffix, *render_step(s, renderer, ""), transactional=s.transactional) for s in rest
    ]
