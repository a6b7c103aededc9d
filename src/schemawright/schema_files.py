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
    from schemawright.domain.analyze import finish
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
    model = finish(doc, model)
    if not model.entities:  # given as the model: an empty reading means the reader could not read it
        raise UsageError(f"{path}: no table or model found — is it {_LANGUAGES[language]}?")
    return model, doc
