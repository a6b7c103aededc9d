"""Many-to-many links that carry data: "students enrol in courses, with a grade", "musicians play on albums,
each with their instrument", "a user can be a member of many teams; each membership has a role".

The link becomes a many-to-many :class:`Relationship` whose ``attributes`` the relational designer puts on
the junction table (composite key: one row per pair). Its name (``through``) is the noun the spec uses
for it when there is one ("enrolment", "membership"); an entity the prose made for that noun is folded
into the link.
"""

from __future__ import annotations

import re

from schemawright.domain.builder import ModelBuilder
from schemawright.domain.model import Attribute, Cardinality, Entity, Kind, Relationship, Source
from schemawright.domain.naming import singular
from schemawright.domain.phrases import inline_enums, parse_attribute, split_list
from schemawright.domain.verbs import nominalisations, verb_lemma

_PLURAL_VERB = re.compile(
    r"^(?:the\s+|all\s+)?([a-z]+s)\s+(?:can\s+|may\s+)?([a-z]+)\s+(?:in|on|for|to|at|into|with)\s+(?:many\s+|"
    r"several\s+|multiple\s+|any number of\s+)?([a-z]+s)\b\s*,?\s*(?:(?:each|both)\s+)?(?:with\s+(.+))?$",
    re.I,
)
_MEMBER_OF = re.compile(
    r"\b(?:an?|each|every)\s+([a-z]+)\s+(?:can|may)\s+be\s+(?:an?\s+)?(member|part|participant)\s+of\s+"
    r"(?:many|several|multiple|any number of)\s+([a-z]+)",
    re.I,
)
_NOT_VERBS = {"have", "be", "belong", "contain", "include", "hold", "own"}


def association(b: ModelBuilder, sentence: str, src: Source) -> None:
    first = re.split(r";\s*", sentence.rstrip(". "))
    m = _PLURAL_VERB.match(first[0])
    if m:
        left, right = b.find(m.group(1), exact=True), b.find(m.group(3), exact=True)
        verb = verb_lemma(m.group(2)) or ""
        if left and right and left.name != right.name and verb and verb not in _NOT_VERBS:
            nouns = [n for n in nominalisations(verb) if n != verb and not n.endswith("ing")]
            rel = _link(b, left, right, _through(b, nouns), src)
            if m.group(4):
                _attributes(b, rel, m.group(4), src)
            for rest in first[1:]:
                _constraints(rel, rest)
            return
    m2 = _MEMBER_OF.search(sentence)
    if m2:
        left, right = b.find(m2.group(1), exact=True), b.find(m2.group(3), exact=True)
        if left and right and left.name != right.name:
            noun = m2.group(2).lower()
            rel = _link(b, left, right, _through(b, [noun + "ship", noun + "s", "participation"]), src)
            if rel.through:
                said = re.search(
                    rf"\b(?:each|every|a|the)\s+{rel.through}\s+(?:has|records?|stores?|keeps?)\s+(.+)$",
                    sentence.rstrip(". "),
                    re.I,
                )
                if said:  # "…; each membership has a role and the date the user joined"
                    _attributes(b, rel, said.group(1), src)


def _through(b: ModelBuilder, candidates: list[str]) -> str:
    for word in candidates:
        used = word in b.text_words or word + "s" in b.text_words
        if used and word not in b.lexicon.not_entities:
            return b.canonical(word)
    return ""


def _link(b: ModelBuilder, left: Entity, right: Entity, through: str, src: Source) -> Relationship:
    rel = b.relate(left.name, right.name, src, cardinality=Cardinality.MANY_TO_MANY)
    assert rel is not None  # relate only returns None for unknown cardinalities
    if through and not rel.through:
        rel.through = through
    b.assume(
        f"{left.name} and {right.name} are linked many-to-many"
        + (f" through {rel.through}" if rel.through else "")
        + " (one row per pair).",
        src,
    )
    return rel


def _attributes(b: ModelBuilder, rel: Relationship, text: str, src: Source) -> None:
    for item in split_list(inline_enums(text, b.lexicon)):
        attr = parse_attribute(item, b.lexicon, src)
        if attr is None or any(a.name == attr.name for a in rel.attributes):
            continue
        if attr.name in (rel.child, rel.parent):
            continue
        rel.attributes.append(attr)


def _constraints(rel: Relationship, clause: str) -> None:
    """ "the grade is between 0 and 100 and stays empty until the course ends"."""
    for attr in rel.attributes:
        if not re.search(rf"\b{attr.name.replace('_', ' ')}\b", clause, re.I):
            continue
        m = re.search(r"between\s+(-?\d+(?:\.\d+)?)\s+and\s+(-?\d+(?:\.\d+)?)", clause)
        if m:
            attr.minimum, attr.maximum = float(m.group(1)), float(m.group(2))
            if attr.kind in (Kind.TEXT, Kind.ENUM, Kind.NAME):
                attr.kind = Kind.DECIMAL
        if re.search(r"\b(?:empty|blank|unset|null|optional)\b", clause, re.I):
            attr.required = False


