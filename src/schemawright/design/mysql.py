"""MySQL 8 / MariaDB 10.11 adjustments to a relational design, applied after the dialect-neutral rules.

InnoDB cannot index a TEXT column without a prefix length, and neither engine has functional
``lower()`` indexes in a form both accept, so indexed text becomes ``VARCHAR(n)`` and case-insensitive
uniqueness comes from the table collation (``utf8mb4_unicode_ci``, which both engines ship).
"""

from __future__ import annotations

from schemawright.design.models import LogicalType, RelationalDesign, Table
from schemawright.domain.model import Assumption, Source
from schemawright.emit.sql.dialects import type_sql

COLLATION = "utf8mb4_unicode_ci"  # case- and accent-insensitive; utf8mb4_0900_ai_ci is MySQL-only
MAX_INDEXED_CHARS = 768  # InnoDB index key limit 3072 bytes / 4 bytes per utf8mb4 character
DEFAULT_INDEXED_CHARS = 255
UPDATED_AT_DEFAULT = "CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)"


def adapt_for_mysql(design: RelationalDesign, updated_at: str = "updated_at") -> list[Assumption]:
    """Rewrite ``design`` in place for MySQL/MariaDB; returns the assumptions this introduced."""
    notes: list[Assumption] = [Assumption(
        text="MySQL: UUID keys are CHAR(36) DEFAULT (UUID()) — readable in queries and logs and identical "
             "on MySQL 8 and MariaDB; BINARY(16) would halve index size but needs UUID_TO_BIN on every "
             "access.",
        source=Source(rule="mysql uuid representation"))]
    for table in design.new_tables():
        _indexed_text_to_varchar(table, notes)
        _collation_of_text_keys(design, table, notes)
        for index in table.indexes:
            if index.expressions.get(index.columns[0]) == "lower" or "lower" in index.expressions.values():
                index.expressions = {}
                index.purpose = (f"{', '.join(index.columns)} unique case-insensitively through the "
                                 f"{COLLATION} collation (no functional index needed)")
            if index.where:
                index.purpose += (" — MySQL has no partial indexes: emulated with a virtual generated column "
                                  "that is NULL when the condition is false")
        column = table.column(updated_at)
        if column is not None and column.default_kind == "now":
            column.default = UPDATED_AT_DEFAULT
            table.updated_at_trigger = False
    return notes


_TEXT = ("text", "varchar", "char")


def _collation_of_text_keys(design: RelationalDesign, table: Table, notes: list[Assumption]) -> None:
    """A new table referencing an existing table's text key (flipt's ``flags.key``) must compare in that
    key's collation, or InnoDB refuses the foreign key (errno 150). A key created in the database's default
    collation (no migration named one) gets it by the new table naming none either, so the migration holds
    on any server the project runs on; a key a migration gave its own collation gets it on the foreign key
    column (``Column.collation``)."""
    referenced = []
    for fk in table.foreign_keys:
        parent = design.table(fk.ref_table)
        if parent is None or not parent.existing:
            continue
        for name in fk.ref_columns:
            key = parent.column(name)
            if key is not None and key.logical.name in _TEXT and not key.collation:
                referenced.append(f"{parent.name}.{name}")
    if referenced:
        table.default_collation = True
        notes.append(Assumption(
            text=f"MySQL: {table.name} keeps the database's default character set and collation, as "
                 f"{', '.join(dict.fromkeys(referenced))} has (InnoDB joins a foreign key only between text "
                 f"columns of one collation), instead of {COLLATION}; its unique text columns are "
                 "case-insensitive only if that default is (a _ci collation, the usual one).",
            source=Source(rule="mysql foreign key collation")))


def _indexed_text_to_varchar(table: Table, notes: list[Assumption]) -> None:
    indexed = {c for ix in table.indexes for c in ix.columns}
    indexed |= {c for u in table.unique for c in u.columns}
    indexed |= {c for fk in table.foreign_keys for c in fk.columns}
    for column in table.columns:
        if column.name not in indexed or column.logical.name != "text":
            continue
        limit = column.max_length or DEFAULT_INDEXED_CHARS
        if limit > MAX_INDEXED_CHARS:
            notes.append(Assumption(
                text=f"{table.name}.{column.name} is indexed, so on MySQL it is VARCHAR({MAX_INDEXED_CHARS}) "
                     f"(InnoDB's index key limit) instead of up to {limit} characters.",
                source=Source(rule="mysql index length limit")))
            limit = MAX_INDEXED_CHARS
        column.logical = LogicalType(name="varchar", length=limit)
        column.max_length = limit
        column.type = type_sql("mysql", column.logical)
