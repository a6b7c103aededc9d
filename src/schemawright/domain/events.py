"""Data stated through events and actions: EARS criteria ("WHEN a member borrows a copy THEN the System
SHALL record the loan date"), emitted records ("sensors send a reading every minute: …"), ratings,
flag variants ("internal notes"), exclusions ("we do not keep the IP address") and lifecycle rules
("not … more than one open loan at a time").

A verb maps to the entity that records its event: the entity named by one of its nominalisations
(borrow → loan only through a definition "the borrowing of …"), or the entity whose lifecycle the verb
ends (return → borrow → loan, from ``lifecycle_pairs`` in the lexicon).
"""

from __future__ import annotations

import re

from schemawright.domain.builder import ModelBuilder
from schemawright.domain.describe import describe
from schemawright.domain.model import Attribute, Entity, Kind, Source
from schemawright.domain.naming import singular, snake
from schemawright.domain.phrases import split_list, strip_articles
from schemawright.domain.verbs import nominalisations, past_participle, verb_lemma

_DET = r"(?:an?|the|one|each|every|their|its|his|her)"
_EARS = re.compile(
    r"^\s*(?:when|if|while|once|after)\s+(.+?),?\s+then\s+(?:the\s+)?(?:system\s+)?(?:shall|must|should|will)\s+(.+)$",
    re.I,
)
_ACTIVE = re.compile(
    rf"^{_DET}\s+([a-z][a-z ]*?)\s+(\w+?s)\s+{_DET}\s+([a-z][a-z ]*?)(?:\s+(?:late|early|again))?$", re.I
)
_PASSIVE = re.compile(rf"^{_DET}\s+([a-z][a-z ]*?)\s+(?:is|are|was|gets?)\s+(\w+(?:ed|en|wn))\b", re.I)
_RECORD = re.compile(
    r"\b(?:record|store|save|keep|log|capture|set)s?\s+(.+?)(?=,?\s+and\s+(?:charge|record|queue|send)\b|$)",
    re.I,
)
_CHARGE = re.compile(r"\bcharges?\s+(?:an?\s+|the\s+)?([a-z]+)\s+of\s+([\d.,]+)(?:\s+per\s+(\w+))?", re.I)
_ORDER_MADE = re.compile(
    r"\b(?:queue|list|serve|process|keep)\s+(?:the\s+)?([a-z]+)s?\s+in the order (?:it was|they were|it is|"
    r"they are)\s+(\w+)",
    re.I,
)
_ENTRY_ORDER = re.compile(
    r"\b(?:lists?|shows?|displays?|keeps?|returns?)\s+(?:each|every|all|the)\s+(?:of\s+its\s+)?([a-z]+?)s?\b.*?"
    r"\bin the (?:order|sequence) (?:entered|added|given|listed|they were (?:entered|added|given))",
    re.I,
)
_LATER = re.compile(r"\s+(\d+)\s+(day|week|month|hour|minute|year)s?\s+(?:later|after\b.*)$", re.I)
_EMIT = re.compile(
    r"^([A-Za-z][a-z ]*?)\s+(?:send|emit|report|produce|submit|upload|push|post)s?\s+(?:an?|one)\s+([a-z]+)"
    r"(?:\s+every\s+[^:]+)?\s*:\s*(.+)$",
    re.I,
)
_RATE = re.compile(
    r"\b(?:may|can|must|shall|will|should)\s+(rate|score|grade|review)\s+(it|them|(?:the|an?)\s+[a-z]+)\s+"
    r"(?:from|between)\s+(-?\d+)\s+(?:to|and)\s+(-?\d+)(?:\s+with\s+([^;.]+))?",
    re.I,
)
_VARIANT = re.compile(
    r"\b(?:add|write|post|leave|create|attach)s?\s+(internal|private|hidden|public|draft)\s+([a-z]+)", re.I
)
_EXCLUDE = re.compile(
    r"\b(?:do not|don't|does not|never|must not|shall not|will not)\s+(?:keep|store|record|save|persist|"
    r"log|retain)\s+"
    r"(?:the\s+|any\s+)?([a-z][a-z ]*?)(?:\s+itself|\s+themselves)?(?=$|[,;.])",
    re.I,
)
_WHICH_AND_WHEN = re.compile(
    r"\brecord\s+which\s+([a-z]+)\s+of\s+(?:the\s+)?([a-z ]+?)\s+the\s+([a-z]+)\s+(\w+ed),?\s+and\s+when\b",
    re.I,
)
_STATES = re.compile(
    rf"^{_DET}\s+([a-z][a-z ]*?)\s+(?:shall|must|can|will|should)?\s*(?:be|is)\s+(?:either\s+|one of\s+)?"
    r"([a-z]+(?:,\s*[a-z]+)*,?\s+or\s+[a-z]+)\.?$",
    re.I,
)
_AT_MOST_ONE = re.compile(
    r"\b(?:not\s+allow\s+(?:an?|the)\s+([a-z]+)\s+to\s+be\s+(?:on|in|part of)\s+more than one|"
    r"(?:an?|each)\s+([a-z]+)\s+(?:(?:can|may)\s+(?:have|hold|be on|be in)|has|holds|carries)\s+"
    r"at most one)\s+"
    r"(open|active|current|unreturned|ongoing|pending|running)\s+([a-z]+)",
    re.I,
)


