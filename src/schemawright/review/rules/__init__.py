"""Rule modules, one per review category; the engine calls them through these tuples."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from schemawright.review.models import Finding
from schemawright.review.rules import (
    data_integrity,
    migration_safety,
    naming,
    performance,
    reversibility,
    schema_design,
    security,
)
from schemawright.review.schema import Schema, Table

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
check_statement = migration_safety.check_statement
check_migration = reversibility.check_migration

__all__ = ["SCHEMA_RULES", "TABLE_RULES", "check_migration", "check_statement"]
