"""BMAD architecture data models → facts.

A model is a heading (``### Invoice``, ``#### Model: Invoice``) or a bold line (``**Invoice**``) followed by
``**Purpose:**``, ``**Key Attributes:**`` and ``**Relationships:**`` parts:

* ``- name: type - description`` (also `` `clientId`: number - Foreign key to Client ``,
  ``name (type): description``): an attribute with its declared type; "unique" / "unique per X",
  "optional" / "nullable", "default 14", "(draft, sent, paid)" / "one of …", "at most 1440" in the
  description become the matching fields;
* a field that points at another model ("Foreign key to X", "references X", "FK to X", or ``xId`` /
  ``x_id`` naming a declared model, or a type that is a model's name) is a link (``via`` = the field);
* relationship bullets: "Has many Invoices", "Belongs to one Client", "Has one Profile",
  "Many-to-many with Tags via PostTag", "One-to-many with X", several per bullet ("Belongs to one
  Freelancer; has many Projects and Invoices").

Rule ids: ``bmad.model``, ``bmad.key_attribute``, ``bmad.fk``, ``bmad.unique``, ``bmad.relationship``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schemawright.domain.facts import AttributeFact, EntityFact, Fact, RelationshipFact, UniqueFact
from schemawright.domain.model import Cardinality, Kind
from schemawright.domain.readers.hints import (
    Known,
    bounds_hint,
    clean_entity_title,
    declared_names,
    default_hint,
    enum_hint,
    id_base,
    link_target,
    nullable_type,
    on_delete_hint,
    primary_key_hint,
    prov,
    raw_line,
    refers_to,
    required_hint,
    split_values,
    unique_hint,
)
from schemawright.spec.document import Block, SpecDocument

_TYPE_WORDS = frozenset(
    [
        "string",
        "str",
        "text",
        "varchar",
        "char",
        "character",
        "nvarchar",
        "citext",
        "number",
        "numeric",
        "integer",
        "int",
        "int4",
        "int8",
        "bigint",
        "smallint",
        "tinyint",
        "mediumint",
        "serial",
        "bigserial",
        "float",
        "double",
        "real",
        "decimal",
        "money",
        "boolean",
        "bool",
        "bit",
        "date",
        "datetime",
        "datetime2",
        "timestamp",
        "timestamptz",
        "time",
        "timetz",
        "interval",
        "uuid",
        "guid",
        "json",
        "jsonb",
        "object",
        "array",
        "enum",
        "binary",
        "varbinary",
        "blob",
        "bytea",
        "bytes",
        "byte",
        "email",
        "url",
        "uri",
        "objectid",
        "id",
        "date-time",
        "long",
        "short",
        "list",
        "map",
        "record",
        "point",
        "geography",
        "geometry",
        "inet",
        "cidr",
        "ipaddress",
    ]
)
_MARKER = re.compile(
    r"(?:^|\s)((?:key\s+)?attributes|fields|properties|relationships|relations|purpose)\s*:", re.I
)


@dataclass
class KeyAttribute:
    name: str
    declared: str
    description: str


_LEADING_NAME = re.compile(
    r"^`?([A-Za-z_][\w.]*(?: [A-Za-z_]\w*){0,2})`?\s*(?:\(([^()]{1,40})\))?\s*(?:[:—–]|\s-\s)\s*(.*)$"
)
_DASH = re.compile(r"\s+[-—–]\s+|\s+[-—–]$")


def is_type(text: str, known: Known | None = None) -> bool:
    """``string``, ``decimal(10,2)``, ``BINARY(16)``, ``string[]``, ``Array<Tag>``, ``'a' | 'b'``, or a
    model's name."""
    t = text.strip()
    if not t:
        return False
    if "|" in t and all(p.strip() for p in t.split("|")):
        return True
    m = re.fullmatch(
        r"([A-Za-z][\w-]*)\s*(?:\(\s*\d+(?:\s*,\s*\d+)?\s*\))?\s*(\[\])?(?:\s*(?:,\s*)?(?:nullable|optional|unique))?",
        t,
    )
    if m:
        word = m.group(1)
        return word.lower() in _TYPE_WORDS or (
            known is not None and word[0].isupper() and known.find(word) is not None
        )
    m = re.fullmatch(r"(?:Array|List|Set)\s*<\s*(\w+)\s*>", t)
    return bool(m)


