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
