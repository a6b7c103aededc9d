"""Rule modules, one per review category; the engine calls them through these tuples."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from schemawright.catalog.models import Table
from schemawright.review.context import StatementContext
from schemawright.review.models import Finding
from schemawright.review.parse import Statement
from schemawright.review.rules import (
    conflicts,
    data_integrity,
    migration_safety,
    naming,
    outside,
    performance,
    reversibility,
    schema_design,
    security,
    timeouts,
)
from schemawright.review.schema import Schema

TableRule = Callable[[Table, Schema, str], Iterator[Finding]]
SchemaRule = Callable[[Iterable[Table], Schema, str], Iterator[Finding]]

TABLE_RULES: tuple[TableRule, ...] = (
    schema_design.check_table,
    performance.check_table,
    data_integrity.check_table,
    naming.check_table,
    security.check_table,
)
SCHEMA_RULES: tuple[SchemaRule, ...] = (naming.check_schema,)
check_migration = reversibility.check_migration
check_down = conflicts.check_down
check_timeouts = timeouts.check_migration
check_validation = migration_safety.check_validation


def check_statement(stmt: Statement, ctx: StatementContext) -> Iterator[Finding]:
    """Every per-statement rule, with the schema as it is just before the statement."""
    yield from migration_safety.check_statement(stmt, ctx)
    yield from conflicts.check_statement(stmt, ctx)
    yield from outside.check_statement(stmt, ctx)
    yield from naming.check_statement(stmt, ctx)


__all__ = [
    "SCHEMA_RULES",
    "TABLE_RULES",
    "check_down",
    "check_migration",
    "check_statement",
    "check_timeouts",
    "check_validation",
]
