"""Measurement streams and volumes from rates: "store a position reading from every truck every 30 seconds:
latitude, longitude …", "a reading every 30 seconds from 5,000 sensors", "every request … is logged with
its path …; about 2,000,000 requests a day".

A stream is an append-only entity linked to its source; its volume is the number of sources (stated in
the sentence or anywhere in the spec, "The fleet has 5,000 trucks") times the rate.
"""

from __future__ import annotations

import re

from schemawright.domain.builder import ModelBuilder
from schemawright.domain.describe import describe
from schemawright.domain.model import Entity, Kind, Source
from schemawright.domain.naming import plural
from schemawright.domain.scope import duration_seconds

_STORE_EVERY = re.compile(
    r"\b(?:store|record|collect|log|keep|capture|save)s?\s+(?:a|an|one)\s+([a-z][a-z ]*?)\s+"
    r"(?:from|for|of)\s+(?:every|each)\s+([a-z][a-z ]*?)\s+every\s+(\d+|a|an|one)\s+"
    r"(second|minute|hour|day)s?\s*(?::\s*(.+))?$",
    re.I,
)
_EVERY_FROM = re.compile(
    r"\b(?:a|an|one)\s+([a-z][a-z ]*?)\s+every\s+(\d+|a|an|one)\s+(second|minute|hour|day)s?\s+from\s+"
    r"(?:each of\s+)?(?:the\s+)?([\d][\d,]*)\s+([a-z][a-z ]*?)(?=$|[,;.])",
    re.I,
)
_LOGGED = re.compile(
    r"^(?:every|each)\s+([a-z][a-z ]*?)\s+(?:made|sent|received|placed|done)\s+(?:with|by|to|for|on)\s+"
    r"(?:an?|the)\s+([a-z][a-z ]*?)\s+is\s+(?:logged|recorded|stored|kept)\s+with\s+(.+)$",
    re.I,
)
_SECONDS_PER_MONTH = 30 * 86400


def streams(b: ModelBuilder, sentence: str, src: Source) -> None:
    m = _STORE_EVERY.search(sentence.rstrip(". "))
    if m:
        source = b.find(m.group(2), exact=True)
        stream = _stream(b, m.group(1), source, src)
        if stream is not None:
            if m.group(5):
                describe(b, stream, "with " + m.group(5), src)
            _time_attribute(stream)
            _volume(b, stream, source, None, duration_seconds(m.group(3), m.group(4)), src)
        return
    m = _EVERY_FROM.search(sentence)
    if m:
        source = b.find(m.group(5), exact=True)
        stream = b.find(m.group(1), exact=True) or _stream(b, m.group(1), source, src)
        if stream is not None:
            count = int(m.group(4).replace(",", ""))
            _volume(b, stream, source, count, duration_seconds(m.group(2), m.group(3)), src)
        return
    m = _LOGGED.match(sentence.rstrip(". "))
    if m:
        source = b.find(m.group(2), exact=True)
        if source is None:
            return
        noun = m.group(1).strip()
        # a generic noun ("request") is named as the log it is
        phrase = noun if b.canonical(noun) not in b.lexicon.not_entities else f"{noun} log"
        stream = _stream(b, phrase, source, src)
        if stream is not None:
            describe(b, stream, "with " + re.split(r";\s*", m.group(3))[0], src)
            b.assume(f"{stream.name} keeps one append-only row per {noun} as the spec logs each.", src)
            rate = re.search(
                rf"([\d][\d,.]*)\s*(million|thousand|k|m)?\s+{re.escape(noun)}s?\s+(?:a|per)\s+(day|month|year|hour)",
                sentence,
                re.I,
            )
            if rate:
                n = float(rate.group(1).replace(",", ""))
                mult = {"million": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3}.get(
                    (rate.group(2) or "").lower(), 1
                )
                per = {"hour": 720, "day": 30, "month": 1, "year": 1 / 12}[rate.group(3).lower()]
                stream.volume_per_month = int(n * mult * per)


def log_entity(b: ModelBuilder, phrase: str) -> Entity | None:
    """ "Log entries older than 90 days": the one append-only log entity the spec describes."""
    if not re.search(r"\blogs?\b|\blog entr", phrase, re.I):
        return None
    logs = [e for e in b.model.entities if e.append_only and e.name.endswith("_log")]
    return logs[0] if len(logs) == 1 else None


def _stream(b: ModelBuilder, phrase: str, source: Entity | None, src: Source) -> Entity | None:
    stream = b.entity(phrase, src)
    if stream is None:
        return None
    stream.append_only = True
    if source is not None and source.name != stream.name:
        b.relate(stream.name, source.name, src, ownership="owned")
    return stream


def _time_attribute(stream: Entity) -> None:
    if stream.time_attribute:
        return
    stamp = next((a.name for a in stream.attributes if a.kind is Kind.TIMESTAMP), None)
    stream.time_attribute = stamp


def _volume(
    b: ModelBuilder, stream: Entity, source: Entity | None, count: int | None, every: int | None, src: Source
) -> None:
    if not every:
        return
    if count is None and source is not None:
        count = _stated_count(b, source)
    if not count:
        b.assume(f"{stream.name}: one every {every} s per source; the number of sources is not stated.", src)
        return
    stream.volume_per_month = stream.volume_per_month or int(count * _SECONDS_PER_MONTH / every)
    b.assume(
        f"{stream.name} volume ≈ {count:,} sources × one every {every} s ≈ "
        f"{stream.volume_per_month:,} rows a month.",
        src,
    )


def _stated_count(b: ModelBuilder, source: Entity) -> int | None:
    """ "The fleet has 5,000 trucks", "5,000 sensors": a number right before the source's plural."""
    words = {plural(source.name).replace("_", " "), source.name.replace("_", " ")}
    for word in words:
        m = re.search(rf"\b(\d[\d,]*)\s+{re.escape(word)}\b", b.text)
        if m:
            return int(m.group(1).replace(",", ""))

    return None
