"""Scoring a relational design against relational gold: mapping, metrics and every check kind.

See ``score.py`` for the metric definitions; this module implements them over the design JSON's
``tables`` (plain dicts, so a design from any version of the pipeline can be scored).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.scoring.gold import Gold, GoldCheck
from benchmarks.scoring.match import NameMatcher, assign, bare_table_name, index_column, normalize
from benchmarks.scoring.metrics import CheckResult, Counts
from benchmarks.scoring.migrations import (
    MigrationFiles,
    canonical_type,
    column_types,
    created_tables,
    dropped_tables,
)

Table = dict[str, Any]
Verdict = tuple[bool, str]

# Never counted as attributes (unless a gold attribute accepts them by name).
BOOKKEEPING_COLUMNS = frozenset({"id", "createdat", "updatedat", "deletedat"})
_ENCRYPTED_AFFIXES = (
    re.compile(r"^(.*?)_?(?:encrypted|ciphertext)$", re.I),
    re.compile(r"^encrypted_?(.*)$", re.I),
)
_DECIMAL = re.compile(r"\s*(numeric|decimal|dec)\b", re.I)
_BINARY = re.compile(r"\s*(bytea|\w*blob|binary|varbinary|bytes)\b", re.I)


def tname(table: Table) -> str:
    return bare_table_name(str(table.get("name", "")))


def columns(table: Table) -> list[dict[str, Any]]:
    return [c for c in table.get("columns") or [] if isinstance(c, dict)]


def foreign_keys(table: Table) -> list[dict[str, Any]]:
    return [fk for fk in table.get("foreign_keys") or [] if isinstance(fk, dict)]


def fk_columns(table: Table) -> set[str]:
    return {normalize(str(c)) for fk in foreign_keys(table) for c in fk.get("columns") or []}


def _cols_of(entry: dict[str, Any]) -> list[str]:
    return [str(c) for c in entry.get("columns") or []]


@dataclass(frozen=True)
class KeySet:
    """A primary key, unique constraint or index, reduced to what the checks look at."""

    label: str
    columns: tuple[str, ...]  # plain column names; lower(x) → x
    unique: bool
    partial: bool
    has_expression: bool


def key_sets(table: Table) -> list[KeySet]:
    out: list[KeySet] = []
    pk = [str(c) for c in table.get("primary_key") or []]
    if pk:
        out.append(KeySet("primary key", tuple(pk), True, False, False))
    for u in table.get("unique") or []:
        if isinstance(u, dict) and _cols_of(u):
            out.append(KeySet(f"unique {u.get('name', '')}".strip(), tuple(_cols_of(u)), True, False, False))
    for ix in table.get("indexes") or []:
        if not isinstance(ix, dict) or not _cols_of(ix):
            continue
        raw = _cols_of(ix)
        expressions = ix.get("expressions") or {}
        plain = tuple(index_column(c) for c in raw)
        has_expr = any("(" in c for c in raw) or any(c in expressions for c in plain)
        out.append(
            KeySet(
                f"index {ix.get('name', '')}".strip(),
                plain,
                bool(ix.get("unique")),
                bool(ix.get("where")),
                has_expr,
            )
        )
    return out


def _fmt(keys: Sequence[KeySet]) -> str:
    return "; ".join(f"{k.label}({', '.join(k.columns)})" for k in keys) or "none"


@dataclass
class RelationalContext:
    """The design's tables, the entity ↔ table mapping and the name resolver used by checks."""

    gold: Gold
    tables: list[Table]
    matcher: NameMatcher
    root: Path
    migrations: MigrationFiles
    entity_table: dict[str, Table] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.entity_table = self._map_entities()

    @property
    def new_tables(self) -> list[Table]:
        return [t for t in self.tables if not t.get("existing")]

    def _map_entities(self) -> dict[str, Table]:
        """Each gold entity → at most one table: exact names before plural variants before the
        canonical entity name; earlier accepted names first; new tables before existing ones."""
        m = self.matcher

        def score(entity: str, table: Table) -> tuple[int, ...] | None:
            accepted = self.gold.entities[entity].tables
            rank = m.rank(tname(table), accepted)
            if rank is None:
                canonical = m.rank(tname(table), [entity])
                if canonical is None:
                    return None
                rank = (2 + canonical[0], len(accepted))
            return (rank[0], int(bool(table.get("existing"))), rank[1])

        return assign(list(self.gold.entities), self.tables, score)

    def resolve(self, name: str | None) -> Table | None:
        """A gold name → table: a mapped entity, else a table of that name (existing first)."""
        if not name:
            return None
        if name in self.gold.entities:
            return self.entity_table.get(name)
        found = [t for t in self.tables if self.matcher.same(tname(t), name)]
        found.sort(key=lambda t: not t.get("existing"))
        return found[0] if found else None

    def column(self, table: Table, names: Sequence[str]) -> list[dict[str, Any]]:
        return [c for c in columns(table) if self.matcher.any_of(str(c.get("name", "")), names)]

    def is_mapped(self, table: Table) -> bool:
        return any(t is table for t in self.entity_table.values())


