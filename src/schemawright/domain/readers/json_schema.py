"""JSON Schema blocks and JSON request/response bodies → facts.

* **JSON Schema** (JSON or YAML; a bare schema, ``$defs`` / ``definitions``, or OpenAPI
  ``components.schemas``): every object schema is an entity; ``properties`` give attributes with their type
  and ``format`` (date-time, date, email, uri, uuid …), ``required``, ``enum``, ``minimum`` / ``maximum``,
  ``maxLength`` and ``default``; a ``$ref`` to another schema is a link, an array of ``$ref`` one-to-many or
  many-to-many; ``clientId`` fields naming a declared entity, and descriptions such as "references Client",
  are links too.
* **JSON bodies** under API sections (or after a "Request:" / "Response:" line): field names and value
  shapes are weak attribute hints (``priority`` :data:`~schemawright.domain.readers.hints.WEAK`) for the
  entity the endpoint names (``POST /api/v1/pets`` → pets). Bodies never declare entities.

Rule ids: ``jsonschema.schema``, ``jsonschema.property``, ``jsonschema.ref``, ``jsonschema.array_ref``,
``jsonschema.fk``, ``json.body.field``, ``json.body.fk``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import yaml

from schemawright.domain.facts import (
    AttributeFact,
    EntityFact,
    Fact,
    Provenance,
    RelationshipFact,
    UniqueFact,
)
from schemawright.domain.model import Cardinality, Kind
from schemawright.domain.naming import singular, snake
from schemawright.domain.readers.hints import (
    WEAK,
    Known,
    array_relationship,
    clean_entity_title,
    code_first_line,
    declared_names,
    fk_target,
    heading_before,
    id_base,
    key,
    prov,
    refers_to,
    unique_hint,
)
from schemawright.domain.readers.sections import section_matches
from schemawright.spec.document import Block, SpecDocument

_FORMATS: dict[str, Kind] = {
    "date-time": Kind.TIMESTAMP,
    "datetime": Kind.TIMESTAMP,
    "date": Kind.DATE,
    "time": Kind.TIME,
    "email": Kind.EMAIL,
    "idn-email": Kind.EMAIL,
    "uri": Kind.URL,
    "url": Kind.URL,
    "iri": Kind.URL,
    "uuid": Kind.UUID,
    "duration": Kind.DURATION,
    "password": Kind.PASSWORD,
}
_JSON_LANGS = frozenset({"json", "jsonc", "json5", "javascript", "js"})
_YAML_LANGS = frozenset({"yaml", "yml", "openapi"})
_API_SECTIONS = (
    "api",
    "endpoint",
    "request",
    "response",
    "payload",
    "schemas",
    "backend",
    "contract",
    "routes",
)


_END = object()


class _KeyLines:
    """Spec lines of object keys, assigned in document order while the parsed value is walked."""

    def __init__(self, text: str, first_line: int, is_yaml: bool) -> None:
        pattern = (
            re.compile(r"^\s*(?:-\s+)?[\"']?([^\"'\s:#][^:#\n]*?)[\"']?\s*:(?=\s|$)", re.M)
            if is_yaml
            else re.compile(r"\"((?:[^\"\\\n]|\\.)*)\"\s*:")
        )
        self.hits: list[tuple[str, int]] = []
        line, pos = first_line, 0
        for m in pattern.finditer(text):
            line += text.count("\n", pos, m.start())
            pos = m.start()
            self.hits.append((m.group(1), line))
        self.cursor = 0
        self.lines: dict[tuple[int, str], int] = {}
        self.default = first_line

    def walk(self, value: Any) -> None:
        """Depth first, each key before its value's keys: the order the keys appear in the text."""
        stack: list[Iterator[Any]] = [iter([value])]
        while stack:
            item = next(stack[-1], _END)
            if item is _END:
                stack.pop()
            elif isinstance(item, dict):
                stack.append(self._items(item))
            elif isinstance(item, list):
                stack.append(iter(item))

    def _items(self, obj: dict[str, Any]) -> Iterator[Any]:
        for k, v in obj.items():
            self.lines[(id(obj), str(k))] = self._find(str(k))
            yield v

    def _find(self, name: str) -> int:
        for i in range(self.cursor, len(self.hits)):
            if self.hits[i][0] == name:
                self.cursor = i + 1
                return self.hits[i][1]
        return self.default

    def line(self, obj: dict[str, Any], name: str) -> int:
        return self.lines.get((id(obj), name), self.default)


