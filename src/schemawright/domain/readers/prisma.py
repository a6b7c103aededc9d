"""Prisma schema → facts: models, scalar fields, keys, uniques, indexes, relations and enums.

``model X { … }`` declares an entity (``@@map("xs")`` its table name); a scalar field is an attribute
(``?`` optional, ``@id``, ``@unique``, ``@default(…)``, ``@db.VarChar(n)``); a field typed with another
model is a relation: the side with ``@relation(fields: […], references: […])`` holds the foreign key,
two list sides make an implicit many-to-many. ``enum X { … }`` gives the values of fields typed ``X``.
``///`` doc comments become descriptions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from schemawright.domain.facts import (
    AssumptionFact,
    AttributeFact,
    EntityFact,
    Fact,
    IndexFact,
    Provenance,
    RelationshipFact,
    UniqueFact,
)
from schemawright.domain.model import Cardinality, Kind
from schemawright.domain.readers.sniff import prov, schema_blocks
from schemawright.spec.document import SpecDocument

PRIORITY = 3

_BLOCK = re.compile(r"^\s*(model|enum|type|view)\s+(\w+)\s*\{\s*(.*)$")
_FIELD = re.compile(r"^(\w+)\s+(Unsupported\(\"[^\"]*\"\)|[A-Za-z_][\w.]*)(\[\])?(\?)?\s*(.*)$")
_ATTR = re.compile(r"@@?[\w.]+")
_ON_DELETE: dict[str, Literal["cascade", "restrict", "set_null", "no_action"]] = {
    "cascade": "cascade",
    "restrict": "restrict",
    "setnull": "set_null",
    "noaction": "no_action",
}
_GENERATED = re.compile(r"^(?:autoincrement|cuid|uuid|nanoid|ulid|auto|sequence)\s*\(", re.I)


@dataclass
class _Attr:
    name: str  # "@id", "@relation", "@@unique"
    args: str  # text inside the parentheses, "" when none


@dataclass
class _Field:
    name: str
    type: str
    is_list: bool
    optional: bool
    attrs: list[_Attr]
    line: int
    doc: str = ""

    def attr(self, name: str) -> _Attr | None:
        return next((a for a in self.attrs if a.name == name), None)


@dataclass
class _Block:
    kind: str  # model, enum, type, view
    name: str
    line: int
    fields: list[_Field] = field(default_factory=list)
    block_attrs: list[tuple[_Attr, int]] = field(default_factory=list)
    values: list[str] = field(default_factory=list)  # enum values
    doc: str = ""
    junk: list[int] = field(default_factory=list)  # lines that are not Prisma syntax


def read(doc: SpecDocument) -> list[Fact]:
    """Facts from every Prisma block of ``doc``; blocks are read together, so a relation or an enum may
    be declared in another block than the model using it."""
    parts = [(text, line) for text, line in schema_blocks(doc, "prisma")]
    return _read(parts)


def read_text(text: str, line: int = 1) -> list[Fact]:
    """Facts from Prisma ``text`` whose first line is spec line ``line`` (a whole ``schema.prisma`` too)."""
    return _read([(text, line)])


def _read(parts: list[tuple[str, int]]) -> list[Fact]:
    blocks: list[_Block] = []
    lines: dict[int, str] = {}
    for text, first in parts:
        for i, raw in enumerate(text.split("\n")):
            lines[first + i] = raw
        blocks += _blocks(text, first)
    return _Reader(blocks, lines).facts()


# -- parsing -------------------------------------------------------------------------------------------


def _strip_comment(line: str) -> tuple[str, str]:
    """``(code, doc)``: the line without its ``//`` comment (quotes respected), and a ``///`` doc text."""
    quote = False
    for i, c in enumerate(line):
        if c == '"' and (i == 0 or line[i - 1] != "\\"):
            quote = not quote
        elif not quote and line.startswith("//", i):
            doc = line[i + 3 :].strip() if line.startswith("///", i) else ""
            return line[:i], doc
    return line, ""