def _is_partition_child(table: Table, tables: Sequence[Table]) -> bool:
    if table.get("partition_of"):
        return True
    name = normalize(tname(table))
    return any(
        p is not table
        and p.get("partition")
        and name.startswith(normalize(tname(p)))
        and name != normalize(tname(p))
        for p in tables
    )


def _links(table: Table, a: Table, b: Table) -> bool:
    """True when ``table`` has one foreign key to ``a`` and a different one to ``b``."""
    if table is a or table is b:
        return False
    targets = [normalize(bare_table_name(str(fk.get("ref_table", "")))) for fk in foreign_keys(table)]
    na, nb = normalize(tname(a)), normalize(tname(b))
    if na == nb:
        return targets.count(na) >= 2
    return na in targets and nb in targets


def _gold_pairs(ctx: RelationalContext) -> list[tuple[Table, Table]]:
    """Table pairs a junction may serve (``many_to_many`` and ``between``): such a junction is no entity."""
    pairs: list[tuple[Table, Table]] = []
    for rel in ctx.gold.relationships:
        ends = rel.many_to_many or rel.between
        if ends and len(ends) >= 2:
            a, b = ctx.resolve(ends[0]), ctx.resolve(ends[1])
            if a is not None and b is not None:
                pairs.append((a, b))
    return pairs


def score_entities(ctx: RelationalContext) -> Counts:
    counts = Counts()
    for entity in ctx.gold.entities:
        if entity in ctx.entity_table:
            counts.hit()
        else:
            counts.miss(entity)
    pairs = _gold_pairs(ctx)
    for table in ctx.new_tables:
        name = tname(table)
        if (
            ctx.is_mapped(table)
            or ctx.matcher.any_of(name, ctx.gold.optional_entities)
            or any(_links(table, a, b) for a, b in pairs)
            or _is_partition_child(table, ctx.tables)
        ):
            continue
        counts.extra(name)
    return counts


def _is_surrogate(ctx: RelationalContext, table: Table, column: str) -> bool:
    pk = [str(c) for c in table.get("primary_key") or []]
    if pk != [column] or normalize(column) in fk_columns(table):
        return False
    return normalize(column) == "id" or normalize(column) in {
        v + "id" for v in ctx.matcher.variants(tname(table))
    }


def score_attributes(ctx: RelationalContext) -> Counts:
    counts = Counts()
    m = ctx.matcher
    for entity, gold_entity in ctx.gold.entities.items():
        attrs = list(gold_entity.attributes)
        table = ctx.entity_table.get(entity)
        if table is None:
            for attr in attrs:
                counts.miss(f"{entity}.{attr}")
            continue
        cols = [str(c.get("name", "")) for c in columns(table)]

        def score(
            attr: str, col: str, accepted: dict[str, list[str]] = gold_entity.attributes
        ) -> tuple[int, ...] | None:
            return m.rank(col, accepted[attr])

        matched = assign(attrs, cols, score)
        for attr in attrs:
            if attr in matched:
                counts.hit()
            else:
                counts.miss(f"{entity}.{attr}")
        if table.get("existing"):
            continue  # an existing table's other columns are the project's, not the design's
        used = set(matched.values())
        fks = fk_columns(table)
        for col in cols:
            n = normalize(col)
            if col in used or n in BOOKKEEPING_COLUMNS or n in fks or _is_surrogate(ctx, table, col):
                continue
            counts.extra(f"{tname(table)}.{col}")
    return counts


