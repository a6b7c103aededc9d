"""Scoring a MongoDB design against document gold (``collections``, ``indexes``, ``ttl``,
``shard``, ``validators``, ``time_series_or_bucket``).

An entity is found as a collection, or — when the gold allows it with ``embedded_in`` /
``embedded_in_ok`` — as an embedded document (an object or array-of-objects property, or an
``embedded`` entry) inside its parent's collection. Fields are paths in the ``$jsonSchema``:
a gold name with a dot must equal the full path (``meta.sensor_id``); a plain gold name matches a
full path first and a nested property's own name second.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from benchmarks.scoring.gold import (
    Gold,
    GoldCollection,
    GoldDocIndex,
    GoldShard,
    GoldTtl,
    GoldValidator,
)
from benchmarks.scoring.match import NameMatcher, assign, normalize
from benchmarks.scoring.metrics import CheckResult, Counts, seconds

Collection = dict[str, Any]
_BOOKKEEPING = frozenset({"id", "createdat", "updatedat", "deletedat"})


@dataclass(frozen=True, eq=False)
class Target:
    """Where a gold entity lives: a collection, or an embedded path inside one."""

    collection: Collection
    path: str = ""  # "" for the collection itself

    @property
    def label(self) -> str:
        name = str(self.collection.get("name", ""))
        return f"{name}.{self.path}" if self.path else name


def json_schema(collection: Collection) -> dict[str, Any]:
    validator = collection.get("validator") or {}
    if not isinstance(validator, dict):
        return {}
    schema = validator.get("$jsonSchema", validator)
    return schema if isinstance(schema, dict) else {}


def _object_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """For an array of documents, the item schema; else the schema itself."""
    items = schema.get("items")
    if isinstance(items, dict) and "properties" in items:
        return items
    return schema


def schema_paths(schema: dict[str, Any], prefix: str = "") -> dict[str, dict[str, Any]]:
    """Every property path of a ``$jsonSchema`` (nested objects and arrays of objects too)."""
    out: dict[str, dict[str, Any]] = {}
    props = _object_schema(schema).get("properties") or {}
    for name, sub in props.items():
        if not isinstance(sub, dict):
            continue
        path = f"{prefix}{name}"
        out[path] = sub
        out.update(schema_paths(sub, path + "."))
    return out


def _sub_schema(schema: dict[str, Any], path: str) -> dict[str, Any]:
    node = schema
    for part in path.split("."):
        node = (_object_schema(node).get("properties") or {}).get(part) or {}
    return node if isinstance(node, dict) else {}


def _is_document(sub: dict[str, Any]) -> bool:
    return "properties" in _object_schema(sub)


def _embedded_entries(collection: Collection) -> list[tuple[str, str]]:
    """(path, entity) pairs from the design's ``embedded`` list, however it spells them."""
    out = []
    for item in collection.get("embedded") or []:
        if isinstance(item, dict):
            path = str(item.get("path") or item.get("field") or item.get("name") or "")
            entity = str(item.get("entity") or item.get("holds") or "")
        else:
            path, entity = str(item), ""
        if path:
            out.append((path, entity))
    return out


