"""What differs between engines when talking to a live one, as one class per engine over this base: which
server it runs on, how its driver wants values bound, and the catalog queries reflection needs beyond
SQLAlchemy's inspector. The defaults are an engine without schemas, routines' catalog or partitions."""

from __future__ import annotations

import datetime as dt
import uuid
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, ClassVar

from schemawright.emit.sql.dialects import DialectName, SqlDialect, dialect_for

if TYPE_CHECKING:
    import sqlalchemy as sa

    from schemawright.engines.scratch import ScratchDatabase

POSTGRES_ENV = "SCHEMAWRIGHT_POSTGRES_URL"
MYSQL_ENV = "SCHEMAWRIGHT_MYSQL_URL"

Row = dict[str, Any]


class Engine:
    """One engine as verification, replay and reflection see it; get it from ``engine_for``."""

    name: ClassVar[DialectName]
    has_server: ClassVar[bool] = True  # False: a file the tool opens itself (SQLite)

    @property
    def sql(self) -> SqlDialect:
        """The engine's SQL dialect (type tables, feature flags, quoting)."""
        return dialect_for(self.name)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"

    # -- where it runs ---------------------------------------------------------------------------------
    def server(
        self, url: str | None = None, embedded: bool = False, *, postgres_url: str | None = None
    ) -> tuple[str | None, bool]:
        """(url, embedded) of the server that replays and verifies this engine's migrations: ``url`` if
        given, else the engine's own configuration (``postgres_url`` is ``design``'s PostgreSQL server, so
        only PostgreSQL reads it); an engine without a server (SQLite) has neither."""
        return None, False

    def scratch(self, url: str | None, embedded: bool) -> AbstractContextManager[ScratchDatabase]:
        """A fresh database of this engine (see :func:`schemawright.engines.scratch.scratch_database`)."""
        raise NotImplementedError

    # -- binding values --------------------------------------------------------------------------------
    def bind(self, value: Any, rendered: str) -> Any:
        """A Python value as this engine's driver binds it correctly for a column rendered as
        ``rendered`` (lower case). The base is MySQL's: UUIDs and intervals as the column stores them."""
        if isinstance(value, uuid.UUID):
            return value.bytes if "binary" in rendered or "blob" in rendered else str(value)
        if isinstance(value, dt.timedelta):
            return int(value.total_seconds()) if "int" in rendered else "01:00:00"
        return value

    # -- catalog reads (beyond SQLAlchemy's inspector) -----------------------------------------------
    def schemas(self, inspector: sa.Inspector) -> list[str | None]:
        """The schemas holding the project's tables: the default one (None) first. A MySQL server's other
        databases are not this project's, and SQLite has one."""
        return [None]

    def all_catalog_types(self, db: ScratchDatabase) -> dict[tuple[str, str, str], str]:
        """(schema, table, column) -> the engine's own name for the column's type, in every application
        schema; the current schema's columns also under schema "" (for types SQLAlchemy does not know)."""
        return {}

    # Rows for the catalog (``schemawright.catalog.reflect``); ``nsp`` is a schema's name, or None for
    # the current (default) schema.
    def relations(self, db: ScratchDatabase) -> list[Row]:
        """One row per table, in the order of the tables' qualified names: ``nsp``, ``name``,
        ``partitioned`` (a partitioned parent), ``parent_nsp`` and ``parent`` (the table it is a partition
        of, or None) and ``row_security`` (row-level security enabled)."""
        return []

    def inherited(self, db: ScratchDatabase) -> list[Row] | None:
        """The tables in an inheritance or partition tree, at either end (``nsp``, ``name``): a change to a
        parent can change its children. None where the engine cannot tell (then a reader of the catalog
        cannot keep any table from an earlier reading)."""
        return None

    def foreign_keys(self, db: ScratchDatabase) -> list[Row]:
        """Foreign keys as the engine itself reports them, for what SQLAlchemy's inspector leaves out (its
        SQLite reader keeps the name and actions of table-level keys only): one row per key, ``nsp``,
        ``tbl``, ``columns`` (in key order), ``ref_table``, ``name`` (None: unnamed), ``on_delete`` and
        ``on_update`` (None: NO ACTION). Empty where the inspector reads keys whole."""
        return []

    def collations(self, db: ScratchDatabase) -> list[Row]:
        """Text columns whose collation is not the database's default (a migration named it): one row per
        column, ``nsp``, ``tbl``, ``col``, ``collation``. Empty where the engine compares keys without one."""
        return []

    def functions(self, db: ScratchDatabase) -> list[Row]:
        """One row per routine (each overload): ``nsp``, ``name``, ``kind`` (function, procedure,
        aggregate, window), ``arguments``, ``returns``; the current schema's first, by name."""
        return []

    def triggers(self, db: ScratchDatabase) -> list[Row]:
        """One row per user-defined trigger: ``nsp`` (its table's), ``name``, ``tbl``, ``func``."""
        return []

    def user_types(self, db: ScratchDatabase) -> list[Row]:
        """One row per enum or domain type: ``nsp``, ``name``, ``kind`` (enum, domain), ``labels`` (an
        enum's, in order), ``base`` (a domain's type)."""
        return []

    def policies(self, db: ScratchDatabase) -> list[Row]:
        """One row per row-level security policy: ``nsp``, ``tbl``, ``name``, ``command``, ``permissive``,
        ``roles``, ``using``, ``with_check``."""
        return []
