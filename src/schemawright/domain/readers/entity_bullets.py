"""Entity bullets → facts: spec-kit ``Key Entities``, Kiro ``Glossary`` and "Data Models" / "Domain model" /
"Entities" / "Data requirements" / "Data & State" lists.

``- **Name**: definition`` (or ``Name — definition``) declares an entity whose description is the
definition; the prose stage reads that description with the entity as its implicit subject, so no English
is parsed here beyond explicit structure:

* "Attributes: a, b, c" / "Key attributes: …" / "Fields: …" inside the definition, and nested
  ``Attributes:`` sub-bullets (a list, or one ``name: type - note`` per sub-bullet) → attributes;
* nested ``Relationships:`` sub-bullets ("belongs to one X", "has many Y") → relationships;
* other nested sub-bullets are appended to the entity's description.

Headings are matched with :func:`~schemawright.domain.readers.sections.section_matches`, so "Key Entites"
and "Glosary" count. Glossary terms that are roles or systems ("System", "User") are still emitted: the
resolver decides. BMAD model sections are left to :mod:`~schemawright.domain.readers.bmad`.

Rule ids: ``speckit.key_entity``, ``kiro.glossary``, ``entities.bullet``, ``<prefix>.attribute_list``,
``<prefix>.attribute``, ``<prefix>.fk``, ``<prefix>.relationship`` (prefix = one of the first three).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from schemawright.domain.facts import AttributeFact, EntityFact, Evidence, Fact, RelationshipFact
from schemawright.domain.model import Kind
from schemawright.domain.naming import flag_field, snake
from schemawright.domain.readers.bmad import (
    KeyAttribute,
    attribute_facts,
    bmad_sections,
    is_type,
    parse_key_attribute,
    relationship_facts,
)
from schemawright.domain.readers.hints import (
    Known,
    declared_names,
    enum_hint,
    key,
    prov,
    raw_line,
    required_hint,
    split_top,
    unique_hint,
)
from schemawright.domain.readers.sections import section_matches
from schemawright.domain.sanity import check_name
from schemawright.spec.document import Block, SpecDocument

KEY_ENTITIES = ("key entities", "key entity")
GLOSSARY = ("glossary", "terminology", "definitions", "terms")
DATA_SECTIONS = (
    "data models",
    "data model",
    "domain model",
    "domain models",
    "entities",
    "data requirements",
    "data & state",
    "data and state",
    "data entities",
)

_TERM = re.compile(r"^([A-Za-z][\w'’ /&().-]{0,60}?)\s*(?::|\s[—–-]\s)\s*(.*)$", re.S)
_LIST = re.compile(
    r"\b(?:key\s+)?(?:attributes|fields|properties|columns)\s*(?:include|are|:)\s*:?\s*([^.;]+)", re.I
)
_SUB_MARKER = re.compile(
    r"^(?:key\s+)?(attributes|fields|properties|columns|relationships|relations)\s*:\s*(.*)$", re.I
)


@dataclass
class _Pending:
    name: str
    line: int
    text: str
    evidence: Evidence
    rule: str
    description: str
    sub: list[Block] = field(default_factory=list)


def _prefix(block: Block) -> tuple[str, Evidence] | None:
    if section_matches(block, *KEY_ENTITIES):
        return "speckit.key_entity", "declared"
    if section_matches(block, *GLOSSARY):
        return "kiro.glossary", "glossary"
    if section_matches(block, *DATA_SECTIONS):
        return "entities.bullet", "declared"
    return None


def _term(doc: SpecDocument, block: Block) -> tuple[str, str] | None:
    """(name, definition) of ``- **Name**: definition``; a plain ``Name: definition`` must be short and
    capitalised."""
    m = _TERM.match(block.text)
    if not m:
        return None
    name, definition = m.group(1).strip(), m.group(2).strip()
    raw = raw_line(doc, block.line)
    bold = bool(re.match(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*|__|`|\*)", raw))
    name = re.sub(r"\s*\([^()]*\)\s*$", "", name).strip()  # "Order (purchase)": the alias goes
    name = name.split(" / ")[0].split("/")[0].strip() if "/" in name and len(name.split()) <= 4 else name
    words = name.split()
    if not words or len(words) > 5:
        return None
    if not bold and (len(words) > 4 or not name[0].isupper()):
        return None
    if re.match(r"^(?:FR|NFR|SC|US|AC|REQ|R)-?\d", name):
        return None
    if _THE_SYSTEM.match(definition):
        return (
            None  # "**Bulky_Waste_Service**: the system described here": the software, not a thing it keeps
        )
    return name, definition


_THE_SYSTEM = re.compile(
    r"^(?:the|this|our)\s+(?:(?!(?:a|an|the|one|each)\s)[\w'’-]+\s+){0,4}?"
    r"(?:system|software|application|app|platform)\b(?!\s+(?:of|for)\b)",
    re.I,
)


def read(doc: SpecDocument) -> list[Fact]:
    known = declared_names(doc)
    skip = bmad_sections(doc)
    pending: list[_Pending] = []
    current: _Pending | None = None
    for block in doc.blocks:
        if block.kind != "bullet" or tuple(block.section) in skip:
            if block.kind != "bullet":
                current = (
                    None if block.kind in ("paragraph", "table", "code") and block.depth == 0 else current
                )
            continue
        kind = _prefix(block)
        if kind is None:
            current = None
            continue
        if block.depth == 0:
            term = _term(doc, block)
            current = None
            if term is None:
                continue
            current = _Pending(term[0], block.line, raw_line(doc, block.line), kind[1], kind[0], term[1])
            pending.append(current)
            known.add(term[0])
        elif current is not None:
            current.sub.append(block)
    facts: list[Fact] = []
    for item in pending:
        facts.extend(_facts(doc, item, known))
    return facts


def _facts(doc: SpecDocument, item: _Pending, known: Known) -> list[Fact]:
    prefix = item.rule.split(".")[0] if item.rule != "entities.bullet" else "entities"
    body: list[Fact] = []
    extra: list[str] = []
    # "Attributes: a, b, c" inside the definition.
    m = _LIST.search(item.description)
    if m:
        body.extend(_list_facts(item.name, m.group(1), known, item.line, item.text, prefix))
    else:
        # "Driver: phone (unique), full name, national ID number, …" — a bare list is the attribute list;
        # the rest of the description ("belongs to one driver; …") stays prose
        segments = split_top(item.description, ";—–")
        kept: list[str] = []
        for k, segment in enumerate(segments):
            # "…; email (unique) and display name. Authentication is handled elsewhere.": the list ends
            # at its sentence
            head, _, tail = segment.partition(". ") if k else (segment, "", "")
            if _value_list(head, item.text, after_description=k > 0, pair_only=bool(tail)):
                body.extend(_list_facts(item.name, head, known, item.line, item.text, prefix))
                kept.append(tail.strip())
            else:
                kept.append(segment.strip())
        if kept != [s.strip() for s in segments]:
            item.description = "; ".join(k for k in kept if k)
    mode = ""
    for sub in item.sub:
        text = sub.text.strip()
        line_text = raw_line(doc, sub.line)
        marker = _SUB_MARKER.match(text)
        if marker:
            mode = "rel" if marker.group(1).lower().startswith("relation") else "attr"
            rest = marker.group(2).strip()
            if rest and mode == "attr":
                body.extend(_list_facts(item.name, rest, known, sub.line, line_text, prefix))
            elif rest:
                found, unread = relationship_facts(
                    item.name, rest, known, sub.line, f"{prefix}.relationship", line_text
                )
                body.extend(found)
                extra.extend(unread)
            continue
        if mode == "rel":
            found, unread = relationship_facts(
                item.name, text, known, sub.line, f"{prefix}.relationship", line_text
            )
            body.extend(found)
            extra.extend(unread)
            continue
        attr = parse_key_attribute(text, known)
        if attr is not None and (mode == "attr" or attr.declared or _single_identifier(text)):
            body.extend(
                attribute_facts(
                    item.name,
                    attr,
                    known,
                    sub.line,
                    line_text,
                    f"{prefix}.attribute",
                    f"{prefix}.fk",
                    f"{prefix}.unique",
                )
            )
            continue
        extra.append(text)
    description = " ".join([item.description, *(e if e.endswith(".") else e + "." for e in extra)]).strip()
    entity = EntityFact(
        name=item.name,
        description=description,
        evidence=item.evidence,
        prov=prov(item.rule, item.line, item.text),
    )
    return [entity, *body]


def _items(text: str) -> list[str]:
    """The items of a list: split on commas and semicolons and on "and", never inside parentheses."""
    return [
        i.strip(" .")
        for part in split_top(text, ",;")
        for i in re.split(r"\s+and\s+(?![^(]*\))", part)
        if i.strip(" .")
    ]


def _value_list(segment: str, raw: str, after_description: bool = False, pair_only: bool = False) -> bool:
    """Three or more bare noun phrases and nothing else: "plate (unique), make, model, colour". Not a
    description ("a named competence, shared by postings and candidates") nor a clause ("has Skills, …").
    After a description ("a person who signs in; email (unique) and display name") two are a list too,
    unless one is a state ("draft and published"); before a sentence break (``pair_only``) only two are."""
    items = _items(re.sub(r"\([^()]*\)", "", segment))
    pair = len(items) == 2 and not any(i.split()[-1].endswith(("ed", "ly")) for i in items)
    return (
        ((len(items) >= 3 and not pair_only) or (pair and after_description))
        and sum(f"`{i}`" in raw for i in items) < 2  # "`dirty`, `clean`, `inspected`": values, not fields
        and items[0].split()[0].lower() not in _CLAUSE_STARTS
        and all(
            0 < len(i.split()) <= 4
            and i.split()[0].lower() not in ("a", "an", "the")
            and " by " not in f" {i} "
            for i in items
        )
        # a hyphenated modifier is one word ("on-air name"): its parts are no function words
        and all(check_name(snake(i.replace("-", ""))) is None for i in items)
    )


_CLAUSE_STARTS = ("has", "have", "is", "are", "belongs", "contains", "holds", "includes", "links", "records")


def _single_identifier(text: str) -> bool:
    return bool(
        re.fullmatch(r"`?[a-z][a-z0-9]*(?:_[a-z0-9]+)*`?|`?[a-z]+(?:[A-Z][a-z0-9]*)+`?", text.strip())
    )


def _list_facts(entity: str, text: str, known: Known, line: int, line_text: str, prefix: str) -> list[Fact]:
    """ "email (unique), display name, status (draft, live)" → one attribute per item."""
    facts: list[Fact] = []
    for item in _items(text):
        item = re.sub(r"^(?:and|or|an?|the)\s+", "", item.strip(), flags=re.I).strip(" .`")
        m = re.match(
            r"^([A-Za-z_][\w-]*(?: [A-Za-z_][\w-]*){0,3}?)\s*(?:\(([^()]*)\))?\s*(?::\s*(.*))?$", item
        )
        if not m:
            continue
        name, notes, typed = m.group(1), (m.group(2) or "").strip(), (m.group(3) or "").strip()
        if len(name.split()) > 3:
            continue
        if typed or (notes and is_type(notes, known)):
            declared = typed if typed and is_type(typed, known) else (notes if is_type(notes, known) else "")
            attr = KeyAttribute(name, declared, "" if declared == notes else notes)
            facts.extend(
                attribute_facts(
                    entity,
                    attr,
                    known,
                    line,
                    line_text,
                    f"{prefix}.attribute_list",
                    f"{prefix}.fk",
                    f"{prefix}.unique",
                )
            )
            continue
        target = known.find(name)
        if target is not None and key(target) != key(entity):
            # "Location ping: driver, ride (if on a trip), time": a listed entity is a reference to it
            optional = bool(re.search(r"\b(?:if|optional|empty|unless|until|may)\b", notes, re.I))
            facts.append(
                RelationshipFact(
                    child=entity,
                    parent=target,
                    required=False if optional else None,
                    prov=prov(f"{prefix}.reference", line, line_text),
                )
            )
            continue
        values = enum_hint(f"({notes})") if notes else []
        linked = attribute_facts(
            entity,
            KeyAttribute(name, "", notes),
            known,
            line,
            line_text,
            f"{prefix}.attribute_list",
            f"{prefix}.fk",
            f"{prefix}.unique",
        )
        if linked and not isinstance(linked[0], AttributeFact):
            facts.extend(linked)
            continue
        unique, _scope = unique_hint(notes)
        flagged = flag_field(name)  # "active flag": a yes/no value named by what it says
        facts.append(
            AttributeFact(
                entity=entity,
                name=flagged or name,
                unique=unique,
                required=required_hint(notes),
                enum_values=values,
                kind=Kind.ENUM if values else (Kind.BOOLEAN if flagged else None),
                description=notes,
                prov=prov(f"{prefix}.attribute_list", line, line_text),
            )
        )
    return facts
