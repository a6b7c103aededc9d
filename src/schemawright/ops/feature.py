"""A feature's migrations as one plan: its new tables (with their triggers and row-level security), then
the safe changes to the project's existing tables, then the migrations those need of their own. Every
down is derived from the plan's operations (:func:`schemawright.ops.plan.down_operations`)."""

from __future__ import annotations

from schemawright.design.conventions import ExistingSchema
from schemawright.design.models import RelationalDesign
from schemawright.emit.sql.ddl import MigrationSQL
from schemawright.ops.plan import Plan, Separate, Step, create_operations, render_plan
from schemawright.ops.render import renderer_for
from schemawright.project.alter import alter_existing


def plan_feature(design: RelationalDesign, existing: ExistingSchema | None = None) -> Plan:
    """The operations of ``design``'s migrations on top of ``existing`` (the project's schema as it was
    before designing; None: a project without tables)."""
    existing = existing or ExistingSchema()
    renderer = renderer_for(design.dialect, design.tables)
    main = create_operations(design, existing.functions, renderer)
    alter = alter_existing(design, existing, renderer)
    return Plan(steps=[Step(operations=main + alter.operations), *alter.steps], notes=alter.notes)


def render_feature(
    plan: Plan, design: RelationalDesign, header: str = ""
) -> tuple[MigrationSQL, list[Separate]]:
    """The feature's migration (with ``header``) and the separate migrations after it, as text."""
    (up, down), separate = render_plan(plan, design, header)
    return MigrationSQL(up=up, down=down), separate
