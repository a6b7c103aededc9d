"""Shared pieces of the structured readers (TypeScript, JSON Schema, field tables, BMAD, entity bullets).

* :func:`prov`: a structured :class:`Provenance`.
* :class:`Known`: the entity names a document declares, matched loosely (case, plural, ``_``), so that a
  field ``clientId`` or a note "FK to clients" finds ``Client``.
* Note readers: :func:`fk_target`, :func:`required_hint`, :func:`unique_hint`, :func:`enum_hint`,
  :func:`default_hint`, :func:`bounds_hint`, :func:`on_delete_hint`, read the short notes that accompany a
  field ("Foreign key → User.id, optional", "unique per freelancer", "one of: a, b, c", "default 0").
* :func:`declared_names`: a light scan of every structured declaration in a document.

Every pattern here is anchored on literal words and uses bounded, non-nested repetition, so matching is
linear in the text length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from schemawright.domain.facts import Provenance, RelationshipFact
from schemawright.domain.model import Cardinality
from schemawright.domain.naming import singular, snake
from schemawright.domain.readers.sections import section_matches
from schemawright.spec.document import Block, SpecDocument

OnDelete = Literal["cascade", "restrict", "set_null", "no_action"]

WEAK = -10  # priority of hints (JSON bodies): below any explicit declaration


def prov(rule: str, line: int, text: str, priority: int = 0) -> Provenance:
    return Provenance(rule=rule, line=line, text=text.strip()[:200], origin="structured", priority=priority)


def key(name: str) -> str:
    """Loose identity of a name: ``Order Items`` = ``order_items`` = ``OrderItem`` → ``orderitem``."""
    return singular(snake(name)).replace("_", "")


@dataclass
class Known:
    """Entity names seen in a document, as written, findable by their loose key."""

    names: dict[str, str] = field(default_factory=dict)

    def add(self, name: str) -> None:
        k = key(name)
        if k and k not in self.names:
            self.names[k] = name

    def find(self, name: str) -> str | None:
        return self.names.get(key(name)) if name else None

    def find_suffix(self, name: str) -> str | None:
        """``home_club`` → ``Club`` when only ``Club`` is known: the last words name the entity."""
        parts = snake(name).split("_")
        for start in range(len(parts)):
            found = self.find("_".join(parts[start:]))
            if found is not None:
                return found
        return None


def id_base(name: str) -> tuple[str, bool] | None:
    """``clientId`` / ``client_id`` → (``client``, False); ``tagIds`` / ``tag_ids`` → (``tag``, True)."""
    s = snake(name)
    for suffix, many in (("_id", False), ("_ids", True), ("_uuid", False), ("_fk", False)):
        if s.endswith(suffix) and len(s) > len(suffix):
            return s[: -len(suffix)], many
    return None


_IDENT = r"[`'\"]?([A-Za-z_][\w.]*(?:\s[A-Z][A-Za-z]*)?)[`'\"]?"
_FK = [
    re.compile(
        r"\b(?:foreign[\s-]key|fk)\b\s*(?:to|→|->|=>|references?|on|of|:)?\s*(?:→|->)?\s*" + _IDENT, re.I
    ),
    re.compile(
        r"\b(?:references?|refers to|points to|links to|pointer to)\s+(?:the\s+|an?\s+|one\s+)?" + _IDENT,
        re.I,
    ),
    re.compile(r"(?:→|->|=>)\s*" + _IDENT),
]
_NOT_TARGET = frozenset(
    [
        "the",
        "a",
        "an",
        "to",
        "id",
        "key",
        "column",
        "table",
        "field",
        "null",
        "none",
        "not",
        "unique",
        "required",
        "optional",
        "nullable",
        "indexed",
        "index",
        "cascade",
        "on",
        "with",
        "and",
        "or",
        "pk",
        "fk",
        "is",
        "this",
        "that",
        "it",
        "its",
        "their",
        "self",
        "same",
        "another",
        "other",
    ]
)


def fk_target(text: str) -> str | None:
    """The entity a note points at: "Foreign key to Client", "FK → users.id", "references orders(id)",
    "-> Member". ``None`` when the note names no target."""
    for pattern in _FK:
        for m in pattern.finditer(text):
            target = m.group(1).split(".")[0].strip()
            words = target.split()
            if len(words) == 2 and words[1].lower() in ("table", "entity", "model", "record", "id"):
                target = words[0]
            if target.lower() in _NOT_TARGET or not target[0].isalpha():
                continue
            return target
    return None


def has_fk_marker(text: str) -> bool:
    return bool(re.search(r"\b(?:fk|foreign[\s-]key|references?)\b", text, re.I))


_NOT_NULL = re.compile(
    r"\b(?:not[\s_-]null|non[\s-]?null(?:able)?|required|mandatory|must be (?:set|present))\b", re.I
)
_NULLABLE = re.compile(
    r"\b(?:nullable|optional|null (?:until|when|if|for|unless)|may be (?:empty|null|blank|absent)|"
    r"can be (?:empty|null|blank)|if any|when known|null)\b",
    re.I,
)


def required_hint(text: str) -> bool | None:
    """True for "not null" / "required", False for "optional" / "nullable" / "null until …", else None."""
    if _NOT_NULL.search(text):
        return True
    if _NULLABLE.search(text):
        return False
    return None


_UNIQUE_SCOPED = re.compile(
    r"\bunique\s+(?:per|within|for each|for every|for a|in|inside|by)\s+"
    r"(?:the\s+|a\s+|an\s+|each\s+|its\s+|their\s+)?"
    r"([A-Za-z_][\w]*(?:\s*(?:,|and|\+)\s*[A-Za-z_]\w*)*)",
    re.I,
)
_UNIQUE = re.compile(r"\bunique\b|\buq\b|\bdistinct\b", re.I)
_NOT_UNIQUE = re.compile(r"\bnot unique\b|\bnon[\s-]?unique\b", re.I)


def unique_hint(text: str) -> tuple[bool | None, list[str]]:
    """(unique?, scope): "unique" → (True, []); "unique per freelancer" → (None, ["freelancer"]): the field
    is unique only together with the scope, so the caller emits a composite :class:`UniqueFact`."""
    if _NOT_UNIQUE.search(text):
        return False, []
    m = _UNIQUE_SCOPED.search(text)
    if m:
        scope = [s for s in re.split(r"\s*(?:,|\band\b|\+)\s*", m.group(1)) if s]
        scope = [
            s for s in scope if s.lower() not in ("system", "table", "database", "platform", "all", "app")
        ]
        return (True, []) if not scope else (None, scope)
    if _UNIQUE.search(text):
        return True, []
    return None, []


def primary_key_hint(text: str) -> bool:
    return bool(re.search(r"\b(?:pk|primary[\s_-]key)\b", text, re.I))


_LITERAL = (
    r"([`'\"][^`'\"]{0,60}[`'\"]|-?\d+(?:\.\d+)?\b|true\b|false\b|null\b|now\(\)|"
    r"current_timestamp\b|current_date\b)"
)
_DEFAULT_SAID = re.compile(
    r"\bdefault(?:s)?(?:\s+value)?\s*(?:[:=]|\bis\b|\bto\b|\bof\b)\s*"
    + _LITERAL.replace(r"|-?", r"|[A-Za-z_][\w]*\b|-?", 1),
    re.I,
)
_DEFAULT_BARE = re.compile(r"\bdefault(?:s)?(?:\s+value)?\s+" + _LITERAL, re.I)


def default_hint(text: str) -> str | None:
    """ "default 14", "defaults to 'draft'", "default: true", "default now()"; not "default currency"."""
    m = _DEFAULT_BARE.search(text) or _DEFAULT_SAID.search(text)
    if not m:
        return None
    value = m.group(1).strip("`'\"")
    if not value or value.lower() in ("the", "a", "an", "none"):
        return None
    return value


_ONE_OF = re.compile(
    r"\b(?:one of|either|values?|allowed|enum|options?|possible values)\s*[:=]?\s*"
    r"[\[(]?([^.;\])(]{1,200})",
    re.I,
)
_PAREN = re.compile(r"\(([^()]{1,200})\)")
_VALUE = re.compile(r"^[A-Za-z0-9_][\w-]{0,40}$")


def split_values(text: str) -> list[str]:
    parts = re.split(r"\s*(?:,|\||/|\bor\b|\band\b)\s*", text.strip())
    values = [p.strip(" `'\"") for p in parts]
    return [v for v in values if v]


def enum_hint(text: str) -> list[str]:
    """Values of "one of: a, b, c", "(draft, sent, paid)", "active | archived". Parenthesised lists count
    only when every item is a lower-case identifier, so "(UTC, ISO 8601)" or "(e.g. EUR)" do not."""
    m = _ONE_OF.search(text)
    if m:
        values = split_values(m.group(1))
        if len(values) >= 2 and all(_VALUE.match(v) for v in values):
            return values
    for m in _PAREN.finditer(text):
        inner = m.group(1)
        if re.match(r"\s*(?:e\.g\.|i\.e\.|eg\b|ie\b|see\b|not\b|such as\b)", inner, re.I):
            continue
        values = split_values(inner)
        # one case throughout: "(draft, sent, paid)", "(PETROL/DIESEL/HYBRID)", "(S, M, L, XL)"
        same_case = all(v == v.lower() for v in values) or all(v == v.upper() for v in values)
        if len(values) >= 2 and same_case and all(_VALUE.match(v) and not v.isdigit() for v in values):
            return values
    if "|" in text:
        values = split_values(text.split(" - ")[0] if " - " in text else text)
        if len(values) >= 2 and all(_VALUE.match(v) for v in values):
            return values
    return _listed(text)


# words that qualify a field in its notes, never values of it ("required, unique, indexed")
_FLAG_WORDS = frozenset({
    "required", "optional", "unique", "indexed", "index", "nullable", "null", "pk", "fk", "primary", "key",
    "not", "auto", "increment", "generated", "default", "immutable", "readonly", "deprecated", "internal",
})  # fmt: skip


def _listed(text: str) -> list[str]:
    """A note that is itself a list of three or more values, or ends in one after a label: "calm, breezy,
    stormy", "main soil: clay, loam, sand or peat (as surveyed)". Same case throughout, never all numbers,
    never the words that qualify a field ("required, unique, indexed")."""
    if re.search(r"\b(?:e\.g\.|eg\b|such as|for example|like|including|examples?)", text, re.I):
        return []  # examples of the values, not all of them
    tail = text.rsplit(":", 1)[-1] if ":" in text else text
    tail = re.split(r"\s[(\u2014-]\s?|[;(]", tail, maxsplit=1)[0].strip().rstrip(".")
    values = split_values(tail)
    if len(values) < 3 or not all(_VALUE.match(v) for v in values):
        return []
    if not (all(v == v.lower() for v in values) or all(v == v.upper() for v in values)):
        return []
    if all(v.isdigit() for v in values) or any(v.lower() in _FLAG_WORDS for v in values):
        return []
    return values


_NULLS = frozenset({"null", "undefined", "none", "nil"})


def nullable_type(declared: str) -> str | None:
    """The one type of a union with null: "date | null" is an optional date, no list of values."""
    parts = [p.strip() for p in declared.split("|")]
    kept = [p for p in parts if p.lower() not in _NULLS]
    return kept[0] if len(parts) > 1 and len(kept) == 1 and len(kept) < len(parts) else None


_NUM = r"(-?\d+(?:\.\d+)?)"
_MIN = re.compile(
    r"(?:\b(?:at least|min(?:imum)?|no less than|greater than or equal to)\s*:?\s*|>=\s*|≥\s*)" + _NUM, re.I
)
_MIN_STRICT = re.compile(r"(?:\b(?:greater than|more than|above|over)\s+|>\s*)" + _NUM, re.I)
_MAX = re.compile(
    r"(?:\b(?:at most|max(?:imum)?|no more than|up to|less than or equal to)\s*:?\s*|<=\s*|≤\s*)" + _NUM, re.I
)
_MAX_STRICT = re.compile(r"(?:\b(?:less than|below|under)\s+|<\s*)" + _NUM, re.I)
_BETWEEN = re.compile(r"\b(?:between|from)\s+" + _NUM + r"\s+(?:and|to)\s+" + _NUM, re.I)
_LENGTH = re.compile(
    r"\b(?:max(?:imum)?|up to|at most)\s*(?:length\s*)?:?\s*(\d+)\s*(?:characters|chars|letters)?\b|"
    r"\b(\d+)\s*(?:characters|chars)\s*max\b",
    re.I,
)


@dataclass
class Bounds:
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None


def bounds_hint(text: str) -> Bounds:
    """ "greater than 0, at most 1440", "between 1 and 5", "max 255 characters". A strict lower bound
    ("greater than 0") is kept as the minimum: the fact has no exclusive flag."""
    b = Bounds()
    low = text.lower()
    if re.search(r"\b(?:characters|chars|letters|length)\b", low):
        m = _LENGTH.search(text)
        if m:
            b.max_length = int(m.group(1) or m.group(2))
            return b
    if m := _BETWEEN.search(text):
        b.minimum, b.maximum = float(m.group(1)), float(m.group(2))
        return b
    if (m := _MIN.search(text)) or (m := _MIN_STRICT.search(text)):
        b.minimum = float(m.group(1))
    elif re.search(r"\b(?:positive|non-?negative|(?:never|not|cannot be) negative|>= ?0)\b", low):
        b.minimum = 0.0
    if (m := _MAX.search(text)) or (m := _MAX_STRICT.search(text)):
        b.maximum = float(m.group(1))
    return b


def on_delete_hint(text: str) -> OnDelete | None:
    low = text.lower()
    if re.search(r"\bset[\s_]null\b", low):
        return "set_null"
    if re.search(r"\bcascade", low):
        return "cascade"
    if re.search(r"\brestrict\b", low):
        return "restrict"
    if re.search(r"\bno[\s_]action\b", low):
        return "no_action"
    return None


def array_relationship(
    owner: str,
    target: str,
    via: str,
    back_single: bool,
    back_many: bool,
    shared: bool,
    provenance: Provenance,
) -> RelationshipFact | None:
    """An ``owner`` field that lists ``target`` records (``items: LineItem[]``):

    * the target points back with a single reference → nothing (the target's own field states the link);
    * the target lists the owner too, or several owners list the target → many-to-many;
    * otherwise → the targets belong to the owner (one-to-many, owned).
    """
    if back_single:
        return None
    if back_many or shared:
        return RelationshipFact(
            child=owner, parent=target, cardinality=Cardinality.MANY_TO_MANY, via=via, prov=provenance
        )
    return RelationshipFact(child=target, parent=owner, ownership="owned", prov=provenance)


_CODE_DECL = [
    re.compile(r"\b(?:interface|class)\s+([A-Z]\w*)"),
    re.compile(r"\btype\s+([A-Z]\w*)\s*=\s*\{"),
    re.compile(r"^\s*model\s+(\w+)\s*\{", re.M),
    re.compile(r"\bcreate\s+table\s+(?:if\s+not\s+exists\s+)?[`\"\[]?(?:\w+[`\"\]]?\.[`\"\[]?)?(\w+)", re.I),
    re.compile(r"^\s*Table\s+(\w+)", re.M),
]
_HEADING_DECL = re.compile(r"^(?:table|entity|model|collection|class)\s*:\s*`?([\w ]+?)`?\s*$", re.I)
_ENTITY_SECTIONS = (
    "key entities",
    "glossary",
    "data models",
    "data model",
    "domain model",
    "entities",
    "data requirements",
    "data & state",
)
_BULLET_NAME = re.compile(r"^([A-Za-z][\w -]{0,40}?)\s*(?::|\s[—–-]\s)")


def declared_names(doc: SpecDocument) -> Known:
    """Every entity name the document declares in a structured way: code declarations (interfaces,
    classes, Prisma models, SQL/DBML tables), ``Table: x`` headings, entity bullets in entity sections,
    headings of BMAD models and the first column of entity tables."""
    known = Known()
    for block in doc.blocks:
        if block.kind == "code":
            for pattern in _CODE_DECL:
                for m in pattern.finditer(block.text):
                    known.add(m.group(1))
        elif block.kind == "bullet" and block.depth == 0 and section_matches(block, *_ENTITY_SECTIONS):
            bullet = _BULLET_NAME.match(block.text)
            if bullet and len(bullet.group(1).split()) <= 4:
                known.add(bullet.group(1))
        elif block.kind == "paragraph" and re.match(r"^(?:key attributes|purpose)\s*:", block.text, re.I):
            heading = heading_before(doc, block.line)
            if heading:
                known.add(clean_entity_title(heading))
        elif block.kind == "table" and block.rows:
            header = [c.lower() for c in block.rows[0]]
            if header and re.match(r"^(?:entity|table|collection|model)(?: name)?$", header[0]):
                for row in block.rows[1:]:
                    if row and re.fullmatch(r"[A-Za-z][\w ]{0,40}", row[0]):
                        known.add(row[0])
    for h in doc.headings:
        decl = _HEADING_DECL.match(strip_heading(h.raw))
        if decl:
            known.add(decl.group(1))
    return known


def strip_heading(raw: str) -> str:
    """A heading as written, without markup, numbering ("3.1") or a trailing note."""
    text = re.sub(r"[*`#]|(?<!\w)_+|_+(?!\w)", "", raw).strip()
    text = re.sub(r"^(?:\d+(?:\.\d+)*\.?|[A-Z]\.)\s+", "", text)
    return text.strip(" :")


def clean_entity_title(raw: str) -> str:
    """ "Table: order_items" / "Model: Client" / "Order (orders)" / "Client Model" → the entity's name."""
    text = strip_heading(raw)
    text = re.sub(
        r"^(?:table|entity|model|collection|class|data model|schema)\s*[:\-—–]\s*", "", text, flags=re.I
    )
    text = re.sub(r"\s*\([^)]*\)\s*$", "", text)
    text = re.sub(
        r"\s+(?:table|entity|model|collection|fields|attributes|schema|record)s?$", "", text, flags=re.I
    )
    return text.strip(" `:")


def heading_before(doc: SpecDocument, line: int) -> str:
    """The raw text of the last heading above ``line``."""
    best = ""
    for h in doc.headings:
        if h.line >= line:
            break
        best = h.raw
    return best


def raw_line(doc: SpecDocument, line: int) -> str:
    return doc.lines[line - 1] if 0 < line <= len(doc.lines) else ""


def block_source(block: Block) -> str:
    return block.text.splitlines()[0] if block.text else ""


_PLACEHOLDER = re.compile(
    r"^\s*(?:\.\.\.|…|-|—|tbd|todo|n/?a|none|\{\{.*\}\}|\[[A-Z _]+\]|see .*)?\s*$", re.I
)


def placeholder(text: str) -> bool:
    return bool(_PLACEHOLDER.match(text))


def split_top(text: str, seps: str = ",;") -> list[str]:
    """Split on ``seps`` outside brackets and quotes: "a, b (x, y), c" → ["a", "b (x, y)", "c"]."""
    parts: list[str] = []
    depth = 0
    quote = ""
    current: list[str] = []
    for ch in text:
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"`":
            quote = ch
        elif ch in "([{<":
            depth += 1
        elif ch in ")]}>" and depth:
            depth -= 1
        elif ch in seps and depth == 0:
            parts.append("".join(current).strip())
            current = []
            continue
        current.append(ch)
    parts.append("".join(current).strip())
    return [p for p in parts if p]


def code_first_line(doc: SpecDocument, block: Block) -> int:
    """The spec line of a code block's first content line (a fenced block starts after its fence)."""
    opening = raw_line(doc, block.line).lstrip()
    return block.line + 1 if opening.startswith(("```", "~~~")) else block.line


def refers_to(name: str) -> str:
    """``stationId`` with no declared ``Station``: the attribute may still be a reference once the resolver
    accepts ``station`` as an entity (from prose, say)."""
    base = id_base(name)
    return base[0] if base is not None and not base[1] else ""


def link_target(name: str, notes: str, known: Known) -> str | None:
    """The entity a field points at, or ``None`` for a plain attribute.

    * a note naming a target ("Foreign key to Client", "FK → users.id", "references orders") when the
      target is a known entity, the note says FK / references, or the field is an ``x_id``;
    * an ``x_id`` / ``xId`` field whose ``x`` (or its last words: ``home_club`` → ``Club``) is a known
      entity; with an FK marker in the notes, ``x`` itself even when not declared.
    """
    base = id_base(name)
    target = fk_target(notes) if notes else None
    if target is not None:
        found = known.find(target)
        if found is not None:
            return found
        if has_fk_marker(notes) or base is not None:
            return target
    if base is not None and not base[1]:
        found = known.find_suffix(base[0]) or (named_entity(notes, known) if notes else None)
        if found is not None:
            return found
        if notes and has_fk_marker(notes):
            return base[0]
    return None


_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")


def named_entity(notes: str, known: Known) -> str | None:
    """ "assignedToId: number // StaffMember (attendant)": an id field whose note names a known entity,
    in one word or two ("staff member"), points at it. ``None`` when the note names none."""
    words = _WORD.findall(notes)
    for k, word in enumerate(words):
        pair = f"{word}_{words[k + 1]}" if k + 1 < len(words) else ""
        found = (known.find(pair) if pair else None) or known.find(word)
        if found is not None:
            return found
    return None
