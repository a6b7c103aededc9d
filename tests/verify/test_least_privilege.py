"""The second line of defence: migrations run as a role that owns only the scratch database, so what the
static check (``verify/outside.py``, SW504) does not recognise is refused by the engine itself.

Every attack here gets past the static check — dynamic SQL (``DO $$ … EXECUTE 'CO' || 'PY …'``), a MariaDB
prepared statement built with CONCAT, or the runner called directly for statements that cannot be hidden
(``ALTER SYSTEM`` and ``DROP DATABASE`` refuse to run inside a function) — and is then refused for lack of
privilege on the real engines: no file is written, no role or user created, no setting changed, no other
database dropped. The refusals of the static check itself are in ``test_outside.py``."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import psycopg
import pymysql
import pytest
from psycopg.conninfo import make_conninfo
from typer.testing import CliRunner

from schemawright.cli import app
from schemawright.review.engine import review_project
from schemawright.review.replay import EngineChoice
from schemawright.verify.engines import ScratchDatabase, scratch_database
from schemawright.verify.errors import MigrationError
from schemawright.verify.least_privilege import mysql_grant_target
from schemawright.verify.outside import reaches_outside
from schemawright.verify.server_url import mysql_server
from tests.corpus_paths import EXAMPLES

PG_DENIED = "[SQLSTATE 42501]"  # insufficient_privilege


def _marker() -> Path:
    return Path(f"/tmp/sw_privilege_{uuid.uuid4().hex[:8]}")


def _scratch_name(db: ScratchDatabase) -> str:
    return urlsplit(db.sqlalchemy_url).path.lstrip("/")


def _refused(db: ScratchDatabase, script: str) -> MigrationError:
    """Run ``script`` the way replay and verification do; the static check must let it through, so the
    engine is what refuses it."""
    assert reaches_outside(script, db.dialect) is None, "the static check caught it: not a bypass"
    with pytest.raises(MigrationError) as info:
        db.execute_script(script)
    return info.value


def _refused_by_runner(db: ScratchDatabase, statement: str) -> MigrationError:
    """A statement that cannot be disguised, sent past the static check (which refuses it) straight to
    the scratch connection."""
    assert reaches_outside(statement, db.dialect) is not None
    with pytest.raises(MigrationError) as info:
        db.execute(statement)
    return info.value


# -- PostgreSQL -------------------------------------------------------------------------------


def _pg_roles(url: str, pattern: str) -> set[str]:
    with psycopg.connect(url, autocommit=True) as conn:
        return {r[0] for r in conn.execute("SELECT rolname FROM pg_roles WHERE rolname LIKE %s", [pattern])}


def test_postgres_role_owns_only_the_scratch_database(postgres_url: str) -> None:
    with scratch_database("postgresql", postgres_url) as db:
        name = _scratch_name(db)
        [me] = db.query("SELECT current_user AS u, session_user AS s, current_database() AS d")
        assert me == {"u": name, "s": name, "d": name}
        assert urlsplit(db.sqlalchemy_url).username == name  # reflection, Alembic, Django, Knex too
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            [role] = admin.execute(
                "SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls, rolcanlogin, "
                "(SELECT count(*) FROM pg_auth_members m WHERE m.member = r.oid) AS memberships, "
                "(SELECT datdba = r.oid FROM pg_database WHERE datname = r.rolname) AS owns "
                "FROM pg_roles r WHERE rolname = %s",
                [name],
            ).fetchall()
            assert role == (False, False, False, False, False, True, 0, True)
            for powerful in ("pg_execute_server_program", "pg_read_server_files", "pg_write_server_files"):
                query = "SELECT pg_has_role(%s, %s, 'USAGE')"
                [(member,)] = admin.execute(query, [name, powerful]).fetchall()
                assert member is False, powerful
            # The password goes to the server pre-hashed; what it stored accepts the password the URL carries.
            query = "SELECT rolpassword FROM pg_authid WHERE rolname = %s"
            [(stored,)] = admin.execute(query, [name]).fetchall()
            assert _verifier_accepts(str(stored), unquote(urlsplit(db.sqlalchemy_url).password or ""), name)
    assert name not in _pg_roles(postgres_url, "sw\\_scratch\\_%")


def _verifier_accepts(stored: str, password: str, user: str) -> bool:
    """Whether PostgreSQL's stored password (SCRAM-SHA-256 or md5) is that of ``password``."""
    if stored.startswith("md5"):
        return stored == "md5" + hashlib.md5((password + user).encode()).hexdigest()
    iterations_salt, keys = stored.removeprefix("SCRAM-SHA-256$").split("$")
    iterations, salt = iterations_salt.split(":")
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(salt), int(iterations))
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    return base64.b64encode(hashlib.sha256(client_key).digest()).decode() == keys.split(":")[0]


