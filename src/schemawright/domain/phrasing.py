"""Phrasings that independently written specs use for facts the other rules already know:

- definitions by genus: "Enrolment: a student's place in a section" (a possessive and a prepositional
  object name parents), "one offering of a course in a term";
- subjects introduced by other verbs: "Pet owners register with their name, email and phone",
  "Vets are staff members with a name and a licence number";
- multi-party verbs: "Owners book appointments for a pet at a clinic" (the subject and every
  "for/at/with a X" become parents of the verb's object);
- comparisons inside attribute lists: "an end time that must be after the start".

Each rule is general (no domain words); every guess is recorded as an assumption.
"""

from __future__ import annotations

import re

from schemawright.domain.builder import ModelBuilder
from schemawright.domain.describe import describe
from schemawright.domain.model import CheckRule, Entity, Kind, Source
from schemawright.domain.naming import snake
from schemawright.domain.phrases import parse_attribute, strip_articles
from schemawright.domain.verbs import verb_lemma

_PREPS = r"(?:of|in|for|on|at|within|inside|to|from|between|under|with|about|by)"
_GENUS = re.compile(
    rf"^(?:one|a|an|the|each|any)\s+(?:([a-z][a-z-]*)'s\s+)?([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)"
    rf"(?:\s+[a-z]+ed)?(?=\s+{_PREPS}\s+|\s*$|\s*,)",
    re.I,
)
# The object's second word is looked at, not consumed: "of a film in a hall" has two objects.
_PREP_OBJECT = re.compile(
    rf"\b{_PREPS}\s+(?:one|a|an|the|each|exactly one|a single|its|their)\s+"
    r"([a-z][a-z-]*)(?=\s+([a-z][a-z-]*))?",
    re.I,
)


def _object(b: ModelBuilder, m: re.Match[str]) -> Entity | None:
    """ "a book held": the two words, else the first ("book")."""
    two = f"{m.group(1)} {m.group(2)}" if m.group(2) else ""
    return (b.find(two, exact=True) if two else None) or b.find(m.group(1), exact=True)


def definition(
    b: ModelBuilder, entity: Entity, text: str, src: Source, *, describe_rest: bool = True
) -> bool:
    """A definition that opens with its genus ("a student's place in a section", "one offering of a
    course in a term"): the possessor and every prepositional object that is a known entity are parents;
    the genus itself is not an attribute. The rest ("…, with a final mark") is described as usual.
    Returns True when the definition was read this way."""
    m = _GENUS.match(text.strip())
    if not m:
        return False
    cut = re.search(r",?\s+with\b|;|\.\s|\.$", text)
    genus = text[: cut.start()] if cut else text
    parents: list[Entity] = []
    owners: set[str] = set()
    if m.group(1):
        owner = b.find(m.group(1), exact=True)
        if owner is not None:
            parents.append(owner)
    values: list[str] = []
    for obj in _PREP_OBJECT.finditer(genus):
        target = _object(b, obj)
        if target is None and re.match(r"(?:at|on)\b", obj.group(0)):
            values.append(f"{obj.group(1)} {obj.group(2) or ''}".strip())  # "at a start time"
        if target is not None and target not in parents:
            parents.append(target)
            # "one message posted in a conversation": a text entry inside its container is part of it
            if entity.name in b.lexicon.text_entry_nouns and re.match(
                r"(?:in|on|within|inside|under)\b", obj.group(0)
            ):
                owners.add(target.name)
    parents = [p for p in parents if p.name != entity.name]
    if not parents:
        return False
    for parent in parents:
        b.relate(entity.name, parent.name, src, ownership="owned" if parent.name in owners else "reference")
    for value in values:  # a time or date the genus places the thing at is one of its attributes
        attr = parse_attribute(value, b.lexicon, src)
        if attr is not None and attr.kind in (Kind.TIMESTAMP, Kind.DATE):
            b.attribute(entity, attr)
    b.assume(
        f"{entity.name} refers to {', '.join(p.name for p in parents)}: its definition "
        f'("{genus.strip()}") names them.',
        src,
    )
    if describe_rest and cut:
        describe(b, entity, text[cut.start() :].lstrip(" ,;."), src)
    return True


_NOT_MODAL = r"(?!(?:can|must|may|should|shall|will|are|is|be)\b)"
_REGISTER = re.compile(
    rf"^(?:the\s+|all\s+)?([a-z][a-z-]*(?:\s+{_NOT_MODAL}[a-z][a-z-]*)?)\s+(?:(?:can|must|may|should|shall|will)\s+)?"
    r"(?:be\s+able\s+to\s+)?"
    r"(?:register|sign up|signs up|registers|enrol|enroll|are registered|is registered|are listed|is listed|"
    r"are recorded|is recorded|join|joins|are added|is added|are entered|is entered)\s+"
    r"with\s+(.+)$",
    re.I,
)
_IS_A_WITH = re.compile(
    rf"^(?:an?\s+|the\s+|each\s+|every\s+)?([a-z][a-z-]*(?:\s+{_NOT_MODAL}[a-z][a-z-]*)?)\s+(?:is|are)\s+"
    r"(?:an?\s+|the\s+)?([a-z][a-z -]{0,60}?),?\s+(?:with|having|who have|that have|which have)\s+(.+)$",
    re.I,
)


def _subject(b: ModelBuilder, phrase: str, src: Source) -> Entity | None:
    """ "Pet owners" → owner (the head noun) unless the compound is itself a known entity."""
    phrase = strip_articles(phrase)
    found = b.find(phrase, exact=True)
    if found is not None:
        return found
    words = phrase.split()
    head = words[-1]
    modifier = " ".join(words[:-1])
    # "Dog owners" → owner (the modifier names another entity), "club members" → member (a person word);
    # "plant batches" stays one compound noun.
    personal = (
        re.search(r"(?:er|or|ist|ant|ent|ee|ian)s?$", head)
        or b.canonical(head) in b.lexicon.assignable_nouns
        or b.canonical(head) in b.lexicon.actor_nouns
    )
    if (
        len(words) > 1
        and not personal
        and b.canonical(modifier) not in b.subject_words
        and not b.find(modifier, exact=True)
    ):
        return b.entity(phrase, src)
    entity = b.entity(head, src)
    if entity is not None and len(words) > 1:
        b.assume(f'"{phrase}" is read as {entity.name} (the head noun of the phrase).', src)
    return entity


def introduced_with(b: ModelBuilder, sentence: str, src: Source) -> None:
    """ "Members sign up with their name and email", "Vets are staff members with a name and a licence
    number (unique)": the subject is an entity and the list its attributes."""
    s = sentence.strip().rstrip(".")
    m = _REGISTER.match(s)
    if m:
        items = re.sub(r"^(?:their|its|his|her|a|an|the)\s+", "", m.group(2))
        entity = _subject(b, m.group(1), src)
        if entity is not None:
            describe(b, entity, "with " + items, src)
        return
    m = _IS_A_WITH.match(s)
    if not m or re.match(r"^(?:it|they|this|there|that|each one)$", m.group(1), re.I):
        return
    first = m.group(2).split()[0]
    if re.search(r"\b(?:not|no|never|only)\b", m.group(2)) or (first.endswith("ed") and verb_lemma(first)):
        return  # "is booked with", "is not shared with": a verb, not a genus
    attrs = [parse_attribute(i, b.lexicon, src) for i in re.split(r",|\band\b", m.group(3))]
    if not any(a is not None for a in attrs):
        return
    entity = _subject(b, m.group(1), src)
    if entity is None:
        return
    genus = m.group(2)
    b.purposes.append((entity, "a " + genus, src))  # its prepositional parents are read again after prose
    head = b.canonical(genus.split()[-1]) if genus.split() else ""
    if head in b.lexicon.assignable_nouns or snake(genus) in b.lexicon.assignable_nouns:
        b.assignable.add(entity.name)  # "Pickers are warehouse staff": people who can be assigned
    for obj in _PREP_OBJECT.finditer(" " + genus):  # "a talk within an event"
        target = _object(b, obj)
        if target is not None and target.name != entity.name:
            b.relate(entity.name, target.name, src)
    describe(b, entity, "with " + m.group(3), src)


_LOG_FOR = re.compile(
    r"\b(?:log|logs|record|records|keep|keeps|track|tracks|store|stores|register|registers|capture|captures)\s+"
    r"(?:the\s+)?([a-z][a-z -]{1,30}?)\s+(?:for|against|on|of)\s+(?:an?|each|every|the|one)\s+"
    r"([a-z][a-z -]{1,30}?)"
    r"\s*(?::|—|–|,\s*(?:with|each with))\s*(.+)$",
    re.I,
)
_CAN_MANY = re.compile(
    r"^(?:an?|the|each|every)\s+([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)\s+.*?\b(?:can|may)\s+([a-z]+)\s+"
    r"(?:several|many|multiple|one or more|any number of)\s+([a-z][a-z -]*?)"
    r"(?=$|[,;.]|\s+(?:and|with|for)\b)",
    re.I,
)


def logged_for(b: ModelBuilder, sentence: str, src: Source) -> None:
    """ "Staff log watering events for a batch: the time, the litres used and a remark": an entity with
    those attributes, belonging to the batch."""
    m = _LOG_FOR.search(sentence.rstrip(". "))
    if not m:
        return
    parent = b.find(m.group(2), exact=True) or _known(b, m.group(2), src)
    if parent is None:
        return
    entity = b.find(m.group(1), exact=True) or b.entity(m.group(1), src)
    if entity is None or entity.name == parent.name:
        return
    b.relate(entity.name, parent.name, src)
    describe(b, entity, "with " + m.group(3), src)


def can_many(b: ModelBuilder, sentence: str, src: Source) -> None:
    """ "A guardian … can register several swimmers": the swimmers belong to the guardian."""
    m = _CAN_MANY.search(sentence.rstrip(". "))
    if not m or m.group(2).lower() in _READ_VERBS or m.group(2).lower() in ("have", "has", "be", "contain"):
        return
    owner, child = b.find(m.group(1), exact=True), b.find(m.group(3), exact=True)
    if owner is None or child is None or owner.name == child.name:
        return
    b.relate(child.name, owner.name, src)
    b.assume(f"{child.name} refers to the {owner.name} that can {m.group(2)} it.", src)


_READ_VERBS = {
    "list",
    "see",
    "view",
    "filter",
    "search",
    "sort",
    "find",
    "export",
    "read",
    "show",
    "browse",
    "open",
    "look",
    "check",
    "print",
    "download",
    "get",
}
_MULTI_BODY = (
    r"(?:(?:can|may|must|will|should|shall)\s+)?(?:be\s+able\s+to\s+)?"
    r"([a-z]+)(?:\s+(?:off|up|in|out|back|over|down))?\s+(?:an?\s+|the\s+|one\s+|their\s+|new\s+)?"
    r"([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)"
    r"((?:\s+(?:for|at|with|from|in|on|to)\s+(?:(?:an?|one|the|their|its|a single)\s+)?"
    r"[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)+)"
    r"\s*$"
)
# "Visitors drop off items …" (one-word subject) and "Pet owners book appointments …" (two words)
_MULTI_ONE = re.compile(rf"^(?:the\s+|an?\s+|each\s+|every\s+)?([a-z][a-z-]*)\s+{_MULTI_BODY}", re.I)
_MULTI = re.compile(
    rf"^(?:the\s+|an?\s+|each\s+|every\s+)?([a-z][a-z-]*(?:\s+{_NOT_MODAL}[a-z][a-z-]*)?)\s+"
    r"(?:(?:can|may|must|will|should|shall)\s+)?(?:be\s+able\s+to\s+)?"
    r"([a-z]+)(?:\s+(?:off|up|in|out|back|over|down))?\s+(?:an?\s+|the\s+|one\s+|their\s+|new\s+)?"
    r"([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)"
    r"((?:\s+(?:for|at|with|from|in|on|to)\s+(?:(?:an?|one|the|their|its|a single)\s+)?"
    r"[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)+)"
    r"\s*$",
    re.I,
)
_PP = re.compile(
    r"\s+(?:for|at|with|from|in|on|to)\s+(?:(?:an?|one|the|their|its|a single)\s+)?"
    r"([a-z][a-z-]*)(?=\s+([a-z][a-z-]*))?",
    re.I,
)


def _known(b: ModelBuilder, phrase: str, src: Source) -> Entity | None:
    """A known entity, or one the spec describes elsewhere as a subject (created now)."""
    found = b.find(phrase, exact=True)
    if found is not None:
        return found
    name = b.canonical(phrase)
    if name in b.subject_words:
        return b.entity(phrase, src)
    return None


def multi_party(b: ModelBuilder, sentence: str, src: Source) -> None:
    """ "Owners book appointments for a pet at a clinic": the appointment refers to the owner, the pet
    and the clinic. Only parties that are entities count ("for a day" names none)."""
    text = sentence.strip().rstrip(".")
    for m in (_MULTI.match(text), _MULTI_ONE.match(text)):
        if m is None:
            continue
        verb = verb_lemma(m.group(2))
        if verb is None or verb in _READ_VERBS or m.group(2).lower() in ("is", "are", "has", "have"):
            continue
        obj = _known(b, m.group(3), src)
        if obj is not None:
            _parties(b, m, verb, obj, src)
            return


