"""Catalog objects as design models (:mod:`schemawright.design.models`): how the designer sees an existing
table, and the payload of the operations :mod:`schemawright.catalog.diff` computes."""

from __future__ import annotations

from typing import Literal

from schemawright.catalog import models as cat
from schemawright.design.models import Check, Column, ForeignKey, Index, Table, UniqueConstraint
from schemawright.emit.sql.dialects import DialectName, type_sql

_ON_DELETE = ("CASCADE", "RESTRICT", "SET NULL")


def design_table(dialect: DialectName, found: cat.Table) -> Table:
    """``found`` as an ``existing`` design table, named by its qualified name; unnamed constraints get the
    role's names (``fk_{table}_{ref}``, ``uq_``, ``idx_``, ``ck_``). An index made for a UNIQUE constraint
    is that constraint, not an index of its own."""
    name = found.name
    table = Table(
        name=found.qualified,
        existing=True,
        primary_key=list(found.primary_key.columns) if found.primary_key else [],
        columns=[design_column(dialect, c) for c in found.columns],
    )
    for fk in found.foreign_keys:
        on_delete = fk.on_delete or "NO ACTION"
        table.foreign_keys.append(
            ForeignKey(
                name=fk.name or f"fk_{name}_{fk.ref_table}",
                columns=fk.columns,
                ref_table=fk.ref_qualified,
                ref_columns=fk.ref_columns,
                on_delete=on_delete if on_delete in _ON_DELETE else "NO ACTION",
            )
        )
    table.unique = [UniqueConstraint(name=u.name or f"uq_{name}", columns=u.columns) for u in found.uniques]
    table.indexes = [
        Index(name=ix.name or f"idx_{name}", columns=ix.columns, unique=ix.unique)
        for ix in found.indexes
        if not ix.constraint  # the index behind a UNIQUE constraint is that constraint
    ]
    table.checks = [Check(name=c.name or f"ck_{name}", expression=c.expression) for c in found.checks]
    return table


def design_column(dialect: DialectName, found: cat.Column) -> Column:
    """``found`` as a design column: its type rendered from its logical type (a type the reader does not
    know keeps the catalog's name), an identity or serial column's default as ``identity``."""
    logical = found.logical
    default = found.default
    kind: Literal["none", "now", "uuid", "identity", "literal"] = "none"
    if found.fills_itself:
        kind, default = "identity", None
    elif default:
        low = default.lower()
        kind = (
            "now"
            if ("now()" in low or "current_timestamp" in low)
            else "uuid"
            if "uuid" in low
            else "literal"
        )
    return Column(
        name=found.name,
        type=found.type if not found.known_type and found.type else type_sql(dialect, logical),
        native_type=found.type if not found.known_type else "",
        collation=found.collation or "",
        logical=logical,
        nullable=found.nullable,
        default=default,
        default_kind=kind,
        comment=found.comment,
    )
