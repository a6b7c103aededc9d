"""Schema design: keys, types, timestamps, normalisation and growth (SW1xx)."""

from __future__ import annotations

from schemawright.catalog.models import Column, Table
from schemawright.emit.sql.dialects import dialect_for
from schemawright.review.findings import finding
from schemawright.review.rules.common import (
    FLOAT_TYPES,
    TEXT_TYPES,
    FindingIter,
    col_at,
    is_join_table,
    reviewable,
    table_at,
    tokens,
)
from schemawright.review.schema import Schema, column_keys, key

MONEY_WORDS = frozenset(
    {
        "price",
        "amount",
        "cost",
        "total",
        "subtotal",
        "balance",
        "fee",
        "fees",
        "salary",
        "wage",
        "revenue",
        "payment",
        "refund",
        "tax",
        "discount",
        "budget",
        "money",
    }
)
NOT_MONEY = frozenset(
    {
        "cents",
        "count",
        "pct",
        "percent",
        "rate",
        "id",
        "type",
        "status",
        "currency",
        "code",
        "center",
        "centre",
        "name",
        "unit",
        "units",
        "note",
        "notes",
        "category",
        # a thing about money, not an amount: payment_method_token, tax_behavior, billing_mode, fee_plan
        "method",
        "token",
        "behavior",
        "behaviour",
        "mode",
        "provider",
        "reference",
        "ref",
        "key",
        "intent",
        "kind",
        "state",
        "plan",
        "policy",
        "period",
        "schedule",
        "frequency",
        "description",
        "label",
    }
)
TEMPORAL_SUFFIXES = ("_at", "_date", "_on", "_time", "_timestamp")
TEMPORAL_NAMES = frozenset({"date", "timestamp", "birthday", "dob", "date_of_birth"})
CREATED = frozenset({"created_at", "created_on", "inserted_at", "created", "creation_date", "created_time"})
UPDATED = frozenset({"updated_at", "updated_on", "modified_at", "last_modified", "updated"})
# names that say when something happened to the row (published_at, posted_on, recorded_time, sent_ts)
TIMESTAMP_SUFFIXES = ("_at", "_on", "_time", "_timestamp", "_ts", "_date", "_datetime")
TIMESTAMP_NAMES = frozenset({"time", "timestamp", "datetime", "ts"})
NAMED = frozenset({"name", "title", "slug"})  # a table with one of these holds named entities, not a stream
HIGH_VOLUME = frozenset(
    {
        "event",
        "events",
        "log",
        "logs",
        "click",
        "clicks",
        "view",
        "views",
        "pageviews",
        "metric",
        "metrics",
        "measurement",
        "measurements",
        "reading",
        "readings",
        "impression",
        "impressions",
        "telemetry",
        "activity",
        "activities",
        "trace",
        "traces",
        "hit",
        "hits",
        "history",
        "visits",
        "pings",
    }
)
RETENTION_WORDS = ("retention", "ttl", "archive", "purge", "expire", "partition")
COPYABLE = frozenset({"email", "name", "title", "phone", "username", "address", "slug"})


def check_table(table: Table, schema: Schema, dialect: str) -> FindingIter:
    if not reviewable(table):
        return
    yield from _primary_key(table)
    yield from _copied_columns(table, schema)
    yield from _types(table, dialect)
    yield from _timestamps(table)
    yield from _volume(table)


def _primary_key(table: Table) -> FindingIter:
    if table.primary_key is None or not table.primary_key.columns:
        yield finding(
            "SW101",
            f"Table {table.name} has no primary key.",
            at=table_at(table),
            fix=f"ALTER TABLE {table.name} ADD COLUMN id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY;  "
            "-- or declare the natural key as PRIMARY KEY",
        )


def _copied_columns(table: Table, schema: Schema) -> FindingIter:
    for fk in table.foreign_keys:
        if len(fk.columns) != 1 or not fk.columns[0].endswith("_id"):
            continue
        prefix = fk.columns[0].removesuffix("_id")
        parent = schema.table(fk.ref_table)
        for col in table.columns:
            name = key(col.name)
            if not name.startswith(prefix + "_") or name == fk.columns[0]:
                continue
            rest = name.removeprefix(prefix + "_")
            known = parent is not None and not parent.stub and rest in column_keys(parent)
            if known or ((parent is None or parent.stub) and rest in COPYABLE):
                yield finding(
                    "SW102",
                    f"{table.name}.{col.name} copies {fk.ref_table}.{rest}, already reachable through "
                    f"{table.name}.{fk.columns[0]}.",
                    at=col_at(table, col),
                    fix=f"ALTER TABLE {table.name} DROP COLUMN {col.name};  -- join {fk.ref_table} to read "
                    f"{rest}; if the copy is a deliberate snapshot, document it and suppress SW102",
                )


