"""DocumentDesign → mongosh migration scripts and the role's ``// Collection:`` notation.

The up script creates each collection with its ``$jsonSchema`` validator (and time-series options),
then its indexes; the down script drops the collections in reverse order. Values are serialised as
JSON, so nothing from the spec is spliced into JavaScript unescaped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from schemawright.design.document import Collection, DocumentDesign
from schemawright.emit.markdown_safe import code, fence, text


@dataclass(frozen=True)
class MongoScripts:
    up: str
    down: str


def _js(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


def _keys(coll_keys: list[tuple[str, Any]]) -> str:
    return "{ " + ", ".join(f"{_js(k)}: {_js(v)}" for k, v in coll_keys) + " }"


def _create(coll: Collection) -> list[str]:
    options: dict[str, Any] = {
        "validator": coll.validator,
        "validationLevel": "strict",
        "validationAction": "error",
    }
    if coll.timeseries is not None:
        ts = coll.timeseries
        options["timeseries"] = {
            k: v
            for k, v in {
                "timeField": ts.timeField,
                "metaField": ts.metaField,
                "granularity": ts.granularity,
            }.items()
            if v
        }
        if ts.expire_after_seconds:
            options["expireAfterSeconds"] = ts.expire_after_seconds
    lines = [f"db.createCollection({_js(coll.name)}, {json.dumps(options, indent=2, ensure_ascii=False)});"]
    for ix in coll.indexes:
        opts: dict[str, Any] = {"name": ix.name}
        if ix.unique:
            opts["unique"] = True
        if ix.expire_after_seconds is not None:
            opts["expireAfterSeconds"] = ix.expire_after_seconds
        if ix.partial_filter:
            opts["partialFilterExpression"] = ix.partial_filter
        lines.append(f"db.getCollection({_js(coll.name)}).createIndex({_keys(ix.keys)}, {_js(opts)});")
    return lines


def render_mongo(design: DocumentDesign, header: str = "") -> MongoScripts:
    head = f"{header}\n" if header else ""
    up = [line for coll in design.collections for line in _create(coll)]
    down = [f"db.getCollection({_js(c.name)}).drop();" for c in reversed(design.collections)]
    return MongoScripts(up=head + "\n".join(up) + "\n", down=head + "\n".join(down) + "\n")


def _example(schema: dict[str, Any]) -> Any:
    bson = schema.get("bsonType")
    if bson == "object":
        return {k: _example(v) for k, v in (schema.get("properties") or {}).items()}
    if bson == "array":
        return [_example(schema.get("items") or {"bsonType": "string"})]
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    return {"objectId": "ObjectId", "date": "Date", "decimal": "Decimal128", "binData": "BinData"}.get(
        str(bson), str(bson)
    )


def collection_notation(coll: Collection) -> str:
    """The role's notation: ``// Collection: name``, an example document, then its createIndex calls."""
    doc = json.dumps(_example(coll.validator["$jsonSchema"]), indent=2, ensure_ascii=False)
    lines = [f"// Collection: {coll.name}", doc, "", "// Indexes"]
    for ix in coll.indexes:
        extra = {
            k: v
            for k, v in (
                ("unique", ix.unique or None),
                ("expireAfterSeconds", ix.expire_after_seconds),
                ("partialFilterExpression", ix.partial_filter),
            )
            if v
        }
        lines.append(
            f"db.{coll.name}.createIndex({_keys(ix.keys)}" + (f", {_js(extra)}" if extra else "") + ");"
        )
    if coll.shard_key:
        lines.append(f'sh.shardCollection("<db>.{coll.name}", {_keys(coll.shard_key)});')
    return "\n".join(lines)


def render_document_section(design: DocumentDesign) -> list[str]:
    """Decision-document section: each collection in the role's notation, then why it is shaped so. Names
    and reasons come from the spec: code spans and fences outlast any backtick in them, prose is one line
    (see :mod:`schemawright.emit.markdown_safe`)."""
    out = ["## Collections", ""]
    for coll in design.collections:
        out += [*fence(collection_notation(coll), "javascript"), ""]
        why = [f"- Embedded {code(e.path)} ({text(e.entity)}): {text(e.reason)}." for e in coll.embedded]
        why += [
            f"- {code(field)} references {code(target)} (unbounded or shared: its own collection)."
            for field, target in coll.references.items()
        ]
        if coll.timeseries is not None:
            ts = coll.timeseries
            why.append(
                f"- Time-series collection on {code(ts.timeField)}"
                + (f" with metaField {code(ts.metaField)}" if ts.metaField else "")
                + (f"; expires after {ts.expire_after_seconds} s" if ts.expire_after_seconds else "")
                + "."
            )
        why += [f"- {u.pattern.replace('_', ' ').capitalize()} pattern ({code(u.field)}): {text(u.reason)}."
                for u in coll.patterns]
        why += [f"- Index {code(ix.name)}: {text(ix.purpose)}." for ix in coll.indexes]
        if coll.shard_key:
            why.append(f"- Shard key {code(_keys(coll.shard_key))}: {text(coll.shard_reason)}.")
        out += [*why, ""]
    out += [
        "Every collection has a `$jsonSchema` validator (validationLevel strict, validationAction error); "
        "the mongosh scripts in the migrations folder create the collections and indexes (up) and drop them "
        "(down).",
        "",
    ]
    return out
