"""SQLite: a temp file, no server; ``sqlite_master`` for triggers; the driver binds text, numbers and
integers only."""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from schemawright.emit.sql.dialects import DialectName
from schemawright.engines.base import Engine, Row

if TYPE_CHECKING:
    from schemawright.engines.scratch import ScratchDatabase


class SQLiteEngine(Engine):
    name: ClassVar[DialectName] = "sqlite"
    has_server = False

    def scratch(self, url: str | None, embedded: bool) -> AbstractContextManager[ScratchDatabase]:
        """A scratch database in a temp file."""
        from schemawright.engines import scratch

        return scratch._sqlite()

    def bind(self, value: Any, rendered: str) -> Any:
        """Dates and times as ISO text, decimals as floats, booleans as 0/1."""
        value = super().bind(value, rendered)
        if isinstance(value, dt.date):
            return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
        if isinstance(value, dt.time):
            return value.strftime("%H:%M")
        if isinstance(value, Decimal):
            return float(value)
        if isinstance(value, bool):
            return int(value)
        return value

    def triggers(self, db: ScratchDatabase) -> list[Row]:
        return db.query(
            "SELECT NULL AS nsp, name, tbl_name AS tbl, '' AS func FROM sqlite_master "
            "WHERE type = 'trigger' ORDER BY tbl_name, name"
        )
