"""Redis key design from the model's cache needs: naming, structure per use, TTLs."""

from __future__ import annotations

from pathlib import Path

from schemawright.design.keyvalue import design_keyvalue
from schemawright.domain.analyze import analyze
from schemawright.domain.model import CacheNeed, DomainModel
from schemawright.spec.parser import parse_spec
from tests.corpus_paths import shared_spec


def _model(path: Path) -> DomainModel:
    return analyze(parse_spec(path.read_text(), source=str(path)), path.stem, path.stem)


def test_short_links_cache_and_rate_limit() -> None:
    design, notes = design_keyvalue(_model(shared_spec("005_short_links.md")))
    assert design.kind == "keyvalue" and design.engine == "redis"
    cache = next(k for k in design.keys if "link" in k.pattern and "rate" not in k.pattern)
    assert cache.type in ("string", "hash") and cache.ttl_seconds == 86400 and cache.sliding
    assert cache.pattern.startswith(f"{design.app}:") and "{code}" in cache.pattern
    rate = next(k for k in design.keys if "rate" in k.pattern)
    assert rate.type == "sorted_set" and rate.ttl_seconds == 3600
    assert "{ip_address}" in rate.pattern
    assert all(k.memory_estimate_bytes > 0 for k in design.keys)
    assert any("Redis keys are namespaced" in n.text for n in notes)


def test_large_rate_limit_uses_fixed_window_counter() -> None:
    model = DomainModel(feature_id="010_api", feature_name="api", cache_needs=[
        CacheNeed(purpose="rate_limit", key_parts=["api_key"], limit=50_000, window_seconds=60)])
    key = design_keyvalue(model)[0].keys[0]
    assert key.type == "string" and key.ttl_seconds == 60 and key.pattern.startswith("api:rate_limit:")


def test_every_purpose_gets_a_structure() -> None:
    purposes = ["cache", "rate_limit", "session", "counter", "presence", "token", "leaderboard", "feed"]
    model = DomainModel(feature_id="x", feature_name="x", cache_needs=[
        CacheNeed(purpose=p, entity=f"thing_{i}", ttl_seconds=60, limit=5) for i, p in enumerate(purposes)])
    design, _ = design_keyvalue(model)
    assert len(design.keys) == len(purposes) + 1  # the rate limit has a block flag beside its window
    assert all(":" in k.pattern and k.pattern == k.pattern.lower() for k in design.keys)


def test_rate_limit_window_and_block_flag_share_a_hash_tag() -> None:
    from redis.crc import key_slot

    from schemawright.verify.redis import sample_key

    design, notes = design_keyvalue(_model(shared_spec("005_short_links.md")))
    tagged = [k for k in design.keys if k.hash_tag]
    assert [k.pattern.rsplit(":", 1)[-1] for k in tagged] == ["{{ip_address}}", "blocked"]
    assert {k.hash_tag for k in tagged} == {"ip_address"}
    names = [sample_key(k, "p:") for k in tagged]
    assert names[0].endswith(":{sample-ip_address}") and len({key_slot(n.encode()) for n in names}) == 1
    untagged = [k for k in design.keys if not k.hash_tag]
    assert untagged and all("{{" not in k.pattern for k in untagged)
    assert any("share the hash tag {ip_address}" in n.text for n in notes)


def test_memory_estimate_follows_its_formula() -> None:
    from schemawright.design.keyvalue import estimate

    small, formula = estimate("sorted_set", "k" * 20, 10, 36)
    assert small == 72 + 36 + 10 * (36 + 4 + 8) and "10 entries × 48 B" in formula and "listpack" in formula
    large, formula = estimate("sorted_set", "k" * 20, 1000, 36)
    assert large == 72 + 36 + 1000 * (36 + 80 + 16) and "skiplist" in formula
    assert estimate("string", "k", 1, 8)[0] == 72 + 17 + 24
    design, _ = design_keyvalue(_model(shared_spec("005_short_links.md")))
    assert all(k.memory_formula and k.memory_estimate_bytes > 72 for k in design.keys)