def _load(block: Block) -> tuple[Any, bool] | None:
    lang = block.lang.split()[0].lower() if block.lang.strip() else ""
    text = block.text
    if lang in _YAML_LANGS:
        try:
            return yaml.safe_load(text), True
        except yaml.YAMLError:
            return None
    if lang in _JSON_LANGS or (lang == "" and text.lstrip().startswith(("{", "["))):
        try:
            return json.loads(text), False
        except ValueError:
            stripped = re.sub(r"(?m)^\s*//[^\n]*$", "", text)
            stripped = re.sub(r",(\s*[}\]])", r"\1", stripped)
            try:
                return json.loads(stripped), False
            except ValueError:
                return None
    return None


def _is_schema(value: Any) -> bool:
    if not isinstance(value, dict):
        return False
    if "$schema" in value or "$defs" in value or "definitions" in value:
        return True
    if isinstance(value.get("components"), dict) and isinstance(value["components"].get("schemas"), dict):
        return True
    return isinstance(value.get("properties"), dict) and (
        value.get("type") == "object"
        or "required" in value
        or all(isinstance(p, dict) for p in value["properties"].values())
    )


def read(doc: SpecDocument) -> list[Fact]:
    known = declared_names(doc)
    facts: list[Fact] = []
    for index, block in enumerate(doc.blocks):
        if block.kind != "code":
            continue
        loaded = _load(block)
        if loaded is None:
            continue
        value, is_yaml = loaded
        lines = _KeyLines(block.text, code_first_line(doc, block), is_yaml)
        lines.walk(value)
        if _is_schema(value):
            facts.extend(_schema_facts(doc, block, value, lines, known))
        elif not is_yaml and _is_body(doc, index, block):
            facts.extend(_body_facts(doc, index, block, value, lines, known))
    return facts


# -- JSON Schema ---------------------------------------------------------------------------------


def _schemas(
    doc: SpecDocument, block: Block, root: dict[str, Any], lines: _KeyLines
) -> list[tuple[str, dict[str, Any], int]]:
    """(entity name, object schema, line) for every object schema in ``root``."""
    out: list[tuple[str, dict[str, Any], int]] = []
    containers: list[dict[str, Any]] = []
    for name in ("$defs", "definitions"):
        if isinstance(root.get(name), dict):
            containers.append(root[name])
    components = root.get("components")
    if isinstance(components, dict) and isinstance(components.get("schemas"), dict):
        containers.append(components["schemas"])
    for container in containers:
        for name, schema in container.items():
            if isinstance(schema, dict) and _object_schema(schema) is not None:
                out.append((str(name), schema, lines.line(container, str(name))))
    if isinstance(root.get("properties"), dict):
        name = _root_name(doc, block, root)
        if name:
            out.insert(0, (name, root, lines.default))
    return out


def _object_schema(schema: dict[str, Any]) -> dict[str, Any] | None:
    """The schema itself, or the object member of an ``allOf``, when it has properties."""
    if isinstance(schema.get("properties"), dict):
        return schema
    for part in schema.get("allOf", []) if isinstance(schema.get("allOf"), list) else []:
        if isinstance(part, dict) and isinstance(part.get("properties"), dict):
            return part
    return None


_GENERIC = re.compile(
    r"\b(?:schema|schemas|json|data model|model|models|definitions?|payload|example)\b", re.I
)


def _root_name(doc: SpecDocument, block: Block, root: dict[str, Any]) -> str:
    title = root.get("title")
    if isinstance(title, str) and title.strip() and len(title.split()) <= 4:
        return title.strip()
    ident = root.get("$id")
    if isinstance(ident, str) and ident:
        stem = ident.rstrip("/").rsplit("/", 1)[-1].split(".")[0]
        if stem:
            return stem
    heading = clean_entity_title(heading_before(doc, block.line))
    heading = re.sub(r"\s*(?:json\s*)?schema$", "", heading, flags=re.I).strip()
    if heading and len(heading.split()) <= 3 and not _GENERIC.search(heading):
        return heading
    return ""