def event_entity(b: ModelBuilder, verb: str, text: str = "") -> Entity | None:
    """The entity that records the event of ``verb``: a nominalisation that names an entity, a definition
    that uses the gerund ("Loan: the borrowing of one copy"), a nominalisation the sentence uses as a
    noun (created), or the entity whose lifecycle the verb ends."""
    lemma = verb_lemma(verb) or verb
    for noun in nominalisations(lemma):
        found = b.model.entity(noun)
        if found is not None:
            return found
    gerund = re.compile(rf"\b(?:the\s+)?{lemma[:-1] if lemma.endswith('e') else lemma}ing\s+of\b", re.I)
    for entity in b.model.entities:
        if gerund.search(entity.description):
            return entity
    for noun in nominalisations(lemma)[1:]:
        if re.search(rf"\b{noun}s?\b", text, re.I):
            return b.entity(noun, Source())
    for opener in b.lexicon.lifecycle_pairs.get(lemma, ()):
        if opener != lemma:
            found = event_entity(b, opener)
            if found is not None:
                return found
    return None


def ears(b: ModelBuilder, sentence: str, src: Source) -> None:
    m = _EARS.match(sentence)
    if not m:
        return
    condition, action = m.group(1).strip(), m.group(2).strip()
    target: Entity | None = None
    active = _ACTIVE.match(condition)
    passive = _PASSIVE.match(condition)
    if active and verb_lemma(active.group(2)):
        target = event_entity(b, active.group(2), action)
        record = _RECORD.search(action)
        if target is None and record is not None and re.match(r"^(?:its|their)\b", record.group(1)):
            target = b.find(active.group(3), exact=True)  # "store its name": the object is described
            if target is not None:
                _action(b, target, action, src)
            return
        if target is not None:
            b.event_verbs.setdefault(target.name, verb_lemma(active.group(2)) or "")
            for phrase in (active.group(1), active.group(3)):
                party = b.find(phrase)
                if party is not None and party.name != target.name:
                    b.relate(target.name, party.name, src)
    elif passive:
        target = event_entity(b, passive.group(2)) or b.find(passive.group(1))
    if target is None:
        return
    _action(b, target, action, src)


def _action(b: ModelBuilder, target: Entity, action: str, src: Source) -> None:
    m = _CHARGE.search(action)
    if m:
        noun = singular(m.group(1).lower())
        b.attribute(
            target,
            Attribute(
                name=f"{noun}_amount",
                kind=Kind.MONEY,
                required=False,
                source=src,
                description=f"{noun} charged",
            ),
        )
        if m.group(3):
            b.assume(
                f"The {noun} rate ({m.group(2)} per {m.group(3)}) is a business rule; {target.name} stores "
                f"the {noun} amount charged.",
                src,
            )
    m = _ORDER_MADE.search(action)
    if m:
        queued = b.find(m.group(1)) or target
        verb = b.event_verbs.get(queued.name) or verb_lemma(m.group(2)) or m.group(2)
        b.attribute(
            queued,
            Attribute(
                name=f"{past_participle(verb)}_at",
                kind=Kind.TIMESTAMP,
                source=src,
                description="orders the queue",
            ),
        )
    for rec in _RECORD.finditer(action):
        items = []
        for item in split_list(rec.group(1)):
            later = _LATER.search(item)
            if later:
                b.assume(
                    f"{target.name}: '{item.strip()}' is computed when the row is created and stored.", src
                )
                item = item[: later.start()]
            items.append(item)
        describe(b, target, "with " + ", ".join(items), src)


