"""Firestore files: firestore.indexes.json in Firebase's format, firestore.rules deny-by-default with
owner rules, and the pipeline for --db firestore and a spec that declares Firestore."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from schemawright.design.firestore import design_firestore
from schemawright.emit.firestore import render_indexes, render_rules, render_schemas
from schemawright.pipeline import DesignRequest, design, write_outputs
from tests.corpus_paths import REPO, shared_spec
from tests.design.test_firestore import _shop

SPEC = """# Feature ID: 900_notes

## Name: Notes

### Functional Requirements
- A notebook has a title and an owner_id (the signed-in user).
- Each note belongs to one notebook and has a title, a body and a pinned flag.

## Database
### Database Type
- Type: Firestore
"""


def test_indexes_json_and_rules() -> None:
    design, _ = design_firestore(_shop())
    data = json.loads(render_indexes(design))
    assert set(data) == {"indexes", "fieldOverrides"}
    ix = data["indexes"][0]
    assert ix["collectionGroup"] == "orders" and ix["queryScope"] == "COLLECTION"
    assert ix["fields"][2] == {"fieldPath": "placedAt", "order": "DESCENDING"}
    rules = render_rules(design)
    assert rules.startswith("rules_version = '2';")
    assert "match /orders/{orderId}" in rules
    assert "resource.data.userId == request.auth.uid" in rules
    assert "allow read, write: if true" not in rules
    assert "// tags: no owner field" in rules
    assert rules.count("{") == rules.count("}")
    assert set(json.loads(render_schemas(design))) == {"users", "orders", "tags"}


def test_pipeline_firestore_for_006(tmp_path: Path) -> None:
    outcome = design(DesignRequest(spec_path=shared_spec("006_sensors.md"), root=tmp_path, db="firestore"))
    result = outcome.result
    data = result.model_dump(mode="json")
    assert data["stores"][0]["kind"] == "document" and data["stores"][0]["engine"] == "firestore"
    jsonschema.validate(data, json.loads((REPO / "docs" / "design.schema.json").read_text()))
    assert result.verification.status == "skipped"
    assert "emulator" in result.verification.reports[0].error
    roles = {f.role: f.path for f in result.files}
    assert roles["indexes"] == "firestore.indexes.json" and roles["rules"] == "firestore.rules"
    assert roles["schema"].startswith("backend/migrations/")
    doc = result.files[0].content
    assert "## Firestore collections" in doc and "greenhouses/{greenhouseId}/sensors" in doc
    ttl = json.loads(next(f.content for f in result.files if f.role == "indexes"))["fieldOverrides"]
    assert ttl == [{"collectionGroup": "readings", "fieldPath": "expireAt", "ttl": True, "indexes": []}]
    write_outputs(outcome, tmp_path)
    assert (tmp_path / "firestore.rules").read_text().startswith("// schemawright")


def test_auto_picks_firestore_when_the_spec_declares_it(tmp_path: Path) -> None:
    spec = tmp_path / "900_notes.md"
    spec.write_text(SPEC)
    result = design(DesignRequest(spec_path=spec, root=tmp_path, verify=False)).result
    store = result.stores[0]
    assert store.kind == "document" and store.engine == "firestore"
    paths = [c.path for c in store.collections]
    assert "notebooks" in paths and "notebooks/{notebookId}/notes" in paths
    rules = next(f.content for f in result.files if f.role == "rules")
    assert "match /notebooks/{notebookId}/notes/{noteId}" in rules
