"""Firestore design: subcollections, embedding, document-path references, camelCase, timestamps, TTL,
composite indexes; every collection's JSON Schema accepts a generated valid document and rejects broken
ones (a missing required field, a wrong type, a value outside an enum or range, an unknown field, a
reference path into the wrong collection)."""

from __future__ import annotations

import copy
from typing import Any

import jsonschema
import pytest

from schemawright.design.firestore import FirestoreDesign, camel, design_firestore
from schemawright.domain.analyze import analyze
from schemawright.domain.model import (
    AccessPattern,
    Attribute,
    Cardinality,
    DomainModel,
    Entity,
    Kind,
    Relationship,
)
from schemawright.spec.parser import parse_spec
from tests.corpus_paths import shared_spec


def sample(node: dict[str, Any]) -> Any:
    if "enum" in node:
        return node["enum"][0]
    kind = node.get("type")
    if kind == "object":
        return {k: sample(v) for k, v in (node.get("properties") or {}).items()}
    if kind == "array":
        return [sample(node.get("items") or {"type": "string"})]
    if kind == "integer":
        return int(node.get("minimum", 1))
    if kind == "number":
        return float(node.get("minimum", 1.5))
    if kind == "boolean":
        return True
    if node.get("format") == "date-time":
        return "2026-01-01T00:00:00Z"
    if "pattern" in node:
        if "[0-5]" in node["pattern"]:
            return "08:30"
        if node["pattern"].startswith("^-?[0-9]"):
            return "12.50"
        return str(node["pattern"]).replace("[^/]+", "x1").strip("^$")
    return "s"


def invalid_variants(doc: dict[str, Any], schema: dict[str, Any]) -> list[dict[str, Any]]:
    out = [{**copy.deepcopy(doc), "unknownField": 1}]
    for field in schema["required"]:
        broken = copy.deepcopy(doc)
        broken.pop(field)
        out.append(broken)
    for field, node in schema["properties"].items():
        out.append({**copy.deepcopy(doc), field: [] if node.get("type") != "array" else "not an array"})
        if "enum" in node:
            out.append({**copy.deepcopy(doc), field: "not-in-enum"})
        if "minimum" in node:
            out.append({**copy.deepcopy(doc), field: node["minimum"] - 1})
        if node.get("type") == "string" and "Path" in field:
            out.append({**copy.deepcopy(doc), field: "elsewhere/x1"})
    return out


def check_schemas(design: FirestoreDesign) -> None:
    for coll in design.collections:
        schema = coll.json_schema
        jsonschema.Draft202012Validator.check_schema(schema)
        doc = sample(schema)
        jsonschema.validate(doc, schema)
        for broken in invalid_variants(doc, schema):
            with pytest.raises(jsonschema.ValidationError):
                jsonschema.validate(broken, schema)


def _sensors() -> FirestoreDesign:
    path = shared_spec("006_sensors.md")
    model = analyze(parse_spec(path.read_text(), source=str(path)), "006_sensors", "Sensors")
    return design_firestore(model)[0]


def test_camel() -> None:
    assert camel("serial_number") == "serialNumber" and camel("name") == "name"


def test_sensors_collections_tree() -> None:
    design = _sensors()
    paths = {c.path for c in design.collections}
    assert "greenhouses" in paths
    assert "greenhouses/{greenhouseId}/sensors" in paths
    assert "greenhouses/{greenhouseId}/sensors/{sensorId}/readings" in paths
    greenhouses = design.collection("greenhouses")
    assert greenhouses is not None and greenhouses.owner_field == "ownerId"
    sensors = design.collection("sensors")
    assert sensors is not None and "serialNumber" in sensors.json_schema["properties"]
    assert {"createdAt", "updatedAt"} <= set(sensors.json_schema["required"])
    readings = design.collection("readings")
    assert readings is not None and "expireAt" in readings.json_schema["required"]
    assert "updatedAt" not in readings.json_schema["properties"]  # append-only
    assert [(t.collectionGroup, t.fieldPath) for t in design.ttl] == [("readings", "expireAt")]
    alerts = design.collection("alerts")
    assert alerts is not None and alerts.path == "alerts"
    assert alerts.references["sensorPath"] == "greenhouses/{greenhouseId}/sensors"


def test_sensors_schemas_accept_valid_and_reject_invalid_documents() -> None:
    check_schemas(_sensors())


def _shop() -> DomainModel:
    return DomainModel(
        feature_id="shop", feature_name="Shop",
        entities=[
            Entity(name="user", attributes=[Attribute(name="email", kind=Kind.EMAIL, unique=True)]),
            Entity(name="order", attributes=[
                Attribute(name="status", kind=Kind.ENUM, enum_values=["open", "paid"]),
                Attribute(name="total", kind=Kind.MONEY),
                Attribute(name="placed_at", kind=Kind.TIMESTAMP),
            ]),
            Entity(name="line_item", attributes=[Attribute(name="quantity", kind=Kind.COUNT)]),
            Entity(name="tag", attributes=[Attribute(name="label", kind=Kind.NAME)]),
        ],
        relationships=[
            Relationship(child="order", parent="user"),
            Relationship(child="line_item", parent="order", ownership="owned"),
            Relationship(child="order", parent="tag", cardinality=Cardinality.MANY_TO_MANY, required=False),
        ],
        access_patterns=[AccessPattern(entity="order", equality=["user", "status"], sort=["-placed_at"],
                                       description="a user's open orders, newest first")],
    )


def test_embedding_owner_uid_many_to_many_and_composite_index() -> None:
    design, notes = design_firestore(_shop())
    assert sorted(c.path for c in design.collections) == ["orders", "tags", "users"]
    orders = design.collection("orders")
    assert orders is not None
    assert orders.embedded[0].path == "lineItems"
    assert orders.owner_field == "userId"  # the Firebase Auth uid, not a path
    assert orders.json_schema["properties"]["tagPaths"]["items"]["pattern"] == "^tags/[^/]+$"
    assert [f.model_dump() for f in design.indexes[0].fields] == [
        {"fieldPath": "userId", "order": "ASCENDING"},
        {"fieldPath": "status", "order": "ASCENDING"},
        {"fieldPath": "placedAt", "order": "DESCENDING"},
    ]
    assert any("no unique constraint" in n.text for n in notes)
    check_schemas(design)
