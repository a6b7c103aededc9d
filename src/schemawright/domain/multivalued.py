"""Many values of one thing: "has one or more phone numbers", "lists several skills, each with a level",
"can contain sub-folders", and "one of its phone numbers is marked as the main line".

A quantified plural names child rows. It is a known entity (or one the spec describes elsewhere as a
subject), the entity itself ("sub-folders": a self-reference), or else a multi-valued attribute, kept
as an owned child table ``{owner}_{value}`` with one value column.
"""

from __future__ import annotations

import re

from schemawright.domain.builder import ModelBuilder
from schemawright.domain.model import Attribute, Entity, Kind, Source
from schemawright.domain.naming import singular, snake

QUANTIFIED = re.compile(
    r"^(?:many|several|multiple|one or more|any number of|zero or more|various)\s+([a-z][a-z -]*?)"
    r"(?:\s*,?\s*each\s+(?:with|having)\s+(.+))?$",
    re.I,
)
_SUB = re.compile(r"^(?:sub[- ]?|child\s+|nested\s+)([a-z]+)$", re.I)
_MAIN = re.compile(
    r"\bone of (?:its|their|the|(?:the|an?|each|every) ([a-z]+)'s) ([a-z ]+?) is "
    r"(?:marked|flagged|set|designated|chosen|kept) as "
    r"(?:the|its|their) (main|primary|default|preferred)\b",
    re.I,
)


def self_reference(builder: ModelBuilder, entity: Entity, phrase: str, source: Source) -> bool:
    """ "sub-folders" of a folder: a nullable link to the parent row of the same entity, owned."""
    m = _SUB.match(phrase.strip())
    if not m or builder.canonical(m.group(1)) != entity.name:
        return False
    rel = builder.relate(entity.name, entity.name, source, required=False, role="parent", ownership="owned")
    if rel is not None:
        rel.required = False
    builder.assume(
        f"{entity.name}.parent links a {entity.name} to the one containing it; top-level rows have none, and "
        f"deleting a {entity.name} removes what it contains.",
        source,
    )
    return True


def quantified(builder: ModelBuilder, entity: Entity, phrase: str, source: Source) -> bool:
    """Apply "one or more X[, each with …]" said of ``entity``; True when it was handled."""
    from schemawright.domain.describe import describe  # describe imports this module

    m = QUANTIFIED.match(phrase.strip())
    if not m:
        return False
    noun, details = m.group(1).strip(), m.group(2)
    if self_reference(builder, entity, noun, source):
        return True
    child = builder.find(noun, exact=True)
    head = builder.canonical(noun.replace("-", " ").split()[-1])
    if child is None and (builder.canonical(noun) in builder.subject_words or head in builder.subject_words):
        child = builder.entity(noun, source)
    mentions = len(re.findall(rf"\b{re.escape(singular(noun.lower()))}(?:e?s)?\b", builder.text))
    if child is None and details and (re.search(r"[ -]", noun) or mentions >= 2):
        # "several opening-hour slots, each with a weekday and …": a compound noun with attributes of its
        # own names an entity, and so does a single word the spec mentions again ("… on a bench"); a
        # single word said once ("skills, each with a level") stays a value table with the value column.
        child = builder.entity(noun, source)
    if child is None:
        child = _value_table(builder, entity, noun, source)
    if child is None or child.name == entity.name:
        return False
    builder.relate(child.name, entity.name, source, ownership="owned")
    if details:
        describe(builder, child, "with " + details, source)
    return True


def _value_table(builder: ModelBuilder, owner: Entity, noun: str, source: Source) -> Entity | None:
    value = singular(snake(noun))
    if not value or value in builder.lexicon.not_entities:
        return None
    name = value if value.startswith(owner.name + "_") else f"{owner.name}_{value}"
    child = builder.entity(name, source)
    if child is None:
        return None
    kind = builder.lexicon.kind_for_name(value) or Kind.NAME
    builder.attribute(
        child,
        Attribute(
            name=value,
            kind=kind,
            source=source,
            description=f"one {noun[:-1] if noun.endswith('s') else noun}",
        ),
    )
    builder.assume(
        f"{owner.name} has several {noun}: kept as rows of {child.name} (one {value} each), not a list "
        "in one column, so each can be queried and constrained.",
        source,
    )
    return child


def main_flag(builder: ModelBuilder, sentence: str, source: Source) -> None:
    """ "one of its phone numbers is marked as the main line" → ``is_main`` on the child rows and at most
    one main row per owner (a partial unique index)."""
    m = _MAIN.search(sentence)
    if not m:
        return
    noun, value, word = m.group(2), singular(snake(m.group(2))), m.group(3).lower()
    child = builder.find(noun, exact=True) or next(
        (e for e in builder.model.entities if e.name.endswith("_" + value)), None
    )
    named = builder.find(m.group(1), exact=True) if m.group(1) else None
    if child is None and named is not None:  # "one of the kennel's phones is marked as the main one"
        child = _value_table(builder, named, noun, source)
        if child is not None:
            builder.relate(child.name, named.name, source, ownership="owned")
    if child is None:
        return
    owner = next(
        (r.parent for r in builder.model.relationships if r.child == child.name and r.ownership == "owned"),
        None,
    )
    flag = f"is_{word}"
    builder.attribute(
        child,
        Attribute(
            name=flag, kind=Kind.BOOLEAN, default="false", source=source, description=f"the {word} one"
        ),
    )
    if owner:
        builder.unique(child.name, [owner], source, where=f"{flag} = true")
        builder.assume(f"At most one {child.name} per {owner} has {flag} set (partial unique index).", source)