def _types(table: Table, dialect: str) -> FindingIter:
    sql = dialect_for(dialect)
    for col in table.columns:
        words = set(tokens(col.name))
        name = key(col.name)
        at = col_at(table, col)
        if (
            words & MONEY_WORDS
            and not words & NOT_MONEY
            # SQLite has no exact decimal type: TEXT keeps amounts exact there, REAL does not
            and (col.base_type in FLOAT_TYPES or (col.base_type in TEXT_TYPES and sql.has_exact_decimal))
        ):
            yield finding(
                "SW103",
                f"{table.name}.{col.name} holds money as {col.type}.",
                at=at,
                fix=f"ALTER TABLE {table.name} ALTER COLUMN {col.name} TYPE NUMERIC(12, 2) "
                f"USING {col.name}::numeric;  -- plus CHECK ({col.name} >= 0) where it cannot be negative",
            )
        temporal = name.endswith(TEMPORAL_SUFFIXES) or name in TEMPORAL_NAMES
        if sql.has_timestamptz and col.base_type in ("TIMESTAMP", "DATETIME"):
            yield finding(
                "SW104",
                f"{table.name}.{col.name} is TIMESTAMP without time zone.",
                at=at,
                fix=f"ALTER TABLE {table.name} ALTER COLUMN {col.name} TYPE TIMESTAMPTZ "
                f"USING {col.name} AT TIME ZONE 'UTC';",
            )
        if sql.has_temporal_types and temporal and col.base_type in TEXT_TYPES:
            target = (
                "DATE"
                if name.endswith("_date") or name in ("date", "birthday", "dob", "date_of_birth")
                else sql.timestamp_type
            )
            yield finding(
                "SW105",
                f"{table.name}.{col.name} stores a date/time as {col.type}.",
                at=at,
                fix=f"ALTER TABLE {table.name} ALTER COLUMN {col.name} TYPE {target} "
                f"USING {col.name}::{target};",
            )


def _records_creation(col: Column) -> bool:
    """A column that dates every row from its insert: a created_at by any usual name, or another
    timestamp-named column (``published_at``, ``posted_on``, ``recorded_time``, a bare ``time``) that every
    row has (NOT NULL or a default), or any timestamp column defaulting to the insert's time. A nullable
    one (``deleted_at``, a draft's ``published_at``) leaves rows undated, and ``updated_at`` moves with
    every change."""
    name = key(col.name)
    if name in CREATED:
        return True
    if name not in UPDATED and _now_default(col):
        return True
    return (
        (name.endswith(TIMESTAMP_SUFFIXES) or name in TIMESTAMP_NAMES)
        and name not in UPDATED
        and col.base_type not in ("BOOLEAN", "BOOL", "BIT")
        and (not col.nullable or col.default not in (None, "NULL"))
    )


def _now_default(col: Column) -> bool:
    """A timestamp column whose default is the time of the insert (``DEFAULT now()``)."""
    default = (col.default or "").lower()
    base = col.base_type or ""
    timestamp = base.startswith("TIMESTAMP") or base == "DATETIME"
    return timestamp and any(now in default for now in ("now()", "current_timestamp", "localtimestamp"))


def _append_only(table: Table) -> bool:
    """A table whose rows are written once and never changed: an event, log or metric stream (named as
    SW108 knows them, and not a named entity such as a concert "event"), or a link table of foreign keys
    only (with or without a primary key)."""
    if is_join_table(table):
        return True
    fk_cols = {key(c) for fk in table.foreign_keys for c in fk.columns}
    if table.foreign_keys and set(column_keys(table)) <= fk_cols:
        return True
    words = tokens(table.name)
    return bool(words) and words[-1] in HIGH_VOLUME and not set(column_keys(table)) & NAMED


def _timestamps(table: Table) -> FindingIter:
    names = set(column_keys(table))
    if not any(_records_creation(c) for c in table.columns):
        yield finding(
            "SW106",
            f"Table {table.name} has no created_at column (nor another NOT NULL timestamp such as "
            "published_at that dates each row).",
            at=table_at(table),
            fix=f"ALTER TABLE {table.name} ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now();",
        )
    if not names & UPDATED and not _append_only(table):
        yield finding(
            "SW107",
            f"Table {table.name} has no updated_at column.",
            at=table_at(table),
            fix=f"ALTER TABLE {table.name} ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now();\n"
            f"CREATE TRIGGER trg_{table.name}_updated_at BEFORE UPDATE ON {table.name} "
            "FOR EACH ROW EXECUTE FUNCTION set_updated_at();",
        )


def _volume(table: Table) -> FindingIter:
    words = tokens(table.name)
    if not words or words[-1] not in HIGH_VOLUME or table.partitioned:
        return
    if set(column_keys(table)) & NAMED:
        return  # a named entity (a concert "event"), not an append-only stream
    if any(w in (table.comment or "").lower() for w in RETENTION_WORDS):
        return
    time_col = next((c.name for c in table.columns if key(c.name).endswith("_at")), "created_at")
    yield finding(
        "SW108",
        f"{table.name} looks like a high-volume table but is neither partitioned nor given a "
        "retention policy.",
        at=table_at(table),
        fix=f"CREATE TABLE {table.name} (...) PARTITION BY RANGE ({time_col});  -- with monthly partitions "
        f"and a DEFAULT partition; or COMMENT ON TABLE {table.name} IS 'retention: 90 days, purged by job';",
    )
