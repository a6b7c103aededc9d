"""One ``Engine`` per engine: the server it runs on, how its driver binds values, and the catalog reads
the reflectors share."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest

from schemawright.emit.sql.dialects import dialect_for
from schemawright.engines import engine_for
from schemawright.engines.base import MYSQL_ENV, POSTGRES_ENV
from schemawright.engines.scratch import scratch_database


def test_registry() -> None:
    for name in ("postgresql", "mysql", "sqlite"):
        assert engine_for(name).name == name and engine_for(name).sql is dialect_for(name)
    with pytest.raises(ValueError, match="expected postgresql, mysql or sqlite"):
        engine_for("oracle")
    with pytest.raises(ValueError, match="unknown dialect 'oracle'"), scratch_database("oracle"):  # type: ignore[arg-type]
        pass


def test_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(POSTGRES_ENV, "postgresql://pg-env/db")
    monkeypatch.setenv(MYSQL_ENV, "mysql://my-env/db")
    pg, my, lite = (engine_for(n) for n in ("postgresql", "mysql", "sqlite"))
    assert pg.server() == ("postgresql://pg-env/db", False)
    assert pg.server(postgres_url="postgresql://given/db") == ("postgresql://given/db", False)
    given = "postgresql://given/db"
    assert pg.server("postgresql://url/db", postgres_url=given) == ("postgresql://url/db", False)
    assert pg.server("postgresql://url/db", embedded=True) == (None, True)
    assert my.server(postgres_url="postgresql://given/db") == ("mysql://my-env/db", False)
    assert my.server("mysql://url/db") == ("mysql://url/db", False)
    assert lite.server("anything", embedded=True) == (None, False)
    monkeypatch.delenv(POSTGRES_ENV)
    assert pg.server() == (None, True)  # nothing configured: the embedded server


def test_bind() -> None:
    pg, my, lite = (engine_for(n) for n in ("postgresql", "mysql", "sqlite"))
    moment = dt.datetime(2024, 1, 15, 12, 0)
    key = uuid.UUID(int=1)
    assert pg.bind(moment, "timestamptz").tzinfo is dt.timezone.utc and pg.bind(key, "uuid") is key
    assert my.bind(key, "char(36)") == str(key) and my.bind(key, "binary(16)") == key.bytes
    assert my.bind(dt.timedelta(hours=1), "bigint") == 3600 and my.bind(moment, "datetime(6)") is moment
    assert lite.bind(moment, "text") == "2024-01-15 12:00:00"
    assert lite.bind(dt.date(2024, 1, 15), "text") == "2024-01-15"
    assert lite.bind(dt.time(9, 30), "text") == "09:30" and lite.bind(True, "integer") == 1
    assert lite.bind(Decimal("1.5"), "text") == 1.5 and lite.bind(dt.timedelta(hours=1), "integer") == 3600


def test_sqlite_catalog_reads() -> None:
    with scratch_database("sqlite") as db:
        db.execute_script(
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, updated_at TEXT);\n"
            "CREATE TRIGGER trg_notes AFTER UPDATE ON notes BEGIN SELECT 1; END;\n"
        )
        engine = engine_for("sqlite")
        [trigger] = engine.triggers(db)
        assert (trigger["nsp"], trigger["name"], trigger["tbl"]) == (None, "trg_notes", "notes")
        assert engine.functions(db) == engine.user_types(db) == engine.relations(db) == []
        assert engine.policies(db) == [] and engine.all_catalog_types(db) == {}
