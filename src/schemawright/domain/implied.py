"""Structure a sentence clearly requires without naming it, each recorded as an assumption with why:

- "invitations expire after a week and can be accepted once" → a hashed token, ``expires_at``,
  ``accepted_at``;
- "block an API key after 100 bad requests in an hour" → a counter, its window start and ``blocked_until``;
- "the fee charged stays as it was when the booking was made" → the fee copied onto the booking;
- "changes to documents must be auditable / a history of changes" → a history entity;
- "keep it in the trash for 30 days" → soft delete with a retention;
- "a slot must close after it opens" → a comparison check between the two times.
"""

from __future__ import annotations

import re

from schemawright.domain.builder import ModelBuilder
from schemawright.domain.model import Attribute, CheckRule, Entity, Kind, Source
from schemawright.domain.naming import singular, snake
from schemawright.domain.scope import duration_seconds

_EXPIRES = re.compile(
    r"\b([a-z][a-z ]*?)s?\s+(?:expire|expires|are valid|is valid|lapse)\s+"
    r"(?:after|within|for)\s+(?:an?\s+|one\s+)?"
    r"(\d+\s+)?(second|minute|hour|day|week|month)s?",
    re.I,
)
_ONCE = re.compile(r"\b(?:can|may)\s+(?:only\s+)?be\s+(\w+ed)\s+(?:only\s+)?once\b", re.I)
_BLOCK = re.compile(
    r"\b(?:block|lock|suspend|disable|throttle)s?\s+(?:an?\s+|the\s+)?([a-z][a-z ]*?)\s+"
    r"(?:for\s+(?:an?\s+|one\s+)?"
    r"(\d+\s+)?(second|minute|hour|day)s?\s+)?after\s+(\d+)\s+([a-z ]+?)\s+(?:in|within)\s+(?:an?\s+|one\s+)?"
    r"(\d+\s+)?(second|minute|hour|day)s?",
    re.I,
)
_STAYS = re.compile(
    r"\b(?:the\s+)?([a-z]+)(?:\s+of\s+(?:an?|the|each)\s+([a-z ]+?))?(?:\s+(charged|paid|quoted|billed))?\s+"
    r"(?:stays|remains|is kept|is frozen)\s+(?:as it was|"
    r"unchanged|fixed)\s+(?:when|at the time)\s+(?:the\s+|an?\s+)?"
    r"([a-z ]+?)\s+(?:was|is|were|got)\s+(?:first\s+)?"
    r"(?:[a-z]+ed|made|bought|sold|paid|taken|begun|set up)\b",
    re.I,
)
_HISTORY = re.compile(
    r"\b(?:changes to|edits to|updates to)\s+(?:the\s+)?([a-z ]+?)\s+(?:must|should|shall|are to)\s+be\s+"
    r"(?:auditable|audited|tracked|versioned|logged)|\bhistory of (?:changes|edits|revisions)\b",
    re.I,
)
_TRASH = re.compile(
    r"\bwhen\s+(?:a|an|the)\s+\w+\s+deletes\s+(?:a|an|the)\s+([a-z ]+?)\s+then\b.*?"
    r"\bkeep\s+it\s+in\s+(?:the\s+)?"
    r"(?:trash|bin|recycle bin)\s+for\s+(\d+)\s+(day|week|month)s?",
    re.I,
)
_AFTER = re.compile(
    r"\b(?:an?\s+|the\s+|each\s+)?([a-z][a-z ]*?)\s+(?:must|should|shall|has to)\s+"
    r"(end|close|finish|arrive|expire|"
    r"stop|depart)\s+after\s+it\s+(starts|opens|begins|departs|arrives|is created)",
    re.I,
)
_VERB_WORDS = {
    "end": ("end", "ends", "ended", "finish"),
    "close": ("close", "closes", "closing", "closed"),
    "finish": ("finish", "finishes", "end", "ends"),
    "arrive": ("arrive", "arrives", "arrival"),
    "expire": ("expire", "expires"),
    "stop": ("stop", "stops", "end", "ends"),
    "depart": ("depart", "departs", "departure"),
    "starts": ("start", "starts", "started", "begin"),
    "begins": ("begin", "begins", "start", "starts"),
    "opens": ("open", "opens", "opening", "opened"),
    "departs": ("depart", "departs", "departure"),
    "arrives": ("arrive", "arrives", "arrival"),
}