def _attrs(text: str) -> list[_Attr]:
    """``@id @default(now()) @relation(fields: [a], references: [id])`` → attributes with their args."""
    out: list[_Attr] = []
    i = 0
    while m := _ATTR.search(text, i):
        args, i = "", m.end()
        if text.startswith("(", i):
            close = _close(text, i)
            args, i = text[i + 1 : close], close + 1
        out.append(_Attr(m.group(0), args))
    return out


def _close(text: str, start: int) -> int:
    """The index of the parenthesis closing the one at ``start`` (quotes respected), or the text's end."""
    depth, j = 0, start
    while j < len(text):
        c = text[j]
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j
        elif c == '"':
            k = text.find('"', j + 1)
            j = len(text) if k == -1 else k
        j += 1
    return len(text)


def _blocks(text: str, first: int) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
    doc: list[str] = []
    for i, raw in enumerate(text.split("\n")):
        line = first + i
        code, doc_text = _strip_comment(raw)
        code = code.strip()
        if doc_text:
            doc.append(doc_text)
        if not code:
            continue
        if current is None:
            m = _BLOCK.match(code)
            if m:
                current = _Block(m.group(1), m.group(2), line, doc=" ".join(doc))
                blocks.append(current)
                code = m.group(3).strip()
                doc = []
                if not code:
                    continue
            else:
                doc = []
                continue
        closes = code.endswith("}")
        code = code.rstrip("}").strip()
        if code:
            _member(current, code, line, " ".join(doc))
        doc = []
        if closes:
            current = None
    return blocks


def _member(block: _Block, code: str, line: int, doc: str) -> None:
    if block.kind == "enum":
        m = re.match(r"^(\w+)", code)
        if m:
            mapped = re.search(r'@map\(\s*"([^"]*)"', code)  # the value stored in the database
            block.values.append(mapped.group(1) if mapped else m.group(1))
        else:
            block.junk.append(line)
        return
    if code.startswith("@@"):
        for attr in _attrs(code):
            block.block_attrs.append((attr, line))
        return
    m = _FIELD.match(code)
    if not m:
        block.junk.append(line)
        return
    block.fields.append(
        _Field(m.group(1), m.group(2), bool(m.group(3)), bool(m.group(4)), _attrs(m.group(5)), line, doc)
    )


def _list(args: str, key: str | None = None) -> list[str]:
    """The names in ``[a, b(sort: Desc)]`` (after ``key:`` when given); ``-b`` for a descending one."""
    if key is not None:
        m = re.search(rf"\b{key}\s*:\s*\[([^\]]*)\]", args)
    else:
        m = re.match(r"\s*(?:fields\s*:\s*)?\[([^\]]*)\]", args)
    if not m:
        return []
    names: list[str] = []
    for part in re.finditer(r"(\w+)(\s*\([^)]*\))?", m.group(1)):
        desc = part.group(2) and re.search(r"sort\s*:\s*desc", part.group(2), re.I)
        names.append(("-" if desc else "") + part.group(1))
    return names


def _named(args: str, key: str) -> str:
    m = re.search(rf"\b{key}\s*:\s*(\w+)", args)
    return m.group(1) if m else ""


def _relation_name(args: str) -> str:
    m = re.match(r'\s*(?:name\s*:\s*)?"([^"]*)"', args)
    return m.group(1) if m else ""


def _default(args: str, enums: dict[str, list[str]], type_name: str) -> str | None:
    """A dialect-neutral default: ``'draft'``, ``0``, ``true``, ``CURRENT_TIMESTAMP``; generated ids
    (``autoincrement()``, ``uuid()`` …) give none."""
    value = args.strip()
    if not value or _GENERATED.match(value) or value.startswith("["):
        return None
    if re.fullmatch(r"now\s*\(\s*\)", value):
        return "CURRENT_TIMESTAMP"
    generated = re.fullmatch(r'dbgenerated\s*\(\s*"(.*)"\s*\)', value)
    if generated:
        return generated.group(1) or None
    if value.startswith('"'):
        if not value.endswith('"') or len(value) < 2:
            return None  # an unterminated string says nothing reliable
        return "'" + value[1:-1].replace("'", "''") + "'"
    if value in ("true", "false") or re.fullmatch(r"-?\d+(?:\.\d+)?", value):
        return value
    if type_name in enums and re.fullmatch(r"\w+", value):
        return "'" + value + "'"
    return value


