"""Spec-wide passes over the resolved model: clarification markers, confidential fields and logged
access, key-value needs (caches, rate limits), checks implied by attribute bounds and enums, business
identifiers that are unique by default, and the no-data decision.

They run after the resolver, on the whole model, because each needs every entity and attribute to be
known first; none of them creates an entity from a sentence fragment.
"""

from __future__ import annotations

import re

from schemawright.domain import scope, security
from schemawright.domain.builder import ModelBuilder
from schemawright.domain.lexicon import Lexicon
from schemawright.domain.model import Assumption, Attribute, CacheNeed, CheckRule, DomainModel, Kind, Source
from schemawright.domain.naming import singular, snake
from schemawright.domain.nlp.parse import PROSE_BUDGET
from schemawright.spec.document import SpecDocument

_SKIP = ("ui requirements", "frontend", "navigation", "accessibility", "styling")
_LABEL = re.compile(r"^\s*(?:\*\*)?(?:FR|NFR|SC|BR|DR|R)[-\s]?\d+[a-z]?(?:\*\*)?\s*:\s*")
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def sentences(doc: SpecDocument, lexicon: Lexicon) -> list[tuple[str, Source]]:
    out: list[tuple[str, Source]] = []
    used = 0
    for block in doc.blocks:
        used += len(block.text)
        if used > PROSE_BUDGET:  # the same budget as the linguistic layer: bounded time on huge input
            break
        if block.kind not in ("paragraph", "bullet"):
            continue
        if block.in_section(*lexicon.out_of_scope_sections) or block.in_section(*_SKIP):
            continue
        for sentence in _SPLIT.split(_LABEL.sub("", block.text)):
            sentence = _LABEL.sub("", sentence).strip()
            if sentence:
                out.append((sentence, Source(line=block.line, text=sentence[:200])))
    return out


def apply(doc: SpecDocument, model: DomainModel, lexicon: Lexicon) -> DomainModel:
    b = ModelBuilder(model.feature_id, model.feature_name, lexicon)
    b.model = model
    scope.clarifications(doc, b)
    said = sentences(doc, lexicon)
    for sentence, src in said:
        security.confidential(b, sentence, src)
        security.access_log(b, sentence, src)
        _caches(b, sentence, src)
    _bound_checks(model)
    _unique_identifiers(model, lexicon.unique_by_default)
    _event_streams(model)
    return model


def _event_streams(model: DomainModel) -> None:
    """A high-volume entity with a retention period or a timestamp of its own is a stream of events:
    written once (append-only) and ordered by that timestamp, so stores can partition or expire it."""
    for entity in model.entities:
        stamps = [a.name for a in entity.attributes if a.kind is Kind.TIMESTAMP]
        if not entity.time_attribute and stamps and (entity.volume_per_month or 0) >= 1_000_000:
            entity.time_attribute = stamps[0]
        if entity.time_attribute and (entity.retention_days or (entity.volume_per_month or 0) >= 1_000_000):
            entity.append_only = True


_CACHED = re.compile(r"cached?\s+(?:in redis\s+)?for\s+(\d+|a|an|one)\s+(second|minute|hour|day|week)s?")
_SLIDING = re.compile(r"after the last (?:use|access|read)|since last|sliding")
_RATE = re.compile(
    r"at most\s+(\d+)\s+([a-z ]+?)\s+per\s+(second|minute|hour|day)(?:\s+per\s+([a-z ]+?))?(?=[;,.]|$)"
)


def _caches(b: ModelBuilder, s: str, src: Source) -> None:
    """ "cached for 5 minutes", "at most 5 attempts per minute per IP": key-value needs."""
    low = s.lower()
    m = _CACHED.search(low)
    if m and "cache" in low:
        target = next(
            (e.name for e in b.model.entities if re.search(rf"\b{e.name.replace('_', ' ')}", low)), ""
        )
        b.cache(
            CacheNeed(
                purpose="cache",
                entity=target,
                ttl_seconds=scope.duration_seconds(m.group(1), m.group(2)),
                sliding=bool(_SLIDING.search(low)),
                description=s,
                source=src,
            )
        )
    r = _RATE.search(low)
    if r:
        window = scope.duration_seconds("1", r.group(3))
        b.cache(
            CacheNeed(
                purpose="rate_limit",
                entity=singular(snake(r.group(2))),
                limit=int(r.group(1)),
                window_seconds=window,
                ttl_seconds=window,
                key_parts=[snake(r.group(4))] if r.group(4) else [],
                description=s,
                source=src,
            )
        )


def _bound_checks(model: DomainModel) -> None:
    """Enums, stated bounds and amounts that cannot be negative become structured CHECK rules."""
    have = {(c.entity, c.attribute, c.kind) for c in model.checks}

    def add(rule: CheckRule) -> None:
        if (rule.entity, rule.attribute, rule.kind) not in have:
            have.add((rule.entity, rule.attribute, rule.kind))
            model.checks.append(rule)

    targets: list[tuple[str, Attribute]] = [(e.name, a) for e in model.entities for a in e.attributes]
    targets += [(r.through, a) for r in model.relationships if r.through for a in r.attributes]
    for entity, attr in targets:
        if attr.kind is Kind.ENUM and attr.enum_values:
            add(
                CheckRule(
                    entity=entity,
                    kind="enum",
                    attribute=attr.name,
                    values=attr.enum_values,
                    source=attr.source,
                )
            )
        if attr.minimum is not None or attr.maximum is not None:
            add(
                CheckRule(
                    entity=entity,
                    kind="range",
                    attribute=attr.name,
                    minimum=attr.minimum,
                    maximum=attr.maximum,
                    source=attr.source,
                )
            )
        elif attr.kind in (Kind.MONEY, Kind.COUNT, Kind.DURATION):
            add(CheckRule(entity=entity, kind="non_negative", attribute=attr.name, source=attr.source))


def _unique_identifiers(model: DomainModel, unique_by_default: frozenset[str]) -> None:
    for entity in model.entities:
        for attr in entity.attributes:
            if attr.name in unique_by_default and not attr.unique:
                attr.unique = True
                model.assumptions.append(
                    Assumption(
                        text=f"{entity.name}.{attr.name} is treated as a unique business identifier.",
                        source=attr.source,
                    )
                )
