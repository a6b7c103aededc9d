"""Extractors for the explicit parts of a spec: entity tables, ER blocks, SQL, field tables, entity
bullets (spec-kit Key Entities, Kiro Glossary, data requirement lists), BMAD model blocks, JSON bodies."""

from __future__ import annotations

import json
import re

import sqlglot
from sqlglot import exp

from schemawright.domain.builder import ModelBuilder
from schemawright.domain.describe import describe, relation_phrase
from schemawright.domain.model import AccessPattern, Cardinality, Entity, Source
from schemawright.domain.naming import snake
from schemawright.domain.phrases import parse_attribute, split_list
from schemawright.spec.document import Block, SpecDocument

PLACEHOLDER = re.compile(r"^\s*(?:\.\.\.|…|-|tbd|n/?a|\{\{.*\}\}|\[[A-Z _]+\]|\(.*/.*\))?\s*$", re.I)


def _src(block: Block, line: int | None = None, text: str = "") -> Source:
    return Source(line=line or block.line, text=(text or block.text)[:200])


def _header_index(header: list[str], *names: str) -> int | None:
    for i, cell in enumerate(header):
        if any(re.search(rf"\b{n}\b", cell.lower()) for n in names):
            return i
    return None


def entity_tables(doc: SpecDocument, b: ModelBuilder) -> list[tuple[Entity, list[str], Source]]:
    """The template's "Tables/Collections Required" table. Returns pending key-field lists per entity
    (resolved once every entity is known, since ``user_id`` may name an entity listed later)."""
    pending: list[tuple[Entity, list[str], Source]] = []
    for block in doc.blocks:
        if block.kind != "table" or len(block.rows) < 2:
            continue
        header = block.rows[0]
        name_col = _header_index(header, "entity", "table", "collection", "model")
        fields_col = _header_index(header, "key fields", "fields", "columns", "attributes")
        purpose_col = _header_index(header, "purpose", "description")
        if fields_col is None and purpose_col is not None and len(header) == 2:
            fields_col = purpose_col  # "| Table | Purpose |": the names alone declare the entities
        if name_col is None or fields_col is None or _header_index(header, "type") is not None:
            continue
        for offset, row in enumerate(block.rows[1:], start=1):
            if len(row) <= max(name_col, fields_col) or PLACEHOLDER.match(row[name_col]):
                continue
            line = block.line + offset + 1
            src = Source(line=line, text=" | ".join(row)[:200])
            purpose = row[purpose_col] if purpose_col is not None and purpose_col < len(row) else ""
            entity = b.entity(row[name_col], src, description=purpose, declared=True)
            if entity is None:
                continue
            if purpose:
                b.purposes.append((entity, purpose, src))
            if fields_col == purpose_col:
                continue
            fields = [f.strip() for f in re.split(r"[,;]", row[fields_col]) if not PLACEHOLDER.match(f)]
            pending.append((entity, fields, src))
    return pending


def resolve_key_fields(b: ModelBuilder, pending: list[tuple[Entity, list[str], Source]]) -> None:
    for entity, fields, src in pending:
        for field in fields:
            name = snake(field)
            if name == "id" or not name:
                continue
            if name.endswith("_id"):
                target = b.find(name[:-3])
                if target is not None:
                    b.relate(
                        entity.name, target.name, src, role="" if target.name == name[:-3] else name[:-3]
                    )
                    continue
            attr = parse_attribute(field, b.lexicon, src)
            if attr is not None:
                attr.name = name
                b.attribute(entity, attr)


_ER_LINK = re.compile(
    r"\[([^\]]+)\]\s*([01*NnMm](?:\.\.[*1Nn])?)\s*-{2,}\s*([01*NnMm](?:\.\.[*1Nn])?)\s*(?=\[)"
)


