"""Migrations run as a throw-away role that owns only the scratch database.

:mod:`schemawright.verify.outside` refuses the statements it recognises; this is the second line of
defence for those it does not (dynamic SQL, prepared statements, a new trick). Every statement that comes
from a migration (replay, verification, the sample rows, reflection, Alembic / Django / Knex) runs on a
connection of a role made for this one scratch database:

- PostgreSQL: a ``LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS`` role with a random
  password, member of no role (so not of ``pg_execute_server_program`` / ``pg_read_server_files`` /
  ``pg_write_server_files``), owning the scratch database. ``COPY … PROGRAM``, ``ALTER SYSTEM``, ``CREATE
  ROLE``, dropping another database or installing an untrusted extension fail with "permission denied".
- MySQL / MariaDB: a user with ``ALL`` on the scratch database only (no global privilege: no ``FILE``, no
  ``SUPER``, no ``CREATE USER``, no ``GRANT OPTION``).
- SQLite: an authorizer that denies ``ATTACH`` (which ``VACUUM INTO`` uses too) and ``load_extension``.

The role is named after the scratch database (``sw_scratch_<host>_<pid>_<time>_<random>``), so the sweep of
dead runs (:mod:`schemawright.verify.sweep`) finds it. The tool's own setup and teardown (create and drop the
database and the role) stay on the configured connection.
"""

from __future__ import annotations

import contextlib
import secrets
import sqlite3
from typing import Any

import psycopg
import pymysql
from psycopg import sql

from schemawright.verify.errors import EngineUnavailable

PG_ROLE_ATTRIBUTES = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"


class NoScratchRole(EngineUnavailable):
    """The configured server user cannot make (or the server not admit) a scratch role; the message is one
    line saying so. PostgreSQL then falls back to the embedded server."""


def new_password() -> str:
    # Letters, digits and '-'/'_' plus one of each class, for servers with a password-strength plugin.
    return secrets.token_urlsafe(24) + "-aA1"


# -- PostgreSQL -------------------------------------------------------------------------------


def pg_create_role(admin: psycopg.Connection[Any], name: str, password: str) -> None:
    """Create the login role ``name`` with no privilege beyond logging in. A configured user that is not a
    superuser is made a member of it (it must be, to create a database owned by it). Raises
    ``psycopg.errors.InsufficientPrivilege`` when the user cannot create roles. The password is sent
    already hashed the way the server stores it (libpq's ``PQencryptPasswordConn``), so it is in no
    server log."""
    hashed = admin.pgconn.encrypt_password(password.encode(), name.encode()).decode()
    admin.execute(
        sql.SQL("CREATE ROLE {} " + PG_ROLE_ATTRIBUTES + " PASSWORD {}").format(
            sql.Identifier(name), sql.Literal(hashed)
        )
    )
    row = admin.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()
    if not (row and row[0]):
        admin.execute(sql.SQL("GRANT {} TO CURRENT_USER").format(sql.Identifier(name)))


def pg_drop_role(admin: psycopg.Connection[Any], name: str) -> None:
    """Drop the role (after its database). Best effort: a role that cannot be dropped now is the sweep's."""
    with contextlib.suppress(psycopg.Error):
        admin.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(name)))


# -- MySQL / MariaDB --------------------------------------------------------------------------


def mysql_grant_target(database: str) -> str:
    """``database`` as the object of a database-level GRANT: in GRANT, ``_`` and ``%`` in a database name
    are wildcards (``sw_scratch_…`` would match other names), so they are escaped."""
    escaped = database.replace("\\", "\\\\").replace("_", r"\_").replace("%", r"\%")
    return "`" + escaped.replace("`", "``") + "`.*"


def mysql_client_host(admin: pymysql.connections.Connection[Any]) -> str:
    """The host part under which the server sees this client (``USER()``), so the scratch user matches
    the same way the configured one does (and no anonymous ``''@'localhost'`` shadows it)."""
    with contextlib.closing(admin.cursor()) as cur:
        cur.execute("SELECT USER()")
        row = cur.fetchone()
    return str(row[0]).rsplit("@", 1)[-1] if row else "%"


def mysql_create_user(
    admin: pymysql.connections.Connection[Any], name: str, host: str, password: str
) -> None:
    """Create ``name@host`` with every privilege on the database ``name`` and nothing else."""
    with contextlib.closing(admin.cursor()) as cur:
        cur.execute("CREATE USER %s@%s IDENTIFIED BY %s", [name, host, password])
        cur.execute(f"GRANT ALL PRIVILEGES ON {mysql_grant_target(name)} TO %s@%s", [name, host])


def mysql_drop_user(admin: pymysql.connections.Connection[Any], name: str, host: str) -> None:
    with contextlib.suppress(pymysql.MySQLError), contextlib.closing(admin.cursor()) as cur:
        cur.execute("DROP USER IF EXISTS %s@%s", [name, host])


# -- SQLite -----------------------------------------------------------------------------------

_SQLITE_DENIED_FUNCTIONS = frozenset({"load_extension", "fts3_tokenizer"})


def sqlite_authorizer(
    action: int, _arg1: str | None, arg2: str | None, _db: str | None, _source: str | None
) -> int:
    """Deny what opens or writes another file: ``ATTACH`` (and ``VACUUM INTO``, which attaches its target)
    and the functions that load native code (``load_extension``; ``fts3_tokenizer`` takes a pointer)."""
    if action == sqlite3.SQLITE_ATTACH:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in _SQLITE_DENIED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK
