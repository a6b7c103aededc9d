"""Reads a definition of one entity ("a physical copy of a book held at one branch, with a barcode") into
attributes and relationships. Used for glossary/key-entity bullets, table purposes and prose clauses that
are already known to be about one entity."""

from __future__ import annotations

import re

from schemawright.domain import multivalued
from schemawright.domain.builder import ModelBuilder
from schemawright.domain.model import Attribute, Cardinality, Entity, Kind, Source
from schemawright.domain.naming import singular, snake
from schemawright.domain.phrases import inline_enums, parse_attribute, split_list, strip_articles
from schemawright.domain.verbs import past_participle, verb_lemma

_DET = r"(?:one|a|an|the|exactly one|a single|single|its|their|another|some)"
_PARENT_VERB = (
    r"(?:written|created|owned|made|opened|placed|bought|purchased|held|kept|authored|submitted|uploaded|"
    r"sent|booked|raised|issued|registered|managed|run|hosted|organi[sz]ed|assigned|belongs?|belonging|"
    r"located|stored|filed|posted|reported|recorded|triggered|measured|taken|played|given|received|"
    r"borrowed|reserved|scheduled|attached|linked|published|signed)"
)
# "<verb> by/to/at/in one X" → entity refers to X.
_VERB_REF = re.compile(
    rf"\b{_PARENT_VERB}\s+(?:to|by|at|in|on|for|from|under|with|into|of)\s+{_DET}\s+([a-z][\w -]*?)(?=$|[,"
    rf";.()]|\s+(?:and|or|by|with|at|in|on|for|of|who|which|that)\b)",
    re.I,
)
# "of one X", "in one X", "within a X", "at one X", "for one X", "per X", "by one X"
_PREP_REF = re.compile(
    rf"(?<!unique )\b(?:of|in|within|at|for|by|from|to|under|inside|on)\s+{_DET}\s+([a-z][\w -]*?)"
    rf"(?=$|[,;.()]|"
    rf"\s+(?:and|or|by|with|at|in|on|for|of|who|which|that|held)\b)",
    re.I,
)
_HAS_MANY = re.compile(
    r"\b(?:has|have|contains?|includes?|consists? of|holds?|keeps?|lists?)\s+(?:many|several|multiple|"
    r"one or more|any number of|zero or more|a list of|a set of|some|its|their)?\s*([a-z][\w ,-]*?)(?=$|"
    r"[;.]|\s+(?:with|that|which|who)\b)",
    re.I,
)
_WITH = re.compile(r"\b(?:with|having|including)\s+(.+)$", re.I)
_WITH_VERB = re.compile(r"^\s*(?:(?:it|they)\s+)?(?:records?|stores?|keeps?|tracks?)\s+(.+)$", re.I)
# "each employee has salary records with …" inside the salary record's definition: the owner.
_OWNER_HAS = re.compile(
    r"^\s*(?:each|every|an?|the)\s+([a-z][a-z ]*?)\s+(?:has|have|keeps?|owns?)\s+(?:many|several|multiple|"
    r"one or more|"
    r"any number of|zero or more|its|their)?\s*([a-z][a-z ]*?)(?=\s+with\b|\s*$)",
    re.I,
)
_MODAL = re.compile(r"\b(?:may|must|shall|should|can|cannot|will)\b", re.I)
# "one per employee per month (year and month)": many per parent, unique per period.
_ONE_PER_PERIOD = re.compile(
    r"\bone per ([a-z][\w ]*?) per (day|week|month|quarter|year)(?:\s*\(([^)]*)\))?", re.I
)
_PERIOD_ATTRS = {
    "day": ["date"],
    "week": ["year", "week"],
    "month": ["year", "month"],
    "quarter": ["year", "quarter"],
    "year": ["year"],
}
_IDENTIFIED = re.compile(
    r"\bidentified by\s+(?:its\s+|their\s+|an?\s+|the\s+)?([\w ]+?)(?=$|[,;.]|\s+(?:with|and)\b)", re.I
)
_UNIQUE_BY = re.compile(r"\bunique (?:by|per|on)\s+(?:its\s+)?([\w ]+?)(?=$|[,;.])", re.I)
_IS_A = re.compile(r"^(?:the|a|an)\s+([\w ]+?)\s+who\b", re.I)


