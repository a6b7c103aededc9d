"""PostgreSQL: a server (``$SCHEMAWRIGHT_POSTGRES_URL``) or the embedded one, every non-system schema,
``pg_catalog`` for type names, routines, triggers and partitions."""

from __future__ import annotations

import datetime as dt
import os
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, ClassVar

from schemawright.emit.sql.dialects import DialectName
from schemawright.engines.base import POSTGRES_ENV, Engine, Row

if TYPE_CHECKING:
    import sqlalchemy as sa

    from schemawright.engines.scratch import ScratchDatabase

# PostgreSQL's own schemas; everything else (public, billing, an extension's schema) is the application's
SYSTEM_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'"


class PostgreSQLEngine(Engine):
    name: ClassVar[DialectName] = "postgresql"

    def server(
        self, url: str | None = None, embedded: bool = False, *, postgres_url: str | None = None
    ) -> tuple[str | None, bool]:
        """The configured server, else the embedded one (always with ``embedded``)."""
        if embedded:
            return None, True
        if url is None:
            url = postgres_url or os.environ.get(POSTGRES_ENV)
        return url, not url

    def scratch(self, url: str | None, embedded: bool) -> AbstractContextManager[ScratchDatabase]:
        """A scratch database on ``url`` or ``$SCHEMAWRIGHT_POSTGRES_URL``, else (or with ``embedded``)
        on an embedded server."""
        from schemawright.engines import scratch

        server = None if embedded else (url or os.environ.get(POSTGRES_ENV))
        return scratch._postgres_or_embedded(server) if server else scratch._embedded_postgres()

    def bind(self, value: Any, rendered: str) -> Any:
        """psycopg binds everything natively; a naive timestamp is taken as UTC."""
        if isinstance(value, dt.datetime):
            return value.replace(tzinfo=dt.timezone.utc)
        return value

    def schemas(self, inspector: sa.Inspector) -> list[str | None]:
        """The default schema (None), then every other non-system one, sorted."""
        default = inspector.default_schema_name
        others = sorted(
            s
            for s in inspector.get_schema_names()
            if s != default and s != "information_schema" and not s.startswith("pg_")
        )
        return [None, *others]

    def all_catalog_types(self, db: ScratchDatabase) -> dict[tuple[str, str, str], str]:
        rows = db.query(
            "SELECT n.nspname AS nsp, n.nspname = current_schema() AS here, c.relname AS tbl, "
            "a.attname AS col, format_type(a.atttypid, a.atttypmod) AS type "
            "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            f"WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND {SYSTEM_SCHEMAS}"
        )
        names: dict[tuple[str, str, str], str] = {}
        for r in rows:
            names[(str(r["nsp"]), str(r["tbl"]), str(r["col"]))] = str(r["type"])
            if r["here"]:
                names[("", str(r["tbl"]), str(r["col"]))] = str(r["type"])
        return names

    def relations(self, db: ScratchDatabase) -> list[Row]:
        return db.query(
            "SELECT NULLIF(n.nspname, current_schema()) AS nsp, c.relname AS name, "
            "c.relkind = 'p' AS partitioned, c.relrowsecurity AS row_security, "
            "NULLIF(pn.nspname, current_schema()) AS parent_nsp, p.relname AS parent "
            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "LEFT JOIN pg_inherits i ON i.inhrelid = c.oid AND c.relispartition "
            "LEFT JOIN pg_class p ON p.oid = i.inhparent "
            "LEFT JOIN pg_namespace pn ON pn.oid = p.relnamespace "
            f"WHERE {SYSTEM_SCHEMAS} AND c.relkind IN ('r', 'p') "
            "ORDER BY CASE WHEN n.nspname = current_schema() THEN c.relname "
            "ELSE n.nspname || '.' || c.relname END"
        )

    def inherited(self, db: ScratchDatabase) -> list[Row] | None:
        return db.query(
            "SELECT NULLIF(n.nspname, current_schema()) AS nsp, c.relname AS name "
            "FROM pg_inherits i JOIN pg_class c ON c.oid IN (i.inhrelid, i.inhparent) "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'f')"
        )

    def functions(self, db: ScratchDatabase) -> list[Row]:
        return db.query(
            "SELECT NULLIF(n.nspname, current_schema()) AS nsp, p.proname AS name, "
            "CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' WHEN 'w' THEN 'window' "
            "ELSE 'function' END AS kind, pg_get_function_identity_arguments(p.oid) AS arguments, "
            "COALESCE(pg_get_function_result(p.oid), '') AS returns "
            "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            f"WHERE {SYSTEM_SCHEMAS} "
            "ORDER BY n.nspname <> current_schema(), n.nspname, p.proname, 4"
        )

    def triggers(self, db: ScratchDatabase) -> list[Row]:
        return db.query(
            "SELECT NULLIF(n.nspname, current_schema()) AS nsp, t.tgname AS name, c.relname AS tbl, "
            "p.proname AS func FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_proc p ON p.oid = t.tgfoid "
            f"WHERE {SYSTEM_SCHEMAS} AND NOT t.tgisinternal "
            "ORDER BY n.nspname <> current_schema(), n.nspname, c.relname, t.tgname"
        )

    def user_types(self, db: ScratchDatabase) -> list[Row]:
        return db.query(
            "SELECT NULLIF(n.nspname, current_schema()) AS nsp, t.typname AS name, "
            "CASE t.typtype WHEN 'e' THEN 'enum' ELSE 'domain' END AS kind, "
            "ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid "
            "ORDER BY e.enumsortorder) AS labels, "
            "CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) ELSE '' END AS base "
            "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
            f"WHERE {SYSTEM_SCHEMAS} AND t.typtype IN ('e', 'd') "
            "ORDER BY n.nspname <> current_schema(), n.nspname, t.typname"
        )

    def policies(self, db: ScratchDatabase) -> list[Row]:
        return db.query(
            "SELECT NULLIF(schemaname::text, current_schema()) AS nsp, tablename::text AS tbl, "
            "policyname::text AS name, cmd AS command, permissive = 'PERMISSIVE' AS permissive, "
            "roles::text[] AS roles, qual AS using, with_check FROM pg_policies "
            "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') "
            "AND schemaname NOT LIKE 'pg\\_%' "
            "ORDER BY schemaname <> current_schema(), schemaname, tablename, policyname"
        )
