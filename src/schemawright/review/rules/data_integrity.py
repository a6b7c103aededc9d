"""Data integrity: deliberate ON DELETE behaviour and constrained status values (SW3xx)."""

from __future__ import annotations

import re

from schemawright.catalog.models import Table
from schemawright.review.findings import finding
from schemawright.review.models import Location
from schemawright.review.rules.common import INT_TYPES, TEXT_TYPES, FindingIter, col_at, reviewable, tokens
from schemawright.review.schema import Schema, key

STATUS_WORDS = frozenset({"status", "state", "kind", "role", "stage", "phase", "priority", "level", "tier"})
# an ``X_type`` whose values are an open set, not states a CHECK could list: media types
# (``content_type``, ``mime_type``) and polymorphic discriminators naming types defined elsewhere
# (``object_type``, ``entity_type``, ``resource_type``: tables, classes or an authorization model's types)
OPEN_TYPES = frozenset(
    {"content", "mime", "media", "object", "entity", "resource", "subject", "target", "owner", "parent"}
)


def check_table(table: Table, schema: Schema, dialect: str) -> FindingIter:
    if not reviewable(table):
        return
    yield from _on_delete(table)
    yield from _status(table, schema)


def _on_delete(table: Table) -> FindingIter:
    for fk in table.foreign_keys:
        if fk.on_delete is None:
            cols = ", ".join(fk.columns)
            yield finding(
                "SW301",
                f"Foreign key {table.name}({cols}) → {fk.ref_table} has no ON DELETE decision.",
                at=Location(
                    file=fk.path or table.path or "",
                    line=fk.line or table.line or 0,
                    table=table.name,
                    column=cols,
                ),
                fix=f"FOREIGN KEY ({cols}) REFERENCES {fk.ref_table} ({', '.join(fk.ref_columns) or 'id'}) "
                "ON DELETE CASCADE  -- dependent child; SET NULL for optional links; RESTRICT to protect",
            )


def _status(table: Table, schema: Schema) -> FindingIter:
    fk_cols = {c for fk in table.foreign_keys for c in fk.columns}
    for col in table.columns:
        words = tokens(col.name)
        if not words or (words[-1] not in STATUS_WORDS and not (words[-1] == "type" and len(words) > 1)):
            continue
        if words[-1] == "type" and words[-2] in OPEN_TYPES:
            continue
        if col.constrained or key(col.name) in fk_cols or key(col.type) in schema.types:
            continue
        if col.base_type not in TEXT_TYPES and col.base_type not in INT_TYPES:
            continue
        pattern = re.compile(rf"\b{re.escape(key(col.name))}\b", re.I)
        if any(pattern.search(check.expression) for check in table.checks):
            continue
        yield finding(
            "SW302",
            f"{table.name}.{col.name} is a free {col.type} with no CHECK or enum.",
            at=col_at(table, col),
            fix=f"ALTER TABLE {table.name} ADD CONSTRAINT ck_{table.name}_{key(col.name)} "
            f"CHECK ({col.name} IN (...));  -- list the allowed values",
        )