def er_blocks(doc: SpecDocument, b: ModelBuilder) -> None:
    """``[User] 1----* [Order] *----* [Product]``: left/right cardinalities give the foreign-key side."""
    for block in doc.blocks:
        if block.kind not in ("code", "paragraph", "bullet") or "----" not in block.text.replace(
            "--", "----"
        ):
            continue
        for offset, line in enumerate(block.text.splitlines()):
            line_no = block.line + offset + (1 if block.kind == "code" else 0)
            for m in _ER_LINK.finditer(line):
                right = re.match(r"\s*\[([^\]]+)\]", line[m.end() :])
                if not right:
                    continue
                src = Source(line=line_no, text=line.strip()[:200])
                left_e = b.entity(m.group(1), src, declared=True)
                right_e = b.entity(right.group(1), src, declared=True)
                if left_e is None or right_e is None:
                    continue
                lcard, rcard = _card(m.group(2)), _card(m.group(3))
                if lcard == "many" and rcard == "many":
                    b.relate(left_e.name, right_e.name, src, cardinality=Cardinality.MANY_TO_MANY)
                elif lcard == "one" and rcard == "one":
                    b.relate(right_e.name, left_e.name, src, cardinality=Cardinality.ONE_TO_ONE)
                elif lcard == "one":
                    b.relate(right_e.name, left_e.name, src, required=not m.group(2).startswith("0"))
                else:
                    b.relate(left_e.name, right_e.name, src, required=not m.group(3).startswith("0"))


def _card(text: str) -> str:
    return "many" if any(c in text for c in "*NnMm") else "one"


_MERMAID = re.compile(r"^\s*([\w-]+)\s+([|}o]{2})(--|\.\.)([|{o]{2})\s+([\w-]+)\s*:?")


def mermaid_er(doc: SpecDocument, b: ModelBuilder) -> None:
    for block in doc.blocks:
        if block.kind != "code" or "erDiagram" not in block.text:
            continue
        for offset, line in enumerate(block.text.splitlines()):
            m = _MERMAID.match(line)
            if not m:
                continue
            src = Source(line=block.line + offset + 1, text=line.strip())
            left = b.entity(m.group(1), src, declared=True)
            right = b.entity(m.group(5), src, declared=True)
            if left is None or right is None:
                continue
            lmany, rmany = "}" in m.group(2), "{" in m.group(4)
            if lmany and rmany:
                b.relate(left.name, right.name, src, cardinality=Cardinality.MANY_TO_MANY)
            elif rmany:
                owned = bool(re.search(r":\s*\"?(?:contains|includes|has|holds|consists of)\b", line, re.I))
                b.relate(
                    right.name,
                    left.name,
                    src,
                    required="o" not in m.group(2),
                    ownership="owned" if owned else "reference",
                )
            elif lmany:
                b.relate(left.name, right.name, src, required="o" not in m.group(4))
            else:
                b.relate(right.name, left.name, src, cardinality=Cardinality.ONE_TO_ONE)


def sql_blocks(doc: SpecDocument, b: ModelBuilder) -> None:
    """``CREATE TABLE`` statements given in the spec are authoritative for names, columns and keys."""
    for block in doc.blocks:
        if block.kind != "code" or not re.search(r"create\s+table", block.text, re.I):
            continue
        try:
            statements = sqlglot.parse(block.text, read="postgres")
        except sqlglot.errors.ParseError:
            b.assume(f"Could not parse the SQL block at line {block.line}; it was ignored.", _src(block))
            continue
        for stmt in statements:
            if not isinstance(stmt, exp.Create) or stmt.kind != "TABLE":
                continue
            schema = stmt.this
            table = schema.this if isinstance(schema, exp.Schema) else schema
            src = _src(block, text=f"CREATE TABLE {table.name}")
            entity = b.entity(table.name, src, declared=True)
            if entity is None or not isinstance(schema, exp.Schema):
                continue
            for col in schema.expressions:
                if not isinstance(col, exp.ColumnDef):
                    continue
                name = col.name
                if name == "id":
                    continue
                ref = col.find(exp.Reference)
                if ref is not None:
                    target = ref.this.this if isinstance(ref.this, exp.Schema) else ref.this
                    parent = b.entity(target.name, src)
                    if parent:
                        b.relate(
                            entity.name,
                            parent.name,
                            src,
                            role=_role(name, parent.name),
                            required=col.find(exp.NotNullColumnConstraint) is not None,
                        )
                    continue
                if name in ("created_at", "updated_at"):
                    continue
                declared = col.args["kind"].sql("postgres") if col.args.get("kind") else ""
                attr = parse_attribute(name, b.lexicon, src, declared_type=declared)
                if attr is None:
                    continue
                attr.name = snake(name)
                attr.required = col.find(exp.NotNullColumnConstraint) is not None
                attr.unique = col.find(exp.UniqueColumnConstraint) is not None
                b.attribute(entity, attr)