@dataclass
class DocumentContext:
    gold: Gold
    collections: list[Collection]
    matcher: NameMatcher
    entity_target: dict[str, Target] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.entity_target = self._map_entities()

    def _names(self, entity: str) -> list[str]:
        return [*self.gold.collections[entity].names, entity]

    def _parents(self, spec: GoldCollection) -> list[str] | None:
        """Parent entities an entity may be embedded in; None when embedding is not allowed."""
        if spec.embedded_in:
            return [spec.embedded_in]
        if spec.embedded_in_ok is True:
            return []  # any parent
        if isinstance(spec.embedded_in_ok, list) and spec.embedded_in_ok:
            return spec.embedded_in_ok
        return None

    def _map_entities(self) -> dict[str, Target]:
        m, gold = self.matcher, self.gold
        # 1: entities that may be collections → collections (required-embedded ones wait).
        free = [e for e, spec in gold.collections.items() if not spec.embedded_in]

        def coll_score(entity: str, coll: Collection) -> tuple[int, ...] | None:
            return m.rank(str(coll.get("name", "")), self._names(entity))

        mapping = {e: Target(c) for e, c in assign(free, self.collections, coll_score).items()}
        # 2: entities allowed to be embedded → embedded paths in their parents' collections.
        embeddable = [
            e for e, spec in gold.collections.items() if e not in mapping and self._parents(spec) is not None
        ]
        candidates: list[Target] = []
        for coll in self.collections:
            schema = json_schema(coll)
            paths = {p for p, sub in schema_paths(schema).items() if _is_document(sub)}
            paths |= {p for p, _ in _embedded_entries(coll)}
            candidates += [Target(coll, p) for p in sorted(paths)]
        entities_of = {(id(c), p): ent for c in self.collections for p, ent in _embedded_entries(c) if ent}

        def emb_score(entity: str, target: Target) -> tuple[int, ...] | None:
            parents = self._parents(gold.collections[entity]) or []
            if parents:
                parent_colls = [
                    mapping[p].collection for p in parents if p in mapping and not mapping[p].path
                ]
                parent_colls += [
                    c for c in self.collections for p in parents if m.any_of(str(c.get("name", "")), [p])
                ]
                if not any(target.collection is c for c in parent_colls):
                    return None
            names = self._names(entity)
            leaf = target.path.split(".")[-1]
            rank = m.rank(leaf, names)
            declared = entities_of.get((id(target.collection), target.path))
            if rank is None and declared:
                rank = m.rank(declared, names)
            return rank

        for e, t in assign(embeddable, candidates, emb_score).items():
            mapping[e] = t
        # 3: a required-embedded entity designed as its own collection is still found.
        rest = [e for e in gold.collections if e not in mapping]
        taken = [t.collection for t in mapping.values() if not t.path]
        free_colls = [c for c in self.collections if not any(c is t for t in taken)]
        for e, c in assign(rest, free_colls, coll_score).items():
            mapping[e] = Target(c)
        return mapping

    def target_of(self, entity: str) -> Target | None:
        """A gold entity (or a literal collection name) → its target."""
        if entity in self.entity_target:
            return self.entity_target[entity]
        found = [c for c in self.collections if self.matcher.same(str(c.get("name", "")), entity)]
        return Target(found[0]) if found else None

    def fields(self, target: Target) -> dict[str, dict[str, Any]]:
        schema = json_schema(target.collection)
        if target.path:
            schema = _sub_schema(schema, target.path)
        return schema_paths(schema)


def score_entities(ctx: DocumentContext, extra_tables: Sequence[str]) -> Counts:
    counts = Counts()
    for entity in ctx.gold.collections:
        if entity in ctx.entity_target:
            counts.hit()
        else:
            counts.miss(entity)
    used = [t.collection for t in ctx.entity_target.values() if not t.path]
    for coll in ctx.collections:
        name = str(coll.get("name", ""))
        if any(coll is u for u in used) or ctx.matcher.any_of(name, ctx.gold.optional_entities):
            continue
        counts.extra(name)
    for name in extra_tables:
        counts.extra(name)
    return counts


def _field_rank(m: NameMatcher, path: str, accepted: Sequence[str]) -> tuple[int, ...] | None:
    full = m.rank(path, accepted)
    if full is not None:
        return full
    if "." in path:
        plain = [a for a in accepted if "." not in a]
        leaf = m.rank(path.rsplit(".", 1)[1], plain)
        if leaf is not None:
            return (2 + leaf[0], leaf[1])
    return None


