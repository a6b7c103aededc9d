"""Redis key designs proven on a real server: structure, TTL, sliding TTL, cleanup."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import redis

from schemawright.design.keyvalue import KeyValueDesign, RedisKey
from schemawright.pipeline import DesignRequest, design
from schemawright.verify.redis import verify_keyvalue
from tests.corpus_paths import REPO, shared_spec
from tests.services import service_url

ALL_TYPES = ["string", "hash", "sorted_set", "set", "list", "stream", "hyperloglog"]


def _design() -> KeyValueDesign:
    return KeyValueDesign(app="t", keys=[
        RedisKey(pattern=f"t:{kind}:{{id}}:f", type=kind, ttl_seconds=120 if i % 2 else None,  # type: ignore[arg-type]
                 sliding=i == 1, fields=["a", "b"])
        for i, kind in enumerate(ALL_TYPES)])


def test_every_structure_verifies_and_cleans_up() -> None:
    url = service_url("SCHEMAWRIGHT_REDIS_URL")
    report = verify_keyvalue(_design(), url)
    assert report.status == "passed", report.error
    assert [s.name for s in report.steps][-1] == "cleanup"
    client = redis.Redis.from_url(url)
    assert not list(client.scan_iter(match="schemawright-verify:*"))


def test_without_url_is_skipped_with_reason(monkeypatch: object) -> None:
    import os

    saved = os.environ.pop("SCHEMAWRIGHT_REDIS_URL", None)
    try:
        report = verify_keyvalue(_design())
    finally:
        if saved is not None:
            os.environ["SCHEMAWRIGHT_REDIS_URL"] = saved
    assert report.status == "skipped" and "SCHEMAWRIGHT_REDIS_URL" in report.error


def test_relational_spec_with_cache_gets_both_stores(tmp_path: Path) -> None:
    """005 asks for a redirect cache and a rate limit: an entry per store, both verified, a section each."""
    service_url("SCHEMAWRIGHT_REDIS_URL")
    outcome = design(DesignRequest(spec_path=shared_spec("005_short_links.md"), root=tmp_path))
    result = outcome.result
    assert [s.kind for s in result.stores] == ["relational", "keyvalue"]
    assert [(r.engine, r.status) for r in result.verification.reports][-1] == ("redis", "passed")
    assert result.verification.status == "passed"
    doc = result.files[0].content
    assert "## Redis keys" in doc and "## Tables" in doc
    schema = json.loads((REPO / "docs" / "design.schema.json").read_text())
    jsonschema.validate(result.model_dump(mode="json"), schema)


def test_hash_tagged_keys_are_checked_for_one_slot() -> None:
    url = service_url("SCHEMAWRIGHT_REDIS_URL")
    design = KeyValueDesign(app="t", keys=[
        RedisKey(pattern="t:rate_limit:x:{{ip}}", type="sorted_set", ttl_seconds=60, hash_tag="ip"),
        RedisKey(pattern="t:rate_limit:x:{{ip}}:blocked", type="string", ttl_seconds=60, hash_tag="ip")])
    report = verify_keyvalue(design, url)
    assert report.status == "passed", report.error
    step = next(s for s in report.steps if s.name == "hash tag {ip}")
    assert step.ok and "2 keys in slot" in step.detail
    broken = KeyValueDesign(app="t", keys=[
        RedisKey(pattern="t:a:{ip}", type="string", hash_tag="ip"),
        RedisKey(pattern="t:b:{ip}:x", type="string", hash_tag="ip")])  # placeholders, not hash tags
    assert verify_keyvalue(broken, url).status == "failed"
