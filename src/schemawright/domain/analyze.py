"""SpecDocument → DomainModel: runs the extractors in two passes (names first, then details)."""

from __future__ import annotations

import re

from schemawright.domain import associations, parts, phrasing, scope, typescript
from schemawright.domain import extract_prose as prose
from schemawright.domain import extract_structured as structured
from schemawright.domain.builder import ModelBuilder
from schemawright.domain.lexicon import load_lexicon
from schemawright.domain.model import Assumption, DomainModel, Kind
from schemawright.domain.naming import singular, snake
from schemawright.spec.document import SpecDocument


def analyze(doc: SpecDocument, feature_id: str, feature_name: str) -> DomainModel:
    b = ModelBuilder(feature_id, feature_name, load_lexicon())
    scope.out_of_scope(doc, b)
    b.out_of_scope_words = {singular(snake(re.sub(r"\(.*?\)", "", item))) for item in b.model.out_of_scope}
    scope.declared_stores(doc, b)
    scope.clarifications(doc, b)
    b.subject_words = subject_words(doc, b)
    b.text = "\n".join(doc.lines).lower()
    b.text_words = set(re.findall(r"[a-z]+", b.text))

    # Pass 1: every entity name the explicit sections give.
    tables = structured.entity_tables(doc, b)
    structured.sql_blocks(doc, b)
    structured.er_blocks(doc, b)
    structured.mermaid_er(doc, b)
    structured.field_tables(doc, b)
    typescript.typescript_models(doc, b)
    definitions = structured.entity_bullets(doc, b)
    models = structured.bmad_models(doc, b)

    # Pass 2: details, now that references can be resolved.
    structured.resolve_key_fields(b, tables)
    structured.apply_bmad(b, models)
    structured.apply_definitions(b, definitions)
    structured.json_bodies(doc, b)
    prose.prose(doc, b)
    # Definitions again, now that prose has introduced the entities they name ("a customer's request")
    for entity, text, src in [*definitions, *b.purposes]:
        phrasing.definition(b, entity, text, src, describe_rest=False)
    prose.security_and_audit(doc, b)
    phrasing.late_references(b)
    associations.fold_link_entities(b)
    parts.purpose_parts(b)
    parts.ordered_parts(b)
    prose.ranges(b)
    prose.access_patterns(doc, b)
    structured.index_tables(doc, b)
    refine_attributes(b.model, b.lexicon.unique_by_default)

    reason = scope.no_data_reason(doc, b)
    model = b.build()
    if reason:
        model.entities, model.relationships, model.uniques, model.checks = [], [], [], []
        model.access_patterns, model.cache_needs = [], []
        model.no_data_reason = reason
    return model


def refine_attributes(model: DomainModel, unique_by_default: frozenset[str]) -> None:
    """Context rules that need the whole entity: a measured amount (has a unit) is a quantity, not
    money; business identifiers are unique unless stated otherwise."""
    for entity in model.entities:
        names = {a.name for a in entity.attributes}
        for attr in entity.attributes:
            if attr.kind is Kind.MONEY and attr.name in ("amount", "quantity") and "unit" in names:
                attr.kind = Kind.DECIMAL
            if attr.name in unique_by_default and not attr.unique:
                attr.unique = True
                model.assumptions.append(
                    Assumption(
                        text=f"{entity.name}.{attr.name} is treated as a unique business identifier.",
                        source=attr.source,
                    )
                )


_SUBJECT = re.compile(
    r"(?:^|[.;:]\s+)(?:an?|the|each|every)\s+([a-z]+(?:[ -][a-z]+)?)\s+(?:has|have|is|are|belongs?|can|may|"
    r"must|keeps?|records?|holds?)\b",
    re.I,
)


_RECORDED = re.compile(
    r"\b(?:for|on)\s+(?:each|every)\s+([a-z]+(?:[ -][a-z]+)?),?\s+(?:we|the system|it|you)\s+"
    r"(?:must\s+|should\s+|shall\s+|will\s+)?(?:record|keep|store|track|capture|save|log|hold)s?\b",
    re.I,
)


def subject_words(doc: SpecDocument, b: ModelBuilder) -> set[str]:
    """Nouns the spec uses as subjects ("a pet has a name"): a quantified plural naming one of them is an
    entity of its own, not a multi-valued attribute."""
    words: set[str] = set()
    for block in doc.blocks:
        if block.kind in ("paragraph", "bullet"):
            for m in [*_SUBJECT.finditer(block.text), *_RECORDED.finditer(block.text)]:
                words.add(b.canonical(m.group(1)))
                words.add(b.canonical(m.group(1).split()[-1]))
    return words