def _role(column: str, parent: str) -> str:
    base = column[:-3] if column.endswith("_id") else column
    return "" if base == parent else base


def field_tables(doc: SpecDocument, b: ModelBuilder) -> None:
    """``| Field | Type | Constraints |`` tables under a heading that names the entity."""
    for block in doc.blocks:
        if block.kind != "table" or len(block.rows) < 2:
            continue
        header = block.rows[0]
        field_col = _header_index(header, "field", "column", "attribute", "name", "property")
        type_col = _header_index(header, "type", "data type")
        if field_col is None or type_col is None or field_col == type_col or not block.section:
            continue
        title = re.sub(r"^(?:table|entity|model|collection)\s*:\s*", "", _raw_title(doc, block)).strip("` ")
        src = _src(block, text=title)
        entity = b.entity(title, src, declared=True)
        if entity is None:
            continue
        notes_col = _header_index(header, "constraints", "notes", "description", "rules")
        for offset, row in enumerate(block.rows[1:], start=1):
            if len(row) <= max(field_col, type_col) or PLACEHOLDER.match(row[field_col]):
                continue
            rsrc = Source(line=block.line + offset + 1, text=" | ".join(row)[:200])
            notes = row[notes_col] if notes_col is not None and notes_col < len(row) else ""
            fk = re.search(r"(?:foreign key|fk|references?|→|->)\s*(?:→|->|to)?\s*`?(\w+)", notes, re.I)
            name = snake(row[field_col])
            if name == "id":
                continue
            if fk:
                parent = b.entity(fk.group(1), rsrc)
                if parent:
                    b.relate(
                        entity.name,
                        parent.name,
                        rsrc,
                        role=_role(name, parent.name),
                        required="optional" not in notes.lower() and "null" not in notes.lower(),
                    )
                    continue
            attr = parse_attribute(
                row[field_col], b.lexicon, rsrc, declared_type=row[type_col], description=notes
            )
            if attr is not None:
                attr.name = name
                if re.search(r"\bnullable\b|\boptional\b", notes, re.I):
                    attr.required = False
                b.attribute(entity, attr)


def _raw_title(doc: SpecDocument, block: Block) -> str:
    """The enclosing heading as written: "ApiKey" keeps its word boundary (normalised titles lose it)."""
    before = [h for h in doc.headings if h.line < block.line]
    if before and before[-1].title == block.section[-1]:
        raw = re.sub(r"^#+\s*|\s*#+$", "", before[-1].raw).strip()
        raw = re.sub(r"^[\d.]+\s+", "", raw)
        if raw.lower().replace(" ", "") == block.section[-1].replace(" ", ""):
            return raw
    return block.section[-1]


def entity_bullets(doc: SpecDocument, b: ModelBuilder) -> list[tuple[Entity, str, Source]]:
    """``- **Name**: definition`` bullets in entity sections. Returns definitions to read once every
    entity is known."""
    pending: list[tuple[Entity, str, Source]] = []
    current: Entity | None = None
    model_sections = _bmad_sections(doc)
    for block in doc.blocks:
        if block.kind != "bullet" or not block.in_section(*b.lexicon.entity_sections):
            continue
        if tuple(block.section) in model_sections:
            continue
        m = re.match(r"^([A-Za-z][\w /-]{0,40}?)\s*[:—–-]\s+(.*)$", block.text)
        if block.depth == 0 and m and len(m.group(1).split()) <= 4:
            src = _src(block)
            current = b.entity(m.group(1), src, description=m.group(2), declared=True)
            if current is not None:
                pending.append((current, m.group(2), src))
        elif block.depth > 0 and current is not None:
            pending.append(
                (
                    current,
                    re.sub(r"^(?:attributes|fields|relationships)\s*:\s*", "", block.text, flags=re.I),
                    _src(block),
                )
            )
    return pending


def _bmad_sections(doc: SpecDocument) -> set[tuple[str, ...]]:
    return {
        tuple(block.section)
        for block in doc.blocks
        if re.match(r"^(?:key )?attributes\s*:?$", block.text, re.I) and block.kind == "paragraph"
    }


