"""Parts of a whole: children the spec describes as parts are owned by their parent (deleted with it).

"A voyage consists of port calls", "a port call is a stop of a voyage", "the legs of a trip", and a child
ordered within its parent ("sequence: order of the call within the voyage") all say the child exists only
inside the parent; the relational designer turns an owned link into ON DELETE CASCADE.
"""

from __future__ import annotations

import re

from schemawright.domain.builder import ModelBuilder
from schemawright.domain.model import Cardinality, Entity, Kind, Relationship, Source
from schemawright.domain.phrases import strip_articles

_QUANT = r"(?:(?:one or more|several|many|multiple|a number of|any number of|a (?:list|series|sequence) of|"
_QUANT += r"an ordered (?:list|series|sequence) of)\s+)?"
_END = r"(?=$|[,;.:()]|\s+(?:and|each|in|with|that|which|who|at|on|for)\b)"
_CONSISTS = re.compile(
    r"\b(?:an?|the|each|every)\s+([a-z][a-z -]*?)\s+(?:consists?\s+of|is\s+made\s+up\s+of|"
    r"is\s+composed\s+of|comprises|is\s+divided\s+into|is\s+split\s+into|is\s+broken\s+(?:up\s+)?into)\s+"
    rf"{_QUANT}([a-z][a-z -]*?){_END}",
    re.I,
)
# Nouns that name a part of something: "a stop of a voyage", "the legs of a trip".
PART_WORDS = (
    r"(?:parts?|stops?|steps?|legs?|sections?|segments?|stages?|pieces?|components?|lines?|chapters?)"
)
_IS_PART = re.compile(
    r"^(?:an?|the|each|every)\s+([a-z][a-z -]*?)\s+(?:is|are)\s+(?:an?\s+|one\s+)?(?:[a-z]+\s+)?"
    rf"{PART_WORDS}\s+of\s+"
    rf"(?:an?|the|one|its|their|each)\s+([a-z][a-z -]*?){_END}",
    re.I,
)
_PURPOSE_PART = re.compile(
    rf"^(?:an?|the|one)\s+(?:[a-z]+\s+)?{PART_WORDS}\s+of\s+(?:an?|the|one|its|their|each)\s+"
    rf"([a-z][a-z -]*?){_END}",
    re.I,
)
_PLURAL_OF = re.compile(
    rf"\b(?:the\s+)?([a-z][a-z -]*?s)\s+of\s+(?:an?|each|every|one)\s+([a-z][a-z -]*?){_END}", re.I
)


def _own(b: ModelBuilder, child: Entity | None, parent: Entity | None, src: Source, why: str) -> None:
    if child is None or parent is None or child.name == parent.name:
        return
    rel = b.relate(child.name, parent.name, src, ownership="owned")
    if rel is not None and rel.child == child.name and rel.parent == parent.name:
        rel.ownership = "owned"
        b.assume(
            f"{child.name} is owned by {parent.name} ({why}): deleting a {parent.name} deletes them.", src
        )


def parts_sentence(b: ModelBuilder, s: str, src: Source) -> None:
    """Sentences that describe a child as a part of its parent."""
    for m in _CONSISTS.finditer(s):
        _own(b, b.find(m.group(2)), b.find(m.group(1)), src, "the spec says it consists of them")
    part = _IS_PART.search(s.strip())
    if part:
        _own(b, b.find(part.group(1)), b.find(part.group(2)), src, "the spec calls it a part of it")
    for m in _PLURAL_OF.finditer(s):
        child, parent = b.find(strip_articles(m.group(1)), exact=True), b.find(m.group(2), exact=True)
        head = m.group(1).split()[-1]
        # "the port calls of a voyage": only for a link the spec already states, so that "the orders of a
        # customer" (a reference) stays one unless its noun names a part
        if child is None or parent is None or _link(b, child.name, parent.name) is None:
            continue
        if re.fullmatch(PART_WORDS, head) or _ordered_within(child, parent):
            _own(b, child, parent, src, "the spec speaks of them as its parts")


def purpose_parts(b: ModelBuilder) -> None:
    """ "Purpose: An intermediate stop of a voyage at a port." on the port call: a part of the voyage."""
    for entity, text, src in b.purposes:
        m = _PURPOSE_PART.match(text.strip())
        if m:
            _own(b, entity, b.find(m.group(1)), src, "its purpose calls it a part of it")


def ordered_parts(b: ModelBuilder) -> None:
    """A child ordered within its parent ("sequence: order of the call within the voyage") is a part of it."""
    for rel in list(b.model.relationships):
        if rel.cardinality is not Cardinality.MANY_TO_ONE or rel.ownership != "reference" or rel.role:
            continue
        child, parent = b.model.entity(rel.child), b.model.entity(rel.parent)
        if child is None or parent is None or child.name == parent.name:
            continue
        position = _ordered_within(child, parent)
        if position:
            rel.ownership = "owned"
            b.assume(
                f"{child.name} is owned by {parent.name}: {child.name}.{position} orders it within its "
                f"{parent.name}, so it is a part of it (deleting a {parent.name} deletes them).",
                rel.source,
            )


def _ordered_within(child: Entity, parent: Entity) -> str:
    words = parent.name.replace("_", " ")
    for attr in child.attributes:
        said = f"{attr.description} {attr.source.text}".lower()
        if attr.kind is Kind.POSITION and re.search(
            rf"\b(?:within|in|inside)\s+(?:the|its|a|each)\s+{words}\b", said
        ):
            return attr.name
    return ""


def _link(b: ModelBuilder, child: str, parent: str) -> Relationship | None:
    return next(
        (r for r in b.model.relationships if r.child == child and r.parent == parent and not r.role),
        None,
    )