def implied(b: ModelBuilder, sentence: str, src: Source) -> None:
    for rule in (
        _expiring_token,
        _blocking,
        _frozen_copy,
        _history,
        _trash,
        _ends_after_start,
        cascades,
        only_once,
    ):
        rule(b, sentence, src)


def _find_plural(b: ModelBuilder, phrase: str, src: Source, create: bool = False) -> Entity | None:
    words = phrase.split()
    for i in range(len(words)):
        entity = b.find(" ".join(words[i:]), exact=True)
        if entity is not None:
            return entity
    for word in words:  # "reset links" of a password_reset entity
        entity = b.find(word, exact=True)
        if entity is not None:
            return entity
    return b.entity(words[-1], src) if create and words else None


def _expiring_token(b: ModelBuilder, s: str, src: Source) -> None:
    m = _EXPIRES.search(s)
    if not m or not re.search(r"\b(?:invitation|invite|link|token|code|reset)", m.group(1), re.I):
        return
    entity = _find_plural(b, m.group(1), src, create=True)
    if entity is None:
        return
    seconds = duration_seconds((m.group(2) or "1").strip(), m.group(3))
    b.attribute(
        entity,
        Attribute(
            name="token_hash",
            kind=Kind.SECRET_TOKEN,
            unique=True,
            source=src,
            description="hash of the secret sent to the recipient; the token itself is never stored",
        ),
    )
    b.attribute(
        entity,
        Attribute(
            name="expires_at", kind=Kind.TIMESTAMP, source=src, description=f"creation time + {seconds} s"
        ),
    )
    b.assume(
        f"{entity.name} needs an unguessable token (stored only as token_hash) and expires_at "
        f"({seconds} s after creation) because it expires.",
        src,
    )
    once = _ONCE.search(s)
    if once:
        b.attribute(
            entity,
            Attribute(
                name=f"{once.group(1).lower()}_at",
                kind=Kind.TIMESTAMP,
                required=False,
                source=src,
                description=f"set when {once.group(1).lower()}; a second use is refused",
            ),
        )
        b.assume(
            f"{entity.name}.{once.group(1).lower()}_at records the single use; it must be null to use it.",
            src,
        )


def _blocking(b: ModelBuilder, s: str, src: Source) -> None:
    m = _BLOCK.search(s)
    if not m:
        return
    entity = _find_plural(b, m.group(1), src)
    if entity is None:
        return
    events = singular(snake(re.sub(r"^(?:bad|failed|invalid|wrong|unsuccessful)\s+", "failed ", m.group(5))))
    counter = f"{events}_count"
    b.attribute(
        entity,
        Attribute(
            name=counter,
            kind=Kind.COUNT,
            default="0",
            source=src,
            description=f"{m.group(5)} in the current window",
        ),
    )
    b.attribute(
        entity,
        Attribute(
            name=f"{events}_window_started_at",
            kind=Kind.TIMESTAMP,
            required=False,
            source=src,
            description="start of the counting window",
        ),
    )
    b.attribute(
        entity,
        Attribute(
            name="blocked_until",
            kind=Kind.TIMESTAMP,
            required=False,
            source=src,
            description="requests are refused until this time",
        ),
    )
    b.assume(
        f"{entity.name} keeps {counter} within a window and blocked_until, because the spec blocks it after "
        f"{m.group(4)} {m.group(5)}.",
        src,
    )