def entry_order(b: ModelBuilder, sentence: str, src: Source) -> None:
    """ "the recipe lists each ingredient …, in the order entered" → a position on the line that places the
    ingredient in the recipe (the association when the ingredient itself is shared)."""
    m = _ENTRY_ORDER.search(sentence)
    if not m:
        return
    item = b.find(m.group(1))
    if item is None:
        return
    parent = next((e for e in reversed(_entities_in(b, sentence[: m.start()])) if e.name != item.name), None)
    holder = item
    if parent is not None:
        links = {(r.child, r.parent) for r in b.model.relationships}
        holder = next(
            (e for e in b.model.entities if (e.name, item.name) in links and (e.name, parent.name) in links),
            item,
        )
    b.attribute(
        holder,
        Attribute(
            name="position",
            kind=Kind.POSITION,
            source=src,
            description="keeps the order in which items were entered",
        ),
    )
    b.assume(f"'in the order entered' is kept as {holder.name}.position.", src)


def _entities_in(b: ModelBuilder, text: str) -> list[Entity]:
    found = [b.find(w, exact=True) for w in re.findall(r"[a-z]+", text.lower())]
    return [e for e in found if e is not None]


def emitted(b: ModelBuilder, sentence: str, src: Source) -> None:
    """ "Sensors send a reading every 30 seconds: timestamp and …" → reading (with those attributes)
    belongs to sensor."""
    m = _EMIT.match(sentence)
    if not m:
        return
    sender = b.find(m.group(1))
    if sender is None:
        return
    record = b.find(m.group(2), exact=True) or b.entity(m.group(2), src)
    if record is None or record.name == sender.name:
        return
    record.append_only = True
    b.relate(record.name, sender.name, src, ownership="owned")
    describe(b, record, "with " + m.group(3), src)


def rating(b: ModelBuilder, sentence: str, src: Source, subject: Entity | None) -> None:
    """ "the customer may rate it from 1 to 5 with an optional comment" → a rating entity with a ranged
    score, linked to what is rated."""
    m = _RATE.search(sentence)
    if not m:
        return
    verb = m.group(1).lower()
    noun = {"rate": "rating", "score": "score", "grade": "grade", "review": "review"}[verb]
    rated = subject if m.group(2).lower() in ("it", "them") else b.find(strip_articles(m.group(2)))
    if rated is None:
        rated = _first_entity(b, sentence[: m.start()])
    entity = b.entity(noun, src)
    if entity is None or rated is None:
        return
    b.relate(entity.name, rated.name, src, ownership="owned")
    score = Attribute(
        name="score", kind=Kind.RATING, minimum=float(m.group(3)), maximum=float(m.group(4)), source=src
    )
    b.attribute(entity, score)
    if m.group(5):
        describe(b, entity, "with " + m.group(5), src)


def variant_flag(b: ModelBuilder, sentence: str, src: Source) -> None:
    """ "Agents can add internal notes that customers never see": when a message-like entity exists, an
    internal note is a message with a flag, not a separate table."""
    m = _VARIANT.search(sentence)
    if not m:
        return
    adjective, noun = m.group(1).lower(), singular(m.group(2).lower())
    if b.find(noun, exact=True) is not None and noun not in b.lexicon.text_entry_nouns:
        return
    if noun in b.lexicon.text_entry_nouns:
        host = next(
            (e for e in b.model.entities if e.name.split("_")[-1] in b.lexicon.text_entry_nouns), None
        )
        if host is not None:
            b.attribute(
                host,
                Attribute(
                    name=f"is_{adjective}",
                    kind=Kind.BOOLEAN,
                    default="false",
                    source=src,
                    description=f"{adjective} {m.group(2)} share the {host.name} table",
                ),
            )
            b.assume(
                f"{adjective.capitalize()} {m.group(2)} are stored as {host.name} rows with is_{adjective} = "
                "true, since they have the same shape.",
                src,
            )
            return
    entity = b.entity(noun, src)
    if entity is not None:
        b.attribute(entity, Attribute(name=f"is_{adjective}", kind=Kind.BOOLEAN, default="false", source=src))


