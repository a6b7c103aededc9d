"""The designer's view of a replayed project: the one catalog (:mod:`schemawright.catalog`) as design
models, so existing tables can be referenced by the designer exactly like tables it designed itself.

It is a filter over the catalog, not a reader of its own: every table of every non-system schema, a
table outside the default schema named ``schema.table`` (``billing.invoices``) so it is known to exist and
never mistaken for a default-schema table of the same name; the default schema's functions; the tables
with a trigger and the partitions, named the same way. A column of a type SQLAlchemy does not know
(``xid8``, an extension's type) keeps the catalog's name for it as its ``type`` (its logical type is text,
the nearest neutral one)."""

from __future__ import annotations

from schemawright.catalog import models as cat
from schemawright.catalog.design import design_table
from schemawright.catalog.reflect import logical_type, reflect
from schemawright.design.models import Table
from schemawright.engines.scratch import ScratchDatabase

__all__ = [
    "design_tables",
    "functions",
    "logical_type",
    "partitions",
    "reflect_functions",
    "reflect_partitions",
    "reflect_tables",
    "trigger_tables",
    "triggered_tables",
]


def design_tables(catalog: cat.Catalog) -> list[Table]:
    """Every application table as an ``existing`` design table: the default schema's first, then each
    other schema's (sorted), each schema's tables by name."""
    tables: list[Table] = []
    for schema in [None, *catalog.schemas]:
        for table in sorted(catalog.in_schema(schema), key=lambda t: t.name):
            tables.append(design_table(catalog.dialect, table))
    return tables


def functions(catalog: cat.Catalog) -> list[str]:
    """The default schema's user-defined functions by name (so shared ones like ``set_updated_at`` are
    not recreated)."""
    return [f.name for f in catalog.functions if f.schema_name is None]


def partitions(catalog: cat.Catalog) -> dict[str, list[str]]:
    """PostgreSQL declarative partitioning: every partitioned table -> its direct partitions (named like
    :func:`design_tables` names tables). An index on such a table cannot be built ``CONCURRENTLY``; it is
    built on each partition."""
    parents = sorted((t for t in catalog.tables if t.partitioned), key=lambda t: t.qualified)
    return {t.qualified: [p.qualified for p in t.partitions] for t in parents}


def triggered_tables(catalog: cat.Catalog) -> set[str]:
    """Tables with a user-defined trigger (the project's way of keeping ``updated_at`` current)."""
    return {t.table_qualified for t in catalog.triggers}


def reflect_tables(db: ScratchDatabase) -> list[Table]:
    """:func:`design_tables` of ``db``'s catalog."""
    return design_tables(reflect(db))


def reflect_functions(db: ScratchDatabase) -> list[str]:
    """:func:`functions` of ``db``'s catalog."""
    return functions(reflect(db))


def reflect_partitions(db: ScratchDatabase) -> dict[str, list[str]]:
    """:func:`partitions` of ``db``'s catalog."""
    return partitions(reflect(db))


def trigger_tables(db: ScratchDatabase) -> set[str]:
    """:func:`triggered_tables` of ``db``'s catalog."""
    return triggered_tables(reflect(db))