def bmad_models(doc: SpecDocument, b: ModelBuilder) -> list[tuple[Entity, str, str, Source]]:
    """BMAD blocks: a heading per model with ``Key Attributes:`` and ``Relationships:`` lists.
    Returns (entity, mode, text, source) items to apply once every entity is known."""
    pending: list[tuple[Entity, str, str, Source]] = []
    headings_with_attrs = _bmad_sections(doc)
    mode = ""
    for block in doc.blocks:
        section = tuple(block.section)
        if section not in headings_with_attrs:
            continue
        heading = next(h for h in reversed(doc.headings) if h.title == section[-1] and h.line <= block.line)
        src = Source(line=heading.line, text=heading.raw)
        entity = b.entity(heading.raw, src, declared=True)
        if entity is None:
            continue
        if block.kind == "paragraph":
            low = block.text.lower()
            if low.startswith("purpose:"):
                entity.description = block.text.split(":", 1)[1].strip()
                mode = ""
            elif low.startswith("key attributes"):
                mode = "attr"
            elif low.startswith("relationships"):
                mode = "rel"
            else:
                mode = ""
        elif block.kind == "bullet" and mode:
            # "- total: money" directly followed by "Relationships:" is one lazy-continued bullet.
            tail = re.search(r"\s+((?:key )?attributes|relationships)\s*:\s*$", block.text, re.I)
            text = block.text[: tail.start()] if tail else block.text
            pending.append((entity, mode, text, _src(block)))
            if tail:
                mode = "rel" if tail.group(1).lower() == "relationships" else "attr"
    return pending


def apply_bmad(b: ModelBuilder, items: list[tuple[Entity, str, str, Source]]) -> None:
    for entity, mode, text, src in items:
        if mode == "rel":
            relation_phrase(b, entity, text, src)
            continue
        m = re.match(r"^`?([\w ]+?)`?\s*(?::\s*(.*))?$", text)
        if not m:
            continue
        name, declared, description = m.group(1), "", (m.group(2) or "").strip()
        typed = re.match(r"^([\w<>\[\]()|, ]+?)(?:\s+[-—–]\s+(.*))?$", description)
        if typed and (
            b.lexicon.kind_for_type(typed.group(1).strip()) is not None
            or (
                re.fullmatch(r"[\w<>\[\]()|]+(?:\(\d+(?:,\s*\d+)?\))?", typed.group(1).strip())
                and not re.fullmatch(r"unique|optional|required", typed.group(1).strip(), re.I)
            )
        ):
            declared, description = typed.group(1).strip(), (typed.group(2) or "").strip()
        elif re.fullmatch(r"(?:yes or no|true or false|a flag)", description, re.I):
            declared, description = "boolean", ""
        target = b.find(name[:-3]) if snake(name).endswith("_id") else None
        if target is not None:
            b.relate(entity.name, target.name, src)
            continue
        attr = parse_attribute(name, b.lexicon, src, declared_type=declared, description=description)
        if attr is None:
            continue
        attr.name = snake(name)
        if re.search(r"\bif\b|\boptional\b|\bnullable\b", description, re.I):
            attr.required = False
        b.attribute(entity, attr)
        _description_rules(b, entity, attr.name, description, src)


def _description_rules(b: ModelBuilder, entity: Entity, attr: str, description: str, src: Source) -> None:
    """Range/order rules stated in an attribute's description ("must be later than the start")."""
    from schemawright.domain.describe import scoped_unique
    from schemawright.domain.model import CheckRule

    current = entity.attribute(attr)
    if current is not None:
        scoped_unique(b, entity, current, description, src)
    m = re.search(r"\b(?:later|after|greater|more|larger|bigger) than (?:the )?([\w ]+)", description, re.I)
    if m:
        other = _closest_attribute(entity, m.group(1))
        if other and other != attr:
            b.check(
                CheckRule(entity=entity.name, kind="compare", attribute=attr, other=other, op=">", source=src)
            )


def _closest_attribute(entity: Entity, phrase: str) -> str | None:
    words = [w for w in snake(phrase).split("_") if w]
    for a in entity.attributes:
        if any(w in a.name.split("_") or a.name.startswith(w[:4]) for w in words):
            return a.name
    return None


