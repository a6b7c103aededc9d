"""Spec-wide facts: scope, store declarations, clarification markers, volumes, retention, security."""

from __future__ import annotations

import re

from schemawright.domain.builder import ModelBuilder
from schemawright.domain.model import Source
from schemawright.spec.document import Block, SpecDocument

_MARKERS = re.compile(r"\[NEEDS CLARIFICATION[^\]]*\]|\[Inferred[^\]]*\]|\bTBD\b[^.\n]*", re.I)
_UNIT_SECONDS = {
    "second": 1,
    "minute": 60,
    "hour": 3600,
    "day": 86400,
    "week": 604800,
    "month": 2592000,
    "year": 31536000,
}


def placeholder_store(text: str) -> bool:
    """``(PostgreSQL / MySQL / MongoDB / …)``: a template option list, not a choice."""
    return bool(re.match(r"^\s*\(.*[/|].*\)\s*$", text)) or text.count("/") >= 2


def clarifications(doc: SpecDocument, b: ModelBuilder) -> None:
    for block in doc.blocks:
        if block.kind == "comment":
            if re.match(r"^\s*(?:TBD|REVIEW|TODO|NOTE|QUESTION)\b", block.text, re.I):
                b.assume(f"Open point in the spec: {block.text.strip()}", _source(block))
            continue
        for m in _MARKERS.finditer(block.text):
            b.assume(f'Marked in the spec: {m.group(0).strip()} (in: "{block.text[:120]}")', _source(block))


def _source(block: Block) -> Source:
    return Source(line=block.line, text=block.text[:200])


def duration_seconds(amount: str, unit: str) -> int | None:
    unit = unit.lower().rstrip("s")
    words = {
        "a": 1,
        "an": 1,
        "one": 1,
        "two": 2,
        "three": 3,
        "seven": 7,
        "ten": 10,
        "twelve": 12,
        "thirty": 30,
        "ninety": 90,
    }
    try:
        n = float(amount) if amount and amount[0].isdigit() else words[amount.lower()]
    except KeyError:
        return None
    base = _UNIT_SECONDS.get(unit)
    return int(n * base) if base else None


def no_data_reason(doc: SpecDocument, b: ModelBuilder) -> str:
    """A spec with no entities, explicitly UI-only, or whose out-of-scope says no backend/database."""
    scope_text = " ".join(b.model.out_of_scope).lower()
    if re.search(r"\b(?:any|no)\s+(?:backend|database|db|persistence)\b|database work", scope_text):
        return "The spec puts backend and database work out of scope."
    if not b.model.entities:
        return "The spec describes no data that must be stored."
    return ""
