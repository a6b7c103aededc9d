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


def analyze_file(
    path: Path, feature_id: str | None = None, feature_name: str | None = None
) -> tuple[DomainModel, SpecDocument]:
    """Read and analyze the spec at ``path``; the ID defaults to the file stem (spec-kit: the folder).
    A DBML, Mermaid or Prisma file is read as the model (:mod:`schemawright.schema_files`). A spec whose
    prose is plainly not English is refused: the analyzer would only misread it."""
    from schemawright.schema_files import analyze_schema_file, is_schema_file

    text = read_spec(path)
    if is_schema_file(path):
        return analyze_schema_file(path, text, feature_id or default_id(path), feature_name)
    language = detect_language(text)
    if language:
        raise UsageError(
            f"{path} looks like {language}, not English; schemawright reads English specs — translate it "
            "first or pass a model (see --help)"
        )
    fid = feature_id or default_id(path)
    return analyze_text(text, source=str(path), feature_id=fid, feature_name=feature_name)


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