def score_attributes(ctx: DocumentContext) -> Counts:
    counts = Counts()
    m = ctx.matcher
    embedded_paths = {(id(t.collection), t.path) for t in ctx.entity_target.values() if t.path}
    for entity, spec in ctx.gold.collections.items():
        target = ctx.entity_target.get(entity)
        if target is None:
            for f in spec.fields:
                counts.miss(f"{entity}.{f}")
            continue
        paths = ctx.fields(target)
        names = list(paths)

        def score(f: str, path: str, accepted: dict[str, list[str]] = spec.fields) -> tuple[int, ...] | None:
            return _field_rank(m, path, accepted[f])

        matched = assign(list(spec.fields), names, score)
        for f in spec.fields:
            if f in matched:
                counts.hit()
            else:
                counts.miss(f"{entity}.{f}")
        used = set(matched.values())
        refs = (
            {normalize(str(k)) for k in (target.collection.get("references") or {})}
            if not target.path
            else set()
        )
        for path in names:
            if "." in path or path in used:
                continue
            full = f"{target.path}.{path}" if target.path else path
            if (
                normalize(path) in _BOOKKEEPING
                or normalize(path) in refs
                or (id(target.collection), full) in embedded_paths
                or any(u.startswith(path + ".") for u in used)
            ):
                continue
            counts.extra(f"{target.label}.{path}")
    return counts


def score_relationships(ctx: DocumentContext) -> Counts:
    """Only scored when the gold lists relationships: document gold usually states references as
    fields (``greenhouse: [greenhouse_id]``), and scoring absent gold would count every reference
    as a false positive."""
    counts = Counts(scored=bool(ctx.gold.relationships))
    if not ctx.gold.relationships:
        return counts
    m = ctx.matcher
    predicted: dict[tuple[str, str], bool] = {}
    by_collection = {id(t.collection): e for e, t in ctx.entity_target.items() if not t.path}
    for entity, target in ctx.entity_target.items():
        if target.path:
            parent = by_collection.get(id(target.collection))
            if parent:
                predicted[(entity, parent)] = False
            continue
        for ref in (target.collection.get("references") or {}).values():
            if isinstance(ref, dict):  # {"collection": ...} rather than a bare name
                ref = ref.get("collection") or ref.get("to") or ""
            for other, t in ctx.entity_target.items():
                if not t.path and m.same(str(t.collection.get("name", "")), str(ref)):
                    predicted[(entity, other)] = False
    for rel in ctx.gold.relationships:
        pair = rel.pair or (rel.from_ or "", rel.to or "")
        options = [pair, (pair[1], pair[0])] if rel.pair else [pair]  # many-to-many and between: either way
        hit = next((o for o in options if o in predicted), None)
        if hit is None:
            counts.miss(rel.label)
        else:
            counts.hit()
            predicted[hit] = True
    for (a, b), used in predicted.items():
        if not used:
            counts.extra(f"{a} -> {b}")
    return counts


# ---------------------------------------------------------------- checks


def _result(kind: str, target: str, ok: bool, reason: str) -> CheckResult:
    return CheckResult(kind=kind, target=target, passed=ok, reason=reason)


def _index_fields(ix: dict[str, Any]) -> list[tuple[str, Any]]:
    keys = ix.get("keys") or []
    if isinstance(keys, dict):
        return [(str(k), v) for k, v in keys.items()]
    out = []
    for k in keys:
        if isinstance(k, (list, tuple)) and k:
            out.append((str(k[0]), k[1] if len(k) > 1 else 1))
        elif isinstance(k, str):
            out.append((k, 1))
    return out


def _indexes(coll: Collection) -> list[dict[str, Any]]:
    return [ix for ix in coll.get("indexes") or [] if isinstance(ix, dict)]


def _same_set(m: NameMatcher, a: Sequence[str], b: Sequence[str]) -> bool:
    return len(a) == len(b) and all(m.any_of(x, b) for x in a) and all(m.any_of(y, a) for y in b)


def check_embedded_in(ctx: DocumentContext, entity: str, parent: str) -> CheckResult:
    target = ctx.entity_target.get(entity)
    parent_target = ctx.target_of(parent)
    if target is None:
        return _result("embedded_in", entity, False, f"{entity} not found")
    if not target.path:
        return _result("embedded_in", entity, False, f"{entity} is its own collection {target.label}")
    if parent_target is not None and target.collection is parent_target.collection:
        return _result("embedded_in", entity, True, f"embedded at {target.label}")
    return _result("embedded_in", entity, False, f"embedded at {target.label}, not in {parent}")


