"""DomainModel → a Cloud Firestore design, in Firestore's own idiom.

- A child with exactly one required parent (an order under its customer, a sensor under its greenhouse) is
  a **subcollection** of the parent document: ``greenhouses/{greenhouseId}/sensors``. The parent is in the
  path, so it is not repeated as a field; collection-group queries reach every child at once.
- A child that is owned, bounded and read with its parent (no stated volume, not an append-only stream,
  no children of its own) is **embedded** in the parent document as an array of maps (or one map).
- Everything else is a top-level collection; a reference is a **document path string**
  (``sensorPath: "greenhouses/g1/sensors/s1"``), checked by a pattern, never a bare id whose collection
  the reader must guess. A many-to-many link is an array of paths.
- Field names are camelCase; every document has ``createdAt``/``updatedAt`` timestamps (append-only
  streams only ``createdAt``).
- Each collection gets a JSON Schema (draft 2020-12) of its documents: Firestore itself has no
  validator, so the schema is for the application, tests and the security rules' author.
- Composite indexes come from the access patterns (equality fields, then sort, then range); a query on
  one field needs none (Firestore indexes every field on its own). Retention becomes a TTL policy on an
  ``expireAt`` field the application sets to the time field plus the retention.
- Firestore has no unique constraint: uniqueness is noted as an assumption (enforce it with a
  ``{value}`` lock document written in the same transaction).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from schemawright.design.document import EmbeddedPath
from schemawright.domain.model import Assumption, Attribute, DomainModel, Entity, Kind, Relationship, Source
from schemawright.domain.naming import plural

OWNER_ATTRIBUTES = ("owner_id", "user_id", "account_id", "owner_account_id", "owner")
OWNER_ENTITIES = ("user", "account", "owner")
TIMESTAMP = {"type": "string", "format": "date-time", "x-firestore-type": "timestamp"}
_INTEGER = (Kind.INTEGER, Kind.COUNT, Kind.POSITION, Kind.RATING, Kind.YEAR, Kind.MONTH, Kind.DURATION)
_NUMBER = (Kind.DECIMAL, Kind.PERCENTAGE)


def camel(name: str) -> str:
    parts = [p for p in name.split("_") if p]
    if not parts:
        return name
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])


class IndexField(BaseModel):
    fieldPath: str  # Firebase's own key names
    order: Literal["ASCENDING", "DESCENDING"] = "ASCENDING"


class FirestoreIndex(BaseModel):
    collectionGroup: str
    queryScope: Literal["COLLECTION", "COLLECTION_GROUP"] = "COLLECTION"
    fields: list[IndexField]
    purpose: str = ""


class TtlPolicy(BaseModel):
    collectionGroup: str
    fieldPath: str
    purpose: str = ""


class FirestoreCollection(BaseModel):
    name: str  # the collection id: "sensors"
    path: str  # "greenhouses/{greenhouseId}/sensors"
    parent_path: str | None = None  # the parent document path for a subcollection
    entity: str
    json_schema: dict[str, Any]
    embedded: list[EmbeddedPath] = Field(default_factory=list)
    references: dict[str, str] = Field(default_factory=dict)  # field → collection path
    owner_field: str | None = None  # the field holding the owner's auth uid, when the document has one
    source: Source = Field(default_factory=Source)


class FirestoreDesign(BaseModel):
    kind: Literal["document"] = "document"
    engine: Literal["firestore"] = "firestore"
    collections: list[FirestoreCollection] = Field(default_factory=list)
    indexes: list[FirestoreIndex] = Field(default_factory=list)
    ttl: list[TtlPolicy] = Field(default_factory=list)

    def collection(self, name: str) -> FirestoreCollection | None:
        return next((c for c in self.collections if c.name == name), None)


def _field_schema(attr: Attribute) -> dict[str, Any]:
    node: dict[str, Any]
    if attr.kind in _INTEGER:
        node = {"type": "integer"}
    elif attr.kind in _NUMBER:
        node = {"type": "number"}
    elif attr.kind is Kind.MONEY:  # Firestore has no decimal: an exact decimal string
        node = {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]{1,4})?$"}
    elif attr.kind is Kind.BOOLEAN:
        node = {"type": "boolean"}
    elif attr.kind in (Kind.TIMESTAMP, Kind.DATE):
        node = dict(TIMESTAMP)
    elif attr.kind is Kind.JSON:
        node = {"type": "object"}
    elif attr.kind is Kind.LIST:
        node = {"type": "array", "items": {"type": "string"}}
    elif attr.kind is Kind.TIME:
        node = {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"}
    else:
        limit = {Kind.EMAIL: 320, Kind.IP_ADDRESS: 45}.get(attr.kind, 2000)
        node = {"type": "string", "maxLength": attr.max_length or limit}
    if attr.enum_values:
        node["enum"] = list(attr.enum_values)
    if node["type"] in ("integer", "number"):
        if attr.minimum is not None:
            node["minimum"] = attr.minimum
        elif attr.kind in (Kind.COUNT, Kind.DURATION, Kind.POSITION):
            node["minimum"] = 0
        if attr.maximum is not None:
            node["maximum"] = attr.maximum
    if attr.description:
        node["description"] = attr.description[:200]
    return node


def _fields(entity: Entity) -> tuple[dict[str, Any], list[str]]:
    props: dict[str, Any] = {}
    required: list[str] = []
    for attr in entity.attributes:
        name = attr.name
        if attr.kind in (Kind.PASSWORD, Kind.SECRET_TOKEN):
            name = name if name.endswith("_hash") else f"{name}_hash"
            props[camel(name)] = {"type": "string", "description": "hash only, never the plain value"}
        else:
            props[camel(name)] = _field_schema(attr)
        if attr.required:
            required.append(camel(name))
    return props, required


def _object(props: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {"type": "object", "required": required, "properties": props, "additionalProperties": False}


def _to_one(model: DomainModel, entity: str) -> list[Relationship]:
    return [r for r in model.relationships if r.child == entity and r.cardinality.value != "many_to_many"]


def _embeds(model: DomainModel, rel: Relationship, child: Entity) -> bool:
    has_children = any(r.parent == child.name for r in model.relationships)
    referenced_elsewhere = len(_to_one(model, child.name)) != 1
    return (
        rel.ownership == "owned"
        and not child.append_only
        and not child.volume_per_month
        and not has_children
        and not referenced_elsewhere
        and rel.cardinality.value != "many_to_many"
    )


def _owner_attr(entity: Entity) -> str | None:
    return next((a.name for a in entity.attributes if a.name in OWNER_ATTRIBUTES), None)


def design_firestore(model: DomainModel) -> tuple[FirestoreDesign, list[Assumption]]:
    notes: list[Assumption] = []
    embedded_in: dict[str, Relationship] = {}
    for rel in model.relationships:
        child = model.entity(rel.child)
        if child is not None and _embeds(model, rel, child):
            embedded_in[rel.child] = rel
    # subcollection: exactly one to-one parent relationship, required, parent not embedded
    under: dict[str, Relationship] = {}
    for entity in model.entities:
        if entity.name in embedded_in:
            continue
        rels = _to_one(model, entity.name)
        if (
            len(rels) == 1
            and rels[0].required
            and rels[0].parent != entity.name
            and rels[0].parent not in embedded_in
            and rels[0].parent not in OWNER_ENTITIES
            and model.entity(rels[0].parent) is not None
        ):
            under[entity.name] = rels[0]
    paths: dict[str, str] = {}

    def path_of(name: str) -> str:
        """Up the chain of owners to one with a path (or a top-level one, or a ring), then down again:
        a loop, not recursion, so a chain of a thousand owned collections stays within the stack."""
        chain: list[str] = []
        current = name
        while current not in paths:
            rel = under.get(current)
            if rel is None or rel.parent in chain:
                paths[current] = camel(plural(current))
                break
            chain.append(current)
            current = rel.parent
        for child in reversed(chain):
            parent = under[child].parent
            paths[child] = f"{paths[parent]}/{{{camel(parent)}Id}}/{camel(plural(child))}"
        return paths[name]

    design = FirestoreDesign()
    for entity in model.entities:
        if entity.name in embedded_in:
            continue
        design.collections.append(_collection(model, entity, path_of, under, embedded_in, design, notes))
    return design, notes


def _collection(
    model: DomainModel,
    entity: Entity,
    path_of: Any,
    under: dict[str, Relationship],
    embedded_in: dict[str, Relationship],
    design: FirestoreDesign,
    notes: list[Assumption],
) -> FirestoreCollection:
    path: str = path_of(entity.name)
    name = path.rsplit("/", 1)[-1]
    props, required = _fields(entity)
    refs: dict[str, str] = {}
    owner = _owner_attr(entity)
    owner_field = camel(owner) if owner else None
    for rel in model.relationships:
        if rel.child != entity.name or under.get(entity.name) is rel:
            continue
        m2m = rel.cardinality.value == "many_to_many"
        target: str = path_of(rel.parent)
        link = rel.role or rel.parent
        if rel.parent in OWNER_ENTITIES and not m2m:  # the owner's Firebase Auth uid
            field = camel(f"{link}_id")
            props[field] = {"type": "string", "maxLength": 128, "description": "Firebase Auth uid"}
            owner_field = owner_field or field
        else:
            field = camel(f"{link}_paths" if m2m else f"{link}_path")
            doc_pattern = "^" + "/".join("[^/]+" if p.startswith("{") else p for p in target.split("/"))
            node = {"type": "string", "pattern": doc_pattern + "/[^/]+$"}
            props[field] = {"type": "array", "items": node} if m2m else node
        refs[field] = target
        if rel.required and not m2m:
            required.append(field)
    embedded: list[EmbeddedPath] = []
    for child_name, rel in embedded_in.items():
        child = model.entity(child_name)
        if rel.parent != entity.name or child is None:
            continue
        one = rel.cardinality.value == "one_to_one"
        field = camel(child_name if one else plural(child_name))
        sub = _object(*_fields(child))
        props[field] = sub if one else {"type": "array", "items": sub}
        embedded.append(
            EmbeddedPath(
                path=field,
                entity=child_name,
                array=not one,
                reason=f"a {child_name.replace('_', ' ')} is owned by its "
                f"{entity.name.replace('_', ' ')}, bounded and read with it (a document holds at most 1 MiB)",
            )
        )
    props["createdAt"] = dict(TIMESTAMP)
    required.append("createdAt")
    if not entity.append_only:
        props["updatedAt"] = dict(TIMESTAMP)
        required.append("updatedAt")
    time_field = entity.time_attribute or next(
        (a.name for a in entity.attributes if a.kind is Kind.TIMESTAMP), None
    )
    if entity.retention_days:
        expiry = f"{camel(time_field or 'created_at')} + {entity.retention_days} days; TTL deletes it"
        props["expireAt"] = {**TIMESTAMP, "description": expiry}
        required.append("expireAt")
        design.ttl.append(
            TtlPolicy(
                collectionGroup=name,
                fieldPath="expireAt",
                purpose=f"documents are deleted {entity.retention_days} days after "
                f"{camel(time_field or 'created_at')} (TTL deletion runs within about a day of expiry)",
            )
        )
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": path,
        **_object(props, required),
    }
    coll = FirestoreCollection(
        name=name,
        path=path,
        parent_path=path.rsplit("/", 1)[0] if "/" in path else None,
        entity=entity.name,
        json_schema=schema,
        embedded=embedded,
        references=refs,
        owner_field=owner_field,
        source=entity.source,
    )
    _indexes(model, entity, coll, under, design, notes)
    return coll


def _indexes(
    model: DomainModel,
    entity: Entity,
    coll: FirestoreCollection,
    under: dict[str, Relationship],
    design: FirestoreDesign,
    notes: list[Assumption],
) -> None:
    parent_rel = under.get(entity.name)
    in_path = {parent_rel.role or parent_rel.parent} if parent_rel else set()
    props = coll.json_schema["properties"]

    def field_of(name: str) -> str:
        for candidate in (f"{name}_path", f"{name}_id", name):
            if camel(candidate) in props:
                return camel(candidate)
        return camel(name)

    for pattern in model.access_patterns:
        if pattern.entity != entity.name:
            continue
        fields: list[IndexField] = []
        for f in pattern.equality:
            if f in in_path:  # the parent is the subcollection's path, not a filter
                continue
            fields.append(IndexField(fieldPath=field_of(f)))
        for f in pattern.sort:
            desc = f.startswith("-")
            order: Literal["ASCENDING", "DESCENDING"] = "DESCENDING" if desc else "ASCENDING"
            fields.append(IndexField(fieldPath=field_of(f.lstrip("-")), order=order))
        for f in pattern.range:
            if all(x.fieldPath != field_of(f) for x in fields):
                fields.append(IndexField(fieldPath=field_of(f)))
        if len(fields) < 2:  # one field: Firestore's automatic single-field index serves it
            continue
        if any(ix.collectionGroup == coll.name and ix.fields == fields for ix in design.indexes):
            continue
        design.indexes.append(
            FirestoreIndex(
                collectionGroup=coll.name,
                queryScope="COLLECTION",
                fields=fields,
                purpose=pattern.description or "access pattern",
            )
        )
    uniques = [a.name for a in entity.attributes if a.unique]
    uniques += ["+".join(r.attributes) for r in model.uniques if r.entity == entity.name and r.attributes]
    for u in uniques:
        notes.append(
            Assumption(
                text=f"{coll.path}: Firestore has no unique constraint; {camel(u)} is kept unique by "
                "creating a lock document keyed by the value in the same transaction as the "
                f"{entity.name.replace('_', ' ')}.",
                source=entity.source,
            )
        )
