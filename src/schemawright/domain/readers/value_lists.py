"""Value lists laid out as markdown → enum facts.

Specs often give a value's allowed values a block of their own instead of a sentence:

* a heading that names them (``### Repair statuses``, ``#### Order status values``, ``### Priorities``)
  over a list whose items start with the value (``- `received` — the bike is in the shop``) or a table;
* a table whose first column is the value (``| Status | Meaning |``);
* a sentence ending in a colon ("The status of a repair is one of the following:") over a list.

The thing the values belong to is named with them ("repair statuses", "the status of a repair") or, when
not, left empty for the resolver, which gives them to the nearest thing holding a value of that name.

* a sentence naming a thing's value noun, then the values: "Visit types: routine, callout, follow_up.",
  "Quote status: draft → sent → accepted | declined", "Coat type is one of: smooth, wire, curly".

Rule ids: ``values.heading``, ``values.table``, ``values.following``, ``values.labelled``.
"""

from __future__ import annotations

import re

from schemawright.domain.facts import AttributeFact, Fact, Provenance
from schemawright.domain.model import Kind
from schemawright.domain.naming import singular, snake
from schemawright.domain.readers.hints import prov
from schemawright.spec.document import Block, SpecDocument

_VALUE_NOUNS = r"status(?:es)?|states?|types?|categor(?:y|ies)|priorit(?:y|ies)|levels?|stages?|roles?|kinds?"
_NAMED = rf"^(?:(?P<owner>[a-z][a-z ]{{0,30}}?)\s+)?(?P<noun>{_VALUE_NOUNS})"  # "repair statuses", "status"
_HEADING = re.compile(_NAMED + r"(?:\s+values)?$")
_COLUMN = re.compile(_NAMED + "$")
_FOLLOWING = re.compile(
    rf"\b(?P<noun>{_VALUE_NOUNS})\b(?:\s+of\s+(?:a|an|the|each|every)\s+(?P<owner>[a-z][a-z ]{{0,30}}?))?"
    r"\s+(?:is|are|can be|must be|may be|takes?|has)\b[^.:]*?"
    r"\b(?:following|one of|these|values?|below)\b[^.:]*:\s*$",
    re.IGNORECASE,
)
# "Visit types: routine, callout, follow_up.", "Quote status: draft → sent → accepted | declined",
# "Coat type is one of: smooth, wire, curly": a thing's value noun, then its values up to the sentence end
_LABELLED = re.compile(
    rf"(?:^|(?<=[.;!]\s))(?P<owner>[A-Za-z][a-z]+(?: [a-z]+)?) (?P<noun>{_VALUE_NOUNS})"
    r"(?:\s*:|\s+(?:is|are)\s+(?:one\s+of|either)\s*:?|\s+(?:goes|moves\s+through))\s+(?P<values>[^.;:()]{3,300})",
)
_SEPARATOR = re.compile(r"\s*(?:→|->|,|\||/|\bor\b|\band\b)\s*")
_WORD_VALUE = re.compile(r"[a-z][a-z0-9_-]{0,30}")
_LEAD = re.compile(
    r"^`([^`]{1,40})`|^\*\*([^*]{1,40})\*\*|^([A-Za-z][\w-]*(?: [A-Za-z][\w-]*){0,2})(?=\s*(?:[—–:(]| - |$))"
)


def read(doc: SpecDocument) -> list[Fact]:
    facts: list[Fact] = []
    for k, block in enumerate(doc.blocks):
        if block.kind == "paragraph":
            m = _FOLLOWING.search(block.text)
            if m:
                items = _list_after(doc.blocks, k)
                # cited at the list, so the sentence itself is still read as prose
                line = doc.blocks[k + 1].line if items else 0
                facts.extend(_fact("values.following", block, m["owner"], m["noun"], items, line=line))
        if block.kind in ("paragraph", "bullet"):
            facts.extend(_labelled(block))
        if block.kind == "table" and len(block.rows) >= 3:
            m = _COLUMN.match(_plain(block.rows[0][0]))
            if m:
                values = [_plain(r[0]) for r in block.rows[1:] if r]
                facts.extend(_fact("values.table", block, m["owner"], m["noun"], values))
    for h in doc.headings:
        m = _HEADING.match(h.title)
        if not m:
            continue
        under = [b for b in doc.blocks if b.section and b.section[-1] == h.title and b.line > h.line]
        lists = [b for b in under if b.kind == "bullet" and b.depth == 0]
        values = [v for b in lists if (v := _lead(b.text))]
        if len(values) < 2:
            continue
        facts.extend(_fact("values.heading", lists[0], m["owner"], m["noun"], values, line=h.line))
    return facts


def _labelled(block: Block) -> list[Fact]:
    """Values written after a thing's value noun in one sentence: "Visit types: routine, callout,
    follow_up." The value is named with its owner ("visit_type", "quote_status"): the resolver gives the
    values to whatever holds a value of that name, or else to the owner's own ``status`` (never a new
    thing: "job" may be the spec's word for its ``job_card``)."""
    out: list[Fact] = []
    for m in _LABELLED.finditer(block.text):
        values = [v.strip("`*' ") for v in _SEPARATOR.split(m["values"].strip())]
        values = [v for v in values if v]
        if len(values) < 2 or not all(_WORD_VALUE.fullmatch(v) for v in values):
            continue
        owner, noun = singular(snake(m["owner"])), singular(m["noun"].lower())
        if owner in ("the", "a", "an", "each", "every", "its", "their"):
            continue
        out.append(
            AttributeFact(
                # a prose fact: the sentence is still read by the patterns for everything else it says
                prov=Provenance(rule="values.labelled", line=block.line, text=block.text[:200], priority=75),
                entity="",
                name=f"{owner}_{noun}",
                kind=Kind.ENUM,
                enum_values=values,
            )
        )
    return out


def _list_after(blocks: list[Block], k: int) -> list[str]:
    """The lead values of the list right after block ``k``."""
    out: list[str] = []
    end = blocks[k].end_line
    for b in blocks[k + 1 :]:
        if b.kind != "bullet" or b.line > end + 2:
            break
        if b.depth == 0:
            value = _lead(b.text)
            if not value:
                return []
            out.append(value)
        end = b.end_line
    return out


def _lead(text: str) -> str:
    """The value an item starts with: "`received` — …", "**Done**: …", "In progress" alone."""
    m = _LEAD.match(text.strip())
    return next((g for g in m.groups() if g), "") if m else ""


def _plain(cell: str) -> str:
    return cell.strip().strip("`*").strip().lower()


def _fact(
    rule: str, block: Block, owner: str | None, noun: str, values: list[str], line: int = 0
) -> list[Fact]:
    names = [snake(v) for v in values if v]
    if len(names) < 2 or len(set(names)) < len(names) or any(len(n.split("_")) > 3 for n in names):
        return []
    entity = singular(snake(owner)) if owner else ""
    return [
        AttributeFact(
            prov=prov(rule, line or block.line, block.text),
            entity=entity,
            name=singular(noun.lower()),
            kind=Kind.ENUM,
            enum_values=names,
        )
    ]