def _ref_name(schema: dict[str, Any]) -> str:
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref:
        return ref.rstrip("/").rsplit("/", 1)[-1].split(".")[0]
    for combo in ("allOf", "oneOf", "anyOf"):
        parts = schema.get(combo)
        if isinstance(parts, list):
            refs = [p for p in parts if isinstance(p, dict) and "$ref" in p]
            if len(refs) == 1:
                return _ref_name(refs[0])
    return ""


def _types(schema: dict[str, Any]) -> tuple[str, bool]:
    """(main type, nullable)."""
    t = schema.get("type")
    nullable = bool(schema.get("nullable"))
    if isinstance(t, list):
        nullable = nullable or "null" in t
        rest = [x for x in t if x != "null"]
        t = rest[0] if rest else ""
    for combo in ("oneOf", "anyOf"):
        parts = schema.get(combo)
        if isinstance(parts, list) and any(isinstance(p, dict) and p.get("type") == "null" for p in parts):
            nullable = True
            rest = [p for p in parts if isinstance(p, dict) and p.get("type") != "null"]
            if not t and rest and isinstance(rest[0].get("type"), str):
                t = rest[0]["type"]
    return (t if isinstance(t, str) else ""), nullable


def _schema_facts(
    doc: SpecDocument, block: Block, root: dict[str, Any], lines: _KeyLines, known: Known
) -> list[Fact]:
    schemas = _schemas(doc, block, root, lines)
    names = Known()
    for name, _schema, _line in schemas:
        names.add(name)
        known.add(name)
    text_of = {i + lines.default: t.strip() for i, t in enumerate(block.text.splitlines())}
    # Which schemas list which others (for one-to-many vs many-to-many).
    arrays: dict[str, set[str]] = {}
    singles: dict[str, set[str]] = {}
    for name, schema, _line in schemas:
        obj = _object_schema(schema) or schema
        for prop_name, prop in obj.get("properties", {}).items():
            if not isinstance(prop, dict):
                continue
            items = prop.get("items")
            if _types(prop)[0] == "array" and isinstance(items, dict) and _ref_name(items):
                arrays.setdefault(key(_ref_name(items)), set()).add(key(name))
            elif _ref_name(prop):
                singles.setdefault(key(name), set()).add(key(_ref_name(prop)))
            elif (base := id_base(str(prop_name))) is not None and not base[1]:
                singles.setdefault(key(name), set()).add(key(base[0]))
    facts: list[Fact] = []
    many_pairs: set[frozenset[str]] = set()
    for name, schema, line in schemas:
        obj = _object_schema(schema) or schema
        description = schema.get("description") if isinstance(schema.get("description"), str) else ""
        facts.append(
            EntityFact(
                name=name,
                description=description or "",
                prov=prov("jsonschema.schema", line, text_of.get(line, name)),
            )
        )
        required = set(obj.get("required", [])) if isinstance(obj.get("required"), list) else set()
        for prop_name, prop in obj.get("properties", {}).items():
            if not isinstance(prop, dict):
                continue
            prop_line = lines.line(obj["properties"], str(prop_name))
            p_text = text_of.get(prop_line, str(prop_name))
            facts.extend(
                _property(
                    name,
                    str(prop_name),
                    prop,
                    str(prop_name) in required,
                    prop_line,
                    p_text,
                    known,
                    arrays,
                    singles,
                    many_pairs,
                )
            )
    return facts


