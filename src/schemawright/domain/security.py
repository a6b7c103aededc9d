"""Security and audit phrasing: which attributes are confidential ("National ID number, IBAN and salary
amounts are confidential"), and logged access ("every read of an employee's data is logged (who, when,
which employee)") as a real append-only log entity."""

from __future__ import annotations

import re

from schemawright.domain.builder import ModelBuilder
from schemawright.domain.model import Attribute, Entity, Kind, Source
from schemawright.domain.naming import singular, snake
from schemawright.domain.phrases import split_list, strip_articles

_CONFIDENTIAL = re.compile(
    r"^(.+?)\s+(?:are|is|must be|shall be|should be)\s+(?:kept\s+|stored\s+|held\s+|saved\s+)?"
    r"(?:confidential|sensitive|secret|"
    r"private|encrypted)\b"
    r"|\bencrypt\s+(?:the\s+)?(.+?)(?:\s+at rest)?(?=$|[.;])",
    re.I,
)
# "an insurance number (encrypted)", "the IBAN (stored encrypted at rest)": the noun phrase before the remark
_MARKED = re.compile(
    r"((?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*)\s*\((?:[^)]*?\s)?(?:encrypted|confidential)\b[^)]*\)"
)
_RELATIVE = re.compile(r",?\s+(?:which|that)$", re.I)
_LOGGED = re.compile(
    r"\b(?:every|each|all|any)?\s*(read|access|view|change|update|edit)s?\b.*?\b(?:is|are|must be|shall be|"
    r"gets?)\s+"
    r"(?:logged|audited|recorded|tracked)(?:\s*\(([^)]*)\))?",
    re.I,
)
_PAST = {
    "read": "accessed",
    "access": "accessed",
    "view": "viewed",
    "change": "changed",
    "update": "changed",
    "edit": "changed",
}


def confidential(b: ModelBuilder, sentence: str, src: Source) -> None:
    for marked in _MARKED.finditer(sentence):
        phrase = re.split(r"\b(?:and|or|with|of)\s+", marked.group(1))[-1]  # the noun phrase right before
        _protect(b, [phrase], encrypt="encrypt" in marked.group(0).lower())
    m = _CONFIDENTIAL.search(sentence)
    if not m:
        return
    encrypt = bool(re.search(r"\bencrypt", sentence, re.I))
    said = re.split(r"[;:]", m.group(1) or m.group(2) or "")[-1]  # "…; passport numbers are encrypted"
    trimmed = _RELATIVE.sub("", said)
    items = split_list(trimmed)
    if trimmed != said:
        items = items[-1:]  # "a name and a licence number, which is encrypted": the last one only
    _protect(b, items, encrypt=encrypt)


def _protect(b: ModelBuilder, items: list[str], *, encrypt: bool) -> None:
    for item in items:
        name = singular(snake(strip_articles(item)))
        for _entity, attr in _matching(b, name):
            attr.sensitivity = "confidential"
            if attr.kind is not Kind.MONEY or encrypt:
                attr.kind = Kind.ENCRYPTED


def _matching(b: ModelBuilder, name: str) -> list[tuple[Entity, Attribute]]:
    """ "IBAN" → bank_account_iban; "salary amount" → salary_record.annual_amount (entity word + head)."""
    if not name:
        return []
    out = []
    for entity in b.model.entities:
        for attr in entity.attributes:
            if attr.name == name or attr.name.endswith("_" + name):
                out.append((entity, attr))
                continue
            head, _, rest = name.partition("_")
            if rest and entity.name.split("_")[0] == head and attr.name.split("_")[-1] == rest.split("_")[-1]:
                out.append((entity, attr))
    return out


def access_log(b: ModelBuilder, sentence: str, src: Source) -> None:
    """A logged read or change becomes an append-only log entity linked to what was read."""
    m = _LOGGED.search(sentence)
    if not m:
        return
    target = _first_entity(b, sentence[: m.end()])
    if target is None:
        return
    verb = _PAST[m.group(1).lower()]
    name = f"{target.name}_{'access' if verb in ('accessed', 'viewed') else 'change'}_log"
    log = b.entity(name, src, description=f"who {verb} which {target.name} and when")
    if log is None:
        return
    log.append_only = True
    log.time_attribute = f"{verb}_at"
    b.model.audit_entities.append(target.name)
    wants = {w.strip().lower() for w in (m.group(2) or "who, when, which").split(",")}
    b.relate(log.name, target.name, src)
    if any(w.startswith("when") for w in wants):
        b.attribute(log, Attribute(name=f"{verb}_at", kind=Kind.TIMESTAMP, source=src))
    if "who" in wants:
        actor = next((e for e in b.model.entities if e.name in b.lexicon.actor_nouns), None)
        if actor is not None:
            b.relate(log.name, actor.name, src, role=f"{verb}_by")
        else:
            b.attribute(
                log,
                Attribute(
                    name=f"{verb}_by",
                    kind=Kind.IDENTIFIER,
                    source=src,
                    description="the authenticated principal",
                ),
            )
            b.assume(
                f"{log.name}.{verb}_by identifies the principal; the spec describes no user entity.", src
            )
    if verb == "changed":
        b.attribute(
            log, Attribute(name="changes", kind=Kind.JSON, source=src, description="old and new values")
        )
    b.assume(f"{log.name} is an append-only log: the spec says {m.group(0).strip()}.", src)


def _first_entity(b: ModelBuilder, text: str) -> Entity | None:
    for word in re.findall(r"[a-z]+", text.lower()):
        found = b.find(word, exact=True)
        if found is not None:
            return found
    return None
