from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import psycopg
import pymysql
import pytest

from schemawright.verify.engines import ScratchDatabase, scratch_database
from schemawright.verify.errors import EngineUnavailable, MigrationError

ODD = {
    "postgresql": """
CREATE TABLE "order" ("user" text NOT NULL DEFAULT 'a;b', "semi;colon" int, "quo""te" int);
CREATE INDEX CONCURRENTLY "ix;odd" ON "order" ("user");
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW."user" := NEW."user" || ';';  -- a semicolon inside the body
    RETURN NEW;
END;
$$;
CREATE TRIGGER "order;touch" BEFORE INSERT ON "order" FOR EACH ROW EXECUTE FUNCTION touch();
""",
    "mysql": """
CREATE TABLE `order` (`user` varchar(20) NOT NULL DEFAULT 'a;b', `semi;colon` int, `quo``te` int);
CREATE INDEX `ix;odd` ON `order` (`user`);
CREATE TRIGGER `order;touch` BEFORE INSERT ON `order` FOR EACH ROW SET NEW.`user` = CONCAT(NEW.`user`, ';');
""",
    "sqlite": """
CREATE TABLE "order" ("user" text NOT NULL DEFAULT 'a;b', "semi;colon" int, "quo""te" int);
CREATE INDEX "ix;odd" ON "order" ("user");
CREATE TRIGGER "order;touch" AFTER INSERT ON "order" BEGIN
    UPDATE "order" SET "user" = "user" || ';' WHERE rowid = NEW.rowid;
END;
""",
}
BROKEN = """CREATE TABLE fine (id int);

CREATE TABLE broken (id int,, name text);
CREATE TABLE never (id int);
"""


def _exercise_odd_identifiers(db: ScratchDatabase) -> None:
    db.execute_script(ODD[db.dialect])
    table = db.snapshot()["tables"]["order"]
    assert set(table["columns"]) == {"user", "semi;colon", 'quo"te' if db.dialect != "mysql" else "quo`te"}
    assert "ix;odd" in table["indexes"]
    assert "order;touch" in table["triggers"]
    stored = db.insert("order", {"user": "x"})
    rows = db.query(f'SELECT {db.quote("user")} AS u FROM {db.quote("order")}')
    assert rows == [{"u": "x;"}], stored


def _exercise_broken_statement(db: ScratchDatabase) -> None:
    with pytest.raises(MigrationError) as info:
        db.execute_script(BROKEN)
    assert info.value.line == 3
    assert info.value.statement_excerpt.startswith("CREATE TABLE broken")
    assert info.value.engine_message
    tables = db.snapshot()["tables"]
    assert "fine" in tables and "never" not in tables  # stops at the first error, like the CLI clients


def test_sqlite_scratch(tmp_path: Path) -> None:
    with scratch_database("sqlite") as db:
        assert db.target.startswith("SQLite 3.")
        path = Path(db.sqlalchemy_url.removeprefix("sqlite:///"))
        assert path.exists()
        assert db.query("PRAGMA foreign_keys") == [{"foreign_keys": 1}]
        _exercise_odd_identifiers(db)
        _exercise_broken_statement(db)
    assert not path.exists()


def test_postgres_server_scratch_is_dropped_even_on_error(postgres_url: str) -> None:
    with pytest.raises(RuntimeError), scratch_database("postgresql", postgres_url) as db:
        assert db.target.startswith("server ") and "@" not in db.target
        name = urlsplit(db.sqlalchemy_url).path.lstrip("/")
        _exercise_odd_identifiers(db)
        _exercise_broken_statement(db)
        raise RuntimeError("boom")
    with psycopg.connect(postgres_url) as conn:
        assert conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchall() == []


def test_postgres_error_line_points_inside_multiline_statement(postgres_url: str) -> None:
    with scratch_database("postgresql", postgres_url) as db, pytest.raises(MigrationError) as info:
        db.execute_script("SELECT 1;\nCREATE TABLE t (\n  id int,\n  ref int REFRENCES other (id)\n);")
    assert info.value.line == 4  # where the syntax error is, not where the statement starts
    assert "syntax error" in info.value.engine_message


def test_postgres_script_transaction_is_rolled_back_on_error(postgres_url: str) -> None:
    with scratch_database("postgresql", postgres_url) as db:
        with pytest.raises(MigrationError):
            db.execute_script("BEGIN;\nCREATE TABLE a (id int);\nSELECT 1/0;\nCOMMIT;")
        assert db.snapshot()["tables"] == {}
        db.execute_script("CREATE TABLE b (id int)")  # the connection is usable again
        assert list(db.snapshot()["tables"]) == ["b"]


@pytest.mark.slow
def test_embedded_postgres_scratch_cleans_up() -> None:
    with scratch_database("postgresql", embedded=True) as db:
        assert db.target.startswith("embedded PostgreSQL ")
        socket_dir = Path(parse_qs(urlsplit(db.sqlalchemy_url).query)["host"][0])
        assert socket_dir.exists()
        _exercise_odd_identifiers(db)
    assert not socket_dir.exists()


def test_mysql_scratch_is_dropped(mysql_url: str) -> None:
    with scratch_database("mysql", mysql_url) as db:
        assert db.target.startswith(("MariaDB ", "MySQL ")) and "@" not in db.target
        name = urlsplit(db.sqlalchemy_url).path.lstrip("/")
        _exercise_odd_identifiers(db)
        _exercise_broken_statement(db)
    parts = urlsplit(mysql_url)
    conn = pymysql.connect(host=parts.hostname, port=parts.port or 3306, user=parts.username or "root",
                           password=parts.password or "")
    with conn, conn.cursor() as cur:
        cur.execute("SHOW DATABASES LIKE %s", [name])
        assert cur.fetchall() == ()


def test_mysql_without_url_says_which_variable_to_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCHEMAWRIGHT_MYSQL_URL", raising=False)
    with pytest.raises(EngineUnavailable, match="SCHEMAWRIGHT_MYSQL_URL"), scratch_database("mysql"):
        pass


def test_unreachable_postgres_server_is_unavailable() -> None:
    match = r"cannot connect to PostgreSQL at postgresql://postgres@127\.0\.0\.1:1/test "
    with pytest.raises(EngineUnavailable, match=match), \
            scratch_database("postgresql", "postgresql://postgres@127.0.0.1:1/test"):
        pass
