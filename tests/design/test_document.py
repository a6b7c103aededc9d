"""MongoDB document design for 006: collections, embedding, time series, TTL, unique serial, validators.

Every validator is checked with a JSON Schema validator against generated valid and invalid documents
(bsonType translated to JSON types; ObjectId, Date, Decimal128 become strings in the samples).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from schemawright.design.document import DocumentDesign, design_document
from schemawright.domain.analyze import analyze
from schemawright.domain.model import (
    Attribute,
    Cardinality,
    DomainModel,
    Entity,
    Kind,
    Relationship,
)
from schemawright.emit.mongo import collection_notation, render_mongo
from schemawright.spec.parser import parse_spec
from tests.corpus_paths import shared_spec

_JSON_TYPE = {"objectId": "string", "date": "string", "string": "string", "int": "integer",
              "long": "integer", "double": "number", "decimal": "number", "bool": "boolean",
              "object": "object", "array": "array", "binData": "string"}


def to_json_schema(node: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in node.items() if k not in ("bsonType", "properties", "items")}
    if "bsonType" in node:
        out["type"] = _JSON_TYPE[node["bsonType"]]
    if "properties" in node:
        out["properties"] = {k: to_json_schema(v) for k, v in node["properties"].items()}
    if "items" in node:
        out["items"] = to_json_schema(node["items"])
    return out


def sample(node: dict[str, Any]) -> Any:
    """A document that satisfies ``node``."""
    bson = node.get("bsonType")
    if "enum" in node:
        return node["enum"][0]
    if bson == "object":
        return {k: sample(v) for k, v in (node.get("properties") or {}).items()}
    if bson == "array":
        return [sample(node.get("items") or {"bsonType": "string"})]
    if bson in ("int", "long"):
        return int(node.get("minimum", 1))
    if bson in ("double", "decimal"):
        return float(node.get("minimum", 1.5))
    if bson == "bool":
        return True
    return "s"


def invalid_variants(doc: dict[str, Any], schema: dict[str, Any]) -> list[dict[str, Any]]:
    """One broken copy per rule: a required field missing, a wrong type, an enum or range violated."""
    out = []
    props = schema.get("properties") or {}
    for field in schema.get("required") or []:
        broken = copy.deepcopy(doc)
        broken.pop(field)
        out.append(broken)
    for field, node in props.items():
        broken = copy.deepcopy(doc)
        broken[field] = [] if node.get("bsonType") != "array" else "not an array"
        out.append(broken)
        if "enum" in node:
            out.append({**copy.deepcopy(doc), field: "not-in-enum"})
        if "minimum" in node:
            out.append({**copy.deepcopy(doc), field: node["minimum"] - 1})
    return out


def _sensors() -> DocumentDesign:
    path = shared_spec("006_sensors.md")
    model = analyze(parse_spec(path.read_text(), source=str(path)), "006_sensors", "Sensors")
    return design_document(model)[0]


def test_sensors_design() -> None:
    design = _sensors()
    names = {c.name for c in design.collections}
    assert {"greenhouses", "sensors", "readings", "alert_rules", "alerts"} <= names
    sensors = design.collection("sensors")
    assert sensors is not None
    assert any(ix.unique and ix.keys[0][0] == "serial_number" for ix in sensors.indexes)
    assert sensors.references.get("greenhouse_id") == "greenhouses"
    readings = design.collection("readings")
    assert readings is not None and readings.timeseries is not None
    assert readings.timeseries.expire_after_seconds == 90 * 86400 == 7776000
    assert readings.shard_key and readings.shard_reason


def test_every_validator_accepts_valid_and_rejects_invalid_documents() -> None:
    for coll in _sensors().collections:
        schema = coll.validator["$jsonSchema"]
        json_schema = to_json_schema(schema)
        doc = sample(schema)
        jsonschema.validate(doc, json_schema)
        for broken in invalid_variants(doc, schema):
            with pytest.raises(jsonschema.ValidationError):
                jsonschema.validate(broken, json_schema)


def test_owned_bounded_children_are_embedded() -> None:
    model = DomainModel(feature_id="r", feature_name="r", entities=[
        Entity(name="recipe", attributes=[Attribute(name="title", kind=Kind.TITLE)]),
        Entity(name="step", attributes=[Attribute(name="position", kind=Kind.POSITION),
                                        Attribute(name="instruction", kind=Kind.LONG_TEXT)]),
    ], relationships=[Relationship(child="step", parent="recipe", ownership="owned",
                                   cardinality=Cardinality.MANY_TO_ONE)])
    design, _ = design_document(model)
    assert [c.name for c in design.collections] == ["recipes"]
    recipes = design.collections[0]
    assert recipes.embedded[0].path == "steps"
    steps = recipes.validator["$jsonSchema"]["properties"]["steps"]
    assert steps["bsonType"] == "array" and "instruction" in steps["items"]["properties"]
    doc = sample(recipes.validator["$jsonSchema"])
    jsonschema.validate(doc, to_json_schema(recipes.validator["$jsonSchema"]))


def test_mongosh_scripts(tmp_path: Path) -> None:
    design = _sensors()
    scripts = render_mongo(design, "// schemawright")
    assert scripts.up.count("db.createCollection(") == len(design.collections)
    assert '"expireAfterSeconds": 7776000' in scripts.up and '"timeseries"' in scripts.up
    assert '"unique": true' in scripts.up
    assert scripts.down.count(".drop();") == len(design.collections)
    notation = collection_notation(design.collections[1])
    assert notation.startswith("// Collection: sensors") and "createIndex" in notation


def test_pipeline_designs_a_mongodb_spec(tmp_path: Path) -> None:
    """006 declares MongoDB: `--db auto` picks it, writes mongosh scripts and a `// Collection:` document."""
    import json

    from schemawright.pipeline import DesignRequest, design
    from tests.corpus_paths import REPO

    outcome = design(DesignRequest(spec_path=shared_spec("006_sensors.md"), root=tmp_path, verify=False))
    result = outcome.result
    assert [s.kind for s in result.stores] == ["document"]
    scripts = sorted(f.path.split(".", 1)[1] for f in result.files if f.role.startswith("migration"))
    assert scripts == ["down.js", "up.js"]
    assert "// Collection: readings" in result.files[0].content
    schema = json.loads((REPO / "docs" / "design.schema.json").read_text())
    jsonschema.validate(result.model_dump(mode="json"), schema)
