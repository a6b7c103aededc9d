"""Markdown tables and ER link blocks → facts.

* **Field tables** in any column order and naming (``| Field | Type | Constraints |``,
  ``| Column | Data type | Nullable | Notes |``, ``| Attribute | Description |``,
  ``| Name | Type | Required | Description |`` …). The entity is the nearest heading (``#### Table:
  order_items``, ``### Order``) or a short line just above the table (``**Order**``, "The `orders` table:").
  Notes such as "Foreign key → User.id", "FK to users", "references X", "unique", "unique per X", "PK",
  "not null", "optional", "default 0", "one of: a, b, c", "between 1 and 5" become the matching facts.
* **Entity tables** (the app-pipeline template's ``Tables/Collections Required``: Entity | Purpose | Key
  Fields): one entity per row, its key fields as attributes or links (``user_id``).
* **ER link blocks**: ``[A] 1----* [B]``, ``[A] *----* [B]``, ``[A] 1----1 [B]``, ``0..1`` optional ends.
* **Index tables** (``### Indexes Required``: Table | Index | Columns | Type): unique ones become
  :class:`UniqueFact` (with a ``WHERE`` condition when partial), others :class:`IndexFact`.

Rule ids: ``table.entity``, ``table.field``, ``table.fk``, ``table.unique``, ``table.entity_row``,
``table.key_field``, ``table.key_field_fk``, ``er.entity``, ``er.link``, ``table.index``,
``table.unique_index``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from schemawright.domain.facts import (
    AssumptionFact,
    AttributeFact,
    EntityFact,
    Fact,
    IndexFact,
    RelationshipFact,
    UniqueFact,
)
from schemawright.domain.model import Cardinality, Kind
from schemawright.domain.readers.hints import (
    Known,
    bounds_hint,
    clean_entity_title,
    code_first_line,
    declared_names,
    default_hint,
    enum_hint,
    link_target,
    nullable_type,
    on_delete_hint,
    placeholder,
    primary_key_hint,
    prov,
    raw_line,
    refers_to,
    required_hint,
    split_top,
    split_values,
    strip_heading,
    unique_hint,
)
from schemawright.domain.readers.sections import section_matches
from schemawright.spec.document import Block, SpecDocument

# -- header roles ----------------------------------------------------------------------------------

_ROLE_WORDS: list[tuple[str, tuple[str, ...]]] = [
    (
        "entity",
        (
            "entity",
            "entity name",
            "table",
            "table name",
            "collection",
            "model",
            "model name",
            "entities",
            "tables",
            "collections",
            "models",
        ),
    ),
    ("index", ("index", "index name", "indexes", "name of index")),
    (
        "columns",
        ("columns", "key columns", "indexed columns", "index columns", "on columns", "fields indexed"),
    ),
    ("key_fields", ("key fields", "fields", "key attributes", "attributes", "main fields", "key columns")),
    (
        "name",
        (
            "field",
            "field name",
            "column",
            "column name",
            "attribute",
            "attribute name",
            "property",
            "property name",
            "name",
            "key",
            "field / column",
            "field/column",
        ),
    ),
    (
        "type",
        (
            "type",
            "data type",
            "datatype",
            "sql type",
            "db type",
            "column type",
            "field type",
            "format",
            "value type",
            "type / format",
        ),
    ),
    ("nullable", ("nullable", "null", "null?", "nullable?", "allow null", "allows null", "can be null")),
    ("required", ("required", "required?", "mandatory", "req", "req.", "not null")),
    ("optional", ("optional", "optional?")),
    ("unique", ("unique", "unique?", "uq")),
    ("keyflag", ("pk", "pk/fk", "keys", "key type", "pk / fk", "index/key")),
    ("default", ("default", "default value", "defaults")),
    (
        "refs",
        (
            "references",
            "foreign key",
            "fk",
            "relation",
            "relationship",
            "links to",
            "ref",
            "fk to",
            "refers to",
        ),
    ),
    ("example", ("example", "sample", "example value", "examples")),
    (
        "purpose",
        (
            "purpose",
            "description",
            "notes",
            "note",
            "constraints",
            "constraint",
            "rules",
            "comment",
            "comments",
            "remarks",
            "validation",
            "details",
            "meaning",
            "explanation",
            "constraints / notes",
            "notes / constraints",
            "business rules",
        ),
    ),
]
_NOT_FIELD_TABLE = re.compile(
    r"\b(?:method|endpoint|route|path|http|status code|requirement|priority|user story|scenario|given|metric|"
    r"risk|owner|milestone|phase|date|env(?:ironment)? var|variable|header|parameter|param|query)\b",
    re.I,
)
_SKIP_SECTIONS = (
    "configuration",
    "environment",
    "settings",
    "parameters",
    "query parameters",
    "headers",
    "error codes",
    "errors",
    "props",
    "arguments",
    "request",
    "response",
    "endpoints",
    "api",
    "metrics",
    "risks",
    "glossary",
    "success criteria",
    "acceptance criteria",
)
_GENERIC_TITLE = re.compile(
    r"^(?:data ?models?|domain ?model|schemas?|schema design|schema definitions?|"
    r"fields?|attributes?|columns?|"
    r"database(?: schema| design)?|tables?|entities|key entities|overview|details?|structure|definitions?|"
    r"data|storage|persistence|model|models|tables/collections required|data requirements|data & state|"
    r"field reference|reference|properties)$",
    re.I,
)
_DOC_TITLE = re.compile(  # a document's title that names the document, not a thing
    r"^(?:feature(?: specification| spec)?|requirements?(?: document)?|prd|spec(?:ification)?|design|"
    r"product requirements(?: document)?|architecture|technical design|rfc|proposal|untitled)$",
    re.I,
)
_IDENT_CELL = re.compile(r"^[A-Za-z_][\w.\-]*(?: [A-Za-z_][\w.\-]*){0,3}\??$")


def _roles(header: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for i, cell in enumerate(header):
        low = re.sub(r"[*_`]", "", cell).strip().lower()
        for role, words in _ROLE_WORDS:
            if low in words and role not in roles:
                roles[role] = i
                break
    return roles


def _cell(row: list[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    value = row[index].strip()
    return "" if placeholder(value) else value


def _yes(text: str) -> bool | None:
    low = text.strip().lower().strip(".")
    if low in ("yes", "y", "true", "✓", "✔", "x", "required", "not null", "mandatory", "✅", "1"):
        return True
    if low in ("no", "n", "false", "✗", "✘", "-", "optional", "nullable", "null", "❌", "0", ""):
        return False if low else None
    return None


# -- reader ----------------------------------------------------------------------------------------


def read(doc: SpecDocument) -> list[Fact]:
    known = declared_names(doc)
    for index, block in enumerate(doc.blocks):  # entities of field tables first: links may point ahead
        if block.kind == "table" and len(block.rows) >= 2:
            roles = _roles(block.rows[0])
            if (
                not _is_index_table(block, roles)
                and not _is_entity_table(roles)
                and _is_field_table(block, roles)
            ):
                name = _context_name(doc, index, block)[0]
                if name:
                    known.add(name)
    facts: list[Fact] = []
    for index, block in enumerate(doc.blocks):
        if block.kind == "table" and len(block.rows) >= 2:
            roles = _roles(block.rows[0])
            if _is_index_table(block, roles):
                facts.extend(_index_table(doc, block, roles))
            elif _is_entity_table(roles):
                facts.extend(_entity_table(doc, block, roles, known))
            elif _is_field_table(block, roles):
                facts.extend(_field_table(doc, index, block, roles, known))
        if block.kind in ("code", "paragraph", "bullet") and "]" in block.text and "--" in block.text:
            facts.extend(_er_block(doc, block))
    return facts


def _is_index_table(block: Block, roles: dict[str, int]) -> bool:
    has_table = "entity" in roles
    has_columns = "columns" in roles or ("key_fields" in roles and section_matches(block, "indexes", "index"))
    return has_table and has_columns and ("index" in roles or section_matches(block, "indexes", "index"))


def _is_entity_table(roles: dict[str, int]) -> bool:
    return "entity" in roles and "type" not in roles and ("key_fields" in roles or "purpose" in roles)


def _is_field_table(block: Block, roles: dict[str, int]) -> bool:
    if "name" not in roles or "entity" in roles:
        return False
    if not ({"type", "purpose", "nullable", "required", "keyflag", "refs"} & roles.keys()):
        return False
    if any(_NOT_FIELD_TABLE.search(cell) for cell in block.rows[0]):
        return False
    # the document title ("# API Keys") says what the feature is about, not what kind of table this is
    inner = block.section[1:] if len(block.section) > 1 else block.section
    skipped = any(re.search(rf"\b{re.escape(n)}\b", title) for title in inner for n in _SKIP_SECTIONS)
    if skipped and not section_matches(block, "data model"):  # whole words: "ApiKey" is not "api"
        return False
    names = [row[roles["name"]] for row in block.rows[1:] if roles["name"] < len(row)]
    idents = [n for n in names if _IDENT_CELL.match(_clean_name(n)[0])]
    return bool(names) and len(idents) * 10 >= len(names) * 6


# -- field tables ----------------------------------------------------------------------------------

_CONTEXT_LINE = [
    re.compile(r"^(?:table|entity|model|collection|class)\s*[:\-—–]\s*`?([\w ]{1,60}?)`?\s*:?$", re.I),
    re.compile(
        r"^(?:the\s+)?`?([\w ]{1,60}?)`?\s+(?:table|entity|model|collection|record)"
        r"(?:\s+(?:fields|columns|attributes|has|contains|stores|holds|schema))?\s*:?$",
        re.I,
    ),
    re.compile(
        r"^(?:fields|columns|attributes|properties) (?:of|for) (?:the\s+|an?\s+|each\s+)?"
        r"`?([\w ]{1,60}?)`?\s*:?$",
        re.I,
    ),
    re.compile(r"^`?([\w ]{1,60}?)`?\s+(?:fields|columns|attributes|properties)\s*:?$", re.I),
]


def _context_name(doc: SpecDocument, index: int, block: Block) -> tuple[str, int, bool]:
    """(entity, line, the spec called it a table) from the line above the table or the nearest heading."""
    previous = doc.blocks[index - 1] if index > 0 else None
    if previous is not None and previous.kind == "paragraph" and previous.section == block.section:
        text = previous.text.strip()
        raw = raw_line(doc, previous.end_line).strip()
        for pattern in _CONTEXT_LINE:
            m = pattern.match(text)
            if m and len(m.group(1).split()) <= 4:
                return m.group(1).strip(), previous.end_line, bool(re.search(r"\btable\b", text, re.I))
        bold = re.fullmatch(r"(?:\*\*|__)`?([\w -]{1,60}?)`?:?(?:\*\*|__):?", raw)
        if bold and len(bold.group(1).split()) <= 4:
            return bold.group(1).strip(), previous.end_line, False
    for heading in reversed(doc.headings):
        if heading.line < block.line:
            raw = strip_heading(heading.raw)
            name = clean_entity_title(heading.raw)
            if name and len(name.split()) <= 4 and not _GENERIC_TITLE.match(name):
                return name, heading.line, bool(re.match(r"^table\s*:", raw, re.I))
            break
    return "", 0, False


def _clean_name(cell: str) -> tuple[str, str]:
    """``email (unique)`` → ("email", "unique"); ``id 🔑`` → ("id", "pk");
    ``note?`` → ("note", "optional")."""
    flags = []
    text = cell.strip().strip("`*")
    if "🔑" in text:
        flags.append("pk")
        text = text.replace("🔑", "")
    m = re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", text)
    if m and m.group(1):
        text, inner = m.group(1), m.group(2)
        flags.append(inner)
    if text.endswith("?"):
        text = text[:-1]
        flags.append("optional")
    return text.strip().strip("`"), ", ".join(flags)


_TYPE_SPLIT = re.compile(
    r"\s*(?:,|;|→|->|\s(?=(?:pk|fk|uk|not\s+null|nullable|null|unique|references?|primary|foreign|default|"
    r"required|optional|auto|generated|indexed)\b))",
    re.I,
)


def _split_type(cell: str) -> tuple[str, str]:
    """``uuid FK → users`` → ("uuid", "FK → users"); ``decimal(10,2)`` stays whole."""
    depth = 0
    for i, ch in enumerate(cell):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and (m := _TYPE_SPLIT.match(cell, i)) and m.end() > i:
            return cell[:i].strip(), cell[m.start() :].strip(" ,;")
    return cell.strip(), ""


_ENUM_TYPE = re.compile(r"^enum\s*[(:\[]\s*(.+?)\s*[)\]]?$", re.I)


def _field_table(
    doc: SpecDocument, index: int, block: Block, roles: dict[str, int], known: Known
) -> list[Fact]:
    entity, entity_line, is_table = _context_name(doc, index, block)
    assumed: list[Fact] = []
    if not entity:
        title = next((h for h in doc.headings if h.level == 1), None)
        entity = clean_entity_title(title.raw) if title is not None else ""
        if not entity or len(entity.split()) > 4 or _GENERIC_TITLE.match(entity) or _DOC_TITLE.match(entity):
            return []
        entity_line = title.line if title is not None else block.line
        assumed.append(
            AssumptionFact(
                text=f"The field table on line {block.line} names no entity; it is taken as '{entity}', "
                "after the spec's title.",
                prov=prov("table.untitled", block.line, raw_line(doc, block.line)),
            )
        )
    table_name = entity if is_table or re.fullmatch(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+", entity) else None
    facts: list[Fact] = [
        *assumed,
        EntityFact(
            name=entity,
            table_name=table_name,
            prov=prov("table.entity", entity_line, raw_line(doc, entity_line)),
        ),
    ]
    known.add(entity)
    for offset, row in enumerate(block.rows[1:], start=1):
        line = block.line + offset + 1
        text = raw_line(doc, line)
        name, name_flags = _clean_name(_cell(row, roles["name"]))
        if not name or not _IDENT_CELL.match(name):
            continue
        declared, type_notes = _split_type(_cell(row, roles.get("type")))
        notes = "; ".join(
            x
            for x in (
                name_flags,
                type_notes,
                _cell(row, roles.get("keyflag")),
                _cell(row, roles.get("purpose")),
            )
            if x
        )
        refs = _cell(row, roles.get("refs"))
        facts.extend(_row_facts(entity, name, declared, notes, refs, row, roles, known, line, text))
    return facts


def _row_facts(
    entity: str,
    name: str,
    declared: str,
    notes: str,
    refs: str,
    row: list[str],
    roles: dict[str, int],
    known: Known,
    line: int,
    text: str,
) -> list[Fact]:
    required = required_hint(notes)
    if (v := _yes(_cell(row, roles.get("required")))) is not None:
        required = v
    if (v := _yes(_cell(row, roles.get("nullable")))) is not None:
        required = not v
    if (v := _yes(_cell(row, roles.get("optional")))) is not None:
        required = not v
    # A link: the type names an entity, a references cell, or the notes / name point at one.
    target: str | None = None
    if refs and _yes(refs) is not True:
        target = link_target(name, "references " + refs, known)
    elif refs and _yes(refs):
        target = link_target(name, "FK", known)
    if target is None and declared and re.fullmatch(r"[A-Z]\w*", declared) and known.find(declared):
        target = known.find(declared)
    if target is None:
        target = link_target(name, notes, known)
    if target is not None:
        return [
            RelationshipFact(
                child=entity,
                parent=target,
                via=name,
                required=required,
                on_delete=on_delete_hint(notes),
                prov=prov("table.fk", line, text),
            )
        ]
    values = enum_hint(notes)
    kind: Kind | None = None
    if m := _ENUM_TYPE.match(declared):
        values = values or split_values(m.group(1))
        declared = "enum"
    elif nullable_type(declared):  # "date | null": an optional date
        declared, required = nullable_type(declared) or declared, False if required is None else required
    elif "|" in declared and not values:
        values = split_values(declared)
        declared = "enum"
    if values:
        kind = Kind.ENUM
    unique, scope = unique_hint(notes)
    if (v := _yes(_cell(row, roles.get("unique")))) is not None:
        unique = v
    default = _cell(row, roles.get("default")) or default_hint(notes)
    bounds = bounds_hint(notes)
    primary = primary_key_hint(notes) or name.lower() == "id"
    facts: list[Fact] = [
        AttributeFact(
            entity=entity,
            name=name,
            refers_to=refers_to(name),
            kind=kind,
            declared_type=declared or None,
            required=required,
            unique=unique,
            primary_key=primary,
            enum_values=values,
            minimum=bounds.minimum,
            maximum=bounds.maximum,
            max_length=bounds.max_length,
            default=default.strip("`'\"") if default else None,
            description=notes,
            prov=prov("table.field", line, text),
        )
    ]
    if scope:
        facts.append(
            UniqueFact(entity=entity, attributes=[name, *scope], prov=prov("table.unique", line, text))
        )
    return facts


# -- entity tables ---------------------------------------------------------------------------------


def _entity_table(doc: SpecDocument, block: Block, roles: dict[str, int], known: Known) -> list[Fact]:
    rows = [(offset, row) for offset, row in enumerate(block.rows[1:], start=1)]
    names = [_cell(row, roles["entity"]).strip("`") for _offset, row in rows]
    table_known = Known()
    for n in names:
        if n:
            table_known.add(n)
            known.add(n)
    facts: list[Fact] = []
    for (offset, row), name in zip(rows, names, strict=True):
        if not name or not re.fullmatch(r"[A-Za-z][\w -]{0,60}", name):
            continue
        line = block.line + offset + 1
        text = raw_line(doc, line)
        purpose = _cell(row, roles.get("purpose"))
        facts.append(
            EntityFact(
                name=name,
                description=purpose,
                table_name=name if re.fullmatch(r"[a-z][a-z0-9_]*", name) else None,
                prov=prov("table.entity_row", line, text),
            )
        )
        fields = _cell(row, roles.get("key_fields"))
        for item in split_top(fields, ",;"):
            m = re.match(r"^`?([A-Za-z_][\w.]*)`?\s*(.*)$", item.strip())
            if not m or placeholder(item):
                continue
            field, notes = m.group(1), m.group(2).strip()
            words = _NAME_WORDS.match(item.strip())
            if "`" not in item and words and " " in words.group(1).strip():
                field = "_".join(words.group(1).split()).lower()  # "opening hours", "first name"
                notes = item.strip()[words.end(1) :].strip()
            target = link_target(field, notes, known)
            if target is not None:
                facts.append(
                    RelationshipFact(
                        child=name,
                        parent=target,
                        via=field,
                        required=required_hint(notes),
                        prov=prov("table.key_field_fk", line, text),
                    )
                )
                continue
            unique, _scope = unique_hint(notes)
            values = enum_hint(notes)
            facts.append(
                AttributeFact(
                    entity=name,
                    name=field,
                    refers_to=refers_to(field),
                    unique=unique,
                    primary_key=field.lower() == "id" or primary_key_hint(notes),
                    required=required_hint(notes),
                    enum_values=values,
                    kind=Kind.ENUM if values else None,
                    description=notes,
                    prov=prov("table.key_field", line, text),
                )
            )
    return facts


# "opening hours (weekdays)": the plain words before a note are the field's name, up to four of them
_NAME_WORDS = re.compile(
    r"^((?:(?!(?:unique|required|optional|nullable|indexed|fk|pk|primary|foreign|references?|default|not|in|of|for|per|with|to|from|as|and|or)\b)"
    r"[A-Za-z][A-Za-z-]*\s*){1,4})(?=$|[(:,]|\s[-–—]\s)",
    re.I,
)


# -- index tables ----------------------------------------------------------------------------------

_WHERE = re.compile(r"\s+where\s+", re.I)
_FUNC = re.compile(r"^(\w+)\s*\((.*)\)$")


def _index_table(doc: SpecDocument, block: Block, roles: dict[str, int]) -> list[Fact]:
    facts: list[Fact] = []
    columns_role = "columns" if "columns" in roles else "key_fields"
    for offset, row in enumerate(block.rows[1:], start=1):
        entity = _cell(row, roles["entity"]).strip("`")
        cols_text = _cell(row, roles[columns_role])
        if not entity or not cols_text:
            continue
        line = block.line + offset + 1
        text = raw_line(doc, line)
        kind = " ".join(_cell(row, roles.get(r)) for r in ("type", "purpose", "index")).lower()
        where = ""
        parts = _WHERE.split(cols_text, maxsplit=1)
        if len(parts) == 2:
            cols_text, where = parts[0], parts[1].strip()
        equality: list[str] = []
        sort: list[str] = []
        ranges: list[str] = []
        for item in split_top(cols_text, ",;"):
            item = item.strip("` ")
            if m := _FUNC.match(item):
                ranges.extend(
                    x.strip("` ")
                    for x in split_top(m.group(2), ",")
                    if re.fullmatch(r"[\w.]+", x.strip("` "))
                )
                continue
            words = item.split()
            if not words or not re.fullmatch(r"[\w.]+", words[0]):
                continue
            if len(words) > 1 and words[1].lower() == "desc":
                sort.append("-" + words[0])
            elif len(words) > 1 and words[1].lower() == "asc":
                sort.append(words[0])
            else:
                equality.append(words[0])
        index_name = _cell(row, roles.get("index"))
        description = f"index {index_name}: {text}" if index_name else text
        if re.search(r"\bunique\b", kind) and not ranges:
            facts.append(
                UniqueFact(
                    entity=entity,
                    attributes=equality + [s.lstrip("-") for s in sort],
                    where=where,
                    prov=prov("table.unique_index", line, text),
                )
            )
            continue
        text_search = bool(re.search(r"\b(?:gin|full[\s-]?text|fulltext|trigram|tsvector|search)\b", kind))
        facts.append(
            IndexFact(
                entity=entity,
                equality=equality,
                sort=sort,
                range=ranges,
                text_search=text_search,
                description=description,
                prov=prov("table.index", line, text),
            )
        )
    return facts


# -- ER link blocks --------------------------------------------------------------------------------

_BRACKET = re.compile(r"\[([^\[\]\n]{1,60})\]")
_LINK = re.compile(r"^\s*([01*NnMm](?:\.\.[01*NnMm])?)\s*-{2,}>?\s*([01*NnMm](?:\.\.[01*NnMm])?)\s*$")


@dataclass
class _End:
    many: bool
    optional: bool


def _end(text: str) -> _End:
    return _End(many=any(c in text for c in "*NnMm"), optional=text.startswith("0"))


def _er_block(doc: SpecDocument, block: Block) -> list[Fact]:
    if block.kind == "code":
        first = code_first_line(doc, block)
        lines = [(first + i, t) for i, t in enumerate(block.text.splitlines())]
    else:
        lines = [(n, raw_line(doc, n)) for n in range(block.line, block.end_line + 1)]
    facts: list[Fact] = []
    declared: set[str] = set()
    for line_no, line in lines:
        brackets = list(_BRACKET.finditer(line))
        for left, right in pairwise(brackets):
            link = _LINK.match(line[left.end() : right.start()])
            if not link:
                continue
            a, b = left.group(1).strip(), right.group(1).strip()
            text = line.strip()
            for name in (a, b):
                if name not in declared:
                    declared.add(name)
                    facts.append(EntityFact(name=name, prov=prov("er.entity", line_no, text)))
            la, rb = _end(link.group(1)), _end(link.group(2))
            p = prov("er.link", line_no, text)
            if la.many and rb.many:
                facts.append(
                    RelationshipFact(child=a, parent=b, cardinality=Cardinality.MANY_TO_MANY, prov=p)
                )
            elif not la.many and rb.many:
                facts.append(RelationshipFact(child=b, parent=a, required=not la.optional, prov=p))
            elif la.many and not rb.many:
                facts.append(RelationshipFact(child=a, parent=b, required=not rb.optional, prov=p))
            else:
                facts.append(
                    RelationshipFact(
                        child=b,
                        parent=a,
                        cardinality=Cardinality.ONE_TO_ONE,
                        required=not la.optional,
                        prov=p,
                    )
                )
    return facts