# -- facts ---------------------------------------------------------------------------------------------


class _Reader:
    def __init__(self, blocks: list[_Block], lines: dict[int, str]) -> None:
        self.blocks = blocks
        self.lines = lines
        self.models = {b.name: b for b in blocks if b.kind in ("model", "view")}
        self.enums = {b.name: b.values for b in blocks if b.kind == "enum"}
        self.types = {b.name for b in blocks if b.kind == "type"}
        self.out: list[Fact] = []
        self.many_to_many: set[tuple[str, str, str]] = set()

    def facts(self) -> list[Fact]:
        for block in self.blocks:
            if block.kind in ("model", "view"):
                self._model(block)
            elif block.kind == "type":
                self._assume(
                    "prisma.type",
                    block.line,
                    f"Prisma composite type {block.name}: fields of this type are stored as JSON documents",
                )
            for line in block.junk:
                text = self.lines.get(line, "").strip()
                self._assume("prisma.skipped", line, f"Prisma line skipped (not a field): {text}")
        return self.out

    def _model(self, model: _Block) -> None:
        table = next((_quoted(a.args) for a, _ in model.block_attrs if a.name == "@@map"), None)
        self.out.append(
            EntityFact(
                name=model.name,
                table_name=table or None,
                description=model.doc,
                prov=self._prov("prisma.model", model.line),
            )
        )
        fk_fields = {
            name
            for f in model.fields
            if (rel := f.attr("@relation")) is not None
            for name in _list(rel.args, "fields")
        }
        single_unique = {
            names[0]
            for a, _ in model.block_attrs
            if a.name == "@@unique" and len(names := _list(a.args)) == 1
        }
        composite_id = next((_list(a.args) for a, _ in model.block_attrs if a.name == "@@id"), [])
        for f in model.fields:
            if f.type in self.models:
                self._relation(model, f, fk_fields, single_unique)
            elif f.name not in fk_fields:
                self._scalar(model, f, single_unique)
        for attr, line in model.block_attrs:
            self._block_attr(model, attr, line, composite_id)

    def _scalar(self, model: _Block, f: _Field, single_unique: set[str]) -> None:
        native = next((a for a in f.attrs if a.name.startswith("@db.")), None)
        declared = f.type + ("[]" if f.is_list else "")
        max_length: int | None = None
        if native is not None:
            declared = native.name[4:] + (f"({native.args})" if native.args else "")
            if (
                re.fullmatch(r"(?:Var)?Char|NVarChar|NChar", native.name[4:])
                and native.args.strip().isdigit()
            ):
                max_length = int(native.args)
        values = self.enums.get(f.type, [])
        default = f.attr("@default")
        kind: Kind | None = None
        if values:
            kind = Kind.ENUM
        elif f.type in self.types:
            kind = Kind.JSON
        elif f.is_list:
            kind = Kind.LIST
        self.out.append(
            AttributeFact(
                entity=model.name,
                name=f.name,
                kind=kind,
                declared_type=declared,
                required=None if f.is_list else not f.optional,
                unique=True if f.attr("@unique") is not None or f.name in single_unique else None,
                primary_key=f.attr("@id") is not None,
                enum_values=list(values),
                max_length=max_length,
                default=_default(default.args, self.enums, f.type) if default is not None else None,
                description=f.doc,
                prov=self._prov("prisma.field", f.line),
            )
        )

    def _relation(self, model: _Block, f: _Field, fk_fields: set[str], single_unique: set[str]) -> None:
        rel = f.attr("@relation")
        args = rel.args if rel is not None else ""
        fields = _list(args, "fields")
        other = self.models[f.type]
        name = _relation_name(args)
        back = self._back(model, f, other, name)
        if fields:
            fk = {x.name: x for x in model.fields}
            unique = len(fields) == 1 and (
                fields[0] in single_unique
                or (fields[0] in fk and fk[fields[0]].attr("@unique") is not None)
                or (back is not None and not back.is_list)
            )
            required = all(not fk[x].optional if x in fk else not f.optional for x in fields)
            on_delete = _ON_DELETE.get(_named(args, "onDelete").lower())
            self.out.append(
                RelationshipFact(
                    child=model.name,
                    parent=other.name,
                    cardinality=Cardinality.ONE_TO_ONE if unique else Cardinality.MANY_TO_ONE,
                    required=required and not f.optional,
                    via=fields[0] if len(fields) == 1 else "",
                    role="" if len(fields) == 1 else f.name,
                    on_delete=on_delete,
                    prov=self._prov("prisma.relation", f.line),
                )
            )
            return
        if back is not None and _has_fields(back):
            return  # the other side holds the foreign key and says it
        if f.is_list and back is not None and back.is_list:
            first, second = sorted((model.name, other.name))
            if (first, second, name) in self.many_to_many:
                return
            self.many_to_many.add((first, second, name))
            self.out.append(
                RelationshipFact(
                    child=model.name,
                    parent=other.name,
                    cardinality=Cardinality.MANY_TO_MANY,
                    role=name,
                    prov=self._prov("prisma.relation", f.line),
                )
            )
            return
        if f.is_list:  # Post[] with no field back: each post belongs to one of these
            self.out.append(
                RelationshipFact(
                    child=other.name, parent=model.name, prov=self._prov("prisma.relation", f.line)
                )
            )
            return
        if back is not None and back.is_list:
            return  # a bare back reference to a list side: that side's owner says nothing more either
        if back is not None and model.name > other.name:
            return  # a bare one-to-one pair without @relation(fields): say it once
        self.out.append(
            RelationshipFact(
                child=model.name,
                parent=other.name,
                cardinality=Cardinality.ONE_TO_ONE if back is not None else Cardinality.MANY_TO_ONE,
                required=not f.optional,
                via=f.name,
                prov=self._prov("prisma.relation", f.line),
            )
        )

    def _back(self, model: _Block, f: _Field, other: _Block, name: str) -> _Field | None:
        """The field on ``other`` that is the other side of relation field ``f``."""
        for candidate in other.fields:
            if candidate.type != model.name or (other is model and candidate is f):
                continue
            rel = candidate.attr("@relation")
            if _relation_name(rel.args if rel else "") == name:
                return candidate
        return None

    def _block_attr(self, model: _Block, attr: _Attr, line: int, composite_id: list[str]) -> None:
        names = _list(attr.args)
        plain = [n.lstrip("-") for n in names]
        if attr.name == "@@unique" and len(names) > 1:
            self.out.append(
                UniqueFact(entity=model.name, attributes=plain, prov=self._prov("prisma.unique", line))
            )
        elif attr.name == "@@id" and len(composite_id) > 1:
            self.out.append(
                UniqueFact(entity=model.name, attributes=plain, prov=self._prov("prisma.primary_key", line))
            )
        elif attr.name in ("@@index", "@@fulltext") and names:
            kind = _named(attr.args, "type").lower()
            self.out.append(
                IndexFact(
                    entity=model.name,
                    equality=[n for n in names if not n.startswith("-")],
                    sort=[n for n in names if n.startswith("-")],
                    text_search=attr.name == "@@fulltext" or kind in ("gin", "gist"),
                    description="index declared in the spec's Prisma schema",
                    prov=self._prov("prisma.index", line),
                )
            )

    def _prov(self, rule: str, line: int) -> Provenance:
        return prov(rule, line, self.lines.get(line, ""), PRIORITY)

    def _assume(self, rule: str, line: int, text: str) -> None:
        self.out.append(AssumptionFact(text=text, prov=self._prov(rule, line)))


def _has_fields(f: _Field) -> bool:
    rel = f.attr("@relation")
    return rel is not None and bool(_list(rel.args, "fields"))


def _quoted(args: str) -> str:
    m = re.search(r'"([^"]*)"', args)
    return m.group(1) if m else ""