def parse_key_attribute(text: str, known: Known | None = None) -> KeyAttribute | None:
    """``name: type - description`` / ``name (type): description`` / ``name: description``."""
    m = _LEADING_NAME.match(text.strip())
    if not m:
        words = text.strip().split()
        if len(words) == 1 and re.fullmatch(r"`?[A-Za-z_]\w*`?", words[0]):
            return KeyAttribute(words[0].strip("`"), "", "")
        return None
    name, paren_type, rest = m.group(1), (m.group(2) or "").strip(), m.group(3).strip()
    if paren_type and is_type(paren_type, known):
        return KeyAttribute(name, paren_type, rest)
    parts = _DASH.split(rest, maxsplit=1)
    head = parts[0].strip()
    description = parts[1].strip() if len(parts) > 1 else ""
    if is_type(head, known):
        return KeyAttribute(name, head, description)
    first = re.match(r"^([A-Za-z][\w-]*(?:\(\s*\d+(?:\s*,\s*\d+)?\s*\))?(?:\[\])?)\s*[,;(]\s*(.*)$", rest)
    if first and is_type(first.group(1), known):
        return KeyAttribute(name, first.group(1), first.group(2).rstrip(")").strip())
    if re.fullmatch(r"(?:yes or no|true or false|yes/no|a flag)", rest, re.I):
        return KeyAttribute(name, "boolean", "")
    return KeyAttribute(name, "", rest)


def attribute_facts(
    entity: str,
    attr: KeyAttribute,
    known: Known,
    line: int,
    text: str,
    rule: str,
    fk_rule: str,
    unique_rule: str,
) -> list[Fact]:
    """Facts of one key attribute: a link when it points at another model, else an attribute."""
    notes = attr.description
    declared = attr.declared
    required = required_hint(notes)
    if declared.endswith("?"):
        declared, required = declared[:-1], False
    array = re.fullmatch(r"(\w+)\[\]|(?:Array|List|Set)\s*<\s*(\w+)\s*>", declared)
    element = (array.group(1) or array.group(2)) if array else ""
    type_target = known.find(declared) if declared and declared[0].isupper() and not array else None
    target = type_target or link_target(attr.name, notes, known)
    base = id_base(attr.name)
    if element and known.find(element) is not None:
        return [
            RelationshipFact(
                child=entity,
                parent=known.find(element) or element,
                via=attr.name,
                cardinality=Cardinality.MANY_TO_MANY,
                prov=prov(fk_rule, line, text),
            )
        ]
    if target is not None and base is not None and base[1]:
        return [
            RelationshipFact(
                child=entity,
                parent=target,
                via=attr.name,
                cardinality=Cardinality.MANY_TO_MANY,
                prov=prov(fk_rule, line, text),
            )
        ]
    if target is not None:
        return [
            RelationshipFact(
                child=entity,
                parent=target,
                via=attr.name,
                required=required,
                on_delete=on_delete_hint(notes),
                prov=prov(fk_rule, line, text),
            )
        ]
    values = enum_hint(notes)
    kind: Kind | None = None
    if nullable_type(declared):  # "date | null": an optional date
        declared, required = nullable_type(declared) or declared, False if required is None else required
    elif "|" in declared:
        values = values or split_values(declared)
        declared = "enum"
    elif declared.lower() == "enum" and not values and notes:
        listed = "|" in notes or "," in notes or re.search(r"\bor\b", notes)
        values = split_values(notes.split(";")[0].split(" - ")[0]) if listed else []
        values = [v for v in values if re.fullmatch(r"[\w-]{1,40}", v)]
    if values:
        kind = Kind.ENUM
    unique, scope = unique_hint(notes)
    bounds = bounds_hint(notes)
    facts: list[Fact] = [
        AttributeFact(
            entity=entity,
            name=attr.name,
            refers_to=refers_to(attr.name),
            kind=kind,
            declared_type=declared or None,
            required=required,
            unique=unique,
            primary_key=attr.name.lower() == "id" or primary_key_hint(notes),
            enum_values=values,
            minimum=bounds.minimum,
            maximum=bounds.maximum,
            max_length=bounds.max_length,
            default=default_hint(notes),
            description=notes,
            prov=prov(rule, line, text),
        )
    ]
    if scope:
        facts.append(
            UniqueFact(entity=entity, attributes=[attr.name, *scope], prov=prov(unique_rule, line, text))
        )
    return facts


