"""DomainModel.cache_needs → a Redis key design, by the role's key-value rules.

Keys follow ``{app}:{entity}:{id}:{field}`` (colon-separated, lower snake_case; ``{…}`` parts are
placeholders filled at run time; ``{{…}}`` is a placeholder inside literal braces — a Redis Cluster hash tag
shared by keys that one transaction touches together). Memory per key is estimated by :func:`estimate`.
The structure is chosen per use: a string for a single cached value, a
hash for a cached object, a sorted set for exact sliding-window rate limits and rankings, a string
counter for fixed windows and fast counts, a list for capped feeds. Every retention or expiry sentence
becomes a TTL; "after last use" makes it sliding (the application re-applies EXPIRE on each read).
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, Field

from schemawright.domain.model import Assumption, CacheNeed, DomainModel, Entity, Kind, Source
from schemawright.domain.naming import snake

RedisType = Literal["string", "hash", "sorted_set", "set", "list", "stream", "hyperloglog"]
# Rate limits up to this many events per window keep every event (exact sliding window); above it a
# fixed-window counter keeps memory constant.
SLIDING_WINDOW_MAX_EVENTS = 1000
_KEY_OVERHEAD = 72  # bytes per key in the main dict plus the expires dict (robj, dictEntry, SDS headers)
_SMALL = 128  # up to this many entries hashes, sorted sets and lists stay compact listpacks


def estimate(kind: RedisType, key: str, items: int, item_bytes: int) -> tuple[int, str]:
    """(bytes per key, the formula) — Redis 7 encodings: compact listpacks up to 128 entries, then
    hashtables / skiplists with about 80 bytes of pointers per entry."""
    name = len(key) + 16  # the key's SDS string with the filled placeholders
    if kind in ("string", "hyperloglog"):
        value = 16 + item_bytes if kind == "string" else 12_304  # a dense HyperLogLog is 12 KB
        formula = f"{_KEY_OVERHEAD} (key entry + TTL) + {name} (key name) + " + (
            f"16 + {item_bytes} (value)" if kind == "string" else "12304 (dense HyperLogLog)"
        )
        return _KEY_OVERHEAD + name + value, formula
    per = item_bytes + (4 if items <= _SMALL else 80)  # listpack entry header vs hashtable/skiplist node
    if kind == "sorted_set":
        per += 8 if items <= _SMALL else 16  # the score
    encoding = "listpack" if items <= _SMALL else "hashtable/skiplist"
    formula = (
        f"{_KEY_OVERHEAD} (key entry + TTL) + {name} (key name) + {items} entries × {per} B "
        f"({item_bytes} B data + {encoding} overhead)"
    )
    return _KEY_OVERHEAD + name + items * per, formula


class RedisKey(BaseModel):
    pattern: str  # "{app}:{entity}:{id}:{field}" with placeholders in braces
    type: RedisType
    ttl_seconds: int | None = None
    sliding: bool = False  # the TTL restarts on every use
    purpose: str = ""
    fields: list[str] = Field(default_factory=list)  # hash fields / what the value holds
    memory_estimate_bytes: int = 0  # per key
    memory_formula: str = ""  # how memory_estimate_bytes was computed
    hash_tag: str | None = None  # placeholder wrapped in literal {} so related keys share a Cluster slot
    commands: list[str] = Field(default_factory=list)  # how the application uses the key
    source: Source = Field(default_factory=Source)


class KeyValueDesign(BaseModel):
    kind: Literal["keyvalue"] = "keyvalue"
    engine: Literal["redis"] = "redis"
    app: str = ""  # the key prefix (namespace) shared by every key of the feature
    keys: list[RedisKey] = Field(default_factory=list)


def _mem(kind: RedisType, pattern: str, items: int, item_bytes: int) -> dict[str, Any]:
    filled = re.sub(r"\{([^{}]*)\}", lambda m: "x" * 36 if "id" in m.group(1) else "x" * 16, pattern)
    size, formula = estimate(kind, filled, items, item_bytes)
    return {"memory_estimate_bytes": size, "memory_formula": formula}


def design_keyvalue(model: DomainModel) -> tuple[KeyValueDesign, list[Assumption]]:
    app = _app_prefix(model)
    design = KeyValueDesign(app=app)
    notes: list[Assumption] = [
        Assumption(
            text=f"Redis keys are namespaced `{app}:` and built as {{app}}:{{entity}}:{{id}}:{{field}}; "
            "keys used together in one transaction share a Redis Cluster hash tag, all others are used "
            "alone and need none.",
            source=Source(rule="redis key naming"),
        )
    ]
    for need in model.cache_needs:
        for key in _keys_for(model, app, need, notes):
            if all(k.pattern != key.pattern for k in design.keys):
                design.keys.append(key)
    return design, notes


def _app_prefix(model: DomainModel) -> str:
    name = re.sub(r"^\d+[_-]*", "", model.feature_id) or model.feature_id
    return snake(name) or "app"


def _keys_for(model: DomainModel, app: str, need: CacheNeed, notes: list[Assumption]) -> list[RedisKey]:
    if need.purpose == "rate_limit":
        return _rate_limit(model, app, need, notes)
    return [_key_for(model, app, need, notes)]


def _key_for(model: DomainModel, app: str, need: CacheNeed, notes: list[Assumption]) -> RedisKey:
    if need.purpose in ("cache", "session", "token"):
        return _cache(model, app, need, notes)
    if need.purpose == "counter":
        entity = need.entity or "item"
        return RedisKey(
            pattern=f"{app}:{entity}:{{id}}:count",
            type="string",
            ttl_seconds=need.ttl_seconds,
            purpose=need.description or f"fast counter per {entity}",
            fields=["count"],
            **_mem("string", f"{app}:{entity}:{{id}}:count", 1, 8),
            commands=["INCR key", "GET key"],
            source=need.source,
        )
    if need.purpose == "presence":
        entity = need.entity or "user"
        ttl = need.ttl_seconds or 60
        return RedisKey(
            pattern=f"{app}:{entity}:{{id}}:online",
            type="string",
            ttl_seconds=ttl,
            sliding=True,
            purpose=need.description or "presence heartbeat",
            fields=["last_seen"],
            **_mem("string", f"{app}:{entity}:{{id}}:online", 1, 13),
            commands=[f"SET key <ts> EX {ttl} on each heartbeat", "EXISTS key"],
            source=need.source,
        )
    if need.purpose == "leaderboard":
        entity = need.entity or "item"
        return RedisKey(
            pattern=f"{app}:{entity}:leaderboard",
            type="sorted_set",
            ttl_seconds=need.ttl_seconds,
            purpose=need.description or "ranking",
            fields=["member = id", "score"],
            **_mem("sorted_set", f"{app}:{entity}:leaderboard", 10_000, 36),
            commands=["ZINCRBY key <delta> <id>", "ZREVRANGE key 0 9 WITHSCORES"],
            source=need.source,
        )
    entity = need.entity or "item"
    limit = need.limit or 100
    return RedisKey(
        pattern=f"{app}:{entity}:{{id}}:feed",
        type="list",
        ttl_seconds=need.ttl_seconds,
        purpose=need.description or "capped feed",
        fields=["item id"],
        **_mem("list", f"{app}:{entity}:{{id}}:feed", limit, 36),
        commands=["LPUSH key <item>", f"LTRIM key 0 {limit - 1}", f"LRANGE key 0 {limit - 1}"],
        source=need.source,
    )


def _rate_limit(model: DomainModel, app: str, need: CacheNeed, notes: list[Assumption]) -> list[RedisKey]:
    """The window key and its block flag. One MULTI (or Lua script) touches both, which Redis Cluster
    only allows within one hash slot, so the subject is a hash tag: ``…:{{ip_address}}`` is the key
    ``…:{203.0.113.7}``, and only the part inside the literal braces decides the slot."""
    window = need.window_seconds or need.ttl_seconds or 3600
    limit = need.limit or 0
    subject = "_".join(snake(p) for p in need.key_parts) or "client"
    action = f"{snake(need.entity)}_create" if need.entity else "action"
    pattern = f"{app}:rate_limit:{action}:{{{{{subject}}}}}"
    blocked = RedisKey(
        pattern=pattern + ":blocked",
        type="string",
        ttl_seconds=window,
        purpose=f"set once {subject} is over the limit, so further requests are refused with one GET",
        fields=["1"],
        **_mem("string", pattern + ":blocked", 1, 1),
        hash_tag=subject,
        commands=[
            "GET key → refuse the request when set",
            "SET key 1 PX <ms until the oldest counted request leaves the window> (when over the limit)",
        ],
        source=need.source,
    )
    notes.append(
        Assumption(
            text=f"Rate limit keys {pattern} and {pattern}:blocked share the hash tag {{{subject}}}: "
            "they are read and written in one MULTI, which Redis Cluster allows only within one hash slot.",
            source=need.source,
        )
    )
    if limit and limit <= SLIDING_WINDOW_MAX_EVENTS:
        notes.append(
            Assumption(
                text=f"Rate limit {pattern}: a sorted set of request timestamps (exact sliding window of "
                f"{window} s; at most {limit} members, so memory stays small); the key expires {window} s "
                "after the last request.",
                source=need.source,
            )
        )
        window_key = RedisKey(
            pattern=pattern,
            type="sorted_set",
            ttl_seconds=window,
            sliding=True,
            purpose=need.description or f"at most {limit} per {window} s per {subject}",
            fields=["member = request id", "score = epoch milliseconds"],
            **_mem("sorted_set", pattern, max(limit, 1), 36),
            hash_tag=subject,
            commands=[
                "MULTI",
                f"ZREMRANGEBYSCORE key 0 <now_ms - {window * 1000}>",
                "ZADD key <now_ms> <request_id>",
                "ZCARD key",
                f"EXPIRE key {window}",
                "EXEC",
                f"reject when ZCARD > {limit} and set the :blocked key",
            ],
            source=need.source,
        )
        return [window_key, blocked]
    window_key = RedisKey(
        pattern=pattern + ":{window}",
        type="string",
        ttl_seconds=window,
        purpose=need.description or f"fixed-window counter per {subject}",
        fields=["count"],
        **_mem("string", pattern + ":{window}", 1, 8),
        hash_tag=subject,
        commands=[
            "INCR key",
            f"EXPIRE key {window} NX",
            f"reject when the count > {limit or 'the limit'} and set the :blocked key",
        ],
        source=need.source,
    )
    return [window_key, blocked]


def _cache(model: DomainModel, app: str, need: CacheNeed, notes: list[Assumption]) -> RedisKey:
    entity = model.entity(need.entity) if need.entity else _entity_in(model, need.description)
    words = set(re.findall(r"[a-z0-9]+", need.description.lower()))
    name = entity.name if entity else (snake(need.entity) or need.purpose)
    ident = "id"
    fields: list[str] = []
    if entity is not None:
        lookup = [a for a in entity.attributes if a.unique and _mentioned(a.name, words)]
        ident = lookup[0].name if lookup else (need.key_parts[0] if need.key_parts else "id")
        fields = [
            a.name
            for a in entity.attributes
            if a.name != ident
            and _mentioned(a.name, words)
            and a.kind not in (Kind.PASSWORD, Kind.SECRET_TOKEN, Kind.ENCRYPTED)
        ]
        if not fields:
            url = [a.name for a in entity.attributes if a.kind is Kind.URL and a.name != ident]
            fields = (
                url[:1]
                or [a.name for a in entity.attributes if a.name != ident and a.sensitivity == "none"][:8]
            )
    single = len(fields) == 1
    pattern = f"{app}:{name}:{{{ident}}}" + (f":{fields[0]}" if single else "")
    ttl = need.ttl_seconds
    if ttl is None:
        notes.append(
            Assumption(
                text=f"{pattern} has no TTL in the spec; it must be deleted on every write.",
                source=need.source,
            )
        )
    read = "GET key" if single else "HGETALL key"
    commands = [read] + ([f"EXPIRE key {ttl} on every hit (sliding)"] if need.sliding and ttl else [])
    commands.append(f"SET key <value> EX {ttl}" if single else f"HSET key … then EXPIRE key {ttl}")
    commands.append("DEL key when the row changes or is deleted")
    value_bytes = 256
    return RedisKey(
        pattern=pattern,
        type="string" if single else "hash",
        ttl_seconds=ttl,
        sliding=need.sliding,
        purpose=need.description or f"cached {name}",
        fields=fields,
        **_mem(
            "string" if single else "hash",
            pattern,
            1 if single else max(len(fields), 1),
            value_bytes if single else 64,
        ),
        commands=commands,
        source=need.source,
    )


def _mentioned(attr: str, words: set[str]) -> bool:
    parts = attr.split("_")
    return any(p in words for p in parts if p not in ("id", "at"))


def _entity_in(model: DomainModel, text: str) -> Entity | None:
    words = set(re.findall(r"[a-z0-9]+", text.lower()))
    best: tuple[int, Entity] | None = None
    for entity in model.entities:
        score = sum(1 for a in entity.attributes if a.unique and _mentioned(a.name, words)) * 2
        score += sum(1 for a in entity.attributes if _mentioned(a.name, words))
        score += 3 if entity.name in words or entity.name.split("_")[-1] in words else 0
        if score and (best is None or score > best[0]):
            best = (score, entity)
    return best[1] if best else None
