"""Why a table, column or index exists: the provenance the design carries (spec line, its text, rule id)."""

from __future__ import annotations

from typing import Any

from schemawright.design.models import RelationalDesign, Table
from schemawright.domain.model import Source
from schemawright.result import DesignResult


def explain(
    result: DesignResult, table: str, column: str | None = None, index: str | None = None
) -> dict[str, Any]:
    """The reasons for ``table`` (and its ``column`` or ``index``) in ``result``; raises ``LookupError``
    naming what exists when it is not there."""
    tables = {t.name: t for s in result.stores if isinstance(s, RelationalDesign) for t in s.tables}
    found = tables.get(table)
    if found is None:
        raise LookupError(f"no table {table!r} in the design of {result.feature.id} — tables: "
                          f"{', '.join(sorted(tables)) or 'none'}")
    out: dict[str, Any] = {"feature": result.feature.id, "spec": result.feature.source, "table": table,
                           "entity": found.entity, "why": _why(found.source, found.purpose)}
    if column is not None:
        out["column"] = column
        out["why_column"] = _column(found, column)
    if index is not None:
        match = next((i for i in found.indexes if i.name == index), None)
        if match is None:
            raise LookupError(f"no index {index!r} on {table} — indexes: "
                              f"{', '.join(i.name for i in found.indexes) or 'none'}")
        out["index"] = index
        out["why_index"] = _why(match.source, match.purpose) | {"columns": match.columns}
    return out


def _column(table: Table, name: str) -> dict[str, Any]:
    col = table.column(name)
    if col is None:
        names = ", ".join(c.name for c in table.columns)
        raise LookupError(f"no column {name!r} in {table.name} — columns: {names}")
    why = _why(col.source, col.comment) | {"type": col.type, "nullable": col.nullable}
    fk = next((f for f in table.foreign_keys if name in f.columns), None)
    if fk is not None:
        why["references"] = {"table": fk.ref_table, "columns": fk.ref_columns, "on_delete": fk.on_delete,
                             "reason": fk.reason, **_why(fk.source, "")}
    if name in table.primary_key:
        why["primary_key"] = True
    return why


def _why(source: Source, note: str) -> dict[str, Any]:
    why: dict[str, Any] = {"cited": source.cite(), "line": source.line, "text": source.text,
                           "rule": source.rule}
    if note:
        why["note"] = note
    return why
