"""Spec → DomainModel: the understanding step, the only one that differs between designing from a spec
and from a model file (``design --model``). Everything after it is shared
(:func:`schemawright.pipeline.design_from_model`).

The model it returns is complete on its own: what the design step still needed from the spec text is
folded in here (a spec naming Supabase, which the analyzer records as PostgreSQL, becomes the store
``supabase``), so a model written by ``analyze`` and read back designs exactly as the spec does."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from schemawright.domain.model import DomainModel
from schemawright.io import UsageError, default_id, default_name, read_spec, validate_id
from schemawright.spec.document import SpecDocument
from schemawright.spec.language import detect_language

Analyzer = Literal["rules", "llm", "hybrid"]
ANALYZERS: tuple[Analyzer, ...] = ("rules", "llm", "hybrid")


def analyze_file(
    path: Path, feature_id: str | None = None, feature_name: str | None = None, analyzer: Analyzer = "rules"
) -> tuple[DomainModel, SpecDocument]:
    """Read and analyze the spec at ``path``; the ID defaults to the file stem (spec-kit: the folder).
    A DBML, Mermaid or Prisma file is read as the model (:mod:`schemawright.schema_files`). A spec whose
    prose is plainly not English is refused unless the LLM alone reads it: the rule analyzer would only
    misread it."""
    from schemawright.schema_files import analyze_schema_file, is_schema_file

    text = read_spec(path)
    if is_schema_file(path):
        if analyzer != "rules":
            raise UsageError(f"{path} is a schema file, read exactly by its reader — drop --analyzer")
        return analyze_schema_file(path, text, feature_id or default_id(path), feature_name)
    language = detect_language(text) if analyzer != "llm" else ""
    if language:
        raise UsageError(
            f"{path} looks like {language}, not English; schemawright reads English specs — translate it "
            "first or pass a model (see --help)"
        )
    fid = feature_id or default_id(path)
    return analyze_text(text, source=str(path), feature_id=fid, feature_name=feature_name, analyzer=analyzer)


def analyze_text(
    text: str, *, source: str, feature_id: str, feature_name: str | None = None, analyzer: Analyzer = "rules"
) -> tuple[DomainModel, SpecDocument]:
    """Parse and analyze spec ``text``; the name defaults to its ``## Name:`` heading, else the ID.
    ``analyzer``: the offline rule analyzer (default), the LLM endpoint of ``SCHEMAWRIGHT_LLM_*`` alone,
    or both merged (:mod:`schemawright.llm`); its configuration is checked before any work is done."""
    from schemawright.design.store_choice import supabase_named
    from schemawright.domain.analyze import analyze
    from schemawright.spec.parser import parse_spec

    if analyzer not in ANALYZERS:
        raise UsageError(f"unknown analyzer {analyzer!r}: choose one of {', '.join(ANALYZERS)}")
    feature_id = validate_id(feature_id)
    config = None
    if analyzer != "rules":
        from schemawright.llm.config import from_env

        config = from_env()  # a missing URL fails here, before anything is read or sent
    doc = parse_spec(text, source=source)
    name = feature_name or name_from_spec(doc) or default_name(feature_id)
    model = analyze(doc, feature_id, name) if analyzer != "llm" else None
    if config is not None:
        from schemawright.llm.analyzer import llm_model
        from schemawright.llm.merge import merge

        understood = llm_model(text, feature_id=feature_id, feature_name=name, config=config)
        model = merge(model, understood) if model is not None else understood
    assert model is not None
    if supabase_named(doc) and "postgresql" in model.declared_stores:
        model.declared_stores = ["supabase" if s == "postgresql" else s for s in model.declared_stores]
    return model, doc


def name_from_spec(doc: SpecDocument) -> str:
    for heading in doc.headings:
        m = re.match(r"^name\s*:\s*(.+)$", heading.raw, re.I)
        if m and not re.search(r"[\[{]", m.group(1)):
            return m.group(1).strip()
    return ""
