"""Small helpers the rule modules share."""

from __future__ import annotations

from collections.abc import Iterator

from schemawright.catalog.models import Column, Table
from schemawright.review.models import Finding, Location
from schemawright.review.schema import key, primary_key

TEXT_TYPES = frozenset(
    {
        "TEXT",
        "VARCHAR",
        "CHAR",
        "NVARCHAR",
        "NCHAR",
        "BPCHAR",
        "CITEXT",
        "MEDIUMTEXT",
        "LONGTEXT",
        "TINYTEXT",
        "NAME",
    }
)
FLOAT_TYPES = frozenset({"FLOAT", "DOUBLE", "REAL", "MONEY", "DECIMAL32", "FLOAT4", "FLOAT8"})
INT_TYPES = frozenset(
    {"INT", "BIGINT", "SMALLINT", "TINYINT", "MEDIUMINT", "UINT", "UBIGINT", "USMALLINT", "UTINYINT"}
)

FindingIter = Iterator[Finding]


def tokens(name: str) -> list[str]:
    return [t for t in key(name).split("_") if t]


def is_join_table(table: Table) -> bool:
    """A link table: its primary key is made only of foreign key columns."""
    fk_cols = {c for fk in table.foreign_keys for c in fk.columns}
    pk = primary_key(table)
    return len(pk) >= 2 and set(pk) <= fk_cols


def reviewable(table: Table) -> bool:
    """Partitions inherit their parent's design and stubs are only known from ALTERs."""
    return not table.stub and table.partition_of is None


def col_at(table: Table, col: Column) -> Location:
    return Location(
        file=col.path or table.path or "",
        line=col.line or table.line or 0,
        table=table.name,
        column=col.name,
    )


def table_at(table: Table) -> Location:
    return Location(file=table.path or "", line=table.line or 0, table=table.name)