@pytest.mark.parametrize(
    ("attack", "script"),
    [
        (
            "copy to program",
            "DO $$ BEGIN EXECUTE 'CO' || 'PY (SELECT 1) TO PRO' || 'GRAM ''touch {marker}'''; END $$",
        ),
        ("copy to a file", "DO $$ BEGIN EXECUTE 'CO' || 'PY (SELECT 1) TO ''{marker}'''; END $$"),
        ("read a server file", "DO $$ BEGIN PERFORM pg_catalog.\"pg_read_file\"('/etc/hostname'); END $$"),
        ("untrusted extension", "DO $$ BEGIN EXECUTE 'CREATE EXT' || 'ENSION dblink'; END $$"),
        (
            "grant server programs",
            "DO $$ BEGIN EXECUTE 'GR' || 'ANT pg_execute_server_program TO ' || current_user; END $$",
        ),
    ],
)
def test_postgres_role_refuses_disguised_server_access(postgres_url: str, attack: str, script: str) -> None:
    marker = _marker()
    with scratch_database("postgresql", postgres_url) as db:
        refused = _refused(db, script.format(marker=marker))
        assert PG_DENIED in refused.engine_message, (attack, refused.engine_message)
    assert not marker.exists()


def test_postgres_role_cannot_create_a_superuser(postgres_url: str) -> None:
    evil = f"sw_evil_{uuid.uuid4().hex[:8]}"
    script = f"DO $$ BEGIN EXECUTE 'CREATE ' || 'ROLE {evil} SUPERUSER LOGIN'; END $$"
    with scratch_database("postgresql", postgres_url) as db:
        assert PG_DENIED in _refused(db, script).engine_message
    assert _pg_roles(postgres_url, evil) == set()


def test_postgres_role_cannot_alter_the_system(postgres_url: str) -> None:
    def file_settings() -> list[tuple[str, str]]:
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            return [(str(r[0]), str(r[1])) for r in admin.execute(
                "SELECT name, setting FROM pg_file_settings WHERE sourcefile LIKE '%%postgresql.auto.conf'"
            )]

    before = file_settings()
    with scratch_database("postgresql", postgres_url) as db:
        # Inside a DO block ALTER SYSTEM fails for another reason ("cannot be executed from a function").
        refused = _refused_by_runner(db, "ALTER SYSTEM SET work_mem = '123MB'")
        assert PG_DENIED in refused.engine_message and "work_mem" in refused.engine_message
    assert file_settings() == before


def test_postgres_role_cannot_drop_another_database(postgres_url: str) -> None:
    victim = f"sw_victim_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{victim}"'.encode())
        try:
            with scratch_database("postgresql", postgres_url) as db:
                refused = _refused_by_runner(db, f'DROP DATABASE "{victim}"')
                assert "must be owner of database" in refused.engine_message
            assert admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [victim]).fetchall()
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{victim}"'.encode())


def test_review_replays_a_hostile_folder_as_the_role(tmp_path: Path, postgres_url: str) -> None:
    marker = _marker()
    folder = tmp_path / "backend" / "migrations"
    folder.mkdir(parents=True)
    (folder / "001_init.up.sql").write_text(
        "CREATE TABLE notes (id BIGINT PRIMARY KEY);\n"
        f"DO $$ BEGIN EXECUTE 'CO' || 'PY notes TO PRO' || 'GRAM ''touch {marker}'''; END $$;\n"
    )
    (folder / "001_init.down.sql").write_text("DROP TABLE notes;\n")
    report = review_project(tmp_path, engine=EngineChoice(url=postgres_url))
    [rejected] = [f for f in report.findings if f.code == "SW617"]
    assert PG_DENIED in rejected.message and rejected.location.line == 2
    assert "SW504" not in report.codes()  # the static check did not see it; the role refused it
    assert not marker.exists()


def test_design_stops_on_a_hostile_existing_migration_the_role_refused(
    tmp_path: Path, postgres_url: str
) -> None:
    marker = _marker()
    folder = tmp_path / "backend" / "migrations"
    folder.mkdir(parents=True)
    (folder / "001_x.up.sql").write_text(
        "CREATE TABLE x (id INT);\n"
        f"DO $$ BEGIN EXECUTE 'CO' || 'PY x TO PRO' || 'GRAM ''touch {marker}'''; END $$;\n"
    )
    (folder / "001_x.down.sql").write_text("DROP TABLE x;\n")
    result = CliRunner().invoke(
        app,
        ["design", str(EXAMPLES / "001_login.md"), "--root", str(tmp_path), "--db", "postgresql"],
        env={"SCHEMAWRIGHT_POSTGRES_URL": postgres_url},
    )
    assert result.exit_code == 1, result.output
    assert "001_x.up.sql: line 2" in result.stderr and "42501" in result.stderr
    assert not marker.exists() and not (tmp_path / "ai").exists()


