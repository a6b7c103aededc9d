"""DomainModel → a MongoDB document design, by the role's document rules.

Embed what is owned, bounded and read together (the child lives inside its parent's document as an array
or sub-document); reference what is unbounded, shared or many-to-many (its own collection with a
``{parent}_id`` field). Append-only measurement streams become time-series collections whose retention
is the collection's ``expireAfterSeconds``; other retention rules become TTL indexes. Every collection
gets a ``$jsonSchema`` validator and indexes from uniques, references and access patterns (equality,
sort, range order); a shard key is recommended when volumes need one.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from schemawright.design import document_patterns as pat
from schemawright.design.document_patterns import PatternUse
from schemawright.domain.model import Assumption, Attribute, DomainModel, Entity, Kind, Relationship, Source
from schemawright.domain.naming import plural

IndexKey = tuple[str, Literal[1, -1, "hashed", "text"]]
SHARD_DOCS_PER_MONTH = 10_000_000  # above this a single replica set grows past comfortable working sets
_BSON: dict[Kind, str] = {
    Kind.INTEGER: "int",
    Kind.COUNT: "int",
    Kind.POSITION: "int",
    Kind.RATING: "int",
    Kind.YEAR: "int",
    Kind.MONTH: "int",
    Kind.DURATION: "int",
    Kind.MONEY: "decimal",
    Kind.DECIMAL: "double",
    Kind.PERCENTAGE: "double",
    Kind.BOOLEAN: "bool",
    Kind.DATE: "date",
    Kind.TIMESTAMP: "date",
    Kind.TIME: "string",
    Kind.JSON: "object",
    Kind.LIST: "array",
    Kind.UUID: "string",
    Kind.ENCRYPTED: "binData",
}


_STRING_LIMITS = {Kind.EMAIL: 320, Kind.IP_ADDRESS: 45}


class MongoIndex(BaseModel):
    name: str
    keys: list[IndexKey]
    unique: bool = False
    expire_after_seconds: int | None = None
    partial_filter: dict[str, Any] | None = None
    purpose: str = ""


class TimeSeries(BaseModel):
    timeField: str  # MongoDB's own option names
    metaField: str | None = None
    granularity: Literal["seconds", "minutes", "hours"] = "minutes"
    expire_after_seconds: int | None = None


class EmbeddedPath(BaseModel):
    path: str  # field holding the embedded documents ("steps" → array)
    entity: str
    array: bool = True
    reason: str = ""


class Collection(BaseModel):
    name: str
    entity: str
    validator: dict[str, Any]
    indexes: list[MongoIndex] = Field(default_factory=list)
    timeseries: TimeSeries | None = None
    shard_key: list[IndexKey] | None = None
    shard_reason: str = ""
    embedded: list[EmbeddedPath] = Field(default_factory=list)
    references: dict[str, str] = Field(default_factory=dict)  # field → collection
    patterns: list[PatternUse] = Field(default_factory=list)  # extended reference, subset, bucket
    source: Source = Field(default_factory=Source)


class DocumentDesign(BaseModel):
    kind: Literal["document"] = "document"
    engine: Literal["mongodb"] = "mongodb"
    collections: list[Collection] = Field(default_factory=list)

    def collection(self, name: str) -> Collection | None:
        return next((c for c in self.collections if c.name == name), None)


def _schema(attr: Attribute) -> dict[str, Any]:
    bson = _BSON.get(attr.kind, "string")
    node: dict[str, Any] = {"bsonType": bson}
    if attr.enum_values:
        node["enum"] = list(attr.enum_values)
    if bson in ("int", "double", "decimal"):
        if attr.minimum is not None:
            node["minimum"] = attr.minimum
        elif attr.kind in (Kind.COUNT, Kind.MONEY, Kind.DURATION, Kind.POSITION):
            node["minimum"] = 0
        if attr.maximum is not None:
            node["maximum"] = attr.maximum
    if attr.kind is Kind.TIME:  # time of day as "HH:MM" (24-hour)
        node["pattern"] = "^([01][0-9]|2[0-3]):[0-5][0-9]$"
    elif bson == "string":
        node["maxLength"] = attr.max_length or _STRING_LIMITS.get(attr.kind, 2000)
    if bson == "array":
        node["items"] = {"bsonType": "string"}
    if attr.description:
        node["description"] = attr.description[:200]
    return node


def _object(
    entity: Entity, refs: dict[str, str], embedded: dict[str, dict[str, Any]], top: bool
) -> dict[str, Any]:
    props: dict[str, Any] = {"_id": {"bsonType": "objectId"}} if top else {}
    required = ["_id"] if top else []
    for attr in entity.attributes:
        if attr.kind in (Kind.PASSWORD, Kind.SECRET_TOKEN):
            name = attr.name if attr.name.endswith("_hash") else f"{attr.name}_hash"
            props[name] = {"bsonType": "string", "description": "hash only, never the plain value"}
        else:
            name = attr.name
            props[name] = _schema(attr)
        if attr.required:
            required.append(name)
    for field in refs:
        props[field] = {"bsonType": "objectId"}
        required.append(field)
    props.update(embedded)
    if top:
        props["created_at"] = {"bsonType": "date"}
        props["updated_at"] = {"bsonType": "date"}
        required += ["created_at", "updated_at"]
    return {"bsonType": "object", "required": required, "properties": props, "additionalProperties": True}


def _embeds(rel: Relationship, child: Entity) -> bool:
    """Owned and bounded: not an append-only stream, no stated volume, not many-to-many."""
    return rel.ownership == "owned" and not child.append_only and not child.volume_per_month


def design_document(model: DomainModel, timeseries: bool = True) -> tuple[DocumentDesign, list[Assumption]]:
    """``timeseries=False`` for servers without time-series collections (MongoDB before 5.0): streams
    are bucketed instead."""
    notes: list[Assumption] = []
    embedded_in: dict[str, tuple[str, Relationship]] = {}
    for rel in model.relationships:
        child = model.entity(rel.child)
        if child is not None and rel.cardinality.value != "many_to_many" and _embeds(rel, child):
            embedded_in[rel.child] = (rel.parent, rel)
    design = DocumentDesign()
    for entity in model.entities:
        if entity.name in embedded_in:
            continue
        design.collections.append(_collection(model, entity, embedded_in, notes, timeseries))
    return design, notes


def _collection(
    model: DomainModel,
    entity: Entity,
    embedded_in: dict[str, tuple[str, Relationship]],
    notes: list[Assumption],
    timeseries: bool = True,
) -> Collection:
    name = plural(entity.name)
    refs: dict[str, str] = {}
    for rel in model.relationships:
        if rel.child == entity.name and rel.cardinality.value != "many_to_many":
            refs[f"{rel.role or rel.parent}_id"] = plural(rel.parent)
        elif rel.cardinality.value == "many_to_many" and rel.child == entity.name:
            refs[f"{rel.parent}_ids"] = plural(rel.parent)
    embedded_props: dict[str, dict[str, Any]] = {}
    embedded: list[EmbeddedPath] = []
    for child_name, (parent, rel) in embedded_in.items():
        child = model.entity(child_name)
        if parent != entity.name or child is None:
            continue
        one = rel.cardinality.value == "one_to_one"
        path = child_name if one else plural(child_name)
        sub = _object(child, {}, {}, top=False)
        embedded_props[path] = sub if one else {"bsonType": "array", "items": sub}
        embedded.append(
            EmbeddedPath(
                path=path,
                entity=child_name,
                array=not one,
                reason=f"a {child_name.replace('_', ' ')} is owned by its "
                f"{parent.replace('_', ' ')}, bounded and read with it",
            )
        )
    validator = {
        "$jsonSchema": _object(
            entity, {f: c for f, c in refs.items() if not f.endswith("_ids")}, embedded_props, top=True
        )
    }
    if entity.append_only:  # measurements are written once: no created_at/updated_at bookkeeping
        schema = validator["$jsonSchema"]
        for f in ("created_at", "updated_at"):
            schema["properties"].pop(f)
            schema["required"].remove(f)
    for field in (f for f in refs if f.endswith("_ids")):
        validator["$jsonSchema"]["properties"][field] = {
            "bsonType": "array",
            "items": {"bsonType": "objectId"},
        }
    coll = Collection(
        name=name,
        entity=entity.name,
        validator=validator,
        embedded=embedded,
        references=refs,
        source=entity.source,
    )
    _extended_references(model, entity, coll)
    _subsets(model, entity, coll, embedded_in)
    parent_refs = [f for f in refs if not f.endswith("_ids")]
    if parent_refs and _time_field(entity) and pat.wants_bucket(entity, timeseries):
        return _bucket(entity, coll, parent_refs[0], notes)
    _indexes(model, entity, coll, notes)
    return coll


def _extended_references(model: DomainModel, entity: Entity, coll: Collection) -> None:
    props = coll.validator["$jsonSchema"]["properties"]
    for rel in model.relationships:
        parent = model.entity(rel.parent)
        if rel.child != entity.name or rel.cardinality.value == "many_to_many" or parent is None:
            continue
        fields = pat.extended_fields(model, entity.name, parent)
        if not fields:
            continue
        path = rel.role or rel.parent
        parent_words = parent.name.replace("_", " ")
        props[path] = {
            "bsonType": "object",
            "properties": {f: _schema(a) for f in fields if (a := parent.attribute(f)) is not None},
        }
        coll.patterns.append(
            PatternUse(
                pattern="extended_reference",
                field=path,
                source_entity=parent.name,
                reason=f"the {coll.name.replace('_', ' ')} listing shows the {parent_words}'s "
                f"{', '.join(fields)}: copied beside {path}_id so it needs no $lookup; update the "
                f"copies when a {parent_words} changes them (rare)",
            )
        )


def _subsets(
    model: DomainModel, entity: Entity, coll: Collection, embedded_in: dict[str, tuple[str, Relationship]]
) -> None:
    props = coll.validator["$jsonSchema"]["properties"]
    for rel in model.relationships:
        child = model.entity(rel.child)
        if rel.parent != entity.name or child is None or rel.child in embedded_in:
            continue
        if rel.cardinality.value != "many_to_one":
            continue
        found = pat.subset_size(model, rel.child, entity.name)
        if found is None:
            continue
        n, ap = found
        path = f"recent_{plural(rel.child)}"
        item = _object(child, {}, {}, top=False)
        item["properties"] = {"_id": {"bsonType": "objectId"}, **item["properties"]}
        props[path] = {"bsonType": "array", "maxItems": n, "items": item}
        coll.patterns.append(
            PatternUse(
                pattern="subset",
                field=path,
                source_entity=rel.child,
                reason=f"the {entity.name.replace('_', ' ')} is read with its {n} newest "
                f"{plural(rel.child).replace('_', ' ')} ({ap.source.cite()}): those are embedded ($push with "
                f"$slice: -{n}) while every {rel.child.replace('_', ' ')} stays in {plural(rel.child)}",
            )
        )


def _bucket(entity: Entity, coll: Collection, parent_field: str, notes: list[Assumption]) -> Collection:
    measurement = _object(entity, {}, {}, top=False)
    coll.name = f"{entity.name}_buckets"
    coll.validator = {"$jsonSchema": pat.bucket_schema(measurement, parent_field)}
    reason = pat.bucket_reason(entity, parent_field)
    coll.patterns.append(
        PatternUse(pattern="bucket", field="measurements", source_entity=entity.name, reason=reason)
    )
    coll.indexes.append(
        MongoIndex(
            name=f"idx_{coll.name}_{parent_field}_bucket_start",
            keys=[(parent_field, 1), ("bucket_start", -1)],
            purpose=f"the open bucket of one {parent_field[:-3]} and time ranges",
        )
    )
    if entity.retention_days:
        coll.indexes.append(
            MongoIndex(
                name=f"ttl_{coll.name}_bucket_start",
                keys=[("bucket_start", 1)],
                expire_after_seconds=entity.retention_days * 86400 + pat.BUCKET_SPAN_SECONDS,
                purpose=f"a bucket expires {entity.retention_days} days after its last hour ends",
            )
        )
    notes.append(Assumption(text=f"{coll.name}: bucket pattern — {reason}.", source=entity.source))
    return coll


def _time_field(entity: Entity) -> str | None:
    if entity.time_attribute:
        return entity.time_attribute
    return next((a.name for a in entity.attributes if a.kind is Kind.TIMESTAMP), None)


def _indexes(model: DomainModel, entity: Entity, coll: Collection, notes: list[Assumption]) -> None:
    name = coll.name
    time_field = _time_field(entity)
    parent_refs = [f for f in coll.references if not f.endswith("_ids")]
    if entity.append_only and time_field:
        meta = parent_refs[0] if parent_refs else None
        coll.timeseries = TimeSeries(
            timeField=time_field,
            metaField=meta,
            granularity="minutes",
            expire_after_seconds=entity.retention_days * 86400 if entity.retention_days else None,
        )
        notes.append(
            Assumption(
                text=f"{name} is a time-series collection (timeField {time_field}"
                + (f", metaField {meta}" if meta else "")
                + "): MongoDB buckets the measurements itself"
                + (f" and drops them after {entity.retention_days} days" if entity.retention_days else "")
                + ".",
                source=entity.source,
            )
        )
    for attr in entity.attributes:
        if attr.unique:
            coll.indexes.append(
                MongoIndex(
                    name=f"uq_{name}_{attr.name}",
                    keys=[(attr.name, 1)],
                    unique=True,
                    purpose=f"{attr.name} is unique",
                )
            )
    for rule in model.uniques:
        if rule.entity == entity.name and rule.attributes:
            fields = [f"{a}_id" if f"{a}_id" in coll.references else a for a in rule.attributes]
            partial = {f: {"$exists": True} for f in fields} if rule.where else None
            coll.indexes.append(
                MongoIndex(
                    name=f"uq_{name}_{'_'.join(fields)}",
                    keys=[(f, 1) for f in fields],
                    unique=True,
                    partial_filter=partial,
                    purpose=rule.where or "unique",
                )
            )
    for pattern in model.access_patterns:
        if pattern.entity != entity.name:
            continue
        keys: list[IndexKey] = []
        for f in pattern.equality:  # equality, then sort, then range (ESR)
            keys.append((f"{f}_id" if f"{f}_id" in coll.references else f, 1))
        for f in pattern.sort:
            keys.append((f.lstrip("-"), -1 if f.startswith("-") else 1))
        for f in pattern.range:
            keys.append((f, -1 if f == time_field else 1))
        if keys and all(ix.keys != keys for ix in coll.indexes):
            coll.indexes.append(
                MongoIndex(
                    name=f"idx_{name}_" + "_".join(k for k, _ in keys),
                    keys=keys,
                    purpose=pattern.description or "access pattern",
                )
            )
    for field in parent_refs:
        if not any(ix.keys[0][0] == field for ix in coll.indexes) and coll.timeseries is None:
            coll.indexes.append(
                MongoIndex(
                    name=f"idx_{name}_{field}",
                    keys=[(field, 1)],
                    purpose=f"find the {name} of one {field[:-3].replace('_', ' ')}",
                )
            )
    if entity.retention_days and coll.timeseries is None:
        field = time_field or "created_at"
        coll.indexes.append(
            MongoIndex(
                name=f"ttl_{name}_{field}",
                keys=[(field, 1)],
                expire_after_seconds=entity.retention_days * 86400,
                purpose=f"documents expire {entity.retention_days} days after {field}",
            )
        )
    if (entity.volume_per_month or 0) >= SHARD_DOCS_PER_MONTH:
        if parent_refs and time_field:
            coll.shard_key = [(parent_refs[0], 1), (time_field, 1)]
            coll.shard_reason = (
                f"about {entity.volume_per_month:,} documents a month: {parent_refs[0]} has high "
                f"cardinality and is in every query, and {time_field} (monotonic) only orders "
                "within it, so writes spread across shards and range reads hit one shard"
            )
        else:
            coll.shard_key = [("_id", "hashed")]
            coll.shard_reason = (
                f"about {entity.volume_per_month:,} documents a month and no selective query "
                "field: a hashed _id spreads the monotonic ObjectIds evenly"
            )
