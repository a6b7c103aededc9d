"""MongoDB patterns (extended reference, subset, bucket): each triggered by a fact in the DomainModel,
explained in the document, and its validator proven with a JSON Schema validator."""

from __future__ import annotations

from typing import Any

import jsonschema

from schemawright.design.document import Collection, design_document
from schemawright.domain.model import (
    AccessPattern,
    Attribute,
    DomainModel,
    Entity,
    Kind,
    Relationship,
    Source,
)
from schemawright.emit.mongo import render_document_section
from tests.design.test_document import invalid_variants, sample, to_json_schema


def _prove(coll: Collection) -> None:
    schema = coll.validator["$jsonSchema"]
    doc = sample(schema)
    jsonschema.validate(doc, to_json_schema(schema))
    for broken in invalid_variants(doc, schema):
        try:
            jsonschema.validate(broken, to_json_schema(schema))
        except jsonschema.ValidationError:
            continue
        raise AssertionError(f"{coll.name} accepted {broken}")


def _video_model(description: str) -> DomainModel:
    return DomainModel(
        feature_id="011_videos",
        feature_name="videos",
        entities=[
            Entity(name="video", attributes=[Attribute(name="title", kind=Kind.TITLE)]),
            Entity(
                name="comment",
                volume_per_month=2_000_000,
                attributes=[
                    Attribute(name="body", kind=Kind.LONG_TEXT),
                    Attribute(name="created_at", kind=Kind.TIMESTAMP),
                ],
            ),
        ],
        relationships=[Relationship(child="comment", parent="video", ownership="owned")],
        access_patterns=[
            AccessPattern(
                entity="comment",
                equality=["video"],
                sort=["-created_at"],
                description=description,
                source=Source(line=7),
            )
        ],
    )


def test_subset_embeds_latest_n_and_keeps_all_in_their_collection() -> None:
    design, _ = design_document(_video_model("The video page shows the 10 most recent comments."))
    video, comments = design.collection("videos"), design.collection("comments")
    assert video is not None and comments is not None
    node = video.validator["$jsonSchema"]["properties"]["recent_comments"]
    assert node["maxItems"] == 10 and "body" in node["items"]["properties"]
    assert [u.pattern for u in video.patterns] == ["subset"] and "spec line 7" in video.patterns[0].reason
    assert "video_id" in comments.references
    doc = sample(video.validator["$jsonSchema"])
    doc["recent_comments"] = doc["recent_comments"] * 11
    try:
        jsonschema.validate(doc, to_json_schema(video.validator["$jsonSchema"]))
        raise AssertionError("11 recent comments accepted")
    except jsonschema.ValidationError:
        pass
    _prove(video)
    assert "Subset pattern (`recent_comments`)" in "\n".join(render_document_section(design))


def test_no_subset_without_a_bounded_newest_first_read() -> None:
    design, _ = design_document(_video_model("Comments of one video ordered by date."))
    video = design.collection("videos")
    assert video is not None and not video.patterns
    assert "recent_comments" not in video.validator["$jsonSchema"]["properties"]


def test_extended_reference_copies_the_parent_fields_the_listing_shows() -> None:
    model = DomainModel(
        feature_id="012_alerts",
        feature_name="alerts",
        entities=[
            Entity(
                name="sensor",
                attributes=[
                    Attribute(name="serial_number", kind=Kind.IDENTIFIER, unique=True),
                    Attribute(name="model", kind=Kind.TEXT),
                    Attribute(name="secret", kind=Kind.SECRET_TOKEN),
                ],
            ),
            Entity(name="alert", attributes=[Attribute(name="value", kind=Kind.DECIMAL)]),
        ],
        relationships=[Relationship(child="alert", parent="sensor")],
        access_patterns=[
            AccessPattern(
                entity="alert",
                sort=["-created_at"],
                description="The alert list shows each alert with the sensor serial number.",
            )
        ],
    )
    design, _ = design_document(model)
    alerts = design.collection("alerts")
    assert alerts is not None and "sensor_id" in alerts.references
    copy = alerts.validator["$jsonSchema"]["properties"]["sensor"]
    assert list(copy["properties"]) == ["serial_number"]  # only what the listing shows, never secrets
    assert alerts.patterns[0].pattern == "extended_reference" and "$lookup" in alerts.patterns[0].reason
    _prove(alerts)


def _stream(append_only: bool) -> DomainModel:
    return DomainModel(
        feature_id="013_meters",
        feature_name="meters",
        entities=[
            Entity(name="meter", attributes=[Attribute(name="name", kind=Kind.NAME)]),
            Entity(
                name="reading",
                append_only=append_only,
                volume_per_month=5_000_000,
                retention_days=30,
                time_attribute="measured_at",
                attributes=[
                    Attribute(name="measured_at", kind=Kind.TIMESTAMP),
                    Attribute(name="kwh", kind=Kind.DECIMAL, minimum=0),
                ],
            ),
        ],
        relationships=[Relationship(child="reading", parent="meter", ownership="owned")],
    )


def test_bucket_pattern_when_time_series_collections_are_not_chosen() -> None:
    for model, timeseries in ((_stream(append_only=False), True), (_stream(append_only=True), False)):
        design, notes = design_document(model, timeseries=timeseries)
        bucket = design.collection("reading_buckets")
        assert bucket is not None and bucket.timeseries is None
        schema: dict[str, Any] = bucket.validator["$jsonSchema"]
        assert schema["properties"]["measurements"]["maxItems"] == 200
        assert "kwh" in schema["properties"]["measurements"]["items"]["properties"]
        assert [ix.keys for ix in bucket.indexes] == [
            [("meter_id", 1), ("bucket_start", -1)],
            [("bucket_start", 1)],
        ]
        assert bucket.indexes[1].expire_after_seconds == 30 * 86400 + 3600
        assert any("bucket pattern" in n.text for n in notes)
        _prove(bucket)


def test_append_only_stream_stays_a_time_series_collection() -> None:
    design, _ = design_document(_stream(append_only=True))
    readings = design.collection("readings")
    assert readings is not None and readings.timeseries is not None and not readings.patterns