def apply_definitions(b: ModelBuilder, items: list[tuple[Entity, str, Source]]) -> None:
    from schemawright.domain.phrasing import definition  # phrasing imports describe, as we do

    for entity, text, src in items:
        if not definition(b, entity, text, src):
            describe(b, entity, _as_list(b, text), src)
    for entity, purpose, src in b.purposes:  # "| Message | one message posted in a conversation |"
        definition(b, entity, purpose, src, describe_rest=False)


def _as_list(b: ModelBuilder, text: str) -> str:
    """ "Departments: a name and an annual budget": a definition that is only short noun phrases lists
    the attributes (a definition such as "a person with a library card" keeps its own reading)."""
    first = re.split(r"[.;]", text, maxsplit=1)[0]
    items = split_list(first)
    if len(items) < 2 or re.search(r"\b(?:with|who|which|that|of|is|are|has|have)\b", first, re.I):
        return text
    attrs = [parse_attribute(i, b.lexicon, Source()) if len(i.split()) <= 4 else None for i in items]
    if all(a is not None and b.lexicon.kind_for_name(a.name) is not None for a in attrs):
        return "with " + text  # every item is a recognised attribute word
    return text


def json_bodies(doc: SpecDocument, b: ModelBuilder) -> None:
    """Request bodies hint at attributes: fields of a body join the entity whose known attributes they
    share. Credentials are kept (the relational designer turns ``password`` into ``password_hash``)."""
    skip = {
        "id",
        "page",
        "limit",
        "offset",
        "cursor",
        "confirm_password",
        "password_confirmation",
        "token",
        "code",
        "captcha",
        "remember_me",
        "sort",
        "order",
        "q",
        "query",
    }
    for block in doc.blocks:
        if block.kind != "code" or not (block.lang.startswith("json") or block.text.lstrip().startswith("{")):
            continue
        if not block.in_section("request", "endpoint", "api", "backend", "schemas"):
            continue
        try:
            body = json.loads(block.text)
        except ValueError:
            continue
        if not isinstance(body, dict):
            continue
        names = [snake(k) for k in body if isinstance(k, str)]
        best: Entity | None = None
        best_overlap = 0
        for entity in b.model.entities:
            known = {a.name for a in entity.attributes}
            known |= {a.name.removesuffix("_hash") for a in entity.attributes}
            overlap = len(known & set(names))
            if overlap > best_overlap:
                best, best_overlap = entity, overlap
        if best is None:
            continue
        for key, value in body.items():
            name = snake(key)
            if name in skip or best.attribute(name) or best.attribute(name + "_hash"):
                continue
            declared = value if isinstance(value, str) else type(value).__name__
            attr = parse_attribute(
                key.replace("_", " "), b.lexicon, _src(block, text=f'"{key}"'), declared_type=declared
            )
            if attr is not None:
                attr.name = name
                b.attribute(best, attr)


def index_tables(doc: SpecDocument, b: ModelBuilder) -> None:
    """``Indexes Required`` table: Table | Index | Columns | Type."""
    for block in doc.blocks:
        if block.kind != "table" or not block.in_section("index"):
            continue
        header = block.rows[0]
        table_col = _header_index(header, "table", "collection", "entity")
        cols_col = _header_index(header, "columns", "fields", "column")
        type_col = _header_index(header, "type", "kind")
        if table_col is None or cols_col is None:
            continue
        for offset, row in enumerate(block.rows[1:], start=1):
            if len(row) <= max(table_col, cols_col) or PLACEHOLDER.match(row[table_col]):
                continue
            src = Source(line=block.line + offset + 1, text=" | ".join(row)[:200])
            entity = b.find(row[table_col])
            if entity is None:
                continue
            columns = [snake(c) for c in split_list(row[cols_col])]
            kind = row[type_col].lower() if type_col is not None and type_col < len(row) else ""
            if "unique" in kind:
                b.unique(entity.name, columns, src)
            else:
                b.access(
                    AccessPattern(
                        entity=entity.name,
                        equality=columns,
                        source=src,
                        text_search="gin" in kind or "full" in kind,
                        description=f"index listed in the spec: {' | '.join(row)}",
                    )
                )
