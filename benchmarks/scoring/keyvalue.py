"""Scoring Redis key families (gold ``keys`` for a key-value store, ``redis_keys`` beside a
relational one).

A family is found by the words its pattern must contain. Words compare after normalising both
sides (case, ``_``) and match as substrings of the pattern, so ``link`` finds
``sw:shortlink:{code}`` and ``rate`` finds ``ratelimit:{ip}``; plural/singular variants of the
word count too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from benchmarks.scoring.gold import GoldKey
from benchmarks.scoring.match import NameMatcher, normalize
from benchmarks.scoring.metrics import CheckResult, Counts, seconds

Key = dict[str, Any]

_TYPE_ALIASES = {"zset": "sortedset", "str": "string", "hll": "hyperloglog", "map": "hash"}


def canonical_redis_type(name: str) -> str:
    n = normalize(name)
    return _TYPE_ALIASES.get(n, n)


def ttl_of(key: Key) -> float | None:
    value = key.get("ttl_seconds", key.get("ttl"))
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def pattern_has(m: NameMatcher, key: Key, words: Sequence[str]) -> bool:
    pattern = normalize(str(key.get("pattern", "")))
    return all(any(v in pattern for v in m.variants(w)) for w in words)


def _problems(spec: GoldKey, key: Key) -> list[str]:
    problems = []
    allowed = {canonical_redis_type(t) for t in spec.type}
    if allowed and canonical_redis_type(str(key.get("type", ""))) not in allowed:
        problems.append(f"type {key.get('type')} not in {spec.type}")
    if spec.ttl is not None:
        ttl = ttl_of(key)
        lo = spec.ttl.min_seconds if spec.ttl.min_seconds is not None else float("-inf")
        hi = spec.ttl.max_seconds if spec.ttl.max_seconds is not None else float("inf")
        if ttl is None:
            if spec.ttl.required:
                problems.append("no TTL")
        elif not lo <= ttl <= hi:
            problems.append(f"TTL {seconds(ttl)}s outside {seconds(lo)}..{seconds(hi)}s")
    return problems


def check_key_family(
    m: NameMatcher, family: str, spec: GoldKey, keys: Sequence[Key], kind: str
) -> CheckResult:
    """Pass when some key with the pattern words also has an accepted type and TTL."""
    candidates = [k for k in keys if pattern_has(m, k, spec.pattern_has)]
    if not candidates:
        shown = ", ".join(str(k.get("pattern")) for k in keys) or "no keys"
        return CheckResult(
            kind=kind,
            target=family,
            passed=False,
            reason=f"no key pattern with {spec.pattern_has}; patterns: {shown}",
        )
    first_problems: list[str] = []
    for key in candidates:
        problems = _problems(spec, key)
        if not problems:
            ttl = ttl_of(key)
            shown = "none" if ttl is None else f"{seconds(ttl)}s"
            return CheckResult(
                kind=kind,
                target=family,
                passed=True,
                reason=f"{key.get('pattern')} {key.get('type')} ttl={shown}",
            )
        first_problems = first_problems or [f"{key.get('pattern')}: {p}" for p in problems]
    return CheckResult(kind=kind, target=family, passed=False, reason="; ".join(first_problems))


def score_key_entities(m: NameMatcher, families: dict[str, GoldKey], keys: Sequence[Key]) -> Counts:
    """For a key-value gold: each family is an entity, found by its pattern words (one key each)."""
    counts = Counts()
    used: set[int] = set()
    for family, spec in families.items():
        hit = next(
            (i for i, k in enumerate(keys) if i not in used and pattern_has(m, k, spec.pattern_has)), None
        )
        if hit is None:
            counts.miss(family)
        else:
            used.add(hit)
            counts.hit()
    for i, key in enumerate(keys):
        if i not in used:
            counts.extra(str(key.get("pattern", "")))
    return counts