def score_relationships(ctx: RelationalContext) -> Counts:
    """Gold FK edges, many-to-many pairs and ``between`` links (an FK either way, or a junction) against
    the design's edges between matched tables."""
    counts = Counts()
    matched: dict[str, Table] = {normalize(tname(t)): t for t in ctx.entity_table.values()}
    for name in ctx.gold.reuse_existing:
        if (t := ctx.resolve(name)) is not None:
            matched.setdefault(normalize(tname(t)), t)
    for rel in ctx.gold.relationships:
        for end in [rel.from_, rel.to, *(rel.many_to_many or []), *(rel.between or [])]:
            if (t := ctx.resolve(end)) is not None:
                matched.setdefault(normalize(tname(t)), t)

    edges: dict[tuple[str, str], bool] = {}  # (from, to) → used by a gold relationship
    junction_pairs: dict[tuple[str, str], bool] = {}
    for key, table in matched.items():
        if table.get("existing"):
            continue
        for fk in foreign_keys(table):
            ref = normalize(bare_table_name(str(fk.get("ref_table", ""))))
            if ref in matched:
                edges.setdefault((key, ref), False)
    for table in ctx.new_tables:
        if ctx.is_mapped(table) or normalize(tname(table)) in matched:
            continue
        refs = [normalize(bare_table_name(str(fk.get("ref_table", "")))) for fk in foreign_keys(table)]
        refs = [r for r in refs if r in matched]
        for one, other in itertools.combinations(refs, 2):
            junction_pairs.setdefault((min(one, other), max(one, other)), False)

    for rel in ctx.gold.relationships:
        if rel.pair is not None:
            left, right = ctx.resolve(rel.pair[0]), ctx.resolve(rel.pair[1])
            if left is None or right is None:
                counts.miss(f"{rel.label} (table not found)")
                continue
            na, nb = normalize(tname(left)), normalize(tname(right))
            linkers = [t for t in ctx.new_tables if _links(t, left, right)]
            direct = [e for e in ((na, nb), (nb, na)) if e in edges] if rel.between else []
            if not linkers and not direct:
                counts.miss(rel.label)
                continue
            counts.hit()
            for edge in direct:
                edges[edge] = True
            if linkers:
                junction_pairs[(min(na, nb), max(na, nb))] = True
            for t in linkers:
                for target in (na, nb):
                    if (normalize(tname(t)), target) in edges:
                        edges[(normalize(tname(t)), target)] = True
            continue
        src, dst = ctx.resolve(rel.from_), ctx.resolve(rel.to)
        if src is None or dst is None:
            counts.miss(f"{rel.label} (table not found)")
            continue
        edge = (normalize(tname(src)), normalize(tname(dst)))
        if edge in edges:
            counts.hit()
            edges[edge] = True
        else:
            counts.miss(rel.label)
    for (src_name, dst_name), used in edges.items():
        if not used:
            counts.extra(f"{src_name} -> {dst_name}")
    for (one, other), used in junction_pairs.items():
        if not used:
            counts.extra(f"{one} <-> {other}")
    return counts


# ---------------------------------------------------------------- checks


def _entity_table(ctx: RelationalContext, check: GoldCheck) -> Table | None:
    return ctx.resolve(check.entity or check.table)


def _unique_sets(table: Table, *, partial_only: bool = False) -> list[KeySet]:
    return [k for k in key_sets(table) if k.unique and (k.partial or not partial_only)]


def _among(ctx: RelationalContext, key: KeySet, names: Sequence[str]) -> bool:
    return bool(key.columns) and all(ctx.matcher.any_of(c, names) for c in key.columns)


def check_forbid_column(ctx: RelationalContext, check: GoldCheck, table: Table) -> Verdict:
    found = ctx.column(table, check.columns)
    if found:
        return False, f"{tname(table)} has forbidden column {found[0].get('name')}"
    return True, f"{tname(table)} has none of {check.columns}"


def check_unique_on(ctx: RelationalContext, check: GoldCheck, table: Table) -> Verdict:
    for key in _unique_sets(table):
        if _among(ctx, key, check.columns):
            return True, f"{key.label}({', '.join(key.columns)})"
    return False, f"no unique key within {check.columns} on {tname(table)}; keys: {_fmt(_unique_sets(table))}"


def check_partial_unique(ctx: RelationalContext, check: GoldCheck, table: Table) -> Verdict:
    for key in _unique_sets(table, partial_only=True):
        if _among(ctx, key, check.columns):
            return True, f"{key.label}({', '.join(key.columns)}) WHERE …"
    keys = _unique_sets(table)
    return (
        False,
        f"no partial unique index within {check.columns} on {tname(table)}; unique keys: {_fmt(keys)}",
    )