# -- relationship phrases --------------------------------------------------------------------------

_QUANT = (
    r"(?:(?:zero|one|0|1)\s+or\s+(?:more|many|one)\s+|many\s+|multiple\s+|several\s+|one\s+|an?\s+|the\s+|"
    r"exactly\s+one\s+|at\s+most\s+one\s+|at\s+least\s+one\s+|any\s+number\s+of\s+|(?:a\s+)?single\s+|0\.\.\*\s+|"
    r"1\.\.\*\s+|0\.\.1\s+)?"
)
_MANY = r"(?:many|several|multiple|any\s+number\s+of|(?:zero|one|0|1)\s+or\s+more)\s+"
_PHRASES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"^many[\s-]to[\s-]many\s+(?:relationship\s+)?(?:with|between\s+\w+\s+and)\s+(.+)$", re.I),
        "m2m",
    ),
    (  # "referenced by many Order Lines": they point at this one
        re.compile(
            r"^(?:is\s+|are\s+|can\s+be\s+)?(?:referenced|used|cited)\s+by\s+" + _MANY + r"(.+)$", re.I
        ),
        "has_many",
    ),
    (  # "watched by many Users": many on both sides
        re.compile(r"^(?:is\s+|are\s+|can\s+be\s+)?[a-z]+ed\s+by\s+" + _MANY + r"(.+)$", re.I),
        "m2m",
    ),
    (re.compile(r"^one[\s-]to[\s-]many\s+(?:relationship\s+)?(?:with|to)\s+(.+)$", re.I), "has_many"),
    (re.compile(r"^many[\s-]to[\s-]one\s+(?:relationship\s+)?(?:with|to)\s+(.+)$", re.I), "belongs"),
    (re.compile(r"^one[\s-]to[\s-]one\s+(?:relationship\s+)?(?:with|to)\s+(.+)$", re.I), "one_one"),
    (re.compile(r"^(?:optionally\s+|may\s+)belongs?\s+to\s+" + _QUANT + r"(.+)$", re.I), "belongs_optional"),
    (
        re.compile(
            r"^(?:belongs?\s+to|is\s+owned\s+by|owned\s+by|is\s+part\s+of|part\s+of|references?|"
            r"(?:refers?|points?)\s+(?:to|at)|(?:is\s+)?(?!used\b)[a-z]+ed\s+by|"
            r"linked\s+to\s+(?:one|a|an|exactly one)|child\s+of|assigned\s+to)\s+" + _QUANT + r"(.+)$",
            re.I,
        ),
        "belongs",
    ),
    (
        re.compile(
            r"^(?:has|have|contains?|owns?|includes?)\s+(?:zero\s+or\s+one|an?\s+optional|at\s+most\s+one|0\.\.1)\s+(.+)$",
            re.I,
        ),
        "has_one_optional",
    ),
    (
        re.compile(
            r"^(?:has|have|contains?|owns?|includes?)\s+(?:many|multiple|several|zero\s+or\s+more|one\s+or\s+more|"
            r"0\.\.\*|1\.\.\*|any\s+number\s+of)\s+(.+)$",
            re.I,
        ),
        "has_many",
    ),
    (re.compile(r"^(?:has|have)\s+(?:one|a|an|exactly\s+one|a\s+single)\s+(.+)$", re.I), "has_one"),
]
_THROUGH = re.compile(
    r"\s*\(?\s*(?:via|through|using|by way of)\s+`?([A-Za-z_][\w ]{0,40}?)`?\s*\)?\s*$", re.I
)
_VIA_FIELD = re.compile(
    r"\s*\(\s*(?:via|through|using|on)\s+`?([a-z_]\w*)`?\s*\)\s*$|\s*\(\s*`?([a-z]\w*(?:Id|_id))`?\s*\)\s*$"
)
_QUANT_PREFIX = re.compile(r"^" + _QUANT, re.I)