def _frozen_copy(b: ModelBuilder, s: str, src: Source) -> None:
    m = _STAYS.search(s)
    if not m:
        return
    # "the price of a line stays as it was when the order was placed": the line holds the copy.
    holder = (_find_plural(b, m.group(2), src) if m.group(2) else None) or _find_plural(b, m.group(4), src)
    if holder is None:
        return
    value = m.group(1).lower()
    kept = holder.attribute(value) or next(
        (a for a in holder.attributes if a.name.endswith("_" + value)), None
    )
    if kept is not None:  # the holder already stores its own copy ("unit_price")
        b.assume(
            f"{holder.name}.{kept.name} is copied when the {holder.name} is made, so it stays as charged.",
            src,
        )
        return
    source_entity = next(
        (e for e in b.model.entities if e.name != holder.name and e.attribute(value) is not None), None
    )
    kind = source_entity.attribute(value).kind if source_entity is not None else None  # type: ignore[union-attr]
    name = f"{value}_{(m.group(3) or 'charged').lower()}"
    b.attribute(
        holder,
        Attribute(
            name=name,
            kind=kind or b.lexicon.kind_for_name(value) or Kind.MONEY,
            source=src,
            description=f"copied when the {holder.name} is made; later changes do not alter it",
        ),
    )
    origin = f" from {source_entity.name}.{value}" if source_entity else ""
    b.assume(
        f"{holder.name}.{name} is copied{origin} when the {holder.name} is made, so it stays as charged.", src
    )


def _history(b: ModelBuilder, s: str, src: Source) -> None:
    m = _HISTORY.search(s)
    if not m:
        return
    target = _find_plural(b, m.group(1), src) if m.group(1) else None
    if target is None:
        target = next((e for e in b.model.entities if re.search(rf"\b{e.name}s?\b", s.lower())), None)
    if target is None:
        return
    if target.name not in b.model.audit_entities:
        b.model.audit_entities.append(target.name)
    history = b.entity(f"{target.name}_change", src, description=f"one change to a {target.name}")
    if history is None:
        return
    history.append_only = True
    b.relate(history.name, target.name, src, ownership="history")
    actor = b.find("user", exact=True)
    if actor is not None and re.search(r"\bwho\b", s, re.I):
        b.relate(history.name, actor.name, src, role="changed_by", required=False)
    b.attribute(history, Attribute(name="changed_at", kind=Kind.TIMESTAMP, source=src))
    history.time_attribute = "changed_at"
    for m2 in re.finditer(r"\b(?:previous|old|former|prior)\s+([a-z]+)(?:\s+and\s+([a-z]+))?", s, re.I):
        for word in filter(None, (m2.group(1), m2.group(2))):
            current = target.attribute(word) or next(
                (a for a in target.attributes if a.name.startswith(word + "_")), None
            )
            kind = current.kind if current is not None else Kind.LONG_TEXT
            b.attribute(history, Attribute(name=f"previous_{word}", kind=kind, required=False, source=src))
    b.assume(
        f"{history.name} keeps the history of changes to {target.name} (append-only), as the spec asks "
        "for auditable changes.",
        src,
    )


def _trash(b: ModelBuilder, s: str, src: Source) -> None:
    m = _TRASH.search(s)
    if not m:
        return
    entity = _find_plural(b, m.group(1), src)
    seconds = duration_seconds(m.group(2), m.group(3))
    if entity is None or not seconds:
        return
    entity.soft_delete = True
    b.assume(
        f"{entity.name} is soft-deleted (deleted_at) and purged {seconds // 86400} days later: "
        "the spec keeps them in a trash.",
        src,
    )


def _ends_after_start(b: ModelBuilder, s: str, src: Source) -> None:
    m = _AFTER.search(s)
    if not m:
        return
    entity = _find_plural(b, m.group(1), src)
    if entity is None:
        return
    end = _attr_for(entity, _VERB_WORDS.get(m.group(2).lower(), (m.group(2).lower(),)))
    start = _attr_for(entity, _VERB_WORDS.get(m.group(3).lower(), (m.group(3).lower(),)))
    if end and start and end != start:
        b.check(CheckRule(entity=entity.name, kind="compare", attribute=end, other=start, op=">", source=src))


def _attr_for(entity: Entity, words: tuple[str, ...]) -> str:
    for attr in entity.attributes:
        if attr.kind in (Kind.TIMESTAMP, Kind.DATE) and set(attr.name.split("_")) & set(words):
            return attr.name
    return ""