def describe(builder: ModelBuilder, entity: Entity, text: str, source: Source) -> None:
    """Apply every clause of ``text`` to ``entity``."""
    text = inline_enums(text.strip(), builder.lexicon)
    for clause in re.split(r";(?![^()]*\))|\.\s+|\.$", text):
        clause = clause.strip()
        if clause:
            _clause(builder, entity, clause, source)


def _clause(builder: ModelBuilder, entity: Entity, clause: str, source: Source) -> None:
    lex = builder.lexicon
    consumed = clause
    for m in _IDENTIFIED.finditer(clause):
        attr = parse_attribute(m.group(1), lex, source)
        if attr:
            attr.unique = True
            builder.attribute(entity, attr)
        consumed = consumed.replace(m.group(0), " ")
    for m in _UNIQUE_BY.finditer(clause):
        attr = parse_attribute(m.group(1), lex, source)
        if attr:
            attr.unique = True
            builder.attribute(entity, attr)
        consumed = consumed.replace(m.group(0), " ")
    has = _OWNER_HAS.match(consumed)
    if has:
        owner, described = builder.find(has.group(1)), builder.find(has.group(2))
        if owner is not None and described is not None and described.name == entity.name != owner.name:
            builder.relate(entity.name, owner.name, source, ownership="owned")
            consumed = consumed.replace(has.group(0), " ")
    period = _ONE_PER_PERIOD.search(consumed)
    if period:
        _one_per_period(builder, entity, period, source)
        consumed = consumed.replace(period.group(0), " ")
    # References to other entities.
    for pattern in (_VERB_REF, _PREP_REF):
        for m in pattern.finditer(consumed):
            target = builder.find(m.group(1))
            if target is not None and target.name != entity.name:
                owned = bool(re.search(r"\b(?:within|inside|consists?|part of)\b", m.group(0), re.I))
                builder.relate(entity.name, target.name, source, ownership="owned" if owned else "reference")
                consumed = consumed.replace(m.group(0), " ")
    for m in _HAS_MANY.finditer(consumed):
        handled = False
        for part in split_list(m.group(1)):
            child = builder.find(part)
            if child is not None and child.name != entity.name:
                builder.relate(child.name, entity.name, source, ownership="owned")
                handled = True
        if handled:
            consumed = consumed.replace(m.group(0), " ")
    # Attribute lists: "with A, B and C", a parenthesised list, or a bare list ("amount and unit of …").
    lists: list[str] = []
    listed = _WITH.search(consumed) or _WITH_VERB.search(consumed)
    if listed:
        lists.append(listed.group(1))
        head = consumed[: listed.start()]
    else:
        head = consumed
    paren = re.match(r"^[^()]*\(([^()]+)\)\s*$", head.strip())
    if paren and "," in paren.group(1):
        lists.append(paren.group(1))
    elif (
        not _IS_A.match(head.strip())
        and not re.match(r"^\s*(?:a|an|the|each|every)\s", head)
        and not _MODAL.search(head)
    ):
        has = re.match(r"^\s*(?:has|have|with)\s+(.+)$", head.strip(), re.I)
        lists.append(has.group(1) if has else head)
    for chunk in lists:
        for part in split_list(chunk):
            _attribute_or_reference(builder, entity, part, source)


_ROLE_OF = re.compile(
    r"^(?:the\s+)?(?:[\w ]+'s\s+)?([\w ]+?)\s*(?:\((?:another|an?|the|also an?)\s+([\w ]+)[^()]*\)|"
    r",?\s+who is "
    r"(?:also )?(?:an?|the)\s+([\w ]+))\s*$",
    re.I,
)


