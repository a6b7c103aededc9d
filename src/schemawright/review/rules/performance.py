"""Performance: indexes that are missing, redundant or too many (SW2xx)."""

from __future__ import annotations

import re

from schemawright.catalog.models import Index, Table
from schemawright.emit.sql.dialects import dialect_for
from schemawright.review.findings import finding
from schemawright.review.models import Location
from schemawright.review.rules.common import FindingIter, reviewable, table_at, tokens
from schemawright.review.rules.schema_design import HIGH_VOLUME
from schemawright.review.schema import Schema, primary_key

MAX_INDEXES = 5
MAX_INDEXES_HIGH_VOLUME = 3


def check_table(table: Table, schema: Schema, dialect: str) -> FindingIter:
    if not reviewable(table):
        return
    yield from _fk_indexes(table, dialect)
    yield from _duplicates(table)
    yield from _count(table)


def _covered(columns: list[str], table: Table) -> bool:
    """True if some index, unique or the primary key starts with exactly these columns (in any order) and
    can serve a lookup by them: a partial index only when its WHERE follows from the lookup itself."""
    width = len(columns)
    candidates = [
        primary_key(table),
        *(u.columns for u in table.uniques),
        *(i.key_texts for i in table.indexes if _serves_equality(i, columns)),
    ]
    return any(len(c) >= width and set(c[:width]) == set(columns) for c in candidates)


_NOT_NULL = re.compile(r'^(?:"?(\w+)"?\s+IS\s+NOT\s+NULL|NOT\s+\(?\s*"?(\w+)"?\s+IS\s+NULL\s*\)?)$', re.I)


def _serves_equality(index: Index, columns: list[str]) -> bool:
    """Whether PostgreSQL can use ``index`` for ``WHERE col = $1`` on the foreign key columns, the lookup
    behind a parent's DELETE/UPDATE and joins from it. A partial index qualifies when its predicate is
    implied by that equality: ``col IS NOT NULL`` on foreign key columns (the usual index of a sparse
    foreign key), alone or ANDed. Any other predicate (``WHERE deleted_at IS NULL``) leaves the check a
    sequential scan, so such an index does not cover the foreign key."""
    if not index.where:
        return True
    where = re.sub(r"^\s*WHERE\s+", "", index.where, flags=re.I)
    for part in re.split(r"\s+AND\s+", where, flags=re.I):
        m = _NOT_NULL.match(part.strip().strip("()").strip())
        if m is None or (m[1] or m[2]).lower() not in columns:
            return False
    return True


def _partial_on(columns: list[str], table: Table) -> Index | None:
    """A partial index that starts with the foreign key columns but cannot serve their lookup."""
    width = len(columns)
    return next(
        (
            i
            for i in table.indexes
            if i.where and len(i.key_texts) >= width and set(i.key_texts[:width]) == set(columns)
        ),
        None,
    )


def _fk_indexes(table: Table, dialect: str) -> FindingIter:
    if dialect_for(dialect).fk_creates_index:
        return  # InnoDB creates an index for every foreign key itself
    for fk in table.foreign_keys:
        if not _covered(fk.columns, table):
            cols = ", ".join(fk.columns)
            partial = _partial_on(fk.columns, table)
            why = (
                f" ({partial.name} is partial, {re.sub(r'^WHERE ', '', partial.where or '')}, and cannot "
                f"serve the lookup by {cols} that a DELETE or key UPDATE on {fk.ref_table} makes)"
                if partial is not None
                else ""
            )
            yield finding(
                "SW201",
                f"Foreign key {table.name}({cols}) → {fk.ref_table} has no index{why}.",
                at=Location(
                    file=fk.path or table.path or "",
                    line=fk.line or table.line or 0,
                    table=table.name,
                    column=cols,
                ),
                fix=f"CREATE INDEX idx_{table.name}_{'_'.join(fk.columns)} ON {table.name} ({cols});",
            )


def _redundant_to(index: Index, other: list[str], other_unique: bool) -> bool:
    mine = index.key_texts
    if len(other) < len(mine) or other[: len(mine)] != mine:
        return False
    # a unique index is never redundant to a longer index: it enforces a rule
    return not index.unique or (other_unique and len(other) == len(mine))


def _duplicates(table: Table) -> FindingIter:
    indexes = sorted(table.indexes, key=lambda i: (i.line or 0, i.name or ""))
    for pos, index in enumerate(indexes):
        if index.where:
            continue
        keys: list[tuple[str, list[str], bool]] = []
        if primary_key(table):
            keys.append(("the primary key", primary_key(table), True))
        keys += [(f"unique ({', '.join(u.columns)})", u.columns, True) for u in table.uniques]
        for other_pos, other in enumerate(indexes):
            if other is index or other.where or (other.method or "btree") != (index.method or "btree"):
                continue
            if other.key_texts == index.key_texts and other_pos > pos:
                continue  # report the later of two identical indexes only
            keys.append((other.name or "", other.key_texts, other.unique))
        match = next((name for name, cols, unique in keys if _redundant_to(index, cols, unique)), None)
        if match:
            yield finding(
                "SW202",
                f"Index {index.name} on {table.name}({', '.join(index.key_texts)}) is covered by {match}.",
                at=Location(file=index.path or "", line=index.line or 0, table=table.name),
                fix=f"DROP INDEX IF EXISTS {index.name};  -- or do not create it",
            )


def _count(table: Table) -> FindingIter:
    words = tokens(table.name)
    limit = MAX_INDEXES_HIGH_VOLUME if words and words[-1] in HIGH_VOLUME else MAX_INDEXES
    if len(table.indexes) > limit:
        yield finding(
            "SW203",
            f"Table {table.name} has {len(table.indexes)} secondary indexes (limit {limit}).",
            at=table_at(table),
            fix="-- drop indexes no query needs; merge single-column indexes into composite or partial ones",
        )
