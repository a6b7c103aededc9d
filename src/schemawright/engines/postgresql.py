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

    def catalog_types(self, db: ScratchDatabase, schema: str | None) -> dict[tuple[str, str], str]:
        rows = db.query(
            "SELECT c.relname AS tbl, a.attname AS col, format_type(a.atttypid, a.atttypmod) AS type "
            "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE a.attnum > 0 AND NOT a.attisdropped AND n.nspname = COALESCE(%s, current_schema())",
            [schema],
        )
        return {(str(r["tbl"]), str(r["col"])): str(r["type"]) for r in rows}

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

    def current_functions(self, db: ScratchDatabase) -> list[str]:
        rows = db.query("""SELECT p.proname AS name
                           FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                           WHERE n.nspname = current_schema() ORDER BY 1""")
        return [str(r["name"]) for r in rows]

    def partition_children(self, db: ScratchDatabase) -> dict[str, list[str]]:
        rows = db.query("""SELECT CASE WHEN pn.nspname = current_schema() THEN p.relname
                                       ELSE pn.nspname || '.' || p.relname END AS parent,
                                  CASE WHEN cn.nspname = current_schema() THEN c.relname
                                       ELSE cn.nspname || '.' || c.relname END AS child
                           FROM pg_class p JOIN pg_namespace pn ON pn.oid = p.relnamespace
                           LEFT JOIN pg_inherits i ON i.inhparent = p.oid
                           LEFT JOIN pg_class c ON c.oid = i.inhrelid AND c.relispartition
                           LEFT JOIN pg_namespace cn ON cn.oid = c.relnamespace
                           WHERE p.relkind = 'p' AND pn.nspname NOT IN ('pg_catalog', 'information_schema')
                           AND pn.nspname NOT LIKE 'pg\\_%'
                           ORDER BY 1, 2""")
        out: dict[str, list[str]] = {}
        for r in rows:
            children = out.setdefault(str(r["parent"]), [])
            if r["child"] is not None:
                children.append(str(r["child"]))
        return out

    def partition_rows(self, db: ScratchDatabase) -> list[Row]:
        return db.query(
            "SELECT c.relname AS name, c.relkind = 'p' AS partitioned, p.relname AS parent "
            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "LEFT JOIN pg_inherits i ON i.inhrelid = c.oid AND c.relispartition "
            "LEFT JOIN pg_class p ON p.oid = i.inhparent "
            f"WHERE {SYSTEM_SCHEMAS} AND c.relkind IN ('r', 'p')"
        )

    def trigger_tables(self, db: ScratchDatabase) -> set[str]:
        rows = db.query("""SELECT CASE WHEN n.nspname = current_schema() THEN c.relname
                                       ELSE n.nspname || '.' || c.relname END AS name
                           FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                           JOIN pg_namespace n ON n.oid = c.relnamespace
                           WHERE NOT t.tgisinternal AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                           AND n.nspname NOT LIKE 'pg\\_%'""")
        return {str(r["name"]) for r in rows}

    def objects(self, db: ScratchDatabase) -> tuple[list[Row], list[Row], list[Row]]:
        functions = db.query(
            "SELECT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            f"WHERE {SYSTEM_SCHEMAS}"
        )
        triggers = db.query(
            "SELECT t.tgname AS name, c.relname AS tbl FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid "
            f"JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {SYSTEM_SCHEMAS} "
            "AND NOT t.tgisinternal"
        )
        types = db.query(
            "SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
            f"WHERE {SYSTEM_SCHEMAS} AND t.typtype IN ('e', 'd')"
        )
        return functions, triggers, types