@contextlib.contextmanager
def _pg_login(postgres_url: str, attributes: str) -> Iterator[tuple[str, str]]:
    """A login role of the server with ``attributes``, to be the configured user; its URL and password."""
    user, password = f"sw_test_{uuid.uuid4().hex[:8]}", f"Pw-{uuid.uuid4().hex}"
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {user} LOGIN {attributes} PASSWORD '{password}'".encode())
        try:
            yield make_conninfo(postgres_url, user=user, password=password, dbname="postgres"), password
        finally:
            for (name,) in admin.execute(
                "SELECT datname FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba WHERE r.rolname = %s",
                [user],
            ).fetchall():
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'.encode())
            admin.execute(f"DROP ROLE {user}".encode())


def test_a_createrole_user_that_is_not_superuser_gets_the_role_too(postgres_url: str) -> None:
    with _pg_login(postgres_url, "CREATEDB CREATEROLE NOSUPERUSER") as (url, _):
        with scratch_database("postgresql", url) as db:
            name = _scratch_name(db)
            assert db.target.startswith("server ")
            assert db.query("SELECT current_user AS u")[0]["u"] == name
            db.execute_script("CREATE TABLE t (id BIGINT PRIMARY KEY);\nCREATE EXTENSION citext;")
            assert "t" in db.snapshot()["tables"]
        assert name not in _pg_roles(postgres_url, "sw\\_scratch\\_%")


@pytest.mark.slow
def test_without_createrole_one_line_and_the_embedded_postgres(
    postgres_url: str, capfd: pytest.CaptureFixture[str]
) -> None:
    with _pg_login(postgres_url, "CREATEDB NOCREATEROLE NOSUPERUSER") as (url, password):
        with scratch_database("postgresql", url) as db:
            assert db.target.startswith("embedded PostgreSQL ") and "fallback" in db.target
            assert db.query("SELECT current_user AS u")[0]["u"] == _scratch_name(db)
        err = capfd.readouterr().err
        [line] = [ln for ln in err.splitlines() if ln.startswith("warning:")]
        assert "cannot create roles" in line and "embedded PostgreSQL instead" in line
        assert password not in err


@pytest.mark.slow
def test_embedded_postgres_runs_as_an_unprivileged_os_user_and_the_role() -> None:
    marker = _marker()
    with scratch_database("postgresql", embedded=True) as db:
        pid = db.query("SELECT pg_backend_pid() AS pid")[0]["pid"]
        status = Path(f"/proc/{pid}/status").read_text().splitlines()
        uid = int(next(ln for ln in status if ln.startswith("Uid:")).split()[1])
        assert uid != 0  # as root, embedded-postgres runs the server as the OS user 'embedded_postgres'
        assert uid == os.getuid() or os.getuid() == 0
        assert db.query("SELECT current_user AS u")[0]["u"] == _scratch_name(db)
        script = f"DO $$ BEGIN EXECUTE 'CO' || 'PY (SELECT 1) TO PRO' || 'GRAM ''touch {marker}'''; END $$"
        assert PG_DENIED in _refused(db, script).engine_message
    assert not marker.exists()


# -- MariaDB ----------------------------------------------------------------------------------


def _mysql_admin(url: str) -> pymysql.connections.Connection[tuple[object, ...]]:
    server = mysql_server(url, "SCHEMAWRIGHT_MYSQL_URL")
    return pymysql.connect(
        host=server.host, port=server.port, user=server.user, password=server.password, autocommit=True
    )


def _mysql_users(url: str, pattern: str) -> set[str]:
    with contextlib.closing(_mysql_admin(url)) as admin, contextlib.closing(admin.cursor()) as cur:
        cur.execute("SELECT User FROM mysql.user WHERE User LIKE %s", [pattern])
        return {str(r[0]) for r in cur.fetchall()}


def _prepared(statement: str) -> str:
    """``statement`` run as a prepared statement glued together from its two halves (split at ``|``): the
    static check sees only two strings."""
    first, second = (part.replace("'", "''") for part in statement.split("|"))
    return f"SET @s = CONCAT('{first}', '{second}');\nPREPARE st FROM @s;\nEXECUTE st;\n"