def check_index(ctx: DocumentContext, index: GoldDocIndex) -> CheckResult:
    m = ctx.matcher
    target = ctx.target_of(index.collection)
    label = f"{index.collection}"
    if target is None:
        return _result("index", label, False, f"no collection for {index.collection}")
    wanted_sets: list[list[str]] = index.keys_any_order or []
    ordered = [k[0] if isinstance(k, (list, tuple)) else k for k in index.keys]
    directions = [k[1] if isinstance(k, (list, tuple)) and len(k) > 1 else None for k in index.keys]
    seen = []
    for ix in _indexes(target.collection):
        fields = _index_fields(ix)
        names = [f for f, _ in fields]
        seen.append(f"{ix.get('name', '')}({', '.join(names)})")
        if wanted_sets and not any(_same_set(m, names, alt) for alt in wanted_sets):
            continue
        if ordered:
            if len(fields) < len(ordered):
                continue
            if not all(
                m.same(fields[i][0], str(want)) and (d is None or fields[i][1] == d)
                for i, (want, d) in enumerate(zip(ordered, directions, strict=True))
            ):
                continue
        if index.unique and not ix.get("unique"):
            continue
        if index.partial and not ix.get("partial_filter"):
            continue
        return _result("index", label, True, f"index {ix.get('name', '')}({', '.join(names)})")
    want = wanted_sets or [ordered]
    return _result(
        "index",
        label,
        False,
        f"no {'unique ' if index.unique else ''}index on {want}; indexes: {'; '.join(seen) or 'none'}",
    )


def _ttls(coll: Collection) -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []
    for ix in _indexes(coll):
        value = ix.get("expire_after_seconds", ix.get("expireAfterSeconds"))
        if isinstance(value, (int, float)):
            out.append((f"TTL index {ix.get('name', '')}", float(value)))
    for holder, where in ((coll.get("timeseries"), "time-series"), (coll, "collection")):
        if isinstance(holder, dict):
            value = holder.get("expire_after_seconds", holder.get("expireAfterSeconds"))
            if isinstance(value, (int, float)):
                out.append((f"{where} expireAfterSeconds", float(value)))
    return out


def check_ttl(ctx: DocumentContext, ttl: GoldTtl) -> CheckResult:
    target = ctx.target_of(ttl.collection)
    if target is None:
        return _result("ttl", ttl.collection, False, f"no collection for {ttl.collection}")
    lo = ttl.min_seconds if ttl.min_seconds is not None else float("-inf")
    hi = ttl.max_seconds if ttl.max_seconds is not None else float("inf")
    found = _ttls(target.collection)
    for where, value in found:
        if lo <= value <= hi:
            return _result("ttl", ttl.collection, True, f"{where} = {seconds(value)}s")
    shown = ", ".join(f"{w} = {seconds(v)}s" for w, v in found) or "no TTL"
    return _result("ttl", ttl.collection, False, f"{shown}; expected {seconds(lo)}..{seconds(hi)}s")


def check_shard(ctx: DocumentContext, shard: GoldShard) -> CheckResult:
    target = ctx.target_of(shard.collection)
    if target is None:
        return _result("shard", shard.collection, False, f"no collection for {shard.collection}")
    key = target.collection.get("shard_key")
    if not key:
        return _result("shard", shard.collection, False, "no shard key")
    pairs = [
        (str(k[0]), k[1] if len(k) > 1 else 1) if isinstance(k, (list, tuple)) else (str(k), 1) for k in key
    ]
    if shard.keys_any and not ctx.matcher.any_of(pairs[0][0], shard.keys_any):
        return _result(
            "shard", shard.collection, False, f"shard key {pairs} not led by one of {shard.keys_any}"
        )
    if shard.hashed is not None and any(v == "hashed" for _, v in pairs) != shard.hashed:
        return _result(
            "shard", shard.collection, False, f"shard key {pairs}: hashed should be {shard.hashed}"
        )
    return _result("shard", shard.collection, True, f"shard key {pairs}")