def _targets(text: str, known: Known) -> list[tuple[str, str]]:
    """``many Clients and many Invoices`` → [("Clients", ""), ("Invoices", "")]; keeps ``(via x)``."""
    out: list[tuple[str, str]] = []
    for part in re.split(r"\s*(?:,|\band\b|\s&\s)\s*", text):
        part = part.strip().rstrip(".")
        via = ""
        m = _VIA_FIELD.search(part)
        if m:
            via = m.group(1) or m.group(2)
            part = part[: m.start()]
        part = re.sub(r"\s*\([^()]*\)\s*$", "", part)
        part = _QUANT_PREFIX.sub("", part).strip(" `*")
        words = part.split()
        if not words or len(words) > 3:
            continue
        if known.find(part) is None and not (words[0][0].isupper() or len(words) == 1):
            continue
        if any(
            w.lower() in ("each", "every", "which", "that", "who", "when", "if", "with", "for") for w in words
        ):
            continue
        out.append((known.find(part) or part, via))
    return out


def relationship_facts(
    entity: str, text: str, known: Known, line: int, rule: str, line_text: str
) -> tuple[list[Fact], list[str]]:
    """Facts of a relationship bullet; several clauses may share it ("Belongs to one X; has many Y").
    Also returns the clauses in no recognised form, for the prose stage to read."""
    facts: list[Fact] = []
    unread: list[str] = []
    for clause in re.split(
        r"\s*(?:;|\.\s|\.$|,\s*(?=(?:and\s+)?(?:has|have|belongs|many-to|one-to|is\s)))\s*", text
    ):
        clause = re.sub(r"^(?:and|also|it)\s+", "", clause.strip(), flags=re.I)
        clause = re.sub(
            r"^(?:an?|the|each|every|one)\s+" + re.escape(entity) + r"s?\s+", "", clause, flags=re.I
        )
        if not clause:
            continue
        before = len(facts)
        for pattern, kind in _PHRASES:
            m = pattern.match(clause)
            if not m:
                continue
            body = m.group(1)
            through = ""
            if kind == "m2m" and (t := _THROUGH.search(body)):
                through, body = t.group(1).strip(), body[: t.start()]
            p = prov(rule, line, line_text)
            for target, via in _targets(body, known):
                if kind == "m2m":
                    facts.append(
                        RelationshipFact(
                            child=entity,
                            parent=target,
                            cardinality=Cardinality.MANY_TO_MANY,
                            through=through,
                            prov=p,
                        )
                    )
                elif kind == "has_many":
                    facts.append(RelationshipFact(child=target, parent=entity, via=via, prov=p))
                elif kind in ("belongs", "belongs_optional"):
                    facts.append(
                        RelationshipFact(
                            child=entity, parent=target, via=via, required=kind == "belongs", prov=p
                        )
                    )
                elif kind == "one_one":
                    facts.append(
                        RelationshipFact(
                            child=entity, parent=target, via=via, cardinality=Cardinality.ONE_TO_ONE, prov=p
                        )
                    )
                else:
                    facts.append(
                        RelationshipFact(
                            child=target,
                            parent=entity,
                            via=via,
                            cardinality=Cardinality.ONE_TO_ONE,
                            required=None if kind == "has_one" else False,
                            prov=p,
                        )
                    )
            break
        if len(facts) == before:
            unread.append(clause)
    return facts, unread


# -- reader ----------------------------------------------------------------------------------------


def bmad_sections(doc: SpecDocument) -> set[tuple[str, ...]]:
    """Sections holding a BMAD model (a ``Key Attributes:`` or ``Purpose:`` paragraph)."""
    return {
        tuple(b.section)
        for b in doc.blocks
        if b.kind == "paragraph"
        and re.match(r"^(?:purpose|key attributes|attributes|fields)\s*:", b.text, re.I)
    }