def exclusions(b: ModelBuilder, sentence: str, src: Source) -> None:
    """ "We do not keep the IP address itself": no such column anywhere; the reason goes to assumptions."""
    for m in _EXCLUDE.finditer(sentence):
        name = snake(strip_articles(m.group(1)))
        if not name or "hash" in sentence.lower():
            continue
        for entity in b.model.entities:
            entity.attributes = [a for a in entity.attributes if a.name != name]
            entity.excluded_attributes = sorted({*entity.excluded_attributes, name})
        b.assume(
            f"'{m.group(1).strip()}' is deliberately not stored (the spec says so): no {name} column.", src
        )


def which_and_when(b: ModelBuilder, sentence: str, src: Source) -> None:
    """ "record which version of the terms of service the person accepted, and when" → terms_version and
    terms_accepted_at on the actor's entity."""
    m = _WHICH_AND_WHEN.search(sentence)
    if not m:
        return
    what, thing, actor, verb = m.group(1).lower(), m.group(2), m.group(3), m.group(4).lower()
    owner = b.find(actor) or _sole_actor(b)
    if owner is None:
        return
    short = snake(re.split(r"\s+of\s+", thing)[0].split()[-1])  # "privacy policy" → policy
    b.attribute(owner, Attribute(name=f"{short}_{what}", kind=Kind.IDENTIFIER, source=src))
    b.attribute(owner, Attribute(name=f"{short}_{verb}_at", kind=Kind.TIMESTAMP, source=src))


def _sole_actor(b: ModelBuilder) -> Entity | None:
    for noun in sorted(b.lexicon.actor_nouns):
        found = b.find(noun, exact=True)
        if found is not None:
            return found
    return None


def states(b: ModelBuilder, sentence: str, src: Source) -> None:
    """ "A reservation SHALL be active, fulfilled or cancelled" → reservation.status enum."""
    m = _STATES.match(sentence.strip())
    if not m:
        return
    entity = b.find(m.group(1), exact=True)
    if entity is None:
        return
    values = [v.strip().lower() for v in re.split(r",|\s+or\s+", m.group(2)) if v.strip()]
    b.attribute(entity, Attribute(name="status", kind=Kind.ENUM, enum_values=values, source=src))


def at_most_one_open(b: ModelBuilder, sentence: str, src: Source) -> None:
    """ "SHALL NOT allow a copy to be on more than one open loan at a time" → unique loan(copy) among open
    loans; "open" means the lifecycle-closing attribute is still null."""
    m = _AT_MOST_ONE.search(sentence)
    if not m:
        return
    holder, state, rows = b.find(m.group(1) or m.group(2)), m.group(3).lower(), b.find(m.group(4))
    if holder is None or rows is None:
        return
    b.relate(rows.name, holder.name, src)
    where = open_condition(b, rows, state, src)
    b.unique(rows.name, [holder.name], src, where=where)


def open_condition(b: ModelBuilder, entity: Entity, state: str, src: Source) -> str:
    for attr in entity.attributes:
        if attr.kind in (Kind.TIMESTAMP, Kind.DATE) and attr.name.split("_")[0] in b.lexicon.closing_words:
            return f"{attr.name} is null"
    status = entity.attribute("status")
    if status is not None and state in status.enum_values:
        return f"status = '{state}'"
    b.attribute(entity, Attribute(name="closed_at", kind=Kind.TIMESTAMP, required=False, source=src))
    b.assume(
        f"{entity.name}.closed_at added: the spec limits {state} {entity.name}s but names no end time.", src
    )
    return "closed_at is null"


def _first_entity(b: ModelBuilder, text: str) -> Entity | None:
    for word in re.findall(r"[a-z]+", text.lower()):
        found = b.find(word, exact=True)
        if found is not None:
            return found
    return None
