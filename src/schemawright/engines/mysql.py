"""MySQL 8 / MariaDB 10.11: the server in ``$SCHEMAWRIGHT_MYSQL_URL``; ``information_schema`` of the
scratch database for routines and triggers."""

from __future__ import annotations

import os
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, ClassVar

from schemawright.emit.sql.dialects import DialectName
from schemawright.engines.base import MYSQL_ENV, Engine, Row

if TYPE_CHECKING:
    from schemawright.engines.scratch import ScratchDatabase


class MySQLEngine(Engine):
    name: ClassVar[DialectName] = "mysql"

    def server(
        self, url: str | None = None, embedded: bool = False, *, postgres_url: str | None = None
    ) -> tuple[str | None, bool]:
        """The configured server (there is no embedded MySQL)."""
        return (url if url is not None else os.environ.get(MYSQL_ENV)), embedded

    def scratch(self, url: str | None, embedded: bool) -> AbstractContextManager[ScratchDatabase]:
        """A scratch database on ``url`` or ``$SCHEMAWRIGHT_MYSQL_URL``; without either, what to do."""
        from schemawright.engines import scratch
        from schemawright.verify.errors import EngineUnavailable

        server = url or os.environ.get(MYSQL_ENV)
        if not server:
            raise EngineUnavailable(
                f"no MySQL/MariaDB server configured; set {MYSQL_ENV}=mysql://user:password@host:3306/db "
                "(or pass url=) to verify MySQL migrations, or pass --no-verify to skip"
            )
        return scratch._mysql(server)

    def collations(self, db: ScratchDatabase) -> list[Row]:
        # InnoDB refuses a foreign key between text columns of different collations (errno 150)
        return db.query(
            "SELECT NULL AS nsp, c.TABLE_NAME AS tbl, c.COLUMN_NAME AS col, c.COLLATION_NAME AS collation "
            "FROM information_schema.COLUMNS c JOIN information_schema.SCHEMATA s "
            "ON s.SCHEMA_NAME = c.TABLE_SCHEMA WHERE c.TABLE_SCHEMA = DATABASE() "
            "AND c.COLLATION_NAME IS NOT NULL AND c.COLLATION_NAME <> s.DEFAULT_COLLATION_NAME "
            "ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION"
        )

    def functions(self, db: ScratchDatabase) -> list[Row]:
        return db.query(
            "SELECT NULL AS nsp, ROUTINE_NAME AS name, LOWER(ROUTINE_TYPE) AS kind, '' AS arguments, "
            "COALESCE(DTD_IDENTIFIER, '') AS returns FROM information_schema.ROUTINES "
            "WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY ROUTINE_NAME"
        )

    def triggers(self, db: ScratchDatabase) -> list[Row]:
        return db.query(
            "SELECT NULL AS nsp, TRIGGER_NAME AS name, EVENT_OBJECT_TABLE AS tbl, '' AS func "
            "FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() "
            "ORDER BY EVENT_OBJECT_TABLE, TRIGGER_NAME"
        )
