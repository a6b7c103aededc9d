"""Generic reading needs: "list a vet's visits by start time, most recent first", "list the enrolments of
a course sorted by enrolment date", "list its files sorted by name", "search documents by title and
filter them by status", "a truck's readings for a time range".

Each becomes an :class:`AccessPattern` in equality-sort-range order: the owner (equality), the order
(``-x`` for newest first), then a time range when the sentence asks for one.
"""

from __future__ import annotations

import re

from schemawright.domain.access import _imply_link as imply_link
from schemawright.domain.builder import ModelBuilder
from schemawright.domain.model import AccessPattern, Attribute, Cardinality, Entity, Source
from schemawright.domain.naming import snake

_VERBS = (
    r"(?:list|lists|listing|show|shows|see|view|views|browse|display|displays|get|return|returns|load|loads)"
)
_NP = r"([a-z]+(?:\s(?!(?:by|for|of|in|on|sorted|ordered|most|from|with|and)\b)[a-z]+)?)"
_POSSESSIVE = re.compile(
    rf"\b{_VERBS}\s+(?:all\s+)?(?:an?|the|their|its|each|one)?\s*{_NP}'s\s+{_NP}(.*)$", re.I
)
_OF = re.compile(
    rf"\b{_VERBS}\s+(?:all\s+)?(?:the\s+)?{_NP}\s+of\s+(?:an?|the|their|its|one|each|a given)\s+{_NP}(.*)$",
    re.I,
)
# "view the bookings for one room": other prepositions count only when they name a known owner
_FOR = re.compile(
    rf"\b{_VERBS}\s+(?:all\s+)?(?:the\s+)?{_NP}\s+(?:for|in|at|from|on)\s+"
    rf"(?:an?|the|one|each|a given|a single)\s+{_NP}(.*)$",
    re.I,
)
_ITS = re.compile(rf"\b{_VERBS}\s+(?:its|their)\s+{_NP}(.*)$", re.I)
_SORT = re.compile(
    r"\b(?:sorted|ordered)?\s*by\s+([a-z ]+?)"
    r"(?=$|[,;.]|\s+(?:most|newest|oldest|soonest|latest|first|and)\b)",
    re.I,
)
_DESC = re.compile(r"\b(?:most recent|newest|latest)\s+first\b", re.I)
_RANGE = re.compile(
    r"\bfor\s+(?:a|the|any)\s+(?:time|date)\s+range\b|\bbetween two dates\b|\bfor the last\b", re.I
)
_SEARCH = re.compile(r"\bsearch(?:es)?\s+(?:for\s+)?([a-z]+)\s+by\s+([a-z ]+?)(?=$|[,;.]|\s+and\b)", re.I)
_FILTER = re.compile(r"\bfilter(?:s)?\s+(them|[a-z]+)\s+by\s+([a-z ]+?)(?=$|[,;.]|\s+and\b)", re.I)
_TIME_WORDS = {"time", "date", "age", "recency"}


def listing(b: ModelBuilder, sentence: str, src: Source, subject: Entity | None = None) -> None:
    text = sentence.rstrip(". ")
    m = _POSSESSIVE.search(text)
    if m:
        _pattern(b, m.group(2), b.find(m.group(1), exact=True), m.group(3), text, src)
    else:
        m = _OF.search(text)
        other = _FOR.search(text) if not m else None
        owner = b.find(other.group(2), exact=True) if other else None
        if m:
            _pattern(b, m.group(1), b.find(m.group(2), exact=True), m.group(3), text, src)
        elif other and owner is not None and b.find(other.group(1), exact=True) is not None:
            _pattern(b, other.group(1), owner, other.group(3), text, src)
        else:
            m = _ITS.search(text)
            opener = re.match(r"^(?:the\s+)?([a-z]+)\s", text, re.I)
            subject = subject or (b.find(opener.group(1), exact=True) if opener else None)
            if m and subject is not None:  # "Customers see their bookings …": the sentence's subject
                _pattern(b, m.group(1), subject, m.group(2), text, src)
    last = None
    for s in _SEARCH.finditer(text):
        target = _target(b, s.group(1))
        if target is not None:
            name, attrs = target
            b.access(
                AccessPattern(
                    entity=name,
                    equality=[_attr(attrs, s.group(2)) or snake(s.group(2))],
                    text_search=True,
                    description=text,
                    source=src,
                )
            )
            last = target
    for f in _FILTER.finditer(text):
        target = last if f.group(1).lower() == "them" else _target(b, f.group(1))
        if target is not None:
            name, attrs = target
            b.access(
                AccessPattern(
                    entity=name,
                    equality=[_attr(attrs, f.group(2)) or snake(f.group(2))],
                    description=text,
                    source=src,
                )
            )


def _target(b: ModelBuilder, phrase: str) -> tuple[str, list[Attribute]] | None:
    """An entity, or a many-to-many link named by its own noun (its junction)."""
    words = phrase.split()
    for candidate in (
        phrase,
        words[-1],
        f"{b.canonical(phrase)} log",
    ):  # "pending invitations", "requests" (a log)
        entity = b.find(candidate, exact=True)
        if entity is not None:
            return entity.name, entity.attributes
    name = b.canonical(phrase)
    for rel in b.model.relationships:
        if rel.cardinality is Cardinality.MANY_TO_MANY and rel.through == name:
            return name, rel.attributes
    return None


def _pattern(b: ModelBuilder, rows: str, owner: Entity | None, tail: str, text: str, src: Source) -> None:
    target = _target(b, rows)
    if target is None or owner is None or owner.name == target[0]:
        return
    name, attrs = target
    sort: list[str] = []
    entity = b.model.entity(name)
    stamp = (entity.time_attribute if entity is not None else None) or "created_at"
    sorted_by = _SORT.search(tail)
    column = _attr(attrs, sorted_by.group(1), stamp) if sorted_by else ""
    if column:
        sort = [("-" if _DESC.search(text) else "") + column]
    elif _DESC.search(text):
        sort = ["-" + stamp]
    if sorted_by and not column:
        b.assume(
            f"{name}: ordering by '{sorted_by.group(1)}' is not a {name} column; no index sorts by it.", src
        )
    rng = [stamp] if _RANGE.search(text) else []
    if rng and sort and sort[0].lstrip("-") == rng[0]:
        rng = []  # ordering by the same time column already serves the range
    if entity is not None:
        imply_link(b, entity, owner, src)  # "a team's invitations": an invitation belongs to a team
    link = next(
        (r.role or r.parent for r in b.model.relationships if r.child == name and r.parent == owner.name),
        owner.name,
    )
    b.access(AccessPattern(entity=name, equality=[link], sort=sort, range=rng, description=text, source=src))


def _attr(attrs: list[Attribute], phrase: str, stamp: str = "created_at") -> str:
    """The column a phrase names ("start time" → start_time, "time" → the time column); "" when none."""
    word = snake(re.sub(r"^(?:the|its|their|last)\s+", "", phrase.strip(), flags=re.I))
    names = [a.name for a in attrs]
    if word in names:
        return word
    if word in _TIME_WORDS or word in ("change", "update"):
        return "updated_at" if word in ("change", "update") else stamp
    tokens = set(word.split("_"))
    best = max(names, key=lambda n: len(tokens & set(n.split("_"))), default="")
    return best if best and tokens & set(best.split("_")) else ""