def _exclusions(table: Table) -> list[str]:
    """Exclusion constraints however the design spells them: a list under ``exclusions`` /
    ``exclusion_constraints`` / ``exclude``, a CHECK whose expression starts with EXCLUDE, or an
    index with method ``exclude``."""
    texts: list[str] = []
    for key in ("exclusions", "exclusion_constraints", "exclude"):
        for item in table.get(key) or []:
            if isinstance(item, dict):
                texts.append(
                    " ".join(
                        [str(item.get("expression", "")), *_cols_of(item), str(item.get("elements", ""))]
                    )
                )
            else:
                texts.append(str(item))
    for chk in table.get("checks") or []:
        if isinstance(chk, dict) and str(chk.get("expression", "")).lstrip().upper().startswith("EXCLUDE"):
            texts.append(str(chk["expression"]))
    for ix in table.get("indexes") or []:
        if isinstance(ix, dict) and str(ix.get("method", "")).lower() in {"exclude", "exclusion"}:
            texts.append(" ".join(_cols_of(ix)) + " " + str(ix.get("expression", "")))
    return texts


def check_unique_or_exclusion_on(ctx: RelationalContext, check: GoldCheck, table: Table) -> Verdict:
    ok, reason = check_unique_on(ctx, check, table)
    if ok:
        return ok, reason
    names = [str(c.get("name", "")) for c in columns(table)]
    for text in _exclusions(table):
        words = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text))
        mentioned = [n for n in names if n in words]
        if mentioned and all(ctx.matcher.any_of(n, check.columns) for n in mentioned):
            return True, f"exclusion constraint over {mentioned}"
    return False, f"no unique key or exclusion constraint within {check.columns} on {tname(table)}"


def check_numeric_type(ctx: RelationalContext, check: GoldCheck, table: Table) -> Verdict:
    found = ctx.column(table, check.columns)
    if not found:
        return False, f"{tname(table)} has none of {check.columns}"
    bad = [f"{c.get('name')} {c.get('type')}" for c in found if not _DECIMAL.match(str(c.get("type", "")))]
    if bad:
        return False, f"not an exact decimal: {', '.join(bad)}"
    return True, ", ".join(f"{c.get('name')} {c.get('type')}" for c in found)


def _encrypted_base(name: str) -> str | None:
    for pattern in _ENCRYPTED_AFFIXES:
        m = pattern.match(name)
        if m and m.group(1):
            return m.group(1)
    return None


def check_not_plain_type(ctx: RelationalContext, check: GoldCheck, table: Table) -> Verdict:
    plain = ctx.column(table, check.columns)
    encrypted = [
        c
        for c in columns(table)
        if (base := _encrypted_base(str(c.get("name", "")))) is not None
        and ctx.matcher.any_of(base, check.columns)
    ]
    if not plain and not encrypted:
        return False, f"{tname(table)} stores none of {check.columns} (neither plain nor encrypted)"
    readable = [
        f"{c.get('name')} {c.get('type')}" for c in plain if not _BINARY.match(str(c.get("type", "")))
    ]
    if readable:
        return False, f"readable type for sensitive data: {', '.join(readable)}"
    shown = [str(c.get("name")) for c in [*plain, *encrypted]]
    return True, f"binary or encrypted: {', '.join(shown)}"


def check_check_constraint(ctx: RelationalContext, check: GoldCheck, table: Table) -> Verdict:
    checks = [c for c in table.get("checks") or [] if isinstance(c, dict)]
    if checks:
        return True, f"{len(checks)} CHECK constraint(s), e.g. {checks[0].get('name', '')}"
    return False, f"{tname(table)} has no CHECK constraint"


def check_on_delete(ctx: RelationalContext, check: GoldCheck) -> Verdict:
    src, dst = ctx.resolve(check.from_), ctx.resolve(check.to)
    if src is None or dst is None:
        missing = check.from_ if src is None else check.to
        return False, f"no table for {missing}"
    fks = [
        fk
        for fk in foreign_keys(src)
        if normalize(bare_table_name(str(fk.get("ref_table", "")))) == normalize(tname(dst))
    ]
    if not fks:
        return False, f"no foreign key {tname(src)} -> {tname(dst)}"
    allowed = {r.upper().replace("_", " ").strip() for r in check.rule}
    rules = [str(fk.get("on_delete") or "NO ACTION").upper().replace("_", " ").strip() for fk in fks]
    if allowed and all(r in allowed for r in rules):
        return True, f"ON DELETE {', '.join(rules)}"
    return False, f"ON DELETE {', '.join(rules)}; expected one of {sorted(allowed)}"


