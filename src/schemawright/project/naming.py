"""Follow the project's index naming: the designer names indexes ``idx_{table}_{columns}`` (the role's
rule); a project whose indexes end in ``_idx`` gets ``{table}_{columns}_idx`` for the new ones."""

from __future__ import annotations

from schemawright.design.conventions import ExistingSchema
from schemawright.design.models import RelationalDesign

_LIMIT = 63  # PostgreSQL's identifier length; longer names keep the designer's (already shortened) name


def follow_index_naming(design: RelationalDesign, existing: ExistingSchema) -> None:
    """Rename the design's new indexes in place (existing indexes are never renamed)."""
    if not existing.conventions.index_suffix:
        return
    for table in design.tables:
        old = existing.table(table.name)
        kept = {ix.name for ix in old.indexes} if old is not None else set()
        for ix in table.indexes:
            if ix.name in kept or not ix.name.startswith("idx_"):
                continue
            renamed = f"{ix.name[len('idx_') :]}_idx"
            if len(renamed) <= _LIMIT:
                ix.name = renamed
