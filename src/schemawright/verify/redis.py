"""Prove a Redis key design on a real server: write a sample of every key family with its structure and
TTL, read it back, check the type and the TTL (and that a sliding TTL restarts on use), then delete it.

Every sample key lives under a unique ``schemawright-verify:{run}:`` prefix, so a run never touches the
application's data and two runs never collide; cleanup happens even when a check fails.
"""

from __future__ import annotations

import os
import re
import time
import uuid
from collections.abc import Callable
from urllib.parse import urlsplit

import redis
from redis.crc import key_slot

from schemawright.design.keyvalue import KeyValueDesign, RedisKey
from schemawright.verify.models import Step, VerificationReport
from schemawright.verify.server_url import redact

REDIS_ENV = "SCHEMAWRIGHT_REDIS_URL"
# What TYPE reports for each designed structure (a HyperLogLog is a string internally).
_TYPE_NAME = {
    "string": "string",
    "hash": "hash",
    "sorted_set": "zset",
    "set": "set",
    "list": "list",
    "stream": "stream",
    "hyperloglog": "string",
}


def sample_key(key: RedisKey, prefix: str) -> str:
    """The pattern with every ``{placeholder}`` filled by a sample value, under ``prefix``; in
    ``{{placeholder}}`` the outer braces stay (a hash tag)."""
    return prefix + re.sub(r"\{([^{}]*)\}", lambda m: f"sample-{m.group(1) or 'x'}", key.pattern)


def _same_slot(keys: list[RedisKey], prefix: str) -> str:
    """Keys sharing a hash tag must map to one Redis Cluster slot (CRC16 of the tag, mod 16384)."""
    names = [sample_key(k, prefix) for k in keys]
    slots = {key_slot(n.encode()) for n in names}
    if len(slots) != 1 or any("{" not in n for n in names):
        raise AssertionError(f"hash-tagged keys map to slots {sorted(slots)}: {names}")
    return f"{len(names)} keys in slot {slots.pop()}"


def _write(client: redis.Redis, key: RedisKey, name: str) -> None:
    kind = key.type
    if kind == "string":
        client.set(name, "1" if "count" in key.fields else "https://example.com/sample")
    elif kind == "hash":
        client.hset(name, mapping={f: f"sample {f}" for f in (key.fields or ["value"])})
    elif kind == "sorted_set":
        now = int(time.time() * 1000)
        client.zadd(name, {"request-1": now - 1000, "request-2": now})
    elif kind == "set":
        client.sadd(name, "member-1", "member-2")
    elif kind == "list":
        client.rpush(name, "item-1", "item-2")
    elif kind == "stream":
        client.xadd(name, {"event": "sample"})
    elif kind == "hyperloglog":
        client.pfadd(name, "visitor-1", "visitor-2")
    if key.ttl_seconds:
        client.expire(name, key.ttl_seconds)


def _read(client: redis.Redis, key: RedisKey, name: str) -> int:
    """Number of values read back; TYPE already matched."""
    kind = key.type
    if kind == "string":
        return 1 if client.get(name) is not None else 0
    if kind == "hash":
        return len(client.hgetall(name))
    if kind == "sorted_set":
        return int(client.zcard(name))
    if kind == "set":
        return int(client.scard(name))
    if kind == "list":
        return int(client.llen(name))
    if kind == "stream":
        return int(client.xlen(name))
    return int(client.pfcount(name))


def _check_family(client: redis.Redis, key: RedisKey, name: str) -> str:
    _write(client, key, name)
    actual = client.type(name)
    actual = actual.decode() if isinstance(actual, bytes) else str(actual)
    if actual != _TYPE_NAME[key.type]:
        raise AssertionError(f"TYPE is {actual}, designed {key.type}")
    if _read(client, key, name) < 1:
        raise AssertionError("nothing read back")
    ttl = int(client.ttl(name))
    if key.ttl_seconds:
        if not 0 < ttl <= key.ttl_seconds:
            raise AssertionError(f"TTL {ttl}s, designed {key.ttl_seconds}s")
        if key.sliding:  # the use re-applies EXPIRE: the timer restarts
            client.expire(name, key.ttl_seconds // 2)
            client.expire(name, key.ttl_seconds)
            if int(client.ttl(name)) < key.ttl_seconds - 2:
                raise AssertionError("sliding TTL did not restart on use")
    elif ttl != -1:
        raise AssertionError(f"unexpected TTL {ttl}s on a key designed without expiry")
    return f"{actual}, ttl {ttl}s"


def verify_keyvalue(design: KeyValueDesign, url: str | None = None) -> VerificationReport:
    """Status "skipped" without a server URL (``url`` or ``$SCHEMAWRIGHT_REDIS_URL``); "failed" when the
    configured server cannot be used."""
    started = time.perf_counter()
    report = VerificationReport(engine="redis", status="passed")
    url = url or os.environ.get(REDIS_ENV)
    if not url:
        report.status = "skipped"
        report.error = (
            f"no Redis server configured; set {REDIS_ENV}=redis://host:6379/0 to verify the key design"
        )
        return report
    parts = urlsplit(url)
    report.target = f"server {parts.hostname or '127.0.0.1'}:{parts.port or 6379}"
    prefix = f"schemawright-verify:{uuid.uuid4().hex[:12]}:"
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=5)
        client.ping()
    except (redis.RedisError, ValueError) as exc:  # a configured server that cannot be used fails closed
        report.status, report.error = (
            "failed",
            f"cannot connect to Redis at {redact(url)} ({exc}); start it, fix {REDIS_ENV}, "
            "or pass --no-verify",
        )
        return report
    try:
        for key in design.keys:
            _step(report, key.pattern, lambda k=key: _check_family(client, k, sample_key(k, prefix)))  # type: ignore[misc]
        tags = sorted({k.hash_tag for k in design.keys if k.hash_tag})
        for tag in tags:
            group = [k for k in design.keys if k.hash_tag == tag]
            _step(report, f"hash tag {{{tag}}}", lambda g=group: _same_slot(g, prefix))  # type: ignore[misc]
    finally:
        left = list(client.scan_iter(match=prefix + "*", count=100))
        if left:
            client.delete(*left)
        _step(
            report,
            "cleanup",
            lambda: (
                "no sample keys left"
                if not list(client.scan_iter(match=prefix + "*"))
                else _fail("sample keys left behind")
            ),
        )
        client.close()
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _fail(message: str) -> str:
    raise AssertionError(message)


def _step(report: VerificationReport, name: str, action: Callable[[], str]) -> None:
    started = time.perf_counter()
    try:
        detail, ok = action(), True
    except (AssertionError, redis.RedisError) as exc:
        detail, ok = str(exc), False
    report.steps.append(
        Step(name=name, ok=ok, detail=detail, seconds=round(time.perf_counter() - started, 4))
    )
    if not ok:
        report.status = "failed"
        report.error = report.error or f"{name}: {detail}"
