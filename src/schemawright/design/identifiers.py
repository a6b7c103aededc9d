"""Column names that exceed the engine's identifier limit, shortened everywhere they are used.

Table, index and constraint names are shortened as they are made; column names come straight from the
spec's attributes, so one pass at the end renames the long ones (deterministic prefix + hash, see
``emit.sql.dialects.shorten``) and rewrites every reference: keys, indexes, checks, partitions and the
foreign keys of other tables. PostgreSQL would otherwise truncate silently (two long names could
collide) and MySQL would reject the statement.
"""

from __future__ import annotations

import re

from schemawright.design.models import RelationalDesign, Table
from schemawright.emit.sql.dialects import IDENTIFIER_LIMIT, DialectName, quote, shorten


def fit_column_names(design: RelationalDesign) -> dict[tuple[str, str], str]:
    """Rename over-long columns in place; returns {(table, old): new}."""
    dialect: DialectName = design.dialect
    limit = IDENTIFIER_LIMIT[dialect]
    renamed: dict[tuple[str, str], str] = {}
    for table in design.new_tables():
        mapping = {c.name: shorten(c.name, dialect) for c in table.columns if len(c.name.encode()) > limit}
        if not mapping:
            continue
        _rename_in_table(table, mapping, dialect)
        for other in design.tables:
            for fk in other.foreign_keys:
                if fk.ref_table == table.name:
                    fk.ref_columns = [mapping.get(c, c) for c in fk.ref_columns]
        renamed.update({(table.name, old): new for old, new in mapping.items()})
    return renamed


def _rename_in_table(table: Table, mapping: dict[str, str], dialect: DialectName) -> None:
    def r(name: str) -> str:
        return mapping.get(name, name)

    # One pass over whole identifiers, longest first: replacing names one after another would rewrite a
    # long name inside another (``x…x`` of 150 characters inside one of 200) or inside a new name.
    quoted = {quote(dialect, old): quote(dialect, new) for old, new in mapping.items()}
    names = re.compile(
        r"(?<![\w$])(" + "|".join(re.escape(q) for q in sorted(quoted, key=len, reverse=True)) + r")(?![\w$])"
    )

    def sql(text: str) -> str:
        return names.sub(lambda m: quoted[m.group(1)], text)

    for column in table.columns:
        column.name = r(column.name)
    table.primary_key = [r(c) for c in table.primary_key]
    for unique in table.unique:
        unique.columns = [r(c) for c in unique.columns]
    for fk in table.foreign_keys:
        fk.columns = [r(c) for c in fk.columns]
    for ix in table.indexes:
        ix.columns = [r(c) for c in ix.columns]
        ix.descending = [r(c) for c in ix.descending]
        ix.expressions = {r(k): v for k, v in ix.expressions.items()}
        ix.where = sql(ix.where) if ix.where else ix.where
    for check in table.checks:
        check.column, check.other = r(check.column), r(check.other)
        check.expression = sql(check.expression)
    if table.partition is not None:
        table.partition.column = r(table.partition.column)
