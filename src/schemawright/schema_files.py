"""DBML, Mermaid and Prisma files as the model: their reader's facts, resolved without the prose stages.

A schema file is exact, so only its own language's reader reads it (plus the store reader, for a Prisma
``datasource`` provider) — no SQL sniffing of a Prisma file, no pattern table over notes — and the
resolver turns the facts into a model. The spec-wide passes and the name-sanity gate then run as they do
for a spec. The file is treated as one code block of its language starting at line 1, so every cited line
is the file's own."""

from __future__ import annotations

import importlib
from pathlib import Path

from schemawright.domain.model import DomainModel
from schemawright.io import UsageError, default_name, validate_id
from schemawright.spec.document import Block, SpecDocument

# Schema files people already write, read as the model through the structured readers.
STRUCTURED = {".dbml": "dbml", ".mmd": "mermaid", ".mermaid": "mermaid", ".prisma": "prisma"}
_LANGUAGES = {"dbml": "DBML", "mermaid": "a Mermaid erDiagram or classDiagram", "prisma": "a Prisma schema"}


def is_schema_file(path: Path) -> bool:
    return path.suffix.lower() in STRUCTURED


def analyze_schema_file(
    path: Path, text: str, feature_id: str, feature_name: str | None
) -> tuple[DomainModel, SpecDocument]:
    """The model of the DBML, Mermaid or Prisma ``text`` read from ``path``, and the one-block document
    the decision document cites (its lines are the file's)."""
    from schemawright.domain import spec_wide
    from schemawright.domain.facts import Fact
    from schemawright.domain.lexicon import load_lexicon
    from schemawright.domain.readers import stores
    from schemawright.domain.resolve import Resolver

    language = STRUCTURED[path.suffix.lower()]
    feature_id = validate_id(feature_id)
    lines = text.splitlines()
    block = Block(kind="code", line=1, end_line=max(len(lines), 1), text=text, lang=language)
    doc = SpecDocument(source=str(path), title=path.name, lines=lines, blocks=[block])
    reader = importlib.import_module(f"schemawright.domain.readers.{language}")
    facts: list[Fact] = [*stores.read(doc), *reader.read_text(text, 1)]
    lexicon = load_lexicon()
    model = Resolver(lexicon).resolve(facts, feature_id, feature_name or default_name(feature_id))
    model = spec_wide.apply(doc, model, lexicon)
    return _gated(path, language, model), doc


def _gated(path: Path, language: str, model: DomainModel) -> DomainModel:
    """The honesty stage of :func:`schemawright.domain.analyze.analyze`: names that are not clean are
    dropped and said under Assumptions. A schema file with no table is a usage error, not "no schema
    change": it was given as the model, so an empty reading means the reader could not read it."""
    from schemawright.domain.model import Assumption, Source
    from schemawright.domain.sanity import filter_model

    model, dropped = filter_model(model)
    gate = Source(rule="name-sanity gate")
    for item in dropped:
        model.assumptions.append(Assumption(text=f"Not designed, not a clean name: {item}.", source=gate))
    if not model.entities:
        raise UsageError(f"{path}: no table or model found — is it {_LANGUAGES[language]}?")
    return model
