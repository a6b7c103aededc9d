"""TypeScript interfaces (Kiro/AI ``design.md`` "Data Models"): ``interface Booking { classId: string; … }``.

Each interface is an entity; ``fooId`` fields naming another interface (or a known entity's head noun)
are links, ``?`` marks optional, string-literal unions are enums, ``Date`` is a point in time.
"""

from __future__ import annotations

import re

from schemawright.domain.builder import ModelBuilder
from schemawright.domain.model import Kind, Source
from schemawright.domain.naming import snake
from schemawright.domain.phrases import parse_attribute
from schemawright.spec.document import SpecDocument

_INTERFACE = re.compile(r"\b(?:export\s+)?(?:interface|type)\s+(\w+)\s*=?\s*\{", re.M)
_FIELD = re.compile(r"^\s*(?:readonly\s+)?(\w+)(\?)?\s*:\s*([^;,\n]+?)\s*[;,]?\s*(?://\s*(.*))?$")
_LITERAL = re.compile(r"^(?:'[^']*'|\"[^\"]*\")(?:\s*\|\s*(?:'[^']*'|\"[^\"]*\"))+$")


def typescript_models(doc: SpecDocument, b: ModelBuilder) -> None:
    for block in doc.blocks:
        if block.kind != "code" or not _INTERFACE.search(block.text):
            continue
        lines = block.text.splitlines()
        parsed: list[tuple[str, int, list[tuple[int, re.Match[str]]]]] = []
        current: tuple[str, int, list[tuple[int, re.Match[str]]]] | None = None
        for offset, line in enumerate(lines):
            start = _INTERFACE.search(line)
            if start:
                current = (start.group(1), offset, [])
                parsed.append(current)
                continue
            if current is None:
                continue
            if line.strip().startswith("}"):
                current = None
                continue
            m = _FIELD.match(line)
            if m:
                current[2].append((offset, m))
        # Names first, so that links resolve whatever the interface order.
        for name, offset, _ in parsed:
            b.entity(name, _src(block.line, offset, lines), declared=True)
        for name, _offset, fields in parsed:
            entity = b.find(name, exact=True)
            if entity is None:
                continue
            for field_offset, m in fields:
                _field(b, entity.name, m, _src(block.line, field_offset, lines))


def _src(block_line: int, offset: int, lines: list[str]) -> Source:
    return Source(line=block_line + offset + 1, text=lines[offset].strip()[:200])


def _field(b: ModelBuilder, entity_name: str, m: re.Match[str], src: Source) -> None:
    entity = b.find(entity_name, exact=True)
    if entity is None:
        return
    raw, optional, declared, comment = m.group(1), bool(m.group(2)), m.group(3).strip(), m.group(4) or ""
    name = snake(raw)
    if name == "id":
        return
    declared_lower = declared.lower().replace(" | null", "").replace(" | undefined", "")
    optional = optional or declared_lower != declared.lower()
    if name.endswith("_id") and not declared.endswith("[]"):
        parent = b.find(name[:-3].replace("_", " "))
        if parent is not None and parent.name != entity.name:
            role = "" if parent.name.endswith(name[:-3]) else name[:-3]
            b.relate(entity.name, parent.name, src, required=not optional, role=role)
            return
        if parent is not None:
            b.relate(entity.name, parent.name, src, required=False, role=name[:-3])
            return
    literal = _LITERAL.match(declared_lower)
    type_word = "enum" if literal else ("timestamp" if declared_lower == "date" else declared_lower)
    attr = parse_attribute(raw, b.lexicon, src, declared_type=type_word, description=comment)
    if attr is None:
        return
    attr.name = name
    attr.required = not optional
    if literal:
        attr.kind = Kind.ENUM
        attr.enum_values = [v.strip(" '\"") for v in declared.split("|") if v.strip(" '\"")]
    b.attribute(entity, attr)