def _property(
    entity: str,
    name: str,
    prop: dict[str, Any],
    in_required: bool,
    line: int,
    text: str,
    known: Known,
    arrays: dict[str, set[str]],
    singles: dict[str, set[str]],
    many_pairs: set[frozenset[str]],
) -> list[Fact]:
    main, nullable = _types(prop)
    required = in_required and not nullable
    description = prop.get("description") if isinstance(prop.get("description"), str) else ""
    description = description or ""
    ref = _ref_name(prop)
    if ref and main in ("", "object"):
        return [
            RelationshipFact(
                child=entity, parent=ref, via=name, required=required, prov=prov("jsonschema.ref", line, text)
            )
        ]
    items = prop.get("items") if isinstance(prop.get("items"), dict) else {}
    assert isinstance(items, dict)
    if main == "array" and _ref_name(items):
        element = _ref_name(items)
        owner_k, target_k = key(entity), key(element)
        fact = array_relationship(
            entity,
            element,
            name,
            back_single=owner_k in singles.get(target_k, set()) and owner_k != target_k,
            back_many=target_k in arrays.get(owner_k, set()) or owner_k == target_k,
            shared=len(arrays.get(target_k, set())) >= 2,
            provenance=prov("jsonschema.array_ref", line, text),
        )
        if fact is None:
            return []
        pair = frozenset({owner_k, target_k})
        if fact.cardinality.value == "many_to_many":
            if pair in many_pairs:
                return []
            many_pairs.add(pair)
        return [fact]
    target = fk_target(description) if description else None
    base = id_base(name)
    if target is None and base is not None and not base[1] and main in ("string", "integer", "number", ""):
        target = known.find_suffix(base[0])
    if target is not None and main != "array":
        return [
            RelationshipFact(
                child=entity,
                parent=known.find(target) or target,
                via=name,
                required=required,
                prov=prov("jsonschema.fk", line, text),
            )
        ]
    fmt = prop.get("format") if isinstance(prop.get("format"), str) else ""
    kind: Kind | None = _FORMATS.get(fmt.lower()) if fmt else None
    values = (
        [str(v) for v in prop.get("enum", []) if v is not None] if isinstance(prop.get("enum"), list) else []
    )
    if values:
        kind = Kind.ENUM
    elif main == "array":
        kind = Kind.LIST
        item_values = items.get("enum")
        if isinstance(item_values, list):
            values = [str(v) for v in item_values if v is not None]
    elif main == "object":
        kind = Kind.JSON
    declared = main
    if fmt:
        declared = f"{main} ({fmt})" if main else fmt
    elif main == "array" and isinstance(items.get("type"), str):
        declared = f"array<{items['type']}>"
    unique, _scope = unique_hint(description) if description else (None, [])
    if prop.get("x-unique") is True or prop.get("unique") is True:
        unique = True
    minimum = _number(prop.get("minimum", prop.get("exclusiveMinimum")))
    maximum = _number(prop.get("maximum", prop.get("exclusiveMaximum")))
    max_length = prop.get("maxLength") if isinstance(prop.get("maxLength"), int) else None
    default = prop.get("default")
    return [
        AttributeFact(
            entity=entity,
            name=name,
            refers_to=refers_to(name),
            kind=kind,
            declared_type=declared or None,
            required=required,
            unique=unique,
            primary_key=name == "id",
            enum_values=values,
            minimum=minimum,
            maximum=maximum,
            max_length=max_length,
            default=_default_text(default),
            description=description,
            prov=prov("jsonschema.property", line, text),
        )
    ]


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _default_text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# -- JSON bodies ---------------------------------------------------------------------------------

_LEAD = re.compile(r"^(?:request|response|body|payload|example|sample|returns?)\b", re.I)
_PATH = re.compile(r"(?:\b(?:GET|POST|PUT|PATCH|DELETE)\s+)?(/[\w\-./:{}<>]*[\w}>])")
_ACTIONS = frozenset(
    [
        "cancel",
        "lock",
        "unlock",
        "confirm",
        "approve",
        "reject",
        "publish",
        "unpublish",
        "archive",
        "restore",
        "start",
        "stop",
        "complete",
        "close",
        "open",
        "verify",
        "reset",
        "refresh",
        "submit",
        "send",
        "resend",
        "activate",
        "deactivate",
        "enable",
        "disable",
        "accept",
        "decline",
        "assign",
        "unassign",
        "checkin",
        "check-in",
        "checkout",
        "check-out",
        "book",
        "pay",
        "refund",
        "void",
        "search",
        "export",
        "import",
        "upload",
        "download",
        "join",
        "leave",
        "follow",
        "unfollow",
        "like",
        "unlike",
        "subscribe",
        "unsubscribe",
        "move",
        "copy",
        "duplicate",
        "sync",
        "retry",
    ]
)
_USER_PATHS = frozenset(
    {"signup", "sign-up", "register", "registration", "signin", "sign-in", "login", "me", "profile"}
)
_SKIP = frozenset(
    [
        "id",
        "page",
        "per_page",
        "limit",
        "offset",
        "cursor",
        "total",
        "count",
        "next",
        "prev",
        "previous",
        "links",
        "meta",
        "error",
        "errors",
        "message",
        "success",
        "ok",
        "confirm_password",
        "password_confirmation",
        "password_confirm",
        "captcha",
        "remember_me",
        "token",
        "code",
        "sort",
        "order_by",
        "q",
        "query",
        "fields",
        "expand",
        "include",
        "data",
        "items",
        "results",
    ]
)
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CLOCK = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,255}\.[a-z]{2,}$", re.I)
_DECIMAL_TEXT = re.compile(r"^-?\d{1,15}\.\d{1,6}$")
_TYPE_WORDS = {
    "string": "string", "str": "string", "text": "string", "number": "number", "integer": "integer",
    "int": "integer", "float": "number", "decimal": "decimal", "boolean": "boolean", "bool": "boolean",
    "uuid": "uuid", "date": "date", "datetime": "timestamp", "date-time": "timestamp",
    "timestamp": "timestamp",
    "iso 8601": "timestamp", "iso8601": "timestamp", "email": "email", "url": "url", "uri": "url",
}  # fmt: skip


