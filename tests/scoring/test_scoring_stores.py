"""Document, key-value and no-store golds."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from benchmarks.scoring.gold import Gold, load_gold
from benchmarks.scoring.metrics import CheckResult, SpecScore
from benchmarks.scoring.score import score_design, verified_flag
from tests.corpus_paths import shared_spec
from tests.scoring.builders import design, gold, relational, table


def schema(*required: str, **properties: Any) -> dict[str, Any]:
    return {"$jsonSchema": {"bsonType": "object", "required": list(required), "properties": properties}}


def collection(name: str, validator: dict[str, Any], **extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "name": name,
        "validator": validator,
        "indexes": [],
        "timeseries": None,
        "shard_key": None,
        "embedded": [],
        "references": {},
    }
    return {**base, **extra}


def mongo(*collections: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "document", "engine": "mongodb", "collections": list(collections)}


S = {"bsonType": "string"}
N = {"bsonType": "double"}


def sensors_design() -> dict[str, Any]:
    return design(
        mongo(
            collection(
                "greenhouses",
                schema("name", name=S, location=S, ownerId={"bsonType": "objectId"}),
                references={"ownerId": "accounts"},
            ),
            collection(
                "sensors",
                schema(serialNumber=S, model=S, greenhouseId=S, kinds={"bsonType": "array"}),
                indexes=[{"name": "serial_unique", "keys": [["serialNumber", 1]], "unique": True}],
                references={"greenhouseId": "greenhouses"},
            ),
            collection(
                "readings",
                schema(
                    ts={"bsonType": "date"},
                    meta={"bsonType": "object", "properties": {"sensor_id": S}},
                    values={"bsonType": "object", "properties": {"temperature": N}},
                ),
                timeseries={"timeField": "ts", "metaField": "meta", "expireAfterSeconds": 7776000},
                shard_key=[["meta.sensor_id", "hashed"]],
            ),
            collection("alert_rules", schema(kind=S, comparison={"enum": ["above", "below"]}, threshold=N)),
            collection("alerts", schema(value=N, acknowledgedAt={"bsonType": "date"}, ruleId=S, sensorId=S)),
        )
    )


@pytest.fixture(scope="module")
def sensors_gold() -> Gold:
    return load_gold(shared_spec("gold/006_sensors.yaml"))


def by_kind(score: SpecScore, kind: str) -> CheckResult:
    return next(c for c in score.checks if c.kind == kind)


def test_good_mongodb_design(sensors_gold: Gold, tmp_path: Path) -> None:
    score = score_design(sensors_design(), sensors_gold, tmp_path)
    assert [c.reason for c in score.checks if not c.passed] == []
    assert (score.entities.tp, score.entities.fp, score.entities.fn) == (5, 0, 0)
    assert score.attributes.missed == []
    # ruleId/sensorId are fields the gold does not name: extra, not hidden
    assert score.attributes.spurious == ["alerts.ruleId", "alerts.sensorId"]
    assert score.relationships.scored is False
    assert by_kind(score, "ttl").reason == "time-series expireAfterSeconds = 7776000s"


def test_flawed_mongodb_design(sensors_gold: Gold, tmp_path: Path) -> None:
    d = sensors_design()
    colls = d["stores"][0]["collections"]
    colls[1]["indexes"] = [{"name": "serial", "keys": [["serialNumber", 1]], "unique": False}]
    colls[2]["timeseries"] = None
    colls[2]["indexes"] = [{"name": "ttl", "keys": [["ts", 1]], "expire_after_seconds": 86400}]
    score = score_design(d, sensors_gold, tmp_path)
    problems = {c.kind: c.reason for c in score.checks if not c.passed}
    assert problems["index"].startswith(
        "no unique index on [['serial_number'], ['serialNumber'], ['serial']]"
    )
    assert problems["ttl"] == "TTL index ttl = 86400s; expected 7700000..7800000s"
    assert problems["time_series_or_bucket"] == "readings is neither time-series nor bucketed"


def test_relational_design_for_a_document_spec_fails_the_store_check(
    sensors_gold: Gold, tmp_path: Path
) -> None:
    score = score_design(design(relational(table("sensors"))), sensors_gold, tmp_path)
    assert not by_kind(score, "store").passed
    assert score.entities.spurious == ["sensors"]
    assert score.entities.tp == 0


RECIPES = gold(
    store="document",
    collections={
        "recipe": {"names": ["recipes"], "fields": {"title": ["title"]}},
        "step": {"names": ["steps"], "fields": {"text": ["text", "instruction"]}, "embedded_in": "recipe"},
        "comment": {"names": ["comments"], "fields": {"body": ["body"]}, "embedded_in_ok": ["recipe"]},
    },
    indexes=[{"collection": "recipe", "keys": [["title", 1]]}],
    shard=[{"collection": "recipe", "keys_any": ["author_id"], "hashed": True}],
    validators=[{"collection": "recipe", "required": [["title"]], "enum": [["difficulty"]]}],
    time_series_or_bucket=[{"collection": "comment"}],
)


def recipe_doc(**extra: Any) -> dict[str, Any]:
    steps = {"bsonType": "array", "items": {"bsonType": "object", "properties": {"instruction": S}}}
    props = {"title": S, "difficulty": {"enum": ["easy", "hard"]}, "author_id": S, "steps": steps}
    return collection("recipes", schema("title", **props), **extra)


def test_embedded_entities_and_document_checks(tmp_path: Path) -> None:
    comments = collection(
        "comment_buckets",
        schema(recipe_id=S, count={"bsonType": "int"}, comments={"bsonType": "array", "items": {}}),
    )
    good = recipe_doc(
        indexes=[{"name": "title", "keys": [["title", 1], ["_id", -1]]}],
        shard_key=[["author_id", "hashed"]],
    )
    score = score_design(design(mongo(good, comments)), RECIPES, tmp_path)
    assert [c.reason for c in score.checks if not c.passed] == []
    assert by_kind(score, "embedded_in").reason == "embedded at recipes.steps"
    assert by_kind(score, "time_series_or_bucket").reason == "bucket documents with array comments"
    # step found embedded, its field found inside the array items; comment_buckets is no gold name
    assert score.entities.missed == ["comment"]
    assert "step.text" not in score.attributes.missed
    assert "recipes.steps" not in score.attributes.spurious


def test_document_checks_fail(tmp_path: Path) -> None:
    bad = collection(
        "recipes",
        schema(title=S, difficulty=S),
        indexes=[{"name": "d", "keys": [["difficulty", 1], ["title", 1]]}],
        shard_key=[["author_id", 1]],
    )
    steps = collection("steps", schema(instruction=S))
    comments = collection("comments", schema(body=S))
    score = score_design(design(mongo(bad, steps, comments)), RECIPES, tmp_path)
    problems = {c.kind: c.reason for c in score.checks if not c.passed}
    assert problems == {
        "embedded_in": "step is its own collection steps",
        "index": "no index on [['title']]; indexes: d(difficulty, title)",
        "shard": "shard key [('author_id', 1)]: hashed should be True",
        "validator": "none of ['title'] required; no enum on ['difficulty']",
        "time_series_or_bucket": "comments is neither time-series nor bucketed",
    }
    # embedded_in_ok: a separate collection is fine; a required-embedded one still counts as found
    assert score.entities.tp == 3


SHORT_LINKS_KEYS = {
    "redirect_cache": {
        "pattern_has": ["link"],
        "type": ["string", "hash"],
        "ttl": {"min_seconds": 86000, "max_seconds": 87000, "required": True},
    },
    "rate_limit": {
        "pattern_has": ["rate"],
        "type": ["zset", "sorted_set", "counter"],
        "ttl": {"max_seconds": 3700},
    },
}


def redis(*keys: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "keyvalue", "engine": "redis", "keys": list(keys)}


def key(pattern: str, type_: str, ttl: int | None) -> dict[str, Any]:
    return {"pattern": pattern, "type": type_, "ttl_seconds": ttl, "purpose": "", "fields": []}


@pytest.mark.parametrize(
    ("keys", "problems"),
    [
        ([key("sl:shortlink:{code}", "string", 86400), key("sl:ratelimit:{ip}", "sorted_set", 3600)], {}),
        (
            [key("sl:links:{code}", "hash", None), key("sl:rate:{ip}", "list", 3600)],
            {
                "redirect_cache": "sl:links:{code}: no TTL",
                "rate_limit": "sl:rate:{ip}: type list not in ['zset', 'sorted_set', 'counter']",
            },
        ),
        (
            [key("sl:url:{code}", "string", 86400), key("sl:rate:{ip}", "zset", 7200)],
            {
                "redirect_cache": "no key pattern with ['link']; patterns: sl:url:{code}, sl:rate:{ip}",
                "rate_limit": "sl:rate:{ip}: TTL 7200s outside -∞..3700s",
            },
        ),
    ],
)
def test_redis_keys_beside_a_relational_store(
    keys: list[dict[str, Any]], problems: dict[str, str], tmp_path: Path
) -> None:
    g = gold(entities={"link": {"tables": ["links"]}}, redis_keys=SHORT_LINKS_KEYS)
    score = score_design(design(relational(table("links")), redis(*keys)), g, tmp_path)
    assert {c.target: c.reason for c in score.checks if c.kind == "redis_key" and not c.passed} == problems


def test_keyvalue_gold_scores_key_families_as_entities(tmp_path: Path) -> None:
    g = gold(store="keyvalue", keys={"session": {"pattern_has": ["session"], "type": ["hash"]}})
    d = design(redis(key("app:session:{id}", "hash", 1800), key("app:misc:{id}", "string", None)))
    score = score_design(d, g, tmp_path)
    assert (score.entities.tp, score.entities.fp, score.entities.fn) == (1, 1, 0)
    assert [c.passed for c in score.checks] == [True, True]  # store, key
    assert score.attributes.scored is False


def test_no_store_spec(tmp_path: Path) -> None:
    g = load_gold(shared_spec("gold/008_about_page.yaml"))
    empty = score_design(design(), g, tmp_path)
    assert [(c.kind, c.passed) for c in empty.checks] == [("expect_no_tables", True)]
    assert empty.entities.precision is None and empty.entities.recall is None
    wrong = design(relational(table("team_members")), files=[{"path": "m.up.sql", "role": "migration-up"}])
    score = score_design(wrong, g, tmp_path)
    assert score.checks[0].reason == "design has team_members, m.up.sql"
    assert score.entities.precision == 0.0


@pytest.mark.parametrize(
    ("verification", "flag"),
    [
        (None, "-"),
        ({"status": "not-run", "reports": []}, "-"),
        ({"status": "skipped", "reports": [{"engine": "mysql", "status": "skipped"}]}, "skipped"),
        ({"status": "passed", "reports": [{"engine": "postgresql", "status": "passed"}]}, "yes"),
        ([{"engine": "postgresql", "status": "passed"}, {"engine": "redis", "status": "skipped"}], "partial"),
        ({"postgresql": {"status": "failed"}, "redis": {"status": "passed"}}, "no"),
    ],
)
def test_verified_flag(verification: Any, flag: str) -> None:
    assert verified_flag({"verification": copy.deepcopy(verification)}) == flag


def test_document_relationships_are_scored_when_the_gold_lists_them(tmp_path: Path) -> None:
    g = gold(
        store="document",
        collections={
            "order": {"names": ["orders"]},
            "item": {"names": ["items"], "embedded_in": "order"},
            "customer": {"names": ["customers"]},
            "coupon": {"names": ["coupons"]},
        },
        relationships=[{"from": "item", "to": "order"}, {"from": "order", "to": "customer"}],
    )
    orders = collection(
        "orders",
        schema(items={"bsonType": "array", "items": {"properties": {"sku": S}}}, customer_id=S, coupon_id=S),
        references={"customer_id": {"collection": "customers"}, "coupon_id": "coupons"},
    )
    d = design(mongo(orders, collection("customers", schema()), collection("coupons", schema())))
    score = score_design(d, g, tmp_path)
    assert (score.relationships.tp, score.relationships.fp, score.relationships.fn) == (2, 1, 0)
    assert score.relationships.spurious == ["order -> coupon"]


def test_document_between_is_found_in_either_direction(tmp_path: Path) -> None:
    g = gold(
        store="document",
        collections={"order": {"names": ["orders"]}, "receipt": {"names": ["receipts"]}},
        relationships=[{"between": ["receipt", "order"]}],
    )
    orders = collection("orders", schema(receipt_id=S), references={"receipt_id": "receipts"})
    d = design(mongo(orders, collection("receipts", schema())))
    score = score_design(d, g, tmp_path)
    assert (score.relationships.tp, score.relationships.fp, score.relationships.fn) == (1, 0, 0)
