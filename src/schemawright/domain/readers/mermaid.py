"""Mermaid ``erDiagram`` and ``classDiagram`` → facts.

erDiagram: ``CUSTOMER { string email UK "login" }`` attribute blocks (``PK``, ``FK``, ``UK`` keys, quoted
comments) and crow's-foot relationship lines ``A ||--o{ B : places``: the marker next to an entity says
how many of it the other side has (``||`` exactly one, ``|o`` zero or one, ``}|`` one or more, ``}o`` zero
or more), so the foreign key goes on the "many" side and is required when the "one" side's marker is
``||``. An ``FK`` attribute names the relationship's field.

classDiagram: classes with members (``+Type name``, ``name: Type``, ``List~Order~ orders``; methods are
ignored), ``<<enumeration>>`` classes as enum values, associations with multiplicities
(``A "1" --> "*" B``), composition ``*--`` (owned parts), aggregation ``o--``, and inheritance
``<|--`` (reported as an assumption: the resolver decides between one table and several).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from schemawright.domain.facts import (
    AssumptionFact,
    AttributeFact,
    EntityFact,
    Fact,
    Provenance,
    RelationshipFact,
)
from schemawright.domain.model import Cardinality, Kind
from schemawright.domain.readers.sniff import prov, schema_blocks
from schemawright.spec.document import SpecDocument

PRIORITY = 2  # diagrams are exact about structure, less so about types than DDL

_ER_NAME = r'(?:"[^"]+"|[A-Za-z_][\w-]*)'
_ER_REL = re.compile(
    rf"^({_ER_NAME})\s*(\|o|\|\||\}}o|\}}\||o\||o\{{|\|\{{)\s*(--|\.\.)\s*(o\||\|\||o\{{|\|\{{|\|o|\}}o|\}}\|)"
    rf"\s*({_ER_NAME})\s*(?::\s*(.*))?$"
)
_ER_BLOCK = re.compile(rf"^({_ER_NAME})(?:\s*\[\s*\"?([^\]\"]+)\"?\s*\])?\s*\{{\s*(.*)$")
_ER_ATTR = re.compile(r'^([\w()\[\],.~*-]+)\s+([\w-]+)((?:\s*,?\s*\b(?:PK|FK|UK)\b)*)\s*(?:"([^"]*)")?\s*$')
_OWNING = re.compile(r"^\"?\s*(?:contains|includes|consists of|is made (?:up )?of|comprises)\b", re.I)

_CLASS_NAME = r"[A-Za-z_][\w]*"
_CLASS_DECL = re.compile(
    rf"^class\s+(`[^`]+`|{_CLASS_NAME})(?:~[^~]*~)?(?:\[\"?[^\]]*\"?\])?\s*(\{{)?\s*(.*)$"
)
_ARROW = r"<\|--|--\|>|<\|\.\.|\.\.\|>|\*--|--\*|o--|--o|<--|-->|<\.\.|\.\.>|--|\.\."
_CLASS_REL = re.compile(
    rf"^({_CLASS_NAME})\s*(?:\"([^\"]*)\")?\s*({_ARROW})\s*(?:\"([^\"]*)\")?\s*({_CLASS_NAME})\s*(?::\s*(.*))?$"
)
_MEMBER_LINE = re.compile(rf"^({_CLASS_NAME})\s*:\s*(.+)$")


def read(doc: SpecDocument) -> list[Fact]:
    """Facts from every Mermaid ``erDiagram`` / ``classDiagram`` block of ``doc``."""
    facts: list[Fact] = []
    for text, line in schema_blocks(doc, "mermaid"):
        facts += read_text(text, line)
    return facts


def read_text(text: str, line: int = 1) -> list[Fact]:
    """Facts from one Mermaid diagram ``text`` whose first line is spec line ``line``."""
    lines = text.split("\n")
    for i, raw in enumerate(lines):
        head = raw.strip()
        if re.match(r"^erDiagram\b", head):
            return _Er(lines, line).read(i + 1)
        if re.match(r"^classDiagram(?:-v2)?\b", head):
            return _Class(lines, line).read(i + 1)
    return []


# -- shared --------------------------------------------------------------------------------------------


def _code(raw: str) -> str:
    return raw.split("%%", 1)[0].strip()


def _one_to_one_child(left_optional: bool, right_optional: bool) -> str:
    """Which side of a one-to-one holds the key: the optional one (a passport needs a person)."""
    return "left" if left_optional and not right_optional else "right"


@dataclass
class _Mult:
    many: bool
    at_least_one: bool | None  # None: not said


def _multiplicity(text: str | None) -> _Mult | None:
    """``"1"``, ``"0..1"``, ``"1..*"``, ``"*"``, ``"many"``, ``"0..n"`` → how many."""
    if text is None or not text.strip():
        return None
    t = text.strip().lower()
    many = bool(re.search(r"\*|\bn\b|\bm\b|many|more|\d+\s*\.\.\s*(?:[2-9]|\d{2,})", t))
    low = re.match(r"^(\d+)", t)
    if low:
        at_least_one: bool | None = int(low.group(1)) >= 1
    elif re.match(r"^(?:one|exactly one|only one)", t):
        at_least_one = True
    elif re.match(r"^(?:zero|none|optional)", t) or t in ("*", "many", "n", "m"):
        at_least_one = False
    else:
        at_least_one = None
    return _Mult(many, at_least_one)


class _Base:
    rule_prefix = ""

    def __init__(self, lines: list[str], first: int) -> None:
        self.lines = lines
        self.first = first
        self.out: list[Fact] = []
        self.entities: dict[str, str] = {}  # id → name

    def _prov(self, rule: str, index: int) -> Provenance:
        text = self.lines[index] if 0 <= index < len(self.lines) else ""
        return prov(rule, self.first + index, text, PRIORITY)

    def _entity(self, key: str, index: int, name: str = "") -> str:
        if key not in self.entities:
            self.entities[key] = name or key.strip('"`')
            self.out.append(
                EntityFact(name=self.entities[key], prov=self._prov(self.rule_prefix + ".entity", index))
            )
        return self.entities[key]

    def _assume(self, rule: str, index: int, text: str) -> None:
        self.out.append(AssumptionFact(text=text, prov=self._prov(rule, index)))


# -- erDiagram -----------------------------------------------------------------------------------------


@dataclass
class _ErAttr:
    entity: str
    type: str
    name: str
    keys: set[str]
    comment: str
    index: int


class _Er(_Base):
    rule_prefix = "mermaid.er"

    def read(self, start: int) -> list[Fact]:
        attrs: list[_ErAttr] = []
        rels: list[tuple[re.Match[str], int]] = []
        current: str | None = None
        for i in range(start, len(self.lines)):
            code = _code(self.lines[i])
            if not code:
                continue
            if current is not None:
                closes = code.endswith("}")
                code = code.rstrip("}").strip()
                if code:
                    m = _ER_ATTR.match(code)
                    if m:
                        keys = set(re.findall(r"PK|FK|UK", m.group(3) or ""))
                        attrs.append(_ErAttr(current, m.group(1), m.group(2), keys, m.group(4) or "", i))
                    else:
                        self._assume("mermaid.er.skipped", i, f"Mermaid attribute line skipped: {code}")
                if closes:
                    current = None
                continue
            m = _ER_REL.match(code)
            if m:
                self._entity(m.group(1), i)
                self._entity(m.group(5), i)
                rels.append((m, i))
                continue
            b = _ER_BLOCK.match(code)
            if b:
                current = self._entity(b.group(1), i, (b.group(2) or "").strip())
                rest = b.group(3).strip()
                if rest.startswith("}"):
                    current = None
                continue
            if re.match(rf"^{_ER_NAME}$", code) or re.match(
                r"^(?:title|direction|accTitle|accDescr)\b", code
            ):
                if re.match(rf"^{_ER_NAME}$", code):
                    self._entity(code, i)
                continue
            if code.startswith(("---", "config", "style", "classDef", "class ")):
                continue
            self._assume("mermaid.er.skipped", i, f"Mermaid line skipped (not understood): {code}")
        used: set[int] = set()
        for m, i in rels:
            self._relationship(m, i, attrs, used)
        for n, a in enumerate(attrs):
            if n in used:
                continue
            self._attribute(a)
        self.out.sort(key=lambda f: (f.prov.line, FACT_ORDER.get(f.type, 9)))
        return self.out

    def _attribute(self, a: _ErAttr) -> None:
        required: bool | None = True if "PK" in a.keys else None
        if re.search(r"\b(?:optional|nullable|may be empty)\b", a.comment, re.I):
            required = False
        elif re.search(r"\b(?:required|mandatory|not null)\b", a.comment, re.I):
            required = True
        stem = re.sub(r"(?:_id|Id|ID|_fk)$", "", a.name) if "FK" in a.keys else ""
        self.out.append(
            AttributeFact(
                entity=a.entity,
                name=a.name,
                declared_type=a.type,
                primary_key="PK" in a.keys,
                unique=True if "UK" in a.keys else None,
                required=required,
                description=a.comment,
                refers_to=stem if stem and stem != a.name else "",
                prov=self._prov("mermaid.er.attribute", a.index),
            )
        )

    def _relationship(self, m: re.Match[str], i: int, attrs: list[_ErAttr], used: set[int]) -> None:
        def via(child: str, parent: str) -> str:
            for n, a in enumerate(attrs):
                if n not in used and a.entity == child and "FK" in a.keys and names_match(a.name, parent):
                    used.add(n)
                    return a.name
            return ""

        left, right = self.entities[m.group(1)], self.entities[m.group(5)]
        where = self._prov("mermaid.er.relationship", i)
        self.out.append(crow_foot(left, m.group(2), m.group(4), right, m.group(6) or "", where, via))


def crow_foot(
    left: str, lm: str, rm: str, right: str, label: str, where: Provenance, via: Callable[[str, str], str]
) -> RelationshipFact:
    """A crow's-foot line ``left lm--rm right``: ``lm``/``rm`` are the markers next to each entity
    (``||``, ``|o``/``o|``, ``}|``/``|{``, ``}o``/``o{``). ``via(child, parent)`` names the key field."""
    l_many, r_many = "}" in lm or "{" in lm, "{" in rm or "}" in rm
    l_optional, r_optional = "o" in lm, "o" in rm
    if l_many and r_many:
        return RelationshipFact(child=left, parent=right, cardinality=Cardinality.MANY_TO_MANY, prov=where)
    if not l_many and not r_many:
        cardinality = Cardinality.ONE_TO_ONE
        child_is_left = _one_to_one_child(l_optional, r_optional) == "left"
    else:
        cardinality = Cardinality.MANY_TO_ONE
        child_is_left = l_many
    child, parent = (left, right) if child_is_left else (right, left)
    parent_optional = r_optional if child_is_left else l_optional
    return RelationshipFact(
        child=child,
        parent=parent,
        cardinality=cardinality,
        required=not parent_optional,
        via=via(child, parent),
        ownership="owned" if _OWNING.match(label.strip()) else None,
        prov=where,
    )


FACT_ORDER = {"entity": 0, "attribute": 1, "relationship": 2, "assumption": 3}


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def is_method(member: str) -> bool:
    """``+restock(qty: int) void`` is a method; ``code : varchar(8)`` is a typed field."""
    head = member.split("(", 1)[0]
    return "(" in member and ":" not in head and bool(re.search(r"\w\s*$", head))


def names_match(field_name: str, entity: str) -> bool:
    """``customerId`` / ``customer_id`` / ``CUSTOMER_ID`` name a key to ``CUSTOMER``."""
    stem = _squash(re.sub(r"(?:_?id|_fk)$", "", field_name, flags=re.I))
    target = _squash(entity)
    return bool(stem) and (stem == target or target.endswith(stem) or stem.endswith(target))


# -- classDiagram --------------------------------------------------------------------------------------


@dataclass
class _Member:
    cls: str
    name: str
    type: str
    index: int


class _Class(_Base):
    rule_prefix = "mermaid.class"

    def read(self, start: int) -> list[Fact]:
        members: list[_Member] = []
        rels: list[tuple[re.Match[str], int]] = []
        enums: dict[str, list[str]] = {}
        interfaces: set[str] = set()
        current: str | None = None
        for i in range(start, len(self.lines)):
            code = _code(self.lines[i])
            if not code:
                continue
            if current is not None:
                closes = code.endswith("}")
                code = code.rstrip("}").strip()
                if code:
                    self._member(current, code, i, members, enums, interfaces)
                if closes:
                    current = None
                continue
            m = _CLASS_DECL.match(code)
            if m:
                name = self._entity(m.group(1).strip("`"), i)
                rest = m.group(3).strip()
                if m.group(2) and not rest.startswith("}"):
                    current = name
                continue
            m = _CLASS_REL.match(code)
            if m:
                self._entity(m.group(1), i)
                self._entity(m.group(5), i)
                rels.append((m, i))
                continue
            m = _MEMBER_LINE.match(code)
            if m and not code.startswith(("note", "direction", "link", "click", "style", "classDef")):
                self._member(self._entity(m.group(1), i), m.group(2).strip(), i, members, enums, interfaces)
                continue
            if re.match(r"^(?:note|direction|link|click|callback|style|classDef|cssClass|title|---)\b", code):
                continue
            if re.match(r"^<<\w+>>\s*\w+$", code):  # <<interface>> Shape
                kind, name = re.findall(r"\w+", code)[:2]
                (interfaces if kind.lower() == "interface" else set()).add(name)
                if kind.lower() in ("enumeration", "enum"):
                    enums.setdefault(name, [])
                continue
            self._assume("mermaid.class.skipped", i, f"Mermaid line skipped (not understood): {code}")
        self._finish(members, rels, enums, interfaces)
        self.out.sort(key=lambda f: (f.prov.line, FACT_ORDER.get(f.type, 9)))
        return self.out

    def _member(
        self,
        cls: str,
        code: str,
        i: int,
        members: list[_Member],
        enums: dict[str, list[str]],
        interfaces: set[str],
    ) -> None:
        annotation = re.match(r"^<<\s*(\w+)\s*>>$", code)
        if annotation:
            kind = annotation.group(1).lower()
            if kind in ("enumeration", "enum"):
                enums.setdefault(cls, [])
            elif kind == "interface":
                interfaces.add(cls)
            return
        if is_method(code):
            return
        if cls in enums:
            enums[cls].append(re.sub(r"^[+\-#~]", "", code).strip().split()[0])
            return
        text = re.sub(r"^[+\-#~]\s*", "", code).rstrip("$*").strip()
        colon = re.match(r"^(\w+)\s*:\s*(.+)$", text)
        if colon:
            members.append(_Member(cls, colon.group(1), colon.group(2).strip(), i))
            return
        parts = text.split()
        if len(parts) >= 2 and re.fullmatch(r"\w+", parts[-1]):
            members.append(_Member(cls, parts[-1], " ".join(parts[:-1]), i))
        elif len(parts) == 1 and re.fullmatch(r"\w+", parts[0]):
            members.append(_Member(cls, parts[0], "", i))
        else:
            self._assume("mermaid.class.skipped", i, f"Mermaid member skipped: {code}")

    def _finish(
        self,
        members: list[_Member],
        rels: list[tuple[re.Match[str], int]],
        enums: dict[str, list[str]],
        interfaces: set[str],
    ) -> None:
        # enumeration classes and interfaces are not tables: drop their entity facts
        not_tables = set(enums) | interfaces
        self.out = [f for f in self.out if not (isinstance(f, EntityFact) and f.name in not_tables)]
        for name in sorted(interfaces):
            index = next((i for i, raw in enumerate(self.lines) if re.search(rf"\b{name}\b", raw)), 0)
            self._assume("mermaid.class.interface", index, f"{name} is an interface: not stored as a table")
        linked: set[frozenset[str]] = set()
        for m, i in rels:
            linked.add(frozenset((m.group(1), m.group(5))))
            self._relation(m, i, not_tables)
        for member in members:
            self._class_member(member, enums, linked)

    def _class_member(
        self, member: _Member, enums: dict[str, list[str]], linked: set[frozenset[str]]
    ) -> None:
        collection = re.match(
            r"^(?:List|Set|Array|Collection|Seq|Iterable)\s*[~<]\s*(\w+)\s*[~>]$|^(\w+)\[\]$", member.type
        )
        target = (collection.group(1) or collection.group(2)) if collection else member.type
        if target in self.entities and target not in enums:
            if frozenset((member.cls, target)) in linked:
                return  # the association line says it
            rule = "mermaid.class.member"
            if collection:
                self.out.append(
                    RelationshipFact(child=target, parent=member.cls, prov=self._prov(rule, member.index))
                )
            else:
                self.out.append(
                    RelationshipFact(
                        child=member.cls, parent=target, via=member.name, prov=self._prov(rule, member.index)
                    )
                )
            return
        values = enums.get(member.type, [])
        self.out.append(
            AttributeFact(
                entity=member.cls,
                name=member.name,
                kind=Kind.ENUM if values else (Kind.LIST if collection else None),
                declared_type=member.type or None,
                enum_values=list(values),
                prov=self._prov("mermaid.class.attribute", member.index),
            )
        )

    def _relation(self, m: re.Match[str], i: int, not_tables: set[str]) -> None:
        a, b = m.group(1), m.group(5)
        if a in not_tables or b in not_tables:
            return
        fact = class_link(
            a,
            m.group(2),
            m.group(3),
            m.group(4),
            b,
            m.group(6) or "",
            lambda rule: self._prov(rule, i),
            "mermaid",
        )
        if fact is not None:
            self.out.append(fact)


def class_link(
    a: str,
    a_mult_text: str | None,
    arrow: str,
    b_mult_text: str | None,
    b: str,
    label: str,
    where: Callable[[str], Provenance],
    prefix: str,
) -> Fact | None:
    """One class-diagram link ``a "m" arrow "n" b : label`` as a fact. ``arrow`` is normalised to
    ``<|--``, ``--|>``, ``*--``, ``--*``, ``o--``, ``--o``, ``-->``, ``<--``, ``--``, ``..>``, ``<..``, ``..``
    (dotted inheritance ``<|..``/``..|>`` too). Rules are ``<prefix>.class.relationship`` and so on."""
    a_mult, b_mult = _multiplicity(a_mult_text), _multiplicity(b_mult_text)
    if arrow in ("<|--", "<|..", "--|>", "..|>"):
        child, parent = (b, a) if arrow.startswith("<|") else (a, b)
        return AssumptionFact(
            text=f"{child} is a kind of {parent} (inheritance in the class diagram): "
            f"{child} keeps {parent}'s attributes",
            prov=where(f"{prefix}.class.inheritance"),
        )
    if arrow in ("..>", "<..", ".."):
        return AssumptionFact(
            text=f"{a} depends on {b} (a dependency, not stored)", prov=where(f"{prefix}.class.dependency")
        )
    rule = f"{prefix}.class.relationship"
    if arrow in ("*--", "--*", "o--", "--o"):
        whole, part = (a, b) if arrow in ("*--", "o--") else (b, a)
        whole_mult, part_mult = (a_mult, b_mult) if whole == a else (b_mult, a_mult)
        owned = "*" in arrow
        one = part_mult is not None and not part_mult.many
        required = True if owned else (whole_mult.at_least_one if whole_mult is not None else None)
        return RelationshipFact(
            child=part,
            parent=whole,
            cardinality=Cardinality.ONE_TO_ONE if one else Cardinality.MANY_TO_ONE,
            required=required,
            ownership="owned" if owned else "reference",
            prov=where(rule),
        )
    if a_mult is None and b_mult is None:
        # no multiplicities: the arrow's source holds a reference to its target
        child, parent = (b, a) if arrow == "<--" else (a, b)
        return RelationshipFact(child=child, parent=parent, prov=where(rule))
    a_many = a_mult.many if a_mult is not None else False
    b_many = b_mult.many if b_mult is not None else False
    if a_many and b_many:
        return RelationshipFact(child=a, parent=b, cardinality=Cardinality.MANY_TO_MANY, prov=where(rule))
    if a_many or b_many:
        child, parent = (a, b) if a_many else (b, a)
        parent_mult = b_mult if a_many else a_mult
        cardinality = Cardinality.MANY_TO_ONE
    else:
        a_opt = a_mult is not None and a_mult.at_least_one is False
        b_opt = b_mult is not None and b_mult.at_least_one is False
        child, parent = (a, b) if _one_to_one_child(a_opt, b_opt) == "left" else (b, a)
        parent_mult = b_mult if child == a else a_mult
        cardinality = Cardinality.ONE_TO_ONE
    return RelationshipFact(
        child=child,
        parent=parent,
        cardinality=cardinality,
        required=parent_mult.at_least_one if parent_mult is not None else None,
        ownership="owned" if _OWNING.match(label.strip()) else None,
        prov=where(rule),
    )