def _bold_name(doc: SpecDocument, block: Block) -> str:
    raw = raw_line(doc, block.line).strip()
    m = re.fullmatch(r"(?:\*\*|__)\s*(?:model\s*:\s*)?`?([A-Za-z][\w ]{0,40}?)`?\s*(?:\*\*|__)", raw, re.I)
    if (
        m
        and block.line == block.end_line
        and not re.match(r"^(?:purpose|key attributes|attributes|relationships|fields)\b", m.group(1), re.I)
    ):
        return m.group(1).strip()
    return ""


def read(doc: SpecDocument) -> list[Fact]:
    known = declared_names(doc)
    models = _models(doc)
    for name, _line, _blocks in models:
        known.add(name)
    facts: list[Fact] = []
    for name, line, blocks in models:
        purpose = ""
        body: list[Fact] = []
        rest: list[str] = []  # relationship clauses for the prose stage
        mode = ""
        for block in blocks:
            if block.kind == "paragraph":
                for marker, content in _split_markers(block.text):
                    mode = marker
                    if marker == "purpose":
                        purpose = (purpose + " " + content).strip()
                        mode = ""
                continue
            if block.kind != "bullet" or not mode:
                continue
            # "- total: money" directly followed by "**Relationships:**" is one lazily continued bullet.
            text, next_mode = block.text, mode
            m = _MARKER.search(block.text)
            if m and m.start() > 0 and not m.group(0).strip().lower().startswith("purpose"):
                text = block.text[: m.start()].strip()
                next_mode = _mode(m.group(1))
            line_text = raw_line(doc, block.line)
            if mode == "attr":
                attr = parse_key_attribute(text, known)
                if attr is not None:
                    body.extend(
                        attribute_facts(
                            name,
                            attr,
                            known,
                            block.line,
                            line_text,
                            "bmad.key_attribute",
                            "bmad.fk",
                            "bmad.unique",
                        )
                    )
            elif mode == "rel":
                found, unread = relationship_facts(
                    name, text, known, block.line, "bmad.relationship", line_text
                )
                body.extend(found)
                rest.extend(unread)
            mode = next_mode
        description = " ".join([purpose, *(f"{r}." for r in rest)]).strip()
        facts.append(
            EntityFact(name=name, description=description, prov=prov("bmad.model", line, raw_line(doc, line)))
        )
        facts.extend(body)
    return facts


def _mode(marker: str) -> str:
    low = marker.lower()
    if low.startswith("relation"):
        return "rel"
    if low == "purpose":
        return "purpose"
    return "attr"


def _split_markers(text: str) -> list[tuple[str, str]]:
    """ "Purpose: x Key Attributes:" → [("purpose", "x"), ("attr", "")]."""
    matches = list(_MARKER.finditer(text))
    out: list[tuple[str, str]] = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        out.append((_mode(m.group(1)), text[m.end() : end].strip()))
    return out


def _models(doc: SpecDocument) -> list[tuple[str, int, list[Block]]]:
    """(model name, line, blocks) per model: blocks from its heading or bold line to the next one."""
    marked = bmad_sections(doc)
    models: list[tuple[str, int, list[Block]]] = []
    current: tuple[str, int, list[Block]] | None = None
    current_section: tuple[str, ...] = ()
    for block in doc.blocks:
        section = tuple(block.section)
        bold = _bold_name(doc, block) if block.kind == "paragraph" else ""
        if bold:
            current = (bold, block.line, [])
            models.append(current)
            current_section = section
            continue
        if section != current_section:
            current = None
            current_section = section
            if section in marked and section:
                heading = next((h for h in reversed(doc.headings) if h.line <= block.line), None)
                if heading is not None and heading.title == section[-1]:
                    name = clean_entity_title(heading.raw)
                    if name:
                        current = (name, heading.line, [])
                        models.append(current)
        if current is not None:
            current[2].append(block)
    return [
        m
        for m in models
        if any(
            b.kind == "paragraph" and _MARKER.search(b.text) and not b.text.lower().startswith("purpose")
            for b in m[2]
        )
        or any(b.kind == "paragraph" and b.text.lower().startswith("purpose") for b in m[2])
    ]
