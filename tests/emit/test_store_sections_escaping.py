"""The decision document's MongoDB, Redis and Firestore sections (and the relational one's names) keep
spec text inert: every name, path, field, reason and purpose below carries HTML, backtick runs, a fence, a
pipe and a newline followed by a heading, and the rendered document still has only its own headings,
fences, table cells and tags."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from schemawright.design.document import (
    Collection,
    DocumentDesign,
    EmbeddedPath,
    MongoIndex,
    TimeSeries,
)
from schemawright.design.document_patterns import PatternUse
from schemawright.design.firestore import (
    FirestoreCollection,
    FirestoreDesign,
    FirestoreIndex,
    IndexField,
    TtlPolicy,
)
from schemawright.design.keyvalue import KeyValueDesign, RedisKey
from schemawright.domain.model import DomainModel
from schemawright.emit.decision_doc import render_decision_doc
from schemawright.result import DesignResult, FeatureInfo, StoreDesign
from tests.fuzz.markdown_checks import document_problems

HOSTILE = [
    "<script>alert(1)</script>",
    "a`b",
    "```\n## Injected fence",
    "x\n## Injected heading",
    "<img src=x onerror=alert(1)>|cell",
    "````sql",
    "`` <b>bold</b> ``",
]


def _name(i: int) -> str:
    return HOSTILE[i % len(HOSTILE)]


def _mongo(h: str) -> DocumentDesign:
    schema = {"$jsonSchema": {"bsonType": "object", "properties": {h: {"bsonType": "string"}}}}
    return DocumentDesign(collections=[Collection(
        name=h, entity=h, validator=schema,
        indexes=[MongoIndex(name=h, keys=[(h, 1)], purpose=h)],
        timeseries=TimeSeries(timeField=h, metaField=h, expire_after_seconds=60),
        shard_key=[(h, "hashed")], shard_reason=h,
        embedded=[EmbeddedPath(path=h, entity=h, reason=h)],
        references={h: h},
        patterns=[PatternUse(pattern="subset", field=h, source_entity=h, reason=h)],
    )])


def _redis(h: str) -> KeyValueDesign:
    return KeyValueDesign(app=h, keys=[RedisKey(
        pattern=f"{h}:{{id}}", type="hash", ttl_seconds=60, purpose=h, fields=[h, "b|c"], memory_formula=h,
        hash_tag=h, commands=[f"HSET {h} x 1", "```", h],
    )])


def _firestore(h: str) -> FirestoreDesign:
    schema = {"type": "object", "properties": {h: {"type": "string"}}}
    return FirestoreDesign(
        collections=[
            FirestoreCollection(name=h, path=h, entity=h, json_schema=schema, owner_field=h,
                                embedded=[EmbeddedPath(path=h, entity=h, reason=h)], references={h: h}),
            FirestoreCollection(name=h, path=f"{h}/{{x}}/{h}", parent_path=f"{h}/{{x}}", entity=h,
                                json_schema=schema),
        ],
        indexes=[FirestoreIndex(collectionGroup=h, fields=[IndexField(fieldPath=h)], purpose=h)],
        ttl=[TtlPolicy(collectionGroup=h, fieldPath=h, purpose=h)],
    )


def _document(store: StoreDesign, h: str) -> str:
    feature = FeatureInfo(id="001_x", name=h, source=f"specs/{h}/spec.md")
    result = DesignResult(feature=feature, stores=[store])
    return render_decision_doc(result, DomainModel(feature_id="001_x", feature_name=h))


@pytest.mark.parametrize("h", HOSTILE)
@pytest.mark.parametrize("kind", ["mongodb", "redis", "firestore"])
def test_store_sections_keep_spec_text_inert(kind: str, h: str) -> None:
    store: StoreDesign = {"mongodb": _mongo, "redis": _redis, "firestore": _firestore}[kind](h)
    document = _document(store, h)
    assert document_problems(document) == []
    tokens = MarkdownIt("commonmark").enable("table").parse(document)
    fences = [t for t in tokens if t.type == "fence"]
    # the section's own fences, no more, no fewer: one notation per collection; one command block per key
    # (plus the Traceability table); the tree and one example per collection
    assert len(fences) == {"mongodb": 1, "redis": 1, "firestore": 3}[kind]
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert not any(heading.startswith("Injected") for heading in headings), headings
    html = MarkdownIt("commonmark").enable("table").render(document)
    for tag in ("<script", "<img", "<b>"):
        assert tag not in html


def test_hostile_text_is_shown_not_dropped() -> None:
    document = _document(_redis("<b>x</b>"), "n")
    html = MarkdownIt("commonmark").enable("table").render(document)
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    assert "b|c" in html  # the escaped pipe is shown, inside its cell


def test_a_newline_in_a_firestore_path_stays_in_its_code_span() -> None:
    document = _document(_firestore("x\n## Injected heading"), "n")
    assert "### `x\\n## Injected heading`" in document
