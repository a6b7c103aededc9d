"""MongoDB schema-design patterns applied on top of embed/reference, each only when a fact in the
DomainModel calls for it:

- **extended reference**: a listing of the child names a field of the parent it references ("alerts with
  the sensor's serial number") → copy those few parent fields beside ``{parent}_id`` so the listing
  needs no ``$lookup``; the copies are refreshed when the parent changes (rarely: names, codes).
- **subset**: a referenced child read newest-first per parent in a bounded number ("the 10 latest
  comments of a video") → the parent embeds the latest N (``recent_{children}``, ``maxItems`` N) while
  every child stays in its own collection.
- **bucket**: a high-volume measurement stream that is not append-only, or when time-series collections
  are not used → one document per parent per hour holding up to 200 measurements, which cuts index
  entries and documents by two orders of magnitude.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel

from schemawright.domain.model import AccessPattern, DomainModel, Entity, Kind
from schemawright.domain.naming import plural

BUCKET_SPAN_SECONDS = 3600
BUCKET_MAX_MEASUREMENTS = 200  # keeps a bucket far below the 16 MB document limit and cheap to rewrite
BUCKET_MIN_PER_MONTH = 1_000_000  # below this a document per measurement is fine
_DISPLAY = (Kind.NAME, Kind.TITLE, Kind.IDENTIFIER)
_MEASURED = (Kind.DECIMAL, Kind.INTEGER, Kind.PERCENTAGE, Kind.JSON, Kind.COUNT)  # values, not prose
_SUBSET_N = re.compile(
    r"\b(\d+)\s+(?:most\s+recent|latest|newest|last)\b|\b(?:latest|newest|last|most recent)\s+(\d+)\b", re.I
)


class PatternUse(BaseModel):
    pattern: Literal["extended_reference", "subset", "bucket"]
    field: str  # the document field the pattern adds
    source_entity: str  # the entity whose data is copied, embedded or bucketed
    reason: str


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def extended_fields(model: DomainModel, child: str, parent: Entity) -> list[str]:
    """Parent display fields named by an access pattern that lists ``child`` (at most three)."""
    names: list[str] = []
    for ap in model.access_patterns:
        if ap.entity != child:
            continue
        words = _words(ap.description)
        if parent.name.split("_")[-1] not in words:
            continue
        for attr in parent.attributes:
            parts = [p for p in attr.name.split("_") if p not in ("id", "at")]
            shown = (attr.kind in _DISPLAY or attr.unique) and parts and all(p in words for p in parts)
            if shown and attr.sensitivity == "none" and attr.name not in names:
                names.append(attr.name)
    return names[:3]


def subset_size(model: DomainModel, child: str, parent: str) -> tuple[int, AccessPattern] | None:
    """N when the child is read newest-first per parent, N of them (a number in the sentence)."""
    for ap in model.access_patterns:
        if ap.entity != child or parent not in ap.equality:
            continue
        m = _SUBSET_N.search(ap.description)
        newest = any(s.startswith("-") for s in ap.sort) or m is not None
        if m and newest:
            return int(m.group(1) or m.group(2)), ap
    return None


def wants_bucket(entity: Entity, timeseries: bool) -> bool:
    """A stream of measurements with a parent and a time field, too many for a document each, that
    time-series collections do not take (they are off, or the measurements are updated later)."""
    measured = any(a.kind in _MEASURED for a in entity.attributes) and not any(
        a.kind in (Kind.LONG_TEXT, Kind.TITLE) for a in entity.attributes
    )
    big = (entity.volume_per_month or 0) >= BUCKET_MIN_PER_MONTH
    return measured and big and (not timeseries or not entity.append_only)


def bucket_schema(measurement: dict[str, Any], parent_field: str) -> dict[str, Any]:
    """The bucket document: one per parent per hour, measurements appended with ``$push``."""
    return {
        "bsonType": "object",
        "required": [
            "_id",
            parent_field,
            "bucket_start",
            "count",
            "measurements",
            "created_at",
            "updated_at",
        ],
        "properties": {
            "_id": {"bsonType": "objectId"},
            parent_field: {"bsonType": "objectId"},
            "bucket_start": {"bsonType": "date", "description": "start of the hour this bucket covers"},
            "count": {"bsonType": "int", "minimum": 0, "maximum": BUCKET_MAX_MEASUREMENTS},
            "measurements": {"bsonType": "array", "maxItems": BUCKET_MAX_MEASUREMENTS, "items": measurement},
            "created_at": {"bsonType": "date"},
            "updated_at": {"bsonType": "date"},
        },
        "additionalProperties": True,
    }


def bucket_reason(entity: Entity, parent_field: str) -> str:
    cap = BUCKET_MAX_MEASUREMENTS
    write = (
        f"updateOne({{{parent_field}, bucket_start, count: {{$lt: {cap}}}}}, "
        "{$push: {measurements: m}, $inc: {count: 1}}, {upsert: true})"
    )
    return (
        f"about {entity.volume_per_month or 0:,} {plural(entity.name).replace('_', ' ')} a month: one "
        f"document per {parent_field[:-3].replace('_', ' ')} per hour holds up to {cap} measurements "
        f"({write}), so index entries and documents shrink by two orders of magnitude"
    )