def check_index_leading(ctx: RelationalContext, check: GoldCheck, table: Table) -> Verdict:
    keys = key_sets(table)
    for key in keys:
        if key.columns and ctx.matcher.any_of(key.columns[0], check.columns):
            return True, f"{key.label}({', '.join(key.columns)})"
    return False, f"no index on {tname(table)} led by one of {check.columns}; keys: {_fmt(keys)}"


def check_fk_indexed(ctx: RelationalContext, check: GoldCheck) -> Verdict:
    unindexed: list[str] = []
    total = 0
    for table in ctx.new_tables:
        usable = [k for k in key_sets(table) if not k.partial and not k.has_expression]
        for fk in foreign_keys(table):
            cols = {normalize(c) for c in _cols_of(fk)}
            if not cols:
                continue
            total += 1
            if not any({normalize(c) for c in k.columns[: len(cols)]} == cols for k in usable):
                unindexed.append(f"{tname(table)}({', '.join(_cols_of(fk))})")
    if unindexed:
        return False, f"unindexed foreign keys: {', '.join(unindexed)}"
    return True, f"all {total} foreign keys lead an index, primary key or unique constraint"


def check_timestamps(ctx: RelationalContext, check: GoldCheck, table: Table) -> Verdict:
    names = {normalize(str(c.get("name", ""))) for c in columns(table)}
    missing = [c for c in ("created_at", "updated_at") if normalize(c) not in names]
    if missing:
        return False, f"{tname(table)} lacks {', '.join(missing)}"
    return True, "created_at and updated_at present"


def check_has_columns_any(ctx: RelationalContext, check: GoldCheck, table: Table) -> Verdict:
    found = ctx.column(table, check.columns)
    if found:
        return True, f"has {found[0].get('name')}"
    return False, f"{tname(table)} has none of {check.columns}"


def check_partitioned(ctx: RelationalContext, check: GoldCheck, table: Table) -> Verdict:
    part = table.get("partition")
    if part:
        detail = (
            f"{part.get('method', '')} on {part.get('column', '')}" if isinstance(part, dict) else str(part)
        )
        return True, f"partitioned by {detail}".strip()
    return False, f"{tname(table)} is not partitioned"


def _existing_name(check: GoldCheck) -> str:
    return str(check.table or check.entity or "")


def check_no_duplicate_existing_table(ctx: RelationalContext, check: GoldCheck) -> Verdict:
    name = _existing_name(check)
    recreated = [tname(t) for t in ctx.new_tables if ctx.matcher.same(tname(t), name)]
    if recreated:
        return False, f"design creates table {recreated[0]} again"
    if ctx.migrations.unreadable:
        return False, f"cannot read migration file(s): {', '.join(ctx.migrations.unreadable)}"
    if not ctx.migrations.up:
        return False, "no migration-up file in the design's files"
    for path, text in ctx.migrations.up:
        hits = [t for t in created_tables(text) if ctx.matcher.same(t, name)]
        if hits:
            return False, f"{path} creates table {hits[0]}"
    return True, f"{name} not created by {len(ctx.migrations.up)} up migration(s)"


def check_down_keeps_existing(ctx: RelationalContext, check: GoldCheck) -> Verdict:
    name = _existing_name(check)
    if ctx.migrations.unreadable:
        return False, f"cannot read migration file(s): {', '.join(ctx.migrations.unreadable)}"
    if not ctx.migrations.down:
        return False, "no migration-down file in the design's files"
    for path, text in ctx.migrations.down:
        hits = [t for t in dropped_tables(text) if ctx.matcher.same(t, name)]
        if hits:
            return False, f"{path} drops table {hits[0]}"
    return True, f"{name} not dropped by {len(ctx.migrations.down)} down migration(s)"


def existing_column_types(ctx: RelationalContext, table: str) -> dict[str, str]:
    """Types of an existing table's columns, from the project's own SQL files (not the design's),
    falling back to the design's copy of the table when the project has no parsable SQL."""
    own = {p for p, _ in ctx.migrations.up} | {p for p, _ in ctx.migrations.down}
    if ctx.root.is_dir():
        for file in sorted(ctx.root.rglob("*.sql")):
            if str(file.relative_to(ctx.root)) in own:
                continue
            try:
                types = column_types(file.read_text(encoding="utf-8"), table)
            except (OSError, UnicodeDecodeError):
                continue
            if types:
                return types
    for t in ctx.tables:
        if t.get("existing") and normalize(tname(t)) == normalize(table):
            return {str(c.get("name", "")): str(c.get("type", "")) for c in columns(t)}
    return {}