def _is_body(doc: SpecDocument, index: int, block: Block) -> bool:
    if section_matches(block, *_API_SECTIONS):
        return True
    previous = doc.blocks[index - 1] if index > 0 else None
    return previous is not None and previous.kind == "paragraph" and bool(_LEAD.match(previous.text))


def _body_entity(doc: SpecDocument, index: int, block: Block, known: Known) -> str:
    candidates = []
    previous = doc.blocks[index - 1] if index > 0 else None
    if previous is not None and previous.kind == "paragraph" and block.section == previous.section:
        candidates.append(previous.text)
    candidates.append(heading_before(doc, block.line))
    for text in candidates:
        m = _PATH.search(text)
        if m:
            resource = _resource(m.group(1))
            if resource:
                return _facet_owner(m.group(1), resource, known) or resource
    heading = heading_before(doc, block.line)
    words = re.findall(r"[A-Za-z]+", heading)
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            found = known.find(" ".join(words[start : start + size]))
            if found:
                return found
    return ""


def _facet_owner(path: str, resource: str, known: Known) -> str:
    """ "PUT /api/jobs/:id/sheet": a singular word after a record's id that names no table is a facet of
    that record (its job sheet), so the body is the job's."""
    segments = [s for s in path.strip("/").split("/") if s]
    if (
        known.find(resource)
        or len(segments) < 3
        or segments[-1] != resource
        or singular(resource) != resource
    ):
        return ""
    if not segments[-2].startswith((":", "{", "<")) or any(k.endswith(key(resource)) for k in known.names):
        return ""  # "/bookings/:id/usage" beside a material_usages table names that table
    return known.find(segments[-3]) or ""


def _resource(path: str) -> str:
    segments = [s for s in path.strip("/").split("/") if s]
    nouns: list[str] = []
    user_path = False
    for s in segments:
        low = s.lower()
        if low in ("api", "auth", "rest", "public", "admin", "internal") or re.fullmatch(
            r"v\d+(?:\.\d+)?", low
        ):
            continue
        if s.startswith((":", "{", "<")) or (low in ("me", "mine", "current", "self") and nouns):
            continue
        if low in _USER_PATHS:
            user_path = True
            continue
        if low in _ACTIONS or low.split("-")[0] in _ACTIONS:
            continue
        if re.fullmatch(r"[a-z][a-z0-9_-]*", low):
            nouns.append(s)
    if nouns:
        return nouns[-1]
    return "user" if user_path else ""


def _shape(value: Any) -> tuple[str, Kind | None]:
    if isinstance(value, bool):
        return "boolean", None
    if isinstance(value, int):
        return "integer", None
    if isinstance(value, float):
        return "number", None
    if isinstance(value, list):
        return "array", Kind.LIST
    if isinstance(value, dict):
        return "object", Kind.JSON
    if isinstance(value, str):
        low = value.strip().lower()
        if low in _TYPE_WORDS:
            return _TYPE_WORDS[low], None
        if _ISO_TIME.match(value):
            return "timestamp", None
        if _ISO_DATE.match(value):
            return "date", None
        if _CLOCK.match(value):
            return "time", None
        if _UUID.match(value):
            return "uuid", None
        if _EMAIL.match(value):
            return "email", None
        if low.startswith(("http://", "https://")):
            return "url", None
        if _DECIMAL_TEXT.match(value):
            return "decimal", None
        return "string", None
    return "", None


