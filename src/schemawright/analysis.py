"""Spec → DomainModel: the understanding step, the only one that differs between designing from a spec
and from a model file (``design --model``). Everything after it is shared
(:func:`schemawright.pipeline.design_from_model`).

The model it returns is complete on its own: what the design step still needed from the spec text is
folded in here (a spec naming Supabase, which the analyzer records as PostgreSQL, becomes the store
``supabase``), so a model written by ``analyze`` and read back designs exactly as the spec does."""

from __future__ import annotations

import re
from pathlib import Path

from schemawright.domain.model import DomainModel
from schemawright.io import UsageError, default_id, default_name, read_spec, validate_id
from schemawright.spec.document import SpecDocument
from schemawright.spec.language import detect_language

# Schema files people already write, read as the model through the structured readers.
STRUCTURED = {".dbml": "dbml", ".mmd": "mermaid", ".mermaid": "mermaid", ".prisma": "prisma"}


def analyze_file(
    path: Path, feature_id: str | None = None, feature_name: str | None = None
) -> tuple[DomainModel, SpecDocument]:
    """Read and analyze the spec at ``path``; the ID defaults to the file stem (spec-kit: the folder).
    A spec whose prose is plainly not English is refused: the analyzer would only misread it."""
    text = read_spec(path)
    if path.suffix.lower() in STRUCTURED:
        return _analyze_schema_file(path, text, feature_id or default_id(path), feature_name)
    language = detect_language(text)
    if language:
        raise UsageError(
            f"{path} looks like {language}, not English; schemawright reads English specs — translate it "
            "first or pass a model (see --help)"
        )
    fid = feature_id or default_id(path)
    return analyze_text(text, source=str(path), feature_id=fid, feature_name=feature_name)


def _analyze_schema_file(
    path: Path, text: str, feature_id: str, feature_name: str | None
) -> tuple[DomainModel, SpecDocument]:
    """A DBML, Mermaid or Prisma file, wrapped as a spec holding one fenced block of its language so the
    analyzer's structured readers read it; cited lines are shifted back to the file's own. (Once the
    resolver lands, ``readers.<language>.read_text`` + ``resolve`` can replace the wrapper here.)"""
    language = STRUCTURED[path.suffix.lower()]
    wrapped = f"# Data model\n\n```{language}\n{text.rstrip()}\n```\n"  # the analyzer reads sections
    model, doc = analyze_text(wrapped, source=str(path), feature_id=feature_id, feature_name=feature_name)
    _shift_lines(model, -3)
    return model, doc


def _shift_lines(model: DomainModel, delta: int) -> None:
    """Move every cited spec line by ``delta`` (lines the wrapper added before the file's first)."""
    from pydantic import BaseModel

    from schemawright.domain.model import Source

    seen: set[int] = set()  # the analyzer shares one Source between elements: shift each once

    def visit(value: object) -> None:
        if isinstance(value, Source):
            if id(value) not in seen:
                seen.add(id(value))
                value.line = max(value.line + delta, 0) if value.line else 0
        elif isinstance(value, list):
            for item in value:
                visit(item)
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                visit(getattr(value, name))

    visit(model)


def analyze_text(
    text: str, *, source: str, feature_id: str, feature_name: str | None = None
) -> tuple[DomainModel, SpecDocument]:
    """Parse and analyze spec ``text``; the name defaults to its ``## Name:`` heading, else the ID."""
    from schemawright.design.store_choice import supabase_named
    from schemawright.domain.analyze import analyze
    from schemawright.spec.parser import parse_spec

    feature_id = validate_id(feature_id)
    doc = parse_spec(text, source=source)
    name = feature_name or name_from_spec(doc) or default_name(feature_id)
    model = analyze(doc, feature_id, name)
    if supabase_named(doc) and "postgresql" in model.declared_stores:
        model.declared_stores = ["supabase" if s == "postgresql" else s for s in model.declared_stores]
    return model, doc


def name_from_spec(doc: SpecDocument) -> str:
    for heading in doc.headings:
        m = re.match(r"^name\s*:\s*(.+)$", heading.raw, re.I)
        if m and not re.search(r"[\[{]", m.group(1)):
            return m.group(1).strip()
    return ""
