"""One synthetic, constraint-respecting row per new table, inserted in foreign-key order.

A migration that only ever runs on empty tables proves little: rows expose wrong constraints,
broken defaults and down migrations that cannot cope with data. Values come from the design's
structured value domains (enum values, ranges, lengths, comparisons), never from parsing SQL,
and are always sent as bound parameters.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from schemawright.design.models import Check, Column, ForeignKey, LogicalType, RelationalDesign, Table
from schemawright.engines import engine_for
from schemawright.engines.scratch import ScratchDatabase
from schemawright.verify.errors import MigrationError, VerifyError

_DB_DEFAULTS = ("identity", "uuid", "now", "literal")
_INTEGERS = {"bigint", "integer", "smallint"}
_TEMPORAL = {"date", "time", "timestamptz"}
_BASE_TIME = dt.datetime(2024, 1, 15, 12, 0, 0)


class SampleRowError(VerifyError):
    """Sample rows cannot be planned or inserted; the message names the table and the fix."""


@dataclass
class SampleRow:
    table: str
    values: dict[str, Any]  # what was sent
    stored: dict[str, Any] = field(default_factory=dict)  # what the database holds (generated keys)


def insertion_order(design: RelationalDesign, live: LiveKeys | None = None) -> list[Table]:
    """New tables plus the existing tables they need, parents first.

    Only NOT NULL foreign keys constrain the order; a nullable one is filled when its parent is
    already in place and left NULL otherwise, which is how cycles and self-references resolve. With
    ``live`` (the scratch database's own keys), an existing table's NOT NULL foreign keys the design
    does not describe pull their parents in too, as stand-in tables. Existing tables that cannot be
    ordered (their NOT NULL foreign keys form a cycle) are left out with the tables that need them;
    only a cycle among the design's new tables is an error."""
    return _plan(design, live)[0]


class LiveKeys:
    """Primary and foreign keys as the scratch database has them (SQLAlchemy inspection, read lazily):
    existing tables may have NOT NULL foreign keys to tables the design never mentions."""

    def __init__(self, inspector: Any, catalog: dict[str, Any]) -> None:
        self._inspector = inspector
        self.catalog = catalog
        self._fks: dict[str, list[ForeignKey]] = {}

    def has(self, table: str) -> bool:
        return table in (self.catalog.get("tables") or {})

    def nullable(self, table: str, column: str) -> bool | None:
        info = ((self.catalog.get("tables") or {}).get(table) or {}).get("columns", {}).get(column)
        return None if info is None else bool(info.get("nullable"))

    def foreign_keys(self, table: str) -> list[ForeignKey]:
        if table not in self._fks:
            found: list[ForeignKey] = []
            try:
                raw = self._inspector.get_foreign_keys(table) if self.has(table) else []
            except Exception:  # an unreadable table: no extra parents, never a failed verification
                raw = []
            for i, fk in enumerate(raw):
                if fk.get("referred_schema") or not fk.get("constrained_columns"):
                    continue
                found.append(
                    ForeignKey(
                        name=str(fk.get("name") or f"{table}_fk_{i}"),
                        columns=list(fk["constrained_columns"]),
                        ref_table=str(fk["referred_table"]),
                        ref_columns=list(fk["referred_columns"]),
                    )
                )
            self._fks[table] = found
        return self._fks[table]

    def stand_in(self, table: str) -> Table:
        """An existing table the design does not describe: its keys, columns from the catalog."""
        return Table(name=table, existing=True, foreign_keys=self.foreign_keys(table))


@contextmanager
def live_keys(db: ScratchDatabase, catalog: dict[str, Any]) -> Iterator[LiveKeys | None]:
    """:class:`LiveKeys` for ``db`` (None when it cannot be inspected: the design's own keys are used)."""
    import sqlalchemy as sa
    from sqlalchemy.pool import NullPool

    try:
        engine = sa.create_engine(db.sqlalchemy_url, poolclass=NullPool)
    except Exception:
        yield None
        return
    try:
        try:
            inspector = sa.inspect(engine)
        except Exception:
            yield None
            return
        yield LiveKeys(inspector, catalog)
    finally:
        engine.dispose()


def _fks(t: Table, live: LiveKeys | None) -> list[ForeignKey]:
    """The table's foreign keys: the design's, plus (existing tables) those only the database knows."""
    if live is None or not t.existing:
        return list(t.foreign_keys)
    known = {tuple(fk.columns) for fk in t.foreign_keys}
    return [*t.foreign_keys, *(fk for fk in live.foreign_keys(t.name) if tuple(fk.columns) not in known)]


def _required(t: Table, fk: ForeignKey, live: LiveKeys | None) -> bool:
    for name in fk.columns:
        col = t.column(name)
        nullable = col.nullable if col is not None else live.nullable(t.name, name) if live else None
        if not nullable:
            return True
    return False


def _plan(design: RelationalDesign, live: LiveKeys | None) -> tuple[list[Table], set[str]]:
    """(tables in insertion order with their full foreign keys, tables left out)."""
    chosen: dict[str, Table] = {t.name: t for t in design.new_tables()}
    pending = list(chosen.values())
    while pending:  # pull in existing parents, transitively
        child = pending.pop()
        for fk in _fks(child, live):
            if fk.ref_table in chosen:
                continue
            parent = design.table(fk.ref_table)
            if parent is None and live is not None and live.has(fk.ref_table) and _required(child, fk, live):
                parent = live.stand_in(fk.ref_table)
            if parent is not None:
                chosen[parent.name] = parent
                pending.append(parent)
    designed = [t for t in design.tables if t.name in chosen]
    tables = [*designed, *(t for t in chosen.values() if design.table(t.name) is None)]
    fks = {t.name: _fks(t, live) for t in tables}
    if live is not None:  # the rows need every key the database enforces
        tables = [t.model_copy(update={"foreign_keys": fks[t.name]}) if t.existing else t for t in tables]

    def parents(t: Table, required: bool) -> set[str]:
        return {
            fk.ref_table
            for fk in fks[t.name]
            if fk.ref_table != t.name and _required(t, fk, live) == required
            and (fk.ref_table in chosen or required)
        }

    done: list[Table] = []
    placed: set[str] = set()
    skipped: set[str] = set()
    remaining = list(tables)
    while remaining:
        for t in list(remaining):
            needs = parents(t, required=True)
            if needs - chosen.keys() or needs & skipped:  # a NOT NULL foreign key to a table without a row
                skipped.add(t.name)
                remaining.remove(t)
        ready = [t for t in remaining if parents(t, required=True) <= placed]
        if not ready:
            stuck = [t for t in remaining if t.existing]
            if stuck:  # the project's own tables: leave them (and what needs them) without a row
                skipped.update(t.name for t in stuck)
                remaining = [t for t in remaining if not t.existing]
                continue
            if not remaining:
                break
            names = ", ".join(t.name for t in remaining)
            raise SampleRowError(
                f"cannot order sample rows: NOT NULL foreign keys form a cycle among {names}; "
                "make one of those foreign keys nullable (or deferrable) so rows can be inserted")
        best = next((t for t in ready if parents(t, required=False) <= placed), ready[0])
        done.append(best)
        placed.add(best.name)
        remaining.remove(best)
    return done, skipped


def insert_sample_rows(
    db: ScratchDatabase, design: RelationalDesign, catalog: dict[str, Any] | None = None
) -> list[SampleRow]:
    """Insert one row per new table (and per existing table they need, parents first); return them in
    order. An existing table whose row cannot be made (a cycle of NOT NULL foreign keys, a constraint
    the design does not know) gets none, and neither does a table that needs it: sample rows never fail
    a verification for the project's old tables. A new table's rejected row is an error. ``catalog``: the
    database's :meth:`~ScratchDatabase.snapshot` as it is now, when the caller has just taken it (only
    read here); else it is taken."""
    if catalog is None:
        catalog = db.snapshot()
    with live_keys(db, catalog) as live:
        order, skipped = _plan(design, live)
    counter = itertools.count(1)
    token = uuid.uuid4().hex[:6]
    rows: dict[str, dict[str, Any]] = {}
    out: list[SampleRow] = []
    for table in order:
        needs = {fk.ref_table for fk in table.foreign_keys if fk.ref_table != table.name
                 and _required(table, fk, live)}
        if needs & skipped:
            skipped.add(table.name)
            continue
        values = row_values(table, db.dialect, rows, catalog, _Seq(counter, token))
        try:
            stored = db.insert(table.name, values)
        except MigrationError as exc:
            if table.existing:
                skipped.add(table.name)
                continue
            raise SampleRowError(
                f"sample row for table {table.name} was rejected: {exc.engine_message} "
                f"(columns: {', '.join(values) or 'defaults only'}); the design's value domains and "
                "the migration's constraints disagree"
            ) from exc
        rows[table.name] = stored
        out.append(SampleRow(table.name, values, stored))
    return out


@dataclass
class _Seq:
    counter: Iterator[int]
    token: str

    def next(self) -> int:
        return next(self.counter)


def row_values(table: Table, dialect: str, parent_rows: dict[str, dict[str, Any]],
               catalog: dict[str, Any], seq: _Seq) -> dict[str, Any]:
    """Values for one row of ``table``; columns whose default the database should supply are omitted."""
    fk_values: dict[str, Any] = {}
    for fk in table.foreign_keys:
        parent = parent_rows.get(fk.ref_table) if fk.ref_table != table.name else None
        for name, ref in zip(fk.columns, fk.ref_columns, strict=False):
            fk_values[name] = parent.get(ref) if parent else None
    compares = [c for c in table.checks if c.kind == "compare" and c.column and c.other]
    compared = {c.column for c in compares} | {c.other for c in compares}

    columns = list(table.columns)
    live = (catalog.get("tables") or {}).get(table.name, {}).get("columns", {})
    known = {c.name for c in columns}
    for name, info in live.items():  # required by the database but unknown to the design
        if name not in known and not info.get("nullable") and info.get("default") is None \
                and not info.get("generated"):
            columns.append(_column_from_catalog(name, info, catalog))

    values: dict[str, Any] = {}
    for col in columns:
        if col.name in fk_values:
            values[col.name] = fk_values[col.name]
        elif not _database_supplies(col, live.get(col.name) or {}, compared):
            values[col.name] = _value(col, table.checks, seq)
    _order_compared(values, compares, table)
    return {k: _adapt(v, dialect, table.column(k)) for k, v in values.items()}


def _database_supplies(col: Column, live: dict[str, Any], compared: set[str]) -> bool:
    """Identity/generated columns always; other defaults unless a comparison needs a chosen value."""
    if col.default_kind == "identity" or live.get("generated"):
        return True
    return bool(col.default_kind in _DB_DEFAULTS or col.default) and col.name not in compared


def _order_compared(values: dict[str, Any], compares: list[Check], table: Table) -> None:
    """Shift values until every ``a op b`` comparison holds (ends_at > starts_at …)."""
    for _ in range(len(compares) + 1):
        changed = False
        for check in compares:
            a, b = values.get(check.column), values.get(check.other)
            if a is None or b is None or _holds(a, check.op, b):
                continue
            step: Any = dt.timedelta(days=1)
            if not isinstance(b, dt.date):
                step = Decimal(1) if isinstance(b, Decimal) else 1
            values[check.column] = b + step if check.op in (">", ">=") else b - step
            changed = True
        if not changed:
            return


def _holds(a: Any, op: str, b: Any) -> bool:
    try:
        return bool({">": a > b, ">=": a >= b, "<": a < b, "<=": a <= b}.get(op, True))
    except TypeError:
        return True


def _checks_for(column: str, checks: list[Check]) -> list[Check]:
    return [c for c in checks if c.column == column]


def _value(col: Column, checks: list[Check], seq: _Seq) -> Any:
    own = _checks_for(col.name, checks)
    kind = col.logical.name
    enum = col.enum_values or next((c.values for c in own if c.kind == "enum" and c.values), [])
    if enum:
        return int(enum[0]) if kind in _INTEGERS else enum[0]
    lo, hi = col.minimum, col.maximum
    min_len, max_len = 0, col.max_length or col.logical.length
    for c in own:
        if c.kind == "range":
            lo = c.minimum if lo is None or (c.minimum is not None and c.minimum > lo) else lo
            hi = c.maximum if hi is None or (c.maximum is not None and c.maximum < hi) else hi
        elif c.kind == "non_negative":
            lo = 0 if lo is None or lo < 0 else lo
        elif c.kind == "length":
            min_len = int(c.minimum or 0)
            if c.maximum is not None:
                max_len = int(c.maximum) if max_len is None else min(max_len, int(c.maximum))
    n = seq.next()
    if kind in _INTEGERS:
        return _pick(lo, hi, n, integral=True)
    if kind == "numeric":
        if col.logical.precision:
            cap = 10 ** (col.logical.precision - (col.logical.scale or 0)) - 1
            hi = cap if hi is None else min(hi, cap)
        value = _pick(lo, hi, n, integral=not col.logical.scale)
        return Decimal(str(value)).quantize(Decimal(1).scaleb(-(col.logical.scale or 0))) \
            if col.logical.scale else Decimal(int(value))
    if kind == "boolean":
        return True
    if kind == "date":
        return _BASE_TIME.date()
    if kind == "timestamptz":
        return _BASE_TIME
    if kind == "time":
        return dt.time(9, 30)
    if kind == "interval":
        return dt.timedelta(hours=1)
    if kind == "uuid":
        return uuid.uuid4()
    if kind == "json":
        return {"sample": n}
    if kind == "bytea":
        return f"sample-{n}".encode()
    if kind == "inet":
        return f"192.0.2.{n % 250 + 1}"
    return _text(col.name, n, seq.token, min_len, max_len)


def _pick(lo: float | None, hi: float | None, n: int, integral: bool) -> float:
    """A value strictly inside the bounds when possible, so inclusive and exclusive checks both hold."""
    if lo is not None and hi is not None:
        mid = (lo + hi) / 2
        if integral:
            mid = math.floor(mid)
            if not lo < mid < hi:
                mid = math.ceil(lo)
        return mid
    if lo is not None:
        return (math.floor(lo) if integral else lo) + 1
    if hi is not None:
        return (math.ceil(hi) if integral else hi) - 1
    return n


def _text(name: str, n: int, token: str, min_len: int, max_len: int | None) -> str:
    lower = name.lower()
    if "email" in lower:
        value = f"sample{token}{n}@example.com"
    elif lower.endswith(("url", "website", "link")):
        value = f"https://example.com/{token}{n}"
    elif "currency" in lower and max_len == 3:
        value = "USD"
    elif "country" in lower and max_len == 2:
        value = "US"
    elif lower.endswith(("locale", "language", "lang")):
        value = "en"
    elif "phone" in lower:
        value = f"+1555{n:07d}"
    else:
        value = re.sub(r"[^a-z0-9]+", "-", lower).strip("-") + f"-{token}{n}"
    if max_len is not None and len(value) > max_len:
        value = f"{token}{n}"[-max_len:]
    return value.ljust(min_len, "x")


def _adapt(value: Any, dialect: str, col: Column | None) -> Any:
    """Python value → what this dialect's driver binds correctly for the rendered column type."""
    if isinstance(value, dict):
        return json.dumps(value)  # untyped text: PostgreSQL casts it to json or jsonb alike
    return engine_for(dialect).bind(value, (col.type if col else "").lower())


def _column_from_catalog(name: str, info: dict[str, Any], catalog: dict[str, Any]) -> Column:
    """A stand-in Column for a NOT NULL column the design does not describe (existing tables)."""
    rendered = str(info.get("type") or "text")
    t = rendered.lower()
    enum: list[str] = re.findall(r"'((?:[^']|'')*)'", t) if t.startswith("enum(") else []
    pg_enum = (catalog.get("types") or {}).get(rendered, {})
    if pg_enum.get("kind") == "enum":
        enum = re.findall(r"'((?:[^']|'')*)'", pg_enum.get("labels", ""))
    length = re.search(r"char\((\d+)\)", t)
    logical: Any = "text"
    for needle, kind in (("bool", "boolean"), ("tinyint(1)", "boolean"), ("int", "bigint"),
                         ("numeric", "numeric"), ("decimal", "numeric"), ("double", "numeric"),
                         ("real", "numeric"), ("float", "numeric"), ("timestamp", "timestamptz"),
                         ("datetime", "timestamptz"), ("date", "date"), ("time", "time"), ("uuid", "uuid"),
                         ("json", "json"),
                         ("bytea", "bytea"), ("blob", "bytea"), ("inet", "inet"), ("interval", "interval")):
        if needle in t:
            logical = kind
            break
    return Column(name=name, type=rendered, logical=LogicalType(name=logical),
                  nullable=False, enum_values=enum,
                  # Unknown constraints may limit it: keep such values short (still distinct).
                  max_length=int(length.group(1)) if length else 8)