def _body_facts(
    doc: SpecDocument, index: int, block: Block, value: Any, lines: _KeyLines, known: Known
) -> list[Fact]:
    entity = _body_entity(doc, index, block, known)
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, dict)), None)
    if not isinstance(value, dict):
        return []
    if len(value) == 1:
        ((only_key, only_value),) = value.items()
        if isinstance(only_value, list):
            only_value = next((v for v in only_value if isinstance(v, dict)), only_value)
        if isinstance(only_value, dict) and (only_key in ("data", "item", "result") or known.find(only_key)):
            entity = known.find(only_key) or entity
            value = only_value
    if not entity:
        return []
    text_of = {i + lines.default: t.strip() for i, t in enumerate(block.text.splitlines())}
    return list(_body_fields(entity, value, lines, known, text_of))


def _body_fields(
    entity: str, body: dict[str, Any], lines: _KeyLines, known: Known, text_of: dict[int, str]
) -> Iterator[Fact]:
    for name, val in body.items():
        name = str(name)
        if name.lower() in _SKIP:
            continue
        line = lines.line(body, name)
        text = text_of.get(line, name)
        nested = known.find(name)
        if isinstance(val, dict) and nested:  # {"customer": {...}}: fields of another entity
            yield from _body_fields(nested, val, lines, known, text_of)
            continue
        if isinstance(val, list) and val and all(isinstance(v, dict) for v in val):
            link = list(
                _link_rows(entity, name, val, known, prov("json.body.link", line, text, priority=WEAK))
            )
            if link:
                yield from link
                continue
        base = id_base(name)
        if base is not None and not base[1]:
            parent = known.find_suffix(base[0])
            if parent is not None and key(parent) == key(entity) and key(base[0]) == key(entity):
                continue  # {"lesson_id": 5512, "status": "booked"} answering POST /lessons: its own key
            if parent is not None:
                yield RelationshipFact(
                    child=entity,
                    parent=parent,
                    via=name,
                    prov=prov("json.body.fk", line, text, priority=WEAK),
                )
                continue
        yield _value_fact(entity, name, val, prov("json.body.field", line, text, priority=WEAK))


def _value_fact(entity: str, name: str, value: Any, where: Provenance) -> AttributeFact:
    """A body field as a weak attribute hint, typed by the shape of its example value."""
    declared, kind = _shape(value)
    return AttributeFact(
        entity=entity,
        name=name,
        refers_to=refers_to(name),
        kind=kind,
        declared_type=declared or None,
        prov=where,
    )


def _link_rows(
    entity: str, name: str, rows: list[dict[str, Any]], known: Known, where: Provenance
) -> Iterator[Fact]:
    """ "services": [{"service_id": 3, "price_charged": 42.0}] in an appointment's body: each row links the
    appointment to a service another table keeps. Rows of bare keys are a many-to-many; rows with values
    of their own are a table of links (appointment_services) carrying those values, one per pair. Rows with
    an "id" are whole records, not links."""
    keys = list(dict.fromkeys(k for row in rows for k in map(str, row)))
    if "id" in (k.lower() for k in keys):
        return
    targets = []
    for k in keys:
        base = id_base(k)
        target = known.find_suffix(base[0]) if base is not None and not base[1] else None
        if target is not None:
            targets.append((k, target))
    if len(targets) != 1 or key(targets[0][1]) == key(entity):
        return
    fk, target = targets[0]
    values = [k for k in keys if k != fk and k.lower() not in _SKIP]
    if not values:
        yield RelationshipFact(child=entity, parent=target, cardinality=Cardinality.MANY_TO_MANY, prov=where)
        return
    owner, part, other = singular(snake(entity)), singular(snake(name)), singular(snake(target))
    # the spec's own table for the pair (job_parts), else named for the pair ("partsUsed" → job_part)
    junction = known.find(f"{owner}_{other}") or known.find(f"{other}_{owner}") or ""
    if not junction:
        junction = f"{owner}_{other if other in part.split('_') or key(part) == key(other) else part}"
    yield EntityFact(name=junction, evidence="referenced", prov=where)
    yield RelationshipFact(child=junction, parent=entity, ownership="owned", prov=where)
    yield RelationshipFact(child=junction, parent=target, via=fk, prov=where)
    for k in values:
        yield _value_fact(junction, k, next(row[k] for row in rows if k in row), where)
    yield UniqueFact(entity=junction, attributes=[owner, other], prov=where)
