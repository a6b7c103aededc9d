"""Running SQL on real engines: scratch databases on a server or embedded (``scratch.py``), the statement
splitter each engine's client implies (``splitter.py``), and one :class:`Engine` per engine
(``postgresql.py``, ``mysql.py``, ``sqlite.py`` over ``base.py``) for what differs when talking to a live
one: which server URL it reads, how its catalog is queried, how its driver binds values.

The SQL *text* an engine accepts is :mod:`schemawright.emit.sql`'s business (``Engine.sql`` is that
dialect); this package is the one place besides it where code may branch on the engine."""

from __future__ import annotations

from schemawright.engines.base import Engine
from schemawright.engines.mysql import MySQLEngine
from schemawright.engines.postgresql import PostgreSQLEngine
from schemawright.engines.sqlite import SQLiteEngine

__all__ = ["Engine", "engine_for"]

_ENGINES: dict[str, Engine] = {e.name: e for e in (PostgreSQLEngine(), MySQLEngine(), SQLiteEngine())}


def engine_for(name: str) -> Engine:
    """The engine called ``name`` (``postgresql``, ``mysql`` or ``sqlite``)."""
    found = _ENGINES.get(name)
    if found is None:
        raise ValueError(f"unknown dialect {name!r}; expected postgresql, mysql or sqlite")
    return found
