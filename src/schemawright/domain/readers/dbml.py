"""DBML → facts: ``Table`` blocks with typed columns and settings, ``Ref`` lines, ``Enum`` blocks, indexes.

``Table x { col type [pk, not null, unique, default: …, note: '…', ref: > y.id] }``; ``Ref: a.b > c.d``
(``>`` many-to-one, ``<`` one-to-many, ``-`` one-to-one, ``<>`` many-to-many, composite ``a.(x, y)``,
settings ``[delete: cascade]``); ``Enum e { v1 v2 }``; ``indexes { (a, b) [unique] }``. A column that holds
a reference is read as the relationship, not as a plain attribute.
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

_NAME = r'(?:"[^"]+"|`[^`]+`|[\w$]+)'
_TABLE = re.compile(
    rf"^table\s+({_NAME}(?:\.{_NAME})?)(?:\s+as\s+(\w+))?\s*(?:\[([^\]]*)\])?\s*\{{(.*)$", re.I
)
_ENUM = re.compile(rf"^enum\s+({_NAME}(?:\.{_NAME})?)\s*\{{(.*)$", re.I)
_OTHER_BLOCK = re.compile(r"^(?:project|tablegroup|note|tablepartial|records)\b[^{]*\{", re.I)
_REF_LINE = re.compile(r"^ref\b\s*(?:\w+|\"[^\"]*\")?\s*:\s*(.+)$", re.I)
_REF_BLOCK = re.compile(r"^ref\b\s*(?:\w+|\"[^\"]*\")?\s*\{(.*)$", re.I)
_COLUMN = re.compile(rf"^({_NAME})\s+(\"[^\"]+\"|[\w.$]+(?:\s*\([^)]*\))?(?:\[\])?)\s*(?:\[(.*)\])?\s*,?$")
_ENDPOINT = rf"({_NAME}(?:\.{_NAME})*?)\.(\([^)]*\)|{_NAME})"
_REF = re.compile(rf"^{_ENDPOINT}\s*(<>|<|>|-)\s*{_ENDPOINT}\s*(?:\[(.*)\])?\s*$")
_INLINE_REF = re.compile(rf"^ref\s*:\s*(<>|<|>|-)\s*{_ENDPOINT}\s*$", re.I)
_ON_DELETE: dict[str, Literal["cascade", "restrict", "set_null", "no_action"]] = {
    "cascade": "cascade",
    "restrict": "restrict",
    "set null": "set_null",
    "no action": "no_action",
}


@dataclass
class _Column:
    name: str
    type: str
    settings: list[str]
    line: int


@dataclass
class _Ref:
    left: tuple[str, list[str]]
    op: str
    right: tuple[str, list[str]]
    settings: list[str]
    line: int


@dataclass
class _Table:
    name: str
    line: int
    alias: str = ""
    note: str = ""
    columns: list[_Column] = field(default_factory=list)
    indexes: list[tuple[list[str], list[str], int]] = field(default_factory=list)
    refs: list[_Ref] = field(default_factory=list)  # inline column refs


@dataclass
class _Schema:
    tables: list[_Table] = field(default_factory=list)
    enums: dict[str, list[str]] = field(default_factory=dict)
    refs: list[_Ref] = field(default_factory=list)
    junk: list[int] = field(default_factory=list)


def read(doc: SpecDocument) -> list[Fact]:
    """Facts from every DBML block of ``doc``, read together (a ``Ref`` may name a table of another block)."""
    return _read(list(schema_blocks(doc, "dbml")))


def read_text(text: str, line: int = 1) -> list[Fact]:
    """Facts from DBML ``text`` whose first line is spec line ``line`` (a whole ``schema.dbml`` too)."""
    return _read([(text, line)])


def _read(parts: list[tuple[str, int]]) -> list[Fact]:
    schema = _Schema()
    lines: dict[int, str] = {}
    for text, first in parts:
        for i, raw in enumerate(text.split("\n")):
            lines[first + i] = raw
        _parse(text, first, schema)
    return _Reader(schema, lines).facts()


# -- parsing -------------------------------------------------------------------------------------------


def _unquote(name: str) -> str:
    return name.strip().strip('"`')


def _table_name(name: str) -> str:
    """``public."order items"`` → ``order items`` (the schema prefix says nothing about the entity)."""
    parts = re.findall(_NAME, name)
    return _unquote(parts[-1]) if parts else _unquote(name)


def _split(text: str) -> list[str]:
    """Comma-separated settings, with commas inside quotes, backticks or brackets left alone."""
    parts: list[str] = []
    depth, quote, start = 0, "", 0
    for i, c in enumerate(text):
        if quote:
            if c == quote:
                quote = ""
        elif c in "'\"`":
            quote = c
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "," and depth <= 0:
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def _strip_comment(line: str) -> str:
    quote = ""
    for i, c in enumerate(line):
        if quote:
            if c == quote:
                quote = ""
        elif c in "'\"`":
            quote = c
        elif line.startswith("//", i):
            return line[:i]
    return line


def _braces(line: str) -> int:
    """``{`` minus ``}`` outside quotes."""
    quote, count = "", 0
    for c in line:
        if quote:
            if c == quote:
                quote = ""
        elif c in "'\"`":
            quote = c
        elif c == "{":
            count += 1
        elif c == "}":
            count -= 1
    return count


def _endpoint(table: str, columns: str) -> tuple[str, list[str]]:
    cols = columns.strip()
    if cols.startswith("("):
        return _table_name(table), [_unquote(c) for c in cols[1:-1].split(",") if c.strip()]
    return _table_name(table), [_unquote(cols)]


def _parse(text: str, first: int, schema: _Schema) -> None:
    raw_lines = text.split("\n")
    i = 0
    table: _Table | None = None
    enum: list[str] | None = None
    in_indexes = in_refs = False
    skip_depth = 0
    while i < len(raw_lines):
        line_no = first + i
        code = _strip_comment(raw_lines[i]).strip()
        i += 1
        if "'''" in code and code.count("'''") % 2 == 1:  # a multi-line note: skip to its end
            while i < len(raw_lines) and "'''" not in raw_lines[i]:
                i += 1
            i += 1
            code = code.split("'''", 1)[0].strip()
            if table is not None and re.match(r"^note\s*:", code, re.I):
                continue
        if not code:
            continue
        if skip_depth:
            skip_depth += _braces(code)
            continue
        if in_indexes or in_refs:
            if code.startswith("}"):
                in_indexes = in_refs = False
                continue
            if in_indexes and table is not None:
                _index(table, code, line_no, schema)
            elif in_refs:
                _top_ref(code, line_no, schema)
            continue
        if enum is not None:
            if code.startswith("}"):
                enum = None
                continue
            m = re.match(rf"^({_NAME})", code)
            if m:
                enum.append(_unquote(m.group(1)))
            continue
        if table is not None:
            if code.startswith("}"):
                table = None
                continue
            if re.match(r"^indexes\s*\{", code, re.I):
                in_indexes = True
                continue
            note = re.match(r"^note\s*:\s*(['\"])(.*)\1\s*$", code, re.I)
            if note:
                table.note = note.group(2)
                continue
            if re.match(r"^note\s*\{", code, re.I):
                skip_depth = _braces(code)
                continue
            _column(table, code, line_no, schema)
            continue
        m = _TABLE.match(code)
        if m:
            table = _Table(_table_name(m.group(1)), line_no, alias=m.group(2) or "")
            settings = _split(m.group(3) or "")
            for s in settings:
                note = re.match(r"^note\s*:\s*(['\"])(.*)\1$", s, re.I)
                if note:
                    table.note = note.group(2)
            schema.tables.append(table)
            if m.group(4).strip().startswith("}"):
                table = None
            continue
        m = _ENUM.match(code)
        if m:
            enum = schema.enums.setdefault(_table_name(m.group(1)), [])
            continue
        m = _REF_BLOCK.match(code)
        if m:
            in_refs = True
            if m.group(1).strip():
                _top_ref(m.group(1).rstrip("} ").strip(), line_no, schema)
                in_refs = not m.group(1).strip().endswith("}")
            continue
        m = _REF_LINE.match(code)
        if m:
            _top_ref(m.group(1), line_no, schema)
            continue
        if _OTHER_BLOCK.match(code):
            skip_depth = _braces(code)
            continue
        schema.junk.append(line_no)


def _column(table: _Table, code: str, line: int, schema: _Schema) -> None:
    m = _COLUMN.match(code)
    if not m:
        schema.junk.append(line)
        return
    settings = _split(m.group(3) or "")
    table.columns.append(_Column(_unquote(m.group(1)), _unquote(m.group(2)), settings, line))
    for s in settings:
        ref = _INLINE_REF.match(s)
        if ref:
            here = (table.name, [_unquote(m.group(1))])
            table.refs.append(_Ref(here, ref.group(1), _endpoint(ref.group(2), ref.group(3)), [], line))


def _top_ref(code: str, line: int, schema: _Schema) -> None:
    m = _REF.match(code.strip())
    if not m:
        schema.junk.append(line)
        return
    left = _endpoint(m.group(1), m.group(2))
    right = _endpoint(m.group(4), m.group(5))
    schema.refs.append(_Ref(left, m.group(3), right, _split(m.group(6) or ""), line))


def _index(table: _Table, code: str, line: int, schema: _Schema) -> None:
    m = re.match(r"^(\([^)]*\)|`[^`]*`|[\w\"]+)\s*(?:\[(.*)\])?\s*$", code)
    if not m:
        schema.junk.append(line)
        return
    target = m.group(1)
    columns = [_unquote(c) for c in _split(target[1:-1])] if target.startswith("(") else [_unquote(target)]
    table.indexes.append((columns, _split(m.group(2) or ""), line))


# -- facts ---------------------------------------------------------------------------------------------


def _setting(settings: list[str], name: str) -> str | None:
    for s in settings:
        m = re.match(rf"^{name}\s*:\s*(.*)$", s, re.I | re.S)
        if m:
            return m.group(1).strip()
    return None


def _flag(settings: list[str], *names: str) -> bool:
    return any(re.fullmatch(r"\s+".join(n.split()), s.strip(), re.I) for s in settings for n in names)


def _default(value: str) -> str | None:
    if value.lower() == "null":
        return None
    if value.startswith("`") and value.endswith("`"):
        expression = value[1:-1].strip()
        return "CURRENT_TIMESTAMP" if re.fullmatch(r"now\s*\(\s*\)", expression, re.I) else expression
    if value[:1] in "'\"" and value.endswith(value[0]) and len(value) >= 2:
        return "'" + value[1:-1].replace("'", "''") + "'"
    return value


class _Reader:
    def __init__(self, schema: _Schema, lines: dict[int, str]) -> None:
        self.schema = schema
        self.lines = lines
        self.out: list[Fact] = []
        aliases = {t.alias: t.name for t in schema.tables if t.alias}
        self.alias = aliases
        self.columns = {(t.name, c.name): c for t in schema.tables for c in t.columns}
        self.pk_members = {
            (t.name, c)
            for t in schema.tables
            for cols, st, _ in t.indexes
            if _flag(st, "pk", "primary key")
            for c in cols
        }
        self.fk_columns: set[tuple[str, str]] = set()
        for ref in [r for t in schema.tables for r in t.refs] + schema.refs:
            child, _, _ = self._sides(ref)
            if ref.op != "<>" and len(child[1]) == 1 and not self._is_pk(child[0], child[1][0]):
                self.fk_columns.add((child[0], child[1][0]))

    def _is_pk(self, table: str, column: str) -> bool:
        """A key column that also references another table (a shared primary key) stays an attribute."""
        found = self.columns.get((table, column))
        return found is not None and _flag(found.settings, "pk", "primary key")

    def _table(self, name: str) -> str:
        return self.alias.get(name, name)

    def _sides(self, ref: _Ref) -> tuple[tuple[str, list[str]], tuple[str, list[str]], bool]:
        """``(child side, parent side, one_to_one)``: the foreign key sits on the child."""
        left = (self._table(ref.left[0]), ref.left[1])
        right = (self._table(ref.right[0]), ref.right[1])
        if ref.op == "<":
            return right, left, False
        return left, right, ref.op == "-"

    def facts(self) -> list[Fact]:
        for table in self.schema.tables:
            self._entity(table)
        for ref in self.schema.refs:
            self._relationship(ref, "dbml.ref")
        for line in self.schema.junk:
            text = self.lines.get(line, "").strip()
            self.out.append(
                AssumptionFact(
                    text=f"DBML line skipped (not understood): {text}", prov=self._prov("dbml.skipped", line)
                )
            )
        return self.out

    def _entity(self, table: _Table) -> None:
        self.out.append(
            EntityFact(
                name=table.name,
                table_name=table.name,
                description=table.note,
                prov=self._prov("dbml.table", table.line),
            )
        )
        pk_columns = [cols for cols, settings, _ in table.indexes if _flag(settings, "pk", "primary key")]
        for column in table.columns:
            if (table.name, column.name) in self.fk_columns:
                continue
            self._attribute(table, column)
        for ref in table.refs:
            self._relationship(ref, "dbml.ref")
        for columns, settings, line in table.indexes:
            unique = _flag(settings, "unique")
            if columns in pk_columns and len(columns) > 1:
                self.out.append(
                    UniqueFact(
                        entity=table.name, attributes=columns, prov=self._prov("dbml.primary_key", line)
                    )
                )
            elif unique:
                self.out.append(
                    UniqueFact(entity=table.name, attributes=columns, prov=self._prov("dbml.unique", line))
                )
            elif columns not in pk_columns:
                kind = (_setting(settings, "type") or "").lower()
                name = (_setting(settings, "name") or "").strip("'\"")
                self.out.append(
                    IndexFact(
                        entity=table.name,
                        equality=[c.strip("`") for c in columns],
                        text_search=kind in ("gin", "gist", "fulltext"),
                        description=f"index {name} declared in the spec's DBML".replace("  ", " "),
                        prov=self._prov("dbml.index", line),
                    )
                )

    def _attribute(self, table: _Table, column: _Column) -> None:
        s = column.settings
        pk = _flag(s, "pk", "primary key")
        values = self.schema.enums.get(_table_name(column.type), [])
        default = _setting(s, "default")
        note = _setting(s, "note")
        length = re.fullmatch(r"(?:n?var)?char(?:acter varying)?\s*\(\s*(\d+)\s*\)", column.type, re.I)
        required: bool = pk or _flag(s, "not null")
        self.out.append(
            AttributeFact(
                entity=table.name,
                name=column.name,
                kind=Kind.ENUM if values else None,
                declared_type=column.type,
                required=required,
                unique=True if _flag(s, "unique") else None,
                primary_key=pk,
                enum_values=list(values),
                max_length=int(length.group(1)) if length else None,
                default=_default(default) if default is not None else None,
                description=note.strip("'\"") if note else "",
                prov=self._prov("dbml.column", column.line),
            )
        )

    def _relationship(self, ref: _Ref, rule: str) -> None:
        child, parent, one_to_one = self._sides(ref)
        delete = (_setting(ref.settings, "delete") or "").lower()
        via = child[1][0] if len(child[1]) == 1 and not self._is_pk(child[0], child[1][0]) else ""
        column = self.columns.get((child[0], child[1][0])) if len(child[1]) == 1 else None
        required: bool | None = None
        if column is not None:
            required = (
                _flag(column.settings, "not null", "pk", "primary key") or (child[0], via) in self.pk_members
            )
        if ref.op == "<>":
            self.out.append(
                RelationshipFact(
                    child=child[0],
                    parent=parent[0],
                    cardinality=Cardinality.MANY_TO_MANY,
                    prov=self._prov(rule, ref.line),
                )
            )
            return
        unique = column is not None and _flag(column.settings, "unique", "pk", "primary key")
        self.out.append(
            RelationshipFact(
                child=child[0],
                parent=parent[0],
                cardinality=Cardinality.ONE_TO_ONE if one_to_one or unique else Cardinality.MANY_TO_ONE,
                required=required,
                via=via,
                on_delete=_ON_DELETE.get(" ".join(delete.split())),
                prov=self._prov(rule, ref.line),
            )
        )
        if len(child[1]) > 1:
            self.out.append(
                AssumptionFact(
                    text=f"Composite reference {child[0]} ({', '.join(child[1])}) → {parent[0]} "
                    f"({', '.join(parent[1])}): kept as one relationship to {parent[0]}",
                    prov=self._prov(rule, ref.line),
                )
            )

    def _prov(self, rule: str, line: int) -> Provenance:
        return prov(rule, line, self.lines.get(line, ""), PRIORITY)