def _one_per_period(builder: ModelBuilder, entity: Entity, m: re.Match[str], source: Source) -> None:
    parent = builder.find(m.group(1))
    if parent is None or parent.name == entity.name:
        return
    builder.relate(entity.name, parent.name, source)
    names = [snake(strip_articles(p)) for p in split_list(m.group(3))] if m.group(3) else []
    names = names or _PERIOD_ATTRS[m.group(2).lower()]
    for name in names:
        attr = parse_attribute(name.replace("_", " "), builder.lexicon, source)
        if attr is not None:
            attr.name = name
            builder.attribute(entity, attr)
    builder.unique(entity.name, [parent.name, *names], source)


def event_time_name(builder: ModelBuilder, entity: Entity) -> str:
    """ "the time" of a click is ``clicked_at``; of a triggered alert ``triggered_at``; else occurred_at."""
    verb = builder.event_verbs.get(entity.name)
    phrasal = re.fullmatch(r"([a-z]+)_(in|out|up|off|on)", entity.name)
    if verb is None and phrasal and verb_lemma(phrasal.group(1)):  # a check-in → checked_in_at
        return f"{past_participle(verb_lemma(phrasal.group(1)) or '')}_{phrasal.group(2)}_at"
    if verb is None and "_" not in entity.name and not entity.name.endswith("ing"):
        verb = verb_lemma(entity.name)
    return f"{past_participle(verb)}_at" if verb else "occurred_at"


def _child_entity(builder: ModelBuilder, entity: Entity, head: str, items: str, source: Source) -> bool:
    """ "optional attachments (file name, content type, size)": a plural noun with its own attribute list
    is a child entity owned by the one being described."""
    words = head.split()
    if not words or singular(words[-1]) == words[-1].lower() or len(words) > 3:
        return False
    if builder.lexicon.kind_for_name(snake(head)) is not None:
        return False  # "measured values (temperature, humidity)": one flexible attribute
    child = builder.find(head, exact=True) or builder.entity(head, source)
    if child is None or child.name == entity.name:
        return False
    builder.relate(child.name, entity.name, source, ownership="owned")
    describe(builder, child, "with " + items, source)
    return True


def _actor_reference(builder: ModelBuilder, entity: Entity, core: str, source: Source) -> bool:
    """ "an owner account": a role plus a word for the system's users. Links to the user entity when the
    spec has one; otherwise keeps an external reference id (the accounts live elsewhere)."""
    words = snake(core).split("_")
    if len(words) != 2 or words[1] not in builder.lexicon.actor_nouns:
        return False
    role = words[0]
    user = builder.find(words[1], exact=True)
    if user is not None:
        builder.relate(entity.name, user.name, source, role=role)
        return True
    builder.attribute(
        entity,
        Attribute(
            name=f"{role}_id",
            kind=Kind.IDENTIFIER,
            source=source,
            description=f"reference to the {words[1]} that is the {role}",
        ),
    )
    builder.assume(
        f"{entity.name}.{role}_id refers to an {words[1]} the spec does not describe; kept as an "
        "external reference, not a new entity.",
        source,
    )
    return True


