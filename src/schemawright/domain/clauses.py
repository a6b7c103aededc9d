"""One subject, several predicates: "A ticket belongs to an organization, is opened by a user, and can be
assigned to one support agent (also a user)". Plain prose states entities this way, so the subject
becomes an entity when a predicate gives it data (attributes or links) and each predicate is applied.

"It"/"they" refer to the previous sentence's subject; the caller keeps that in :class:`Context`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from schemawright.domain.builder import ModelBuilder
from schemawright.domain.describe import describe
from schemawright.domain.model import Entity, Kind, Source
from schemawright.domain.multivalued import QUANTIFIED
from schemawright.domain.naming import snake
from schemawright.domain.phrases import parse_attribute, split_list
from schemawright.domain.verbs import verb_lemma

_MODALS = r"(?:can|may|must|shall|should|will)"
_HAVE = (
    r"(?:has|have|holds?|stores?|contains?|records?|keeps?|carries|carry|tracks?|includes?|"
    r"lists?(?=\s+(?:several|many|multiple|one or more|any number of)\b))"
)
_PRED = (
    rf"(?:{_MODALS}\s+(?:also\s+)?(?:only\s+)?)?(?:also\s+)?"
    rf"(?:{_HAVE}|belongs?|is|are|be|works?|operates?|lives?)\b"
)
_SUBJECT = re.compile(
    rf"^(?:(?i:an?|the|each|every)\s+)?([A-Za-z][a-z-]*(?:\s+[a-z-]+){{0,3}}?)\s+({_PRED}.*)$"
)
_SPLIT = re.compile(rf"(?:,\s*(?:and\s+)?|\s+and\s+)(?={_PRED})")
_DET = r"(?:one|a|an|the|exactly one|a single|single|its|their|another|some)"
_TARGETS = re.compile(r"\s+(?:and|with|at|to|from|for|on)\s+(?:one|an?|the|exactly one|a single)\s+", re.I)
_LINK = re.compile(
    rf"^(?:(?:{_MODALS})\s+(?:also\s+)?(?:only\s+)?be\s+|is\s+|are\s+)?(belongs?|\w+(?:ed|en|wn|ne)|taught|bought|brought|caught|held|led|made|sent|kept|"
    rf"built|paid|run|sold|told|won|met|works?|"
    rf"lives?|operates?|sits?|is based)\s+(to|by|in|at|under|within|for)\s+(?:{_DET}\s+)?([a-z][a-z -]*?)\s*"
    r"(?:\((?:also|another|an?|the|\s)*([a-z ]+)\))?\s*(?:(?:,\s*)?who\b.*|:\s*(.*))?$",
    re.I,
)
_HAS = re.compile(rf"^(?:{_MODALS}\s+)?(?:also\s+)?{_HAVE}\s+(.+)$", re.I)
_NESTED = re.compile(
    r"^(?:many|several|multiple|one or more|any number of|zero or more)?\s*([a-z][a-z ]*?s)\s+(\w+(?:ed|en|"
    r"wn))\s+"
    r"by\s+(?:the\s+|its\s+)?([a-z][a-z ]*?)\s*,\s*each\s+(?:with|having)\s+(.+)$",
    re.I,
)
_IDENTIFIED = re.compile(r"^(?:is|are)\s+(?:uniquely\s+)?identified\s+by\b", re.I)
_NEXT_STATEMENT = re.compile(
    r"[:;]\s+(?=(?:it|they)\s|(?:each|every|an?|the)\s+\w+(?:\s+\w+)?\s+(?:has|have|is|are)\b|"
    r"(?:for|on)\s+(?:each|every)\s)",
    re.I,
)
_PRONOUN = re.compile(r"^(?:it|they|this|each one)$", re.I)


@dataclass
class Context:
    """The subject of the previous sentence, for "it has …"."""

    last: Entity | None = None
    pending: str = ""  # a subject not yet an entity: "A comment has a body; it is written by …"
    pending_predicates: list[str] = field(default_factory=list)


def subject_entity_name(phrase: str) -> str:
    """Subject noun phrase → entity phrase: articles dropped; a leading participle ("triggered alerts")
    describes the event, not the thing."""
    words = re.sub(r"^(?:an?|the|each|every)\s+", "", phrase.strip(), flags=re.I).split()
    if len(words) > 1 and words[0].lower().endswith("ed") and verb_lemma(words[0]):
        words = words[1:]
    return " ".join(words)


def subject_sentence(b: ModelBuilder, sentence: str, src: Source, ctx: Context) -> bool:
    """Apply a subject-predicate sentence; True when it was one."""
    text = sentence.rstrip(". ")
    if _SUBJECT.match(_NEXT_STATEMENT.split(text, maxsplit=1)[0]):
        # "A clinic keeps several slots: each slot has …", "…; a depot has a name" — two statements.
        parts = _NEXT_STATEMENT.split(text)
    else:  # a bare label before the colon ("Salary history: each employee has …") is not split off
        parts = re.split(r"[:;]\s+(?=(?:it|they)\s)", text)
    for part in parts:
        _one(b, part.strip(), src, ctx)
    return True


def _one(b: ModelBuilder, sentence: str, src: Source, ctx: Context) -> None:
    m = _SUBJECT.match(sentence)
    if not m:
        return
    phrase = m.group(1)
    if re.match(r"^(?:we|you|i|there|this|that|these|those|system|the system)$", phrase, re.I):
        return
    if re.match(r"^(?:for|on|in|at|when|if|after|before|once|while)\b", phrase, re.I) or re.search(
        r"\b(?:we|you|they)$", phrase, re.I
    ):
        return  # "For every document we record …": an adverbial, not a subject (the record rule reads it)
    predicates = [p.strip() for p in _SPLIT.split(m.group(2)) if p.strip()]
    entity: Entity | None
    if _PRONOUN.match(phrase):
        entity = ctx.last
        if entity is None and ctx.pending and _carries_data(b, predicates):
            entity = b.entity(ctx.pending, src)
            for predicate in ctx.pending_predicates:
                if entity is not None:
                    _predicate(b, entity, predicate, src)
    else:
        name = subject_entity_name(phrase)
        entity = b.find(name, exact=True)
        if entity is None and _carries_data(b, predicates):
            entity = b.entity(name, src)
            participle = re.match(r"^(?:(?:an?|the|each|every)\s+)?(\w+ed)\s", phrase, re.I)
            if entity is not None and participle:
                b.event_verbs.setdefault(entity.name, verb_lemma(participle.group(1)) or "")
        if entity is None:  # "it" in the next clause means this subject, not the previous one
            ctx.last, ctx.pending, ctx.pending_predicates = None, name, predicates
    if entity is None:
        return
    ctx.last = entity
    for predicate in predicates:
        _predicate(b, entity, predicate, src)


def _carries_data(b: ModelBuilder, predicates: list[str]) -> bool:
    for predicate in predicates:
        if _IDENTIFIED.match(predicate):
            return True
        if _LINK.match(predicate) and not re.match(r"^(?:is|are)\s+(?:an?|the)\s", predicate):
            return True
        has = _HAS.match(predicate)
        if has and not re.match(r"^(?:to|no|nothing|been)\b", has.group(1)):
            if QUANTIFIED.match(has.group(1).strip()):
                return True
            if _NESTED.match(has.group(1)):
                return True
            attrs = [parse_attribute(i, b.lexicon, Source()) for i in split_list(has.group(1))]
            if sum(a is not None for a in attrs) >= 2:
                return True
    return False


def _predicate(b: ModelBuilder, entity: Entity, predicate: str, src: Source) -> None:
    if _IDENTIFIED.match(predicate):
        describe(b, entity, predicate, src)
        return
    link = _LINK.match(predicate)
    if link and not re.match(r"^(?:is|are)\s+(?:an?|the)\s", predicate):
        _link(b, entity, link, predicate, src)
        return
    has = _HAS.match(predicate)
    if not has or re.match(r"^(?:no|nothing|not)\b", has.group(1)):
        return  # "may have no teacher assigned yet" states an absence, not data
    nested = _NESTED.match(has.group(1))
    if nested:
        child = b.entity(nested.group(1), src)
        if child is None:
            return
        b.relate(child.name, entity.name, src, ownership="owned")
        verb = nested.group(2).lower()
        author = b.find(nested.group(3)) or b.entity(nested.group(3), src)
        if author is not None and author.name != child.name:
            b.relate(child.name, author.name, src, role=b.lexicon.verb_roles.get(verb, ""))
        describe(b, child, "with " + nested.group(4), src)
        return
    describe(b, entity, "with " + has.group(1), src)


def _is_actor(b: ModelBuilder, entity: Entity) -> bool:
    """People get role names ("assignee"); a truck "assigned to one depot" simply refers to it."""
    return entity.name in b.lexicon.actor_nouns or any(a.kind is Kind.EMAIL for a in entity.attributes)


def _assigned_to_work_item(
    b: ModelBuilder, entity: Entity, target: Entity, verb: str, predicate: str
) -> bool:
    """ "A vet can be assigned to an appointment" (subject: an assignable person/resource; target: a work
    item) versus "a ticket can be assigned to one agent" (the subject is the work item; "to one" says the
    subject holds a single link)."""
    if verb not in ("assigned", "allocated", "attached", "added") or not re.search(r"\bto\b", predicate):
        return False
    if re.search(r"\bto\s+(?:one|exactly one|a single|only one)\b", predicate, re.I):
        return False

    def assignable(e: Entity) -> bool:
        return (
            e.name in b.lexicon.assignable_nouns
            or e.name.split("_")[-1] in b.lexicon.assignable_nouns
            or e.name in b.assignable  # "Pickers are warehouse staff with …"
            or _is_actor(b, e)
        )

    return assignable(entity) and not assignable(target)


def _link(b: ModelBuilder, entity: Entity, m: re.Match[str], predicate: str, src: Source) -> None:
    verb, target_phrase, also, rest = m.group(1).lower(), m.group(3), m.group(4), m.group(5)
    either = re.match(
        r"^either\s+(?:the\s+|an?\s+|one\s+)?(.+?)\s+or\s+(?:the\s+|an?\s+|one\s+)?(.+)$", target_phrase
    )
    if either:  # "written by either the customer or an agent": an optional link to each
        for alternative in either.groups():
            linked = b.find(alternative, exact=True)
            if linked is not None and linked.name != entity.name:
                b.relate(entity.name, linked.name, src, required=False)
        b.assume(f"{entity.name} links to one of {' or '.join(either.groups())}: each link is optional.", src)
        return
    target_phrase_all = target_phrase
    first, *others = _TARGETS.split(target_phrase)
    if others:
        # "belongs to one member and one locker", "is booked for one pet with one vet at a start time"
        target_phrase = first
        for other in others:
            linked = b.find(other, exact=True)
            joined = re.search(
                rf"\band\s+(?:one|exactly one|a single)\s+{re.escape(other)}$", target_phrase_all
            )
            if linked is None and (b.canonical(other) in b.subject_words or joined):
                linked = b.entity(other, src)
            if linked is not None and linked.name != entity.name:
                b.relate(entity.name, linked.name, src)
            else:
                describe(b, entity, "with " + other, src)
    optional = bool(re.match(rf"^{_MODALS}\b", predicate, re.I) and re.search(r"\b(?:can|may)\b", predicate))
    target = None
    if also:
        target = b.find(also, exact=True) or b.entity(also, src)
    target = target or b.find(target_phrase, exact=True)
    if target is None:
        described = b.canonical(target_phrase) in b.subject_words  # "held at a venue; a venue has …"
        if not re.match(r"^belongs?$", verb) and m.group(2).lower() not in ("to", "by") and not described:
            return
        target = b.entity(target_phrase, src)
    if target is None or (target.name == entity.name and not also):
        return
    if _assigned_to_work_item(b, entity, target, verb, predicate):
        # "a vet can be assigned to an appointment": the work item refers to whoever is assigned to it.
        b.relate(target.name, entity.name, src, required=False)
        b.assume(
            f"{target.name} gets an optional link to its {entity.name}: a {entity.name} is a person or "
            f"resource assigned to the {target.name}, so the {target.name} holds the link.",
            src,
        )
        if rest:
            describe(b, entity, "with " + rest, src)
        return
    role = b.lexicon.verb_roles.get(verb, "") if also or _is_actor(b, target) else ""
    if also and not role:
        role = snake(target_phrase)
    b.relate(entity.name, target.name, src, required=not optional, role=role)
    if rest:
        describe(b, entity, "with " + rest, src)
