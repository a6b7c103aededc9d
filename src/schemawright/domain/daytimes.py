"""Opening and closing times stated as events of the day: "A branch opens at 9:00 and closes at 17:30."

No attribute noun is named, so the verb names it: ``opens_at`` / ``closes_at``, a time of day (Kind.TIME).
The stated time is kept in the attribute's description and under Assumptions, not as a default: each row
may have its own hours.
"""

from __future__ import annotations

import re

from schemawright.domain.builder import ModelBuilder
from schemawright.domain.model import Attribute, Entity, Kind, Source

_CLOCK = r"(?:\d{1,2}:[0-5]\d(?:\s*(?:am|pm|a\.m\.|p\.m\.))?|\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)|noon|midnight)"
_EVENT = re.compile(
    rf"\b(opens|closes|open|close)\s+(?:daily\s+|every\s+day\s+|each\s+day\s+|on\s+weekdays\s+)?at\s+({_CLOCK})",
    re.I,
)
_SUBJECT = re.compile(
    r"^(?:(?:an?|the|each|every)\s+([a-z][a-z -]*?)|(it|they))\s+"
    r"(?:usually\s+|normally\s+|(?:can|may|must|will)\s+)?(?:opens?|closes?)\b",
    re.I,
)


def opening_times(b: ModelBuilder, sentence: str, src: Source, last: Entity | None) -> None:
    events = list(_EVENT.finditer(sentence))
    if not events:
        return
    m = _SUBJECT.match(sentence.strip())
    if not m:
        return
    entity = last if m.group(2) else b.find(m.group(1))
    if entity is None:
        return
    for event in events:
        verb = event.group(1).lower()
        name = ("opens" if verb.startswith("open") else "closes") + "_at"
        if entity.attribute(name) is not None:
            continue
        b.attribute(
            entity,
            Attribute(
                name=name,
                kind=Kind.TIME,
                description=f"time of day; the spec says {event.group(0)}",
                source=src,
            ),
        )
        b.assume(
            f"{entity.name}.{name} is a time of day (the spec says '{event.group(0)}'); "
            "kept per row, not as a default.",
            src,
        )