def _attribute_or_reference(builder: ModelBuilder, entity: Entity, part: str, source: Source) -> None:
    core = strip_articles(part)
    if not core:
        return
    if multivalued.quantified(
        builder, entity, re.sub(r"^(?:a|an|the)\s+", "", part.strip()), source
    ) or multivalued.self_reference(builder, entity, core, source):
        return
    if _relative_reference(builder, entity, core, part, source):
        return
    alternatives = re.match(r"^([\w ]+?)\s*\(([\w-]+(?:,\s*[\w-]+)*,?\s+or\s+[\w-]+)\)\s*$", core)
    if alternatives:
        # "a species (dog, cat, bird or other)": alternatives joined by "or" are the values of one field.
        attr = parse_attribute(alternatives.group(1), builder.lexicon, source)
        if attr is not None:
            attr.kind = Kind.ENUM
            attr.enum_values = [
                snake(v) for v in re.split(r",\s*|\s+or\s+", alternatives.group(2)) if v.strip()
            ]
            builder.attribute(entity, attr)
            return
    listed = re.match(r"^([^()]*)\(([^()]*,[^()]*)\)\s*$", core)
    if listed and _child_entity(
        builder, entity, strip_articles(listed.group(1)).strip(), listed.group(2), source
    ):
        return
    if _actor_reference(builder, entity, core, source):
        return
    if (
        listed
        and builder.lexicon.kind_for_name(snake(strip_articles(listed.group(1)))) is not Kind.ENUM
        and not _MODAL.search(listed.group(2))
        and _reads_as_attributes(builder, listed.group(2))
    ):
        # "a library card (card number, name, email, phone)": the list holds the attributes.
        for item in split_list(listed.group(2)):
            _attribute_or_reference(builder, entity, item, source)
        return
    role = _ROLE_OF.match(core)
    if role:
        parent = builder.find(role.group(2) or role.group(3), exact=True)
        if parent is not None:
            role_name = snake(strip_articles(role.group(1)))
            same = role_name == parent.name
            builder.relate(
                entity.name,
                parent.name,
                source,
                role="" if same else role_name,
                required=parent.name != entity.name,
            )
            return
    target = builder.find(core, exact=True)
    if target is not None and target.name != entity.name and len(core.split()) <= 3:
        builder.relate(entity.name, target.name, source)
        return
    attr = parse_attribute(part, builder.lexicon, source)
    if attr is not None:
        scoped_unique(builder, entity, attr, part, source)
        if attr.name == "occurred_at":
            attr.name = event_time_name(builder, entity)
            entity.time_attribute = entity.time_attribute or attr.name
        builder.attribute(entity, attr)


_RELATIVE = re.compile(
    r"^(?P<noun>[a-z][\w ]*?)\s+(?:(?:who|that|which)\s+(?P<v1>\w+)\s+(?:it|them)|(?:it|they|he|she)\s+"
    r"(?P<v2>\w+)(?:\s+(?:in|at|for|to|on|under|within|with|into))?)$",
    re.I,
)
_VERB_ROLE = {"own": "owner", "create": "creator", "manage": "manager", "lead": "lead"}


def _relative_reference(builder: ModelBuilder, entity: Entity, core: str, part: str, source: Source) -> bool:
    """ "the user who owns it", "the department they work in", "the folder it sits in": a link to the
    named entity; the verb gives a role where it names one (owns → owner); the same entity → parent."""
    m = _RELATIVE.match(core)
    if not m:
        return False
    target = builder.find(m.group("noun"), exact=True)
    if target is None and builder.canonical(m.group("noun")) in builder.subject_words:
        target = builder.entity(m.group("noun"), source)  # described later in the spec
    if target is None:
        return False
    verb = verb_lemma(m.group("v1") or m.group("v2") or "") or ""
    role = "parent" if target.name == entity.name else _VERB_ROLE.get(verb, "")
    optional = bool(re.search(r"\boptional(?:ly)?\b", part, re.I)) or target.name == entity.name
    builder.relate(
        entity.name,
        target.name,
        source,
        required=not optional,
        role=role,
        ownership="owned" if target.name == entity.name else "reference",
    )
    return True


_SCOPED_UNIQUE = re.compile(
    r"\bunique (?:within|per|in|for) (?:its|their|the|each|a|an) ([a-z][\w ]*?)(?=$|[),;.])", re.I
)


def scoped_unique(builder: ModelBuilder, entity: Entity, attr: Attribute, text: str, source: Source) -> None:
    """ "a number, unique within its gym": unique together with the link to the gym, not on its own."""
    m = _SCOPED_UNIQUE.search(text)
    if not m:
        return
    scope = builder.find(m.group(1), exact=True)
    if scope is None and builder.canonical(m.group(1)) in builder.subject_words:
        scope = builder.entity(m.group(1), source)
    if scope is None or scope.name == entity.name:
        return
    attr.unique = False
    builder.relate(entity.name, scope.name, source)
    builder.unique(entity.name, [scope.name, attr.name], source)


