"""Score one design JSON against one gold file.

Metric definitions (all counts; precision = TP/(TP+FP), recall = TP/(TP+FN), F1 their harmonic
mean; a ratio with a zero denominator is undefined and shown as ``-``):

Entities
    Gold items are ``entities`` (relational) / ``collections`` (document) / ``keys`` families
    (key-value). Each gold entity is mapped to at most one table and each table serves at most
    one entity, greedily, best match first: an exact accepted name, then a plural/singular
    variant, then the canonical entity name; earlier accepted names and new tables win ties.
    TP = mapped gold entities; FN = unmapped ones.
    Predicted = every *new* table (``existing: false``) and every collection. A predicted object
    is a FP unless it is mapped, or named in ``optional_entities``, or is a junction of a gold
    many-to-many pair (a table with foreign keys to both tables of the pair), or is a partition
    child of a partitioned table (``partition_of``, or named ``<parent>_…`` beside a partitioned
    parent). Tables of a store the gold does not ask for (e.g. SQL tables for a MongoDB spec) are
    FPs too. Existing tables are never predicted: they are the project's, not the design's.
    A document entity may be mapped to an embedded document when the gold allows it.

Attributes
    Gold items are the ``attributes`` (``fields``) of every gold entity; those of an unmapped
    entity are all FN. Within a mapped table, gold attributes and columns are assigned one-to-one,
    best match first, over *all* columns (a gold attribute may accept ``created_at`` or
    ``user_id``). TP = assigned gold attributes.
    Predicted = the assigned columns plus every other column that is not bookkeeping: not
    ``id``/``created_at``/``updated_at``/``deleted_at``, not a foreign-key column, not a surrogate
    single-column primary key (``id``, ``<table>_id``). FP = predicted columns not assigned.
    Documents: fields are ``$jsonSchema`` paths; only top-level fields are predicted (nested
    ones count when a gold field names them), and ``_id``, timestamps, ``references`` fields,
    embedded documents mapped to other gold entities, and containers of a matched nested field
    are not.

Relationships
    Gold items are ``relationships``. ``{from, to}`` is TP when a new table of ``from`` has a
    foreign key to the table of ``to``; ``{many_to_many: [a, b]}`` is TP when some new table
    has one foreign key to each (two to the same table for a self pair); ``{between: [a, b]}`` is TP
    on a foreign key either way or such a junction table. Endpoints that are not
    gold entities (``organization``) resolve to a table of that name, existing ones first.
    Predicted = distinct (from-table, to-table) foreign-key edges declared on new tables where
    both ends are matched tables (mapped entities, resolved endpoints, ``reuse_existing``), plus
    pairs of matched tables joined by an unmapped new table. FP = predicted edges/pairs no gold
    relationship used (edges of a table that serves a gold many-to-many count as used).
    Several foreign keys between the same two tables (requester and assignee) are one edge.
    Document gold without ``relationships`` leaves this dimension unscored.

Checks
    Every gold check, plus implicit ones the gold states as data: ``store`` (a store of the gold
    kind exists, with the gold dialect), ``reuse_existing`` (per table: referenced by a new
    foreign key and not created), ``expect_no_tables`` (``store: none``), one per ``keys`` /
    ``redis_keys`` family, and the document expectations (``embedded_in``, ``indexes``,
    ``ttl``, ``shard``, ``validators``, ``time_series_or_bucket``). Unknown kinds fail. An
    entity-scoped check on an entity without a table fails ("no table for …").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.scoring import document, keyvalue, relational
from benchmarks.scoring.gold import Gold
from benchmarks.scoring.match import NameMatcher
from benchmarks.scoring.metrics import CheckResult, Counts, SpecScore
from benchmarks.scoring.migrations import MigrationFiles, is_migration, load_migrations

_NOT_RUN = frozenset({"not-run", "not_run", "skipped", "none", ""})
_PASSED = frozenset({"passed", "ok", "verified"})


def _stores(design: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [s for s in design.get("stores") or [] if isinstance(s, dict) and s.get("kind") == kind]


def _items(stores: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    return [item for s in stores for item in s.get(key) or [] if isinstance(item, dict)]


def verified_flag(design: dict[str, Any]) -> str:
    """``yes`` when every verification report in the design passed, ``no`` when one failed,
    ``partial`` when some passed and others were skipped, ``skipped`` when every engine was
    skipped (no server), ``-`` when verification was not asked for. Statuses are collected at
    any depth, so a single report, a list, a per-store mapping or ``{"status", "reports": [...]}``
    all work."""
    statuses: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("status"), str):
                statuses.append(node["status"].lower())
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(design.get("verification"))
    ran = [s for s in statuses if s not in _NOT_RUN]
    if not ran:
        return "skipped" if "skipped" in statuses else "-"
    if any(s not in _PASSED for s in ran):
        return "no"
    return "yes" if len(ran) == len(statuses) else "partial"


def _store_check(gold: Gold, design: dict[str, Any], check_dialect: bool) -> CheckResult:
    stores = _stores(design, gold.store)
    if not stores:
        kinds = sorted({str(s.get("kind")) for s in design.get("stores") or [] if isinstance(s, dict)})
        return CheckResult(
            kind="store", target=gold.store, passed=False, reason=f"no {gold.store} store; got {kinds}"
        )
    if gold.store == "relational" and gold.dialect and check_dialect:
        dialects = sorted({str(s.get("dialect", "")) for s in stores})
        if gold.dialect.lower() not in [d.lower() for d in dialects]:
            return CheckResult(
                kind="store",
                target=gold.store,
                passed=False,
                reason=f"dialect {dialects}, expected {gold.dialect}",
            )
        return CheckResult(kind="store", target=gold.store, passed=True, reason=f"relational {gold.dialect}")
    return CheckResult(kind="store", target=gold.store, passed=True, reason=f"{gold.store} store present")


def _no_tables_check(design: dict[str, Any], tables: list[dict[str, Any]]) -> CheckResult:
    new = [str(t.get("name")) for t in tables if not t.get("existing")]
    colls = [str(c.get("name")) for c in _items(_stores(design, "document"), "collections")]
    keys = [str(k.get("pattern")) for k in _items(_stores(design, "keyvalue"), "keys")]
    files = [str(f.get("path")) for f in design.get("files") or [] if isinstance(f, dict) and is_migration(f)]
    found = [*new, *colls, *keys, *files]
    if found:
        return CheckResult(
            kind="expect_no_tables", target="*", passed=False, reason=f"design has {', '.join(found)}"
        )
    return CheckResult(
        kind="expect_no_tables", target="*", passed=True, reason="no tables, collections, keys or migrations"
    )


def score_design(design: dict[str, Any], gold: Gold, root: Path, *, check_dialect: bool = True) -> SpecScore:
    """Score ``design`` (the ``design --json`` output) against ``gold``.

    ``root`` is the project root the design was made in; migration files listed in the design
    are read relative to it. ``check_dialect=False`` skips the dialect part of the ``store``
    check, for runs that force a dialect (``--db mysql``).
    """
    matcher = NameMatcher()
    tables = _items(_stores(design, "relational"), "tables")
    collections = _items(_stores(design, "document"), "collections")
    keys = _items(_stores(design, "keyvalue"), "keys")
    new_table_names = [str(t.get("name")) for t in tables if not t.get("existing")]
    score = SpecScore(store=gold.store, verified=verified_flag(design))
    checks: list[CheckResult] = []

    if gold.store == "relational":
        ctx = relational.RelationalContext(gold, tables, matcher, root, load_migrations(design, root))
        score.entities = relational.score_entities(ctx)
        for coll in collections:
            score.entities.extra(str(coll.get("name")))
        score.attributes = relational.score_attributes(ctx)
        score.relationships = relational.score_relationships(ctx)
        checks.append(_store_check(gold, design, check_dialect))
        checks += [relational.run_check(ctx, c) for c in gold.checks]
        checks += [relational.check_reuse_existing(ctx, name) for name in gold.reuse_existing]
    elif gold.store == "document":
        dctx = document.DocumentContext(gold, collections, matcher)
        score.entities = document.score_entities(dctx, new_table_names)
        score.attributes = document.score_attributes(dctx)
        score.relationships = document.score_relationships(dctx)
        checks.append(_store_check(gold, design, check_dialect))
        checks += document.document_checks(dctx)
        if gold.checks:  # relational-style checks in a document gold cannot apply; say so
            ctx = relational.RelationalContext(gold, tables, matcher, root, MigrationFiles())
            checks += [relational.run_check(ctx, c) for c in gold.checks]
    elif gold.store == "keyvalue":
        score.entities = keyvalue.score_key_entities(matcher, gold.keys, keys)
        for name in [*new_table_names, *(str(c.get("name")) for c in collections)]:
            score.entities.extra(name)
        score.attributes = Counts(scored=False)
        score.relationships = Counts(scored=False)
        checks.append(_store_check(gold, design, check_dialect))
    else:  # none
        score.entities = Counts()
        for name in [*new_table_names, *(str(c.get("name")) for c in collections)]:
            score.entities.extra(name)
        score.attributes = Counts(scored=False)
        score.relationships = Counts(scored=False)

    if gold.store == "none" or gold.expect_no_tables:
        checks.append(_no_tables_check(design, tables))
    checks += [keyvalue.check_key_family(matcher, f, spec, keys, "key") for f, spec in gold.keys.items()]
    checks += [
        keyvalue.check_key_family(matcher, f, spec, keys, "redis_key") for f, spec in gold.redis_keys.items()
    ]
    score.checks = checks
    return score
