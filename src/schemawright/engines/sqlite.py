"""SQLite: a temp file, no server; ``sqlite_master`` for triggers; ``PRAGMA foreign_key_list`` and the
tables' own SQL for foreign keys; the driver binds text, numbers and integers only."""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from sqlglot import exp, parse_one
from sqlglot.errors import SqlglotError

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

    def foreign_keys(self, db: ScratchDatabase) -> list[Row]:
        """Every table's keys from ``PRAGMA foreign_key_list`` (columns, actions), each named by its
        ``CONSTRAINT name`` where a column's own ``REFERENCES`` gives one (SQLite keeps no key names but
        in the table's SQL). A key of a table-level ``CONSTRAINT … FOREIGN KEY`` is left unnamed here: the
        inspector reads those whole."""
        out: list[Row] = []
        tables = db.query(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
            "ESCAPE '\\' ORDER BY name"
        )
        for table in tables:
            names = _column_key_names(str(table["sql"] or ""))
            keys: dict[int, Row] = {}
            for r in db.query("SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq", [table["name"]]):
                key = keys.setdefault(
                    r["id"],
                    {
                        "nsp": None,
                        "tbl": table["name"],
                        "columns": [],
                        "ref_table": r["table"],
                        "name": None,
                        "on_delete": _action(r["on_delete"]),
                        "on_update": _action(r["on_update"]),
                    },
                )
                key["columns"].append(r["from"])
            for key in keys.values():
                if len(key["columns"]) == 1:
                    key["name"] = names.get((key["columns"][0].lower(), key["ref_table"].lower()))
                out.append(key)
        return out


def _action(value: object) -> str | None:
    """A PRAGMA action as the catalog keeps it: upper case, None for the default NO ACTION."""
    text = str(value or "").upper()
    return None if text in ("", "NO ACTION") else text


def _column_key_names(sql: str) -> dict[tuple[str, str], str]:
    """(column, referenced table), both lower case -> the name of that column's own foreign key
    (``team_id INTEGER CONSTRAINT fk_users_teams REFERENCES teams (id)``), from a table's SQL; empty when
    the SQL does not parse."""
    try:
        tree = parse_one(sql, dialect="sqlite")
    except SqlglotError:
        return {}
    out: dict[tuple[str, str], str] = {}
    for column in tree.find_all(exp.ColumnDef):
        for constraint in column.args.get("constraints") or []:
            ref = constraint.args.get("kind")
            if not isinstance(ref, exp.Reference) or not constraint.name:
                continue
            target = ref.this.this if isinstance(ref.this, exp.Schema) else ref.this
            if isinstance(target, exp.Table):
                out[(column.name.lower(), target.name.lower())] = constraint.name
    return out