_CASCADE = re.compile(
    r"\bwhen\s+(?:an?|the)\s+([a-z][a-z ]*?)\s+is\s+(?:deleted|removed)\b.*?\b(?:delete|remove)s?\s+"
    r"(?:all\s+)?"
    r"(?:its|their)\s+(.+?)\s*$",
    re.I,
)
_ONLY_ONCE = re.compile(
    r"\b(?:an?|each|the)\s+([a-z]+)\s+(?:can|may)\s+(?:only\s+)?([a-z]+(?:\s+(?:in|on|up|out|into|onto|for|to|at|with))*)"
    r"\s+(?:an?|the|each|any|one)\s+([a-z-]+)\s+only\s+once\b"
    # "no guest may review the same hotel twice", "a guest cannot review a hotel more than once"
    r"|\b(?:no|an?|each|the)\s+([a-z]+)\s+(?:can|may|must)\s*(?:not\s+)?(?:never\s+)?"
    r"([a-z]+(?:\s+(?:in|on|up|out|into|onto|for|to|at|with))*)\s+(?:an?|the same|the|one)\s+([a-z-]+)\s+"
    r"(?:twice|more than once)\b",
    re.I,
)


_HOLD_ONCE = re.compile(
    r"\b(?:an?|each|the)\s+([a-z]+)\s+(?:can|may)\s+(?:only\s+)?[a-z]+\s+(?:an?|one|the)\s+([a-z-]+)\s+"
    r"(?:in|on|for|at|to|of)\s+(?:an?|the|each|any|one)\s+([a-z-]+)\s+only\s+once\b",
    re.I,
)


def cascades(b: ModelBuilder, s: str, src: Source) -> None:
    """ "WHEN a folder is deleted THEN … delete its files and sub-folders": those children are owned."""
    m = _CASCADE.search(s.rstrip(". "))
    if not m:
        return
    parent = _find_plural(b, m.group(1), src)
    if parent is None:
        return
    for item in re.split(r",\s*|\s+and\s+", m.group(2)):
        word = re.sub(r"^(?:sub[- ]?|child\s+)", "", item.strip(), flags=re.I)
        child = b.find(word, exact=True)
        if child is None:
            continue
        for rel in b.model.relationships:
            if rel.child == child.name and rel.parent == parent.name:
                rel.ownership = "owned"


def only_once(b: ModelBuilder, s: str, src: Source) -> None:
    """ "A customer can book a class only once" → one booking per (customer, class)."""
    from schemawright.domain.events import event_entity  # events imports describe; keep this module light

    held = _HOLD_ONCE.search(s)
    if held:  # "a swimmer can hold a place in a class only once": the place is the event
        actor, event, thing = (b.find(held.group(i), exact=True) for i in (1, 2, 3))
        if actor and event and thing and len({actor.name, event.name, thing.name}) == 3:
            for party in (actor, thing):
                if not any(r.child == event.name and r.parent == party.name for r in b.model.relationships):
                    b.relate(event.name, party.name, src)
            links = {r.parent: r.role or r.parent for r in b.model.relationships if r.child == event.name}
            b.unique(event.name, [links[actor.name], links[thing.name]], src)
            b.assume(
                f"One {event.name} per {actor.name} and {thing.name}: the spec allows it only once.", src
            )
        return
    m = _ONLY_ONCE.search(s)
    if not m:
        return
    g = (1, 2, 3) if m.group(1) else (4, 5, 6)
    actor, thing = b.find(m.group(g[0]), exact=True), b.find(m.group(g[2]), exact=True)
    verb = m.group(g[1]).split()
    # "enrol in" → enrolment; "check in to" → check_in (the phrasal verb names the event entity)
    event = event_entity(b, verb[0]) or (b.find(" ".join(verb[:2]), exact=True) if len(verb) > 1 else None)
    if actor is None or thing is None or event is None or event.name in (actor.name, thing.name):
        return
    for party in (actor, thing):  # saying it happens once per pair states that the event links both
        if not any(r.child == event.name and r.parent == party.name for r in b.model.relationships):
            b.relate(event.name, party.name, src)
    links = {r.parent: r.role or r.parent for r in b.model.relationships if r.child == event.name}
    if actor.name in links and thing.name in links:
        b.unique(event.name, [links[actor.name], links[thing.name]], src)
        b.assume(f"One {event.name} per {actor.name} and {thing.name}: the spec allows it only once.", src)