def test_mariadb_user_has_privileges_only_on_the_scratch_database(mysql_url: str) -> None:
    with scratch_database("mysql", mysql_url) as db:
        name = _scratch_name(db)
        [me] = db.query("SELECT CURRENT_USER() AS u")
        assert str(me["u"]).split("@")[0] == name
        grants = sorted(str(next(iter(r.values()))) for r in db.query("SHOW GRANTS"))
        assert len(grants) == 2, grants
        usage, own = grants[1], grants[0]  # "GRANT ALL …" sorts before "GRANT USAGE …"
        assert usage.startswith("GRANT USAGE ON *.* TO ")
        assert own.startswith(f"GRANT ALL PRIVILEGES ON {mysql_grant_target(name)} TO ")
        assert "WITH GRANT OPTION" not in " ".join(grants)
    assert name not in _mysql_users(mysql_url, "sw\\_scratch\\_%")


@pytest.mark.parametrize(
    ("attack", "statement", "denied"),
    [
        ("outfile", "SELECT 1 INTO OUT|FILE '{marker}'", "FILE privilege"),
        ("dumpfile", "SELECT 'x' INTO DUMP|FILE '{marker}'", "FILE privilege"),
        ("create user", "CREATE US|ER '{evil}'@'%' IDENTIFIED BY 'x'", "CREATE USER privilege"),
        ("grant all", "GR|ANT ALL ON *.* TO '{evil}'@'%' IDENTIFIED BY 'x' WITH GRANT OPTION", "denied"),
        ("grant self", "GR|ANT ALL ON *.* TO CURRENT_USER", "Access denied"),
        ("global setting", "SET GLO|BAL max_connections = 7", "privilege"),
    ],
)
def test_mariadb_user_refuses_disguised_server_access(
    mysql_url: str, attack: str, statement: str, denied: str
) -> None:
    marker, evil = _marker(), f"sw_evil_{uuid.uuid4().hex[:8]}"
    with scratch_database("mysql", mysql_url) as db:
        script = "CREATE TABLE t (id INT);\n" + _prepared(statement.format(marker=marker, evil=evil))
        refused = _refused(db, script)
        assert "Access denied" in refused.engine_message and denied in refused.engine_message, attack
    assert not marker.exists()
    assert _mysql_users(mysql_url, evil) == set()


def test_mariadb_user_cannot_drop_another_database(mysql_url: str) -> None:
    victim = f"sw_victim_{uuid.uuid4().hex[:8]}"
    with contextlib.closing(_mysql_admin(mysql_url)) as admin, contextlib.closing(admin.cursor()) as cur:
        cur.execute(f"CREATE DATABASE `{victim}`")
        try:
            with scratch_database("mysql", mysql_url) as db:
                refused = _refused(db, _prepared(f"DROP DATA|BASE `{victim}`"))
                assert "Access denied" in refused.engine_message
            cur.execute("SHOW DATABASES LIKE %s", [victim])
            assert cur.fetchall()
        finally:
            cur.execute(f"DROP DATABASE IF EXISTS `{victim}`")


def test_mariadb_user_without_create_user_runs_as_itself_after_one_line(
    mysql_url: str, capfd: pytest.CaptureFixture[str]
) -> None:
    server = mysql_server(mysql_url, "SCHEMAWRIGHT_MYSQL_URL")
    user, password = f"sw_test_{uuid.uuid4().hex[:8]}", f"Pw-{uuid.uuid4().hex}"
    with contextlib.closing(_mysql_admin(mysql_url)) as admin, contextlib.closing(admin.cursor()) as cur:
        cur.execute("SELECT USER()")
        host = str(cur.fetchall()[0][0]).rsplit("@", 1)[1]
        cur.execute("CREATE USER %s@%s IDENTIFIED BY %s", [user, host, password])
        try:
            cur.execute("GRANT SELECT, INSERT, CREATE, DROP, ALTER, INDEX ON *.* TO %s@%s", [user, host])
            url = f"mysql://{user}:{password}@{server.host}:{server.port}/{server.database or 'mysql'}"
            with scratch_database("mysql", url) as db:
                assert str(db.query("SELECT CURRENT_USER() AS u")[0]["u"]).split("@")[0] == user
            err = capfd.readouterr().err
            [line] = [ln for ln in err.splitlines() if ln.startswith("warning:")]
            assert "cannot create a user limited to the scratch database" in line and password not in err
        finally:
            cur.execute("DROP USER IF EXISTS %s@%s", [user, host])


# -- SQLite -----------------------------------------------------------------------------------


@pytest.mark.parametrize("statement", ["ATTACH DATABASE '{marker}' AS other", "VACUUM INTO '{marker}'"])
def test_sqlite_refuses_attach_past_the_static_check(statement: str) -> None:
    marker = _marker()
    with scratch_database("sqlite") as db:
        refused = _refused_by_runner(db, statement.format(marker=marker))
        assert "not authorized" in refused.engine_message or "authorization denied" in refused.engine_message
    assert not marker.exists()