def _required_paths(schema: dict[str, Any], prefix: str = "") -> set[str]:
    node = _object_schema(schema)
    out = {prefix + str(r) for r in node.get("required") or []}
    for name, sub in (node.get("properties") or {}).items():
        if isinstance(sub, dict):
            out |= _required_paths(sub, f"{prefix}{name}.")
    return out


def check_validator(ctx: DocumentContext, validator: GoldValidator) -> CheckResult:
    m = ctx.matcher
    target = ctx.target_of(validator.collection)
    if target is None:
        return _result("validator", validator.collection, False, f"no collection for {validator.collection}")
    schema = json_schema(target.collection)
    if not schema:
        return _result("validator", validator.collection, False, "no $jsonSchema validator")
    paths = schema_paths(schema)
    required = _required_paths(schema)
    problems = []
    for alternatives in validator.required:
        if not any(m.any_of(r, alternatives) for r in required):
            problems.append(f"none of {alternatives} required")
    for key, label in (("enum", "enum"), ("range", "range")):
        for alternatives in getattr(validator, key):
            props = [s for p, s in paths.items() if m.any_of(p, alternatives)]
            wanted = (
                ("enum",) if key == "enum" else ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")
            )
            if not any(w in s for s in props for w in wanted):
                problems.append(f"no {label} on {alternatives}")
    if problems:
        return _result("validator", validator.collection, False, "; ".join(problems))
    return _result("validator", validator.collection, True, f"$jsonSchema with {len(paths)} field(s)")


def check_time_series_or_bucket(ctx: DocumentContext, entity: str) -> CheckResult:
    """A time-series collection, or the bucket pattern: an array of measurements per document
    together with a count field or a name that says ``bucket``. Bucket collections are often
    renamed (``reading_buckets``), so a collection whose name contains the entity's counts too."""
    target = ctx.target_of(entity)
    if target is None:
        names = ctx.gold.collections[entity].names if entity in ctx.gold.collections else []
        words = {v for n in [entity, *names] for v in ctx.matcher.variants(n)}
        found = [c for c in ctx.collections if any(w in normalize(str(c.get("name", ""))) for w in words)]
        if not found:
            return _result("time_series_or_bucket", entity, False, f"no collection for {entity}")
        target = Target(found[0])
    coll = target.collection
    if coll.get("timeseries"):
        ts = coll["timeseries"]
        detail = ts.get("timeField", ts.get("time_field", "")) if isinstance(ts, dict) else ""
        return _result("time_series_or_bucket", entity, True, f"time-series collection {detail}".strip())
    paths = schema_paths(json_schema(coll))
    top = {p: s for p, s in paths.items() if "." not in p}
    arrays = [p for p, s in top.items() if "array" in str(s.get("bsonType", s.get("type", "")))]
    counted = any(
        normalize(p) in {"count", "n", "samples", "nsamples"} or normalize(p).endswith("count") for p in top
    )
    named = "bucket" in normalize(str(coll.get("name", ""))) or any("bucket" in normalize(p) for p in top)
    if arrays and (counted or named):
        return _result("time_series_or_bucket", entity, True, f"bucket documents with array {arrays[0]}")
    return _result(
        "time_series_or_bucket", entity, False, f"{coll.get('name')} is neither time-series nor bucketed"
    )


def document_checks(ctx: DocumentContext) -> list[CheckResult]:
    gold = ctx.gold
    out = [
        check_embedded_in(ctx, e, spec.embedded_in)
        for e, spec in gold.collections.items()
        if spec.embedded_in
    ]
    out += [check_index(ctx, ix) for ix in gold.indexes]
    out += [check_ttl(ctx, t) for t in gold.ttl]
    out += [check_shard(ctx, s) for s in gold.shard]
    out += [check_validator(ctx, v) for v in gold.validators]
    out += [check_time_series_or_bucket(ctx, t.collection) for t in gold.time_series_or_bucket]
    return out
