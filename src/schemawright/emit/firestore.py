"""FirestoreDesign → ``firestore.indexes.json``, ``firestore.rules``, the collections' JSON Schemas and the
decision-document section.

``firestore.indexes.json`` and ``firestore.rules`` are the files ``firebase init firestore`` creates in the
project root and ``firebase.json`` points at, so ``firebase deploy --only firestore`` deploys them as they
are. The rules deny everything by default and allow signed-in owners to read and write their own
documents (and the subcollections below them) where a document has an owner field.
"""

from __future__ import annotations

import json
import re
from typing import Any

from schemawright.design.firestore import FirestoreCollection, FirestoreDesign, camel
from schemawright.emit.markdown_safe import code, fence, text


def render_indexes(design: FirestoreDesign) -> str:
    data = {
        "indexes": [
            {
                "collectionGroup": ix.collectionGroup,
                "queryScope": ix.queryScope,
                "fields": [f.model_dump() for f in ix.fields],
            }
            for ix in design.indexes
        ],
        "fieldOverrides": [
            {"collectionGroup": t.collectionGroup, "fieldPath": t.fieldPath, "ttl": True, "indexes": []}
            for t in design.ttl
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render_schemas(design: FirestoreDesign) -> str:
    """One JSON document: collection path → the JSON Schema of its documents."""
    schemas = {c.path: c.json_schema for c in design.collections}
    return json.dumps(schemas, indent=2, ensure_ascii=False) + "\n"


def _ident(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", text) or "_"


def _match_path(path: str) -> str:
    """``greenhouses/{greenhouseId}/sensors`` → ``/greenhouses/{greenhouseId}/sensors/{sensorsId}``."""
    parts = [p if p.startswith("{") else _ident(p) for p in path.split("/")]
    return "/" + "/".join(parts) + "/{docId}"


def _owner_of(coll: FirestoreCollection, by_path: dict[str, FirestoreCollection]) -> tuple[str, str] | None:
    """(condition for reads/updates, condition for creates) from the nearest owned ancestor (or itself)."""
    if coll.owner_field:
        f = _ident(coll.owner_field)
        return (f"isSignedIn() && resource.data.{f} == request.auth.uid",
                f"isSignedIn() && request.resource.data.{f} == request.auth.uid")
    current = coll
    while current.parent_path:
        parent_coll_path, parent_var = current.parent_path.rsplit("/", 1)
        parent = by_path.get(parent_coll_path)
        if parent is None:
            return None
        if parent.owner_field:
            doc = "/".join(
                f"$({p[1:-1]})" if p.startswith("{") else _ident(p) for p in parent_coll_path.split("/")
            )
            cond = (f"isSignedIn() && get(/databases/$(database)/documents/{doc}/$({parent_var[1:-1]}))"
                    f".data.{_ident(parent.owner_field)} == request.auth.uid")
            return cond, cond
        current = parent
    return None


def render_rules(design: FirestoreDesign, header: str = "") -> str:
    by_path = {c.path: c for c in design.collections}
    lines = [header] if header else []
    lines += [
        "rules_version = '2';",
        "",
        "// Deny by default: a request no rule below allows is refused.",
        "service cloud.firestore {",
        "  match /databases/{database}/documents {",
        "    function isSignedIn() {",
        "      return request.auth != null;",
        "    }",
    ]
    for coll in design.collections:
        owner = _owner_of(coll, by_path)
        match = _match_path(coll.path).replace("{docId}", "{" + _ident(camel(coll.entity)) + "Id}")
        lines.append("")
        if owner is None:
            lines.append(f"    // {coll.path}: no owner field — server (Admin SDK) access only.")
            continue
        read, create = owner
        lines += [
            f"    match {match} {{",
            f"      allow read, update, delete: if {read};",
            f"      allow create: if {create};",
            "    }",
        ]
    lines += ["  }", "}", ""]
    return "\n".join(lines)


def _example(node: dict[str, Any]) -> Any:
    if node.get("x-firestore-type") == "timestamp":
        return "Timestamp"
    if "enum" in node:
        return " | ".join(str(v) for v in node["enum"])
    kind = node.get("type")
    if kind == "object":
        return {k: _example(v) for k, v in (node.get("properties") or {}).items()} or "map"
    if kind == "array":
        return [_example(node.get("items") or {"type": "string"})]
    return kind


def render_firestore_section(design: FirestoreDesign) -> list[str]:
    """Collection paths, fields and reasons come from the spec: code spans and fences outlast any backtick
    in them, prose is one line (see :mod:`schemawright.emit.markdown_safe`)."""
    tree = "\n".join("  " * (coll.path.count("/") // 2) + coll.path for coll in design.collections)
    out = ["## Firestore collections", "", *fence(tree, "text"), ""]
    for coll in design.collections:
        example = json.dumps(_example(coll.json_schema), indent=2, ensure_ascii=False)
        out += [f"### {code(coll.path)}", "", *fence(example, "json"), ""]
        why = []
        if coll.parent_path:
            words = text(coll.entity.replace("_", " "))
            why.append(f"- Subcollection of {code(coll.parent_path)}: each {words} has one "
                       "parent, which is its path; a collection-group query reads them across parents.")
        why += [f"- Embedded {code(e.path)} ({text(e.entity)}): {text(e.reason)}." for e in coll.embedded]
        why += [f"- {code(f)} is a document path in {code(t)}." for f, t in coll.references.items()]
        if coll.owner_field:
            why.append(
                f"- Owner field {code(coll.owner_field)}: the rules let only that user read and write it."
            )
        out += [*why, ""] if why else []
    out += ["### Indexes", ""]
    if design.indexes:
        for ix in design.indexes:
            fields = text(", ".join(f"{f.fieldPath} {f.order.lower()}" for f in ix.fields))
            scope = ix.queryScope.lower()
            out.append(f"- {code(ix.collectionGroup)} ({scope}): {fields} — {text(ix.purpose)}.")
    else:
        out.append("- No composite index: every query filters or orders on one field, which Firestore's "
                   "automatic single-field indexes serve.")
    out += [f"- TTL policy on {code(f'{t.collectionGroup}.{t.fieldPath}')}: {text(t.purpose)}."
            for t in design.ttl]
    out += [
        "",
        "### Rules",
        "",
        "`firestore.rules` denies by default; a document with an owner field (and the subcollections below "
        "it) is readable and writable only by the signed-in user whose uid it holds. Collections without "
        "an owner are left to the server (Admin SDK bypasses the rules).",
        "",
        "`firestore.indexes.json` and `firestore.rules` are written to the project root (where "
        "`firebase init` puts them and `firebase.json` refers to them); the collections' JSON Schemas go "
        "to the migrations folder.",
        "",
    ]
    return out
