"""People in roles: "each mentor is also an employee", "a mentorship pairs one mentor with one mentee",
"an employee has at most one active mentorship as a mentee".

A role noun stands for the entity it is declared to be; a link through it keeps the role's name
(``mentor_id`` → employee), so two links to the same entity stay apart.
"""

from __future__ import annotations

import re

from schemawright.domain.builder import ModelBuilder
from schemawright.domain.describe import describe
from schemawright.domain.events import open_condition
from schemawright.domain.model import Entity, Source

_ALSO = re.compile(r"^(?:each|every|an?|the)\s+([a-z]+)\s+is\s+also\s+(?:an?|the)\s+([a-z ]+?)$", re.I)
_PAIRS = re.compile(
    r"^(?:an?|the|each|every)\s+([a-z][a-z ]*?)\s+(?:pairs|links|connects|matches|joins|couples)\s+"
    r"(?:one|an?)\s+"
    r"([a-z]+)\s+(?:with|and|to)\s+(?:one|an?)\s+([a-z]+)\s*(?::\s*(.+))?$",
    re.I,
)
_AT_MOST_ONE_AS = re.compile(
    r"\b(?:an?|each|every)\s+([a-z]+)\s+(?:has|can have|may have)\s+at most one\s+"
    r"(active|open|current|ongoing)\s+"
    r"([a-z]+)\s+as\s+(?:an?|the)\s+([a-z]+)",
    re.I,
)


def roles(b: ModelBuilder, sentence: str, src: Source) -> None:
    text = sentence.rstrip(". ")
    for part in re.split(r"[;.]\s+", text):
        m = _ALSO.match(part.strip())
        if m:
            target = b.find(m.group(2), exact=True)
            if target is not None and b.canonical(m.group(1)) != target.name:
                b.role_aliases[b.canonical(m.group(1))] = target.name
    m = _PAIRS.match(text)
    if m:
        _pairs(b, m, src)
    m = _AT_MOST_ONE_AS.search(text)
    if m:
        rows, role = b.find(m.group(3), exact=True), b.canonical(m.group(4))
        if rows is not None and any(r.child == rows.name and r.role == role for r in b.model.relationships):
            b.unique(rows.name, [role], src, where=open_condition(b, rows, m.group(2).lower(), src))


def _pairs(b: ModelBuilder, m: re.Match[str], src: Source) -> None:
    subject = b.find(m.group(1), exact=True) or b.entity(m.group(1), src)
    if subject is None:
        return
    first, second = b.canonical(m.group(2)), b.canonical(m.group(3))
    one, other = _resolve(b, first), _resolve(b, second)
    if one is None and other is None:
        return
    if other is None:
        other = one
        b.assume(f"{second} is taken to be a {one.name} like {first}, its counterpart.", src)  # type: ignore[union-attr]
    if one is None:
        one = other
        b.assume(f"{first} is taken to be a {other.name} like {second}, its counterpart.", src)  # type: ignore[union-attr]
    for role, target in ((first, one), (second, other)):
        assert target is not None
        b.relate(subject.name, target.name, src, role="" if role == target.name else role)
    if m.group(4):
        describe(b, subject, "with " + m.group(4), src)


def _resolve(b: ModelBuilder, noun: str) -> Entity | None:
    if noun in b.role_aliases:
        return b.model.entity(b.role_aliases[noun])
    return b.find(noun, exact=True)
