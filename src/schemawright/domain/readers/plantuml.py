"""PlantUML class and IE (entity) diagrams → facts.

``class X { +name : String }`` / ``entity X { * id : number <<PK>> -- * name : text }``: members become
attributes (IE: ``*`` marks a mandatory field, fields above the ``--`` line form the key, ``<<FK>>`` names
a relationship's field); ``enum X { A B }`` gives enum values; links ``A "1" -- "*" B``, composition
``*--``, aggregation ``o--``, inheritance ``<|--`` and crow's-foot IE links ``A ||--o{ B`` are read with
the same rules as Mermaid (:func:`schemawright.domain.readers.mermaid.class_link` / ``crow_foot``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from schemawright.domain.facts import AssumptionFact, AttributeFact, EntityFact, Fact, Provenance
from schemawright.domain.model import Kind
from schemawright.domain.readers.mermaid import FACT_ORDER, class_link, crow_foot, is_method, names_match
from schemawright.domain.readers.sniff import prov, schema_blocks
from schemawright.spec.document import SpecDocument

PRIORITY = 2

_NAME = r'(?:"[^"]+"|[A-Za-z_][\w.]*)'
_DECL = re.compile(
    rf"^(abstract\s+class|abstract|class|entity|interface|enum|annotation|object|struct|record)\s+"
    rf"({_NAME})(?:\s+as\s+({_NAME}))?(?:\s*<[^>]*>)?((?:\s*<<[^>]*>>)*)\s*(?:#\w+\s*)?(\{{)?\s*(.*)$",
    re.I,
)
_LINK = re.compile(
    rf"^({_NAME})\s*(?:\"([^\"]*)\")?\s*([<>|*o}}{{#x+^-]*[-.][-.\w\[\]#,=]*[-.][<>|*o}}{{#x+^]*|[<>|*o}}{{]*[-.][<>|*o}}{{]*)"
    rf"\s*(?:\"([^\"]*)\")?\s*({_NAME})\s*(?::\s*(.*))?$"
)
_CONTAINER = re.compile(r"^(?:package|namespace|together|rectangle|frame|folder|node)\b[^{]*\{\s*$", re.I)
_IGNORED = re.compile(
    r"^(?:@start|@end|skinparam|hide|show|left to right|top to bottom|title|header|footer|legend|caption"
    r"|scale|!|allowmixing|set\s|remove|note\s+(?:top|bottom|left|right|as)?.*:|center|end\s)",
    re.I,
)
_CROW_LEFT = ("|o", "||", "}o", "}|")
_CROW_RIGHT = ("o|", "||", "o{", "|{")


@dataclass
class _Member:
    entity: str
    name: str
    type: str
    mandatory: bool | None
    key: bool
    stereotypes: set[str]
    index: int


@dataclass
class _Diagram:
    names: dict[str, str] = field(default_factory=dict)  # id → name
    kinds: dict[str, str] = field(default_factory=dict)  # name → class / entity / enum / interface …
    members: list[_Member] = field(default_factory=list)
    enums: dict[str, list[str]] = field(default_factory=dict)
    links: list[tuple[re.Match[str], int]] = field(default_factory=list)
    ie: set[str] = field(default_factory=set)  # entities using IE "*" mandatory marks


def read(doc: SpecDocument) -> list[Fact]:
    """Facts from every PlantUML block of ``doc`` (``plantuml``/``puml`` fences, or ``@startuml``)."""
    facts: list[Fact] = []
    for text, line in schema_blocks(doc, "plantuml"):
        facts += read_text(text, line)
    return facts


def read_text(text: str, line: int = 1) -> list[Fact]:
    """Facts from PlantUML ``text`` whose first line is spec line ``line`` (a whole ``.puml`` file too)."""
    return _Reader(text.split("\n"), line).read()


def _strip(raw: str) -> str:
    code = raw.strip()
    return "" if code.startswith("'") else code


class _Reader:
    def __init__(self, lines: list[str], first: int) -> None:
        self.lines = lines
        self.first = first
        self.out: list[Fact] = []
        self.d = _Diagram()

    def _prov(self, rule: str, index: int) -> Provenance:
        text = self.lines[index] if 0 <= index < len(self.lines) else ""
        return prov(rule, self.first + index, text, PRIORITY)

    def _where(self, index: int) -> Callable[[str], Provenance]:
        return lambda rule: self._prov(rule, index)

    def _assume(self, rule: str, index: int, text: str) -> None:
        self.out.append(AssumptionFact(text=text, prov=self._prov(rule, index)))

    def _entity(self, key: str, index: int, name: str = "", kind: str = "class") -> str:
        key = key.strip('"')
        if key not in self.d.names:
            self.d.names[key] = name.strip('"') or key
            self.d.kinds[self.d.names[key]] = kind
            if kind not in ("enum", "interface", "annotation"):
                self.out.append(EntityFact(name=self.d.names[key], prov=self._prov("plantuml.entity", index)))
        return self.d.names[key]

    def read(self) -> list[Fact]:
        current: str | None = None
        above_separator = True
        in_note = in_comment = False
        for i, raw in enumerate(self.lines):
            code = _strip(raw)
            if in_comment:
                in_comment = "'/" not in code
                continue
            if code.startswith("/'"):
                in_comment = "'/" not in code[2:]
                continue
            if in_note:
                in_note = not re.match(r"^end\s*note\b", code, re.I)
                continue
            if not code:
                continue
            if current is not None:
                if code.startswith("}"):
                    current = None
                    continue
                if re.fullmatch(r"(?:--|\.\.|==|__)(?:.*(?:--|\.\.|==|__))?", code):
                    above_separator = False
                    continue
                self._member(current, code, i, above_separator)
                continue
            if re.match(r"^note\b", code, re.I) and ":" not in code and '"' not in code:
                in_note = True
                continue
            if _IGNORED.match(code) or _CONTAINER.match(code) or code == "}":
                continue
            m = _DECL.match(code)
            if m:
                kind = m.group(1).lower().split()[-1]
                kind = "class" if kind == "abstract" else kind
                key, alias = m.group(2), m.group(3)
                # "Long Name" as X: X is used in links; X as "Long Name": X too
                if alias and key.startswith('"'):
                    key, alias = alias, key
                name = self._entity(key, i, alias or "", kind)
                if kind == "enum":
                    self.d.enums.setdefault(name, [])
                if m.group(5) and not m.group(6).strip().startswith("}"):
                    current, above_separator = name, True
                continue
            m = _LINK.match(code)
            if m and re.search(r"[-.]", m.group(3)):
                self._entity(m.group(1), i)
                self._entity(m.group(5), i)
                self.d.links.append((m, i))
                continue
            member = re.match(rf"^({_NAME})\s*:\s*(.+)$", code)
            if member and member.group(1).strip('"') in self.d.names:
                self._member(self.d.names[member.group(1).strip('"')], member.group(2).strip(), i, False)
                continue
            self._assume("plantuml.skipped", i, f"PlantUML line skipped (not understood): {code}")
        self._finish()
        self.out.sort(key=lambda f: (f.prov.line, FACT_ORDER.get(f.type, 9)))
        return self.out

    def _member(self, entity: str, code: str, i: int, above_separator: bool) -> None:
        if entity in self.d.enums:
            for value in re.split(r"[,\s]+", code):
                if re.fullmatch(r"\w+", value):
                    self.d.enums[entity].append(value)
            return
        code = re.sub(r"\{(?:field|method|static|abstract|classifier)\}\s*", "", code)
        if is_method(code):
            return
        stereotypes = {s.strip().upper() for s in re.findall(r"<<\s*([^>]+?)\s*>>", code)}
        code = re.sub(r"<<[^>]*>>", "", code).strip()
        mandatory: bool | None = None
        if code.startswith("*"):
            mandatory, code = True, code[1:].strip()
            self.d.ie.add(entity)
        code = re.sub(r"^[+\-#~]\s*", "", code)
        colon = re.match(r"^(\w+)\s*:\s*(.+)$", code)
        if colon:
            name, type_ = colon.group(1), colon.group(2).strip()
        else:
            parts = code.split()
            if len(parts) >= 2 and re.fullmatch(r"\w+", parts[-1]):
                name, type_ = parts[-1], " ".join(parts[:-1])
            elif len(parts) == 1 and re.fullmatch(r"\w+", parts[0]):
                name, type_ = parts[0], ""
            else:
                self._assume("plantuml.skipped", i, f"PlantUML member skipped: {code}")
                return
        key = (self.d.kinds.get(entity) == "entity" and above_separator) or bool(
            stereotypes & {"PK", "ID", "PRIMARY KEY"}
        )
        self.d.members.append(_Member(entity, name, type_, mandatory, key, stereotypes, i))

    def _finish(self) -> None:
        used: set[int] = set()

        def via(child: str, parent: str) -> str:
            for n, m in enumerate(self.d.members):
                if (
                    n not in used
                    and m.entity == child
                    and "FK" in m.stereotypes
                    and names_match(m.name, parent)
                ):
                    used.add(n)
                    return m.name
            return ""

        not_tables = set(self.d.enums) | {
            n for n, k in self.d.kinds.items() if k in ("interface", "annotation")
        }
        for m, i in self.d.links:
            a, b = self.d.names[m.group(1).strip('"')], self.d.names[m.group(5).strip('"')]
            if a in not_tables or b in not_tables:
                continue
            arrow = re.sub(r"\[[^\]]*\]", "", m.group(3))
            arrow = re.sub(r"(?<=[-.])(?:up|down|left|right|u|d|l|r)(?=[-.])", "", arrow, flags=re.I)
            head_l = re.match(r"^[^-.]*", arrow)
            head_r = re.search(r"[^-.]*$", arrow)
            left = head_l.group(0) if head_l else ""
            right = head_r.group(0) if head_r else ""
            dotted = "." in arrow
            label = m.group(6) or ""
            if left in _CROW_LEFT and right in _CROW_RIGHT:
                where = self._prov("plantuml.ie.relationship", i)
                self.out.append(crow_foot(a, left, right, b, label, where, via))
                continue
            line = ".." if dotted else "--"
            normal = {"<|": "<|" + line, "*": "*--", "o": "o--", "<": "<" + line}.get(left)
            normal = normal or {"|>": line + "|>", "*": "--*", "o": "--o", ">": line + ">"}.get(right) or line
            fact = class_link(a, m.group(2), normal, m.group(4), b, label, self._where(i), "plantuml")
            if fact is not None:
                self.out.append(fact)
        for n, member in enumerate(self.d.members):
            if n in used:
                continue
            self._attribute(member)

    def _attribute(self, m: _Member) -> None:
        values = self.d.enums.get(m.type, [])
        required = m.mandatory
        if required is None and m.entity in self.d.ie:
            required = False  # IE notation: fields without "*" are optional
        if m.key:
            required = True
        stem = re.sub(r"(?:_id|Id|ID|_fk)$", "", m.name) if "FK" in m.stereotypes else ""
        self.out.append(
            AttributeFact(
                entity=m.entity,
                name=m.name,
                kind=Kind.ENUM if values else None,
                declared_type=m.type or None,
                required=required,
                unique=True if m.stereotypes & {"UNIQUE", "UK", "AK"} else None,
                primary_key=m.key,
                enum_values=list(values),
                refers_to=stem if stem and stem != m.name else "",
                prov=self._prov("plantuml.attribute", m.index),
            )
        )