def _reads_as_attributes(builder: ModelBuilder, listed: str) -> bool:
    """ "(card number, name, email, phone)" names values to store; "(receipt, shipment, adjustment)" lists
    the values one attribute takes, and "(positive for receipts, negative for shipments)" explains one."""
    items = [strip_articles(i) for i in split_list(listed)]
    if any(len(i.split()) > 3 or re.search(r"\b(?:for|when|if|than|per)\b", i) for i in items):
        return False
    known = sum(1 for i in items if builder.lexicon.kind_for_name(snake(i)) is not None)
    multiword = sum(1 for i in items if len(i.split()) > 1)
    return known * 2 >= len(items) or multiword * 2 >= len(items)


def relation_phrase(builder: ModelBuilder, entity: Entity, text: str, source: Source) -> None:
    """BMAD "Relationships:" bullets: "Belongs to one event", "Has many tickets", "Bought in one order by
    one attendee" (a chain: the order is made by the attendee)."""
    lowered = text.lower()
    chain = re.search(rf"\bin\s+{_DET}\s+([\w ]+?)\s+by\s+{_DET}\s+([\w ]+)", lowered)
    if chain:
        middle = builder.entity(chain.group(1), source) or builder.find(chain.group(1))
        last = builder.find(chain.group(2)) or builder.entity(chain.group(2), source)
        if middle and last:
            builder.relate(entity.name, middle.name, source)
            builder.relate(middle.name, last.name, source)
            builder.assume(
                f"'{middle.name}' is not described in the spec; created from \"{text.strip()}\" with no "
                "attributes of its own beyond its links.",
                source,
            )
            return
    shared = re.search(
        r"^\s*(?:is\s+|are\s+|can be\s+|may be\s+)?\w+ed\s+(?:with|to|in|into|under|by)\s+"
        r"(?:many|several|multiple|one or more|any number of)\s+([\w ]+)",
        lowered,
    )
    if shared:
        # "Tagged with many tags", "Listed in many categories": a link table, not a child.
        other = builder.find(shared.group(1))
        if other and other.name != entity.name:
            builder.relate(entity.name, other.name, source, cardinality=Cardinality.MANY_TO_MANY)
            return
    many = re.search(
        r"\b(?:has|have|contains?|includes?)\s+(?:many|several|multiple|one or more|any number of)\s+([\w "
        r"]+)",
        lowered,
    )
    if many:
        child = builder.find(many.group(1))
        if child:
            # "Post has many comments": what the parent lists as its own lives inside it (owned), unless
            # the children are people or accounts, which exist on their own.
            lexicon = builder.lexicon
            person = child.name.split("_")[-1] in lexicon.actor_nouns | lexicon.assignable_nouns
            builder.relate(child.name, entity.name, source, ownership="reference" if person else "owned")
        return
    many_many = re.search(r"\bmany[- ]to[- ]many\b.*?\b(?:with|to)\s+([\w ]+)", lowered)
    if many_many:
        other = builder.find(many_many.group(1))
        if other:
            builder.relate(entity.name, other.name, source, cardinality=Cardinality.MANY_TO_MANY)
        return
    optional = bool(re.search(r"\b(?:optional(?:ly)?|may|can be|zero or one|0\.\.1)\b", lowered))
    found = False
    for m in re.finditer(
        rf"(?:{_DET}\s+)([a-z][\w ]*?)(?=$|[,;.]|\s+(?:and|by|with|at|in|on|for|of)\b)", lowered
    ):
        target = builder.find(m.group(1))
        if target is None:
            target = builder.entity(m.group(1), source) if re.search(r"\bone\b", m.group(0)) else None
        if target and target.name != entity.name:
            builder.relate(entity.name, target.name, source, required=not optional)
            found = True
    if not found:
        describe(builder, entity, text, source)