def check_fk_type_matches_existing(ctx: RelationalContext, check: GoldCheck) -> Verdict:
    name = _existing_name(check)
    target = ctx.resolve(name)
    actual = tname(target) if target is not None else name
    types = existing_column_types(ctx, actual)
    if not types:
        return False, f"types of existing table {name} unknown (not in the project's SQL nor the design)"
    refs = [
        (table, fk)
        for table in ctx.new_tables
        for fk in foreign_keys(table)
        if normalize(bare_table_name(str(fk.get("ref_table", "")))) == normalize(actual)
    ]
    if not refs:
        return False, f"no foreign key references {actual}"
    lowered = {normalize(k): v for k, v in types.items()}
    bad: list[str] = []
    for table, fk in refs:
        ref_cols = _cols_of({"columns": fk.get("ref_columns")}) or ["id"]
        for col, ref in zip(_cols_of(fk), ref_cols, strict=False):
            mine = next(
                (
                    str(c.get("type", ""))
                    for c in columns(table)
                    if normalize(str(c.get("name", ""))) == normalize(col)
                ),
                "",
            )
            theirs = lowered.get(normalize(ref), "")
            if canonical_type(mine) != canonical_type(theirs):
                bad.append(f"{tname(table)}.{col} {mine or '?'} vs {actual}.{ref} {theirs or '?'}")
    if bad:
        return False, "type mismatch: " + "; ".join(bad)
    return True, f"{len(refs)} foreign key(s) to {actual} use its key type"


TableCheck = Callable[[RelationalContext, GoldCheck, Table], Verdict]
GlobalCheck = Callable[[RelationalContext, GoldCheck], Verdict]

TABLE_CHECKS: dict[str, TableCheck] = {
    "forbid_column": check_forbid_column,
    "unique_on": check_unique_on,
    "partial_unique": check_partial_unique,
    "unique_or_exclusion_on": check_unique_or_exclusion_on,
    "numeric_type": check_numeric_type,
    "not_plain_type": check_not_plain_type,
    "check_constraint": check_check_constraint,
    "index_leading": check_index_leading,
    "timestamps": check_timestamps,
    "has_columns_any": check_has_columns_any,
    "partitioned": check_partitioned,
}
GLOBAL_CHECKS: dict[str, GlobalCheck] = {
    "on_delete": check_on_delete,
    "fk_indexed": check_fk_indexed,
    "no_duplicate_existing_table": check_no_duplicate_existing_table,
    "down_keeps_existing": check_down_keeps_existing,
    "fk_type_matches_existing": check_fk_type_matches_existing,
}


def run_check(ctx: RelationalContext, check: GoldCheck) -> CheckResult:
    """Evaluate one gold check; unknown kinds fail loudly rather than pass silently."""
    if check.kind in GLOBAL_CHECKS:
        ok, reason = GLOBAL_CHECKS[check.kind](ctx, check)
    elif check.kind in TABLE_CHECKS:
        table = _entity_table(ctx, check)
        if table is None:
            ok, reason = False, f"no table for {check.entity or check.table}"
        else:
            ok, reason = TABLE_CHECKS[check.kind](ctx, check, table)
    else:
        ok, reason = False, f"unknown check kind {check.kind!r}"
    return CheckResult(kind=check.kind, target=check.target, passed=ok, reason=reason)


def check_reuse_existing(ctx: RelationalContext, name: str) -> CheckResult:
    """Implicit check for ``reuse_existing``: the table is referenced by a new foreign key and not
    created again."""
    recreated = [tname(t) for t in ctx.new_tables if ctx.matcher.same(tname(t), name)]
    referencing = [
        tname(t)
        for t in ctx.new_tables
        for fk in foreign_keys(t)
        if ctx.matcher.same(bare_table_name(str(fk.get("ref_table", ""))), name)
    ]
    if recreated:
        ok, reason = False, f"design creates {recreated[0]} instead of reusing it"
    elif not referencing:
        ok, reason = False, f"no new table references {name}"
    else:
        ok, reason = True, f"referenced by {', '.join(sorted(set(referencing)))}"
    return CheckResult(kind="reuse_existing", target=name, passed=ok, reason=reason)
