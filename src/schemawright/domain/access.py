"""Access patterns stated as reading needs: "the queue of open tickets of their organization ordered by
priority and age", "click charts per day for one link", "readings of one sensor for the last 24 hours".

Each becomes an :class:`AccessPattern` in equality-sort-range order, so index design can follow it.
"""

from __future__ import annotations

import re

from schemawright.domain.builder import ModelBuilder
from schemawright.domain.model import AccessPattern, Entity, Kind, Source
from schemawright.domain.naming import snake

_OWNER = (
    r"(?:of|for|in|from)\s+(?:their|one|a|an|the|each|its|his|her|a given|a single)\s+"
    r"([a-z]+(?:\s(?!(?:for|of|in|per|by|over|and|or|ordered|sorted|with|at|on)\b)[a-z]+)?)"
)
_ORDERED = re.compile(
    rf"\b((?:[a-z]+\s+){{0,3}}[a-z]+)\s+{_OWNER}\s+(?:ordered|sorted|ranked)\s+by\s+([a-z ,]+?)(?=$|[;.]|"
    rf"\s+(?:so|when|with)\b)",
    re.I,
)
_WINDOW = re.compile(
    r"\b(?:per\s+(?:minute|hour|day|week|month)|for the (?:last|past)\s+\d*\s*\w+|over time|between two "
    r"dates|"
    r"in a date range|charts?|history|timeline)\b",
    re.I,
)
_ONE = re.compile(rf"\b{_OWNER}", re.I)
_NEWEST = re.compile(r"\b(?:most recent|newest|latest)\s+first\b", re.I)
_SORT_WORDS = {"age": "created_at", "date": "created_at", "recency": "-created_at", "time": "created_at"}


def access_sentence(b: ModelBuilder, sentence: str, src: Source) -> None:
    if _ordered(b, sentence, src):
        return
    _windowed(b, sentence, src)


def _ordered(b: ModelBuilder, sentence: str, src: Source) -> bool:
    m = _ORDERED.search(sentence)
    if not m:
        return False
    words = m.group(1).lower().split()
    entity, adjective = None, ""
    for i in range(len(words)):
        entity = b.find(" ".join(words[i:]), exact=True)
        if entity is not None:
            adjective = words[i - 1] if i else ""
            break
    owner = b.find(m.group(2))
    if entity is None or owner is None or owner.name == entity.name:
        return False
    equality = [owner.name]
    status = entity.attribute("status")
    if adjective and status is not None and adjective in status.enum_values:
        equality.append("status")
    # "ordered by start time, most recent first": the direction word orders the column, it is not one
    items = [w for w in re.split(r",|\s+and\s+", m.group(3)) if w.strip()]
    items = [w for w in items if not re.search(r"\b(?:first|last)\s*$", w.strip())]
    sort = [s for s in (_attr_for(entity, w) for w in items) if s]
    if _NEWEST.search(sentence):
        if sort and not sort[0].startswith("-"):
            sort[0] = "-" + sort[0]
        elif not sort:
            sort.append("-" + time_attribute(entity))
    b.access(
        AccessPattern(
            entity=entity.name,
            equality=equality,
            sort=[s for s in sort if s],
            description=sentence,
            source=src,
        )
    )
    _imply_link(b, entity, owner, src)
    return True


def _windowed(b: ModelBuilder, sentence: str, src: Source) -> None:
    if not _WINDOW.search(sentence):
        return
    m = _ONE.search(sentence)
    if not m:
        return
    owner = b.find(m.group(1))
    if owner is None:
        return
    entity = None
    for word in re.findall(r"[a-z]+", sentence[: m.start()].lower()):
        found = b.find(word, exact=True)
        if found is not None and found.name != owner.name:
            entity = found
    if entity is None:
        return
    b.access(
        AccessPattern(
            entity=entity.name,
            equality=[owner.name],
            range=[time_attribute(entity)],
            description=sentence,
            source=src,
        )
    )
    _imply_link(b, entity, owner, src)


def time_attribute(entity: Entity) -> str:
    if entity.time_attribute:
        return entity.time_attribute
    stamp = next((a.name for a in entity.attributes if a.kind is Kind.TIMESTAMP), None)
    return stamp or "created_at"


def _attr_for(entity: Entity, word: str) -> str:
    word = snake(word.strip())
    if entity.attribute(word):
        return word
    if word in _SORT_WORDS:
        return _SORT_WORDS[word]
    close = next((a.name for a in entity.attributes if word in a.name.split("_")), None)
    return close or word


def _imply_link(b: ModelBuilder, entity: Entity, owner: Entity, src: Source) -> None:
    """Reading E "for one X" needs E to reach X; when the spec links them nowhere, E refers to X."""
    neighbours: dict[str, set[str]] = {}
    for rel in b.model.relationships:
        neighbours.setdefault(rel.child, set()).add(rel.parent)
        neighbours.setdefault(rel.parent, set()).add(rel.child)
    near = neighbours.get(entity.name, set())
    if owner.name in near or any(owner.name in neighbours.get(n, set()) for n in near):
        return
    b.relate(entity.name, owner.name, src)
    b.assume(
        f"{entity.name} refers to {owner.name}: the spec reads {entity.name} rows for one {owner.name}.", src
    )