def _parties(b: ModelBuilder, m: re.Match[str], verb: str, obj: Entity, src: Source) -> None:
    parties: list[Entity] = []
    from schemawright.domain.events import event_entity  # events imports describe, as we do

    event = event_entity(b, verb)
    if event is not None and event.name != obj.name:
        # "Members borrow books from a branch" with a loan entity: the loan records every party
        parties.append(obj)
        obj = event
    subject = _known(b, m.group(1), src) or _known(b, m.group(1).split()[-1], src)
    if subject is not None:
        parties.append(subject)
    for pp in _PP.finditer(m.group(4)):
        # "at a salon for a day": try the two words, then the first ("salon for" is not a noun)
        two = f"{pp.group(1)} {pp.group(2)}" if pp.group(2) else ""
        target = (_known(b, two, src) if two else None) or _known(b, pp.group(1), src)
        if target is not None:
            parties.append(target)
    parties = [p for p in parties if p.name != obj.name]
    if len(parties) < 2:
        return  # one party alone is the ordinary "X has/belongs to" reading, handled elsewhere
    for party in parties:
        b.relate(obj.name, party.name, src)
    b.assume(
        f'{obj.name} refers to {", ".join(p.name for p in parties)}: "{src.text[:80]}" names each as a '
        "party of the same event.",
        src,
    )


def late_references(b: ModelBuilder) -> None:
    """ "each with a product and a quantity" said before the product is described: a text attribute that
    names an entity of the model is a link to it."""
    names = {e.name for e in b.model.entities}
    for entity in b.model.entities:
        for attr in list(entity.attributes):
            if attr.name in names and attr.name != entity.name and attr.kind in (Kind.TEXT, Kind.NAME):
                if attr.enum_values or attr.unique:
                    continue
                entity.attributes.remove(attr)
                b.relate(entity.name, attr.name, attr.source, required=attr.required)
                b.assume(
                    f"{entity.name}.{attr.name} names the {attr.name} entity, so it is a link, not text.",
                    attr.source,
                )


_AFTER_IN_LIST = re.compile(
    r"\b(?:an?|the|its|their)\s+([a-z]+(?:\s+[a-z]+)?)\s+(?:that|which)\s+"
    r"(?:must|should|has to|needs to|will)\s+"
    r"(?:be|come|fall)\s+(after|later than|before|earlier than|greater than|more than|less than)\s+"
    r"(?:the\s+|its\s+|their\s+)?([a-z]+(?:\s+[a-z]+)?)",
    re.I,
)


_AFTER_RULE = re.compile(
    r"\b(?:the|its|their)\s+([a-z]+(?:\s+[a-z]+)?)\s+(?:must|should|has to|needs to)\s+(?:be|come|fall)\s+"
    r"(after|later than|before|earlier than)\s+(?:the\s+|its\s+|their\s+)?([a-z]+(?:\s+[a-z]+)?)",
    re.I,
)
# "reject it if the end time is not after the start time": the negated condition states the rule
_REJECT_IF = re.compile(
    r"\b(?:reject|refuse|block|decline|fail|error|invalid)\w*\b.*?\b(?:if|when|unless)\s+(?:the|its|their)\s+"
    r"([a-z]+(?:\s+[a-z]+)?)\s+is\s+not\s+(after|later than|before|earlier than)\s+(?:the\s+|its\s+)?"
    r"([a-z]+(?:\s+[a-z]+)?)",
    re.I,
)


def compare_in_list(b: ModelBuilder, sentence: str, src: Source) -> None:
    """ "… a start time and an end time that must be after the start" → end_time > start_time on the
    entity that has both attributes; also "the end time must be after the start time" and "reject it if
    the end time is not after the start time"."""
    found = [
        *_AFTER_IN_LIST.finditer(sentence),
        *_AFTER_RULE.finditer(sentence),
        *_REJECT_IF.finditer(sentence),
    ]
    for m in found:
        attr = parse_attribute(m.group(1), b.lexicon, src)
        if attr is None:
            continue
        op = ">" if m.group(2).lower() in ("after", "later than", "greater than", "more than") else "<"
        said = snake(m.group(3)).split("_")
        words = [w for w in said if w not in ("time", "date")] or said
        for entity in b.model.entities:
            own = entity.attribute(attr.name)
            if own is None:
                continue
            other = next(
                (
                    a.name
                    for a in entity.attributes
                    if a.name != own.name
                    and any(w in a.name.split("_") for w in words)
                    and a.kind == own.kind
                ),
                None,
            )
            if other is not None:
                b.check(
                    CheckRule(
                        entity=entity.name, kind="compare", attribute=own.name, other=other, op=op, source=src
                    )
                )