def fold_link_entities(b: ModelBuilder) -> None:
    """An entity the prose made for a link's own noun ("each membership has a role") is the link: its
    attributes move onto the relationship and the entity goes."""
    for rel in b.model.relationships:
        if rel.cardinality is not Cardinality.MANY_TO_MANY or not rel.through:
            continue
        entity = b.model.entity(rel.through)
        if entity is None:
            continue
        for attr in entity.attributes:
            if attr.name not in {a.name for a in rel.attributes} and singular(attr.name) not in (
                rel.child,
                rel.parent,
            ):
                rel.attributes.append(attr)
        b.model.entities = [e for e in b.model.entities if e.name != entity.name]
        b.model.relationships = [
            r for r in b.model.relationships if entity.name not in (r.child, r.parent) or r is rel
        ]
        b.assume(f"{entity.name} is the link between {rel.child} and {rel.parent}, kept as its junction.")


# "Seat prices: for each route on each date we keep the fare, …" — a fact kept per pair of things: an entity
# (named by the bullet label, else "A B") linked to both, unique on the pair when the spec says so.
# Time buckets a per-pair fact is kept for: the column that names the bucket, its kind, what it holds.
TIME_BUCKETS: dict[str, tuple[str, Kind, str]] = {
    "date": ("date", Kind.DATE, "the day the fact is kept for"),
    "day": ("date", Kind.DATE, "the day the fact is kept for"),
    "week": ("week", Kind.DATE, "the first day of the week the fact is kept for"),
    "month": ("month", Kind.DATE, "the first day of the month the fact is kept for"),
    "year": ("year", Kind.YEAR, "the year the fact is kept for"),
    "hour": ("hour", Kind.TIMESTAMP, "the start of the hour the fact is kept for"),
}
_PER_PAIR = re.compile(
    r"^(?:\**([a-z][a-z -]{1,40}?)\**\s*:\s*)?(?:for|on)\s+(?:each|every)\s+([a-z][a-z -]{1,30}?)\s+"
    r"(?:in|at|of|on|for|per|and)\s+(?:each|every)\s+([a-z][a-z -]{1,30}?),?\s+"
    r"(?:we|the system|it|you)\s+(?:also\s+)?(?:must\s+|should\s+|shall\s+|will\s+)?(?:also\s+)?"
    r"(?:record|keep|store|track|capture|save|log|hold)s?\s+(.+)$",
    re.I,
)


def per_pair(b: ModelBuilder, sentence: str, src: Source) -> bool:
    """Returns True when the sentence was a per-pair fact (so the single-entity "for each X we keep" rule
    does not also read it)."""
    from schemawright.domain.describe import describe  # describe imports this module's neighbours

    m = _PER_PAIR.match(sentence.strip())
    if not m:
        return False
    left = b.find(m.group(2), exact=True) or b.entity(m.group(2), src)
    # "for each route on each date / month": a time bucket is a column of the fact, not an entity
    bucket = TIME_BUCKETS.get(m.group(3).strip().lower())
    right = None if bucket else b.find(m.group(3), exact=True) or b.entity(m.group(3), src)
    if left is None or (right is None and not bucket) or (right and left.name == right.name):
        return False
    label = m.group(1) or f"{m.group(2)} {m.group(3)}"
    entity = b.entity(label, src)
    if entity is None or entity.name in (left.name, right.name if right else ""):
        return False
    other = right.name if right else bucket[0] if bucket else ""
    clauses = re.split(r";\s*", m.group(4).rstrip(". "))
    describe(b, entity, "with " + clauses[0], src)
    entity.attributes = [a for a in entity.attributes if a.name not in (left.name, other)]
    if bucket:
        name, kind, description = bucket
        entity.attributes.insert(0, Attribute(name=name, kind=kind, description=description, source=src))
    b.relate(entity.name, left.name, src)
    if right:
        b.relate(entity.name, right.name, src)
    b.assume(f"{entity.name} is kept once per {left.name} and {other} pair it is recorded for.", src)
    for clause in clauses[1:]:
        one = re.search(
            r"\b(?:exactly|only|at most)\s+one\s+([a-z ]+?)\s+(?:per|for each|for every)\s+"
            r"([a-z ]+?)\s+and\s+([a-z ]+?)\s*$",
            clause,
            re.I,
        )
        if one and b.find(one.group(1)) is entity:
            said = {_pair_name(b, one.group(2)), _pair_name(b, one.group(3))}
            if said == {left.name, other}:
                b.unique(entity.name, [left.name, other], src)
    return True


def _pair_name(b: ModelBuilder, phrase: str) -> str:
    bucket = TIME_BUCKETS.get(phrase.strip().lower())
    if bucket:
        return bucket[0]
    found = b.find(phrase)
    return found.name if found else ""
