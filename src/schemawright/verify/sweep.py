"""Drop what killed runs left behind, at the start of the next run: scratch databases (see
:mod:`schemawright.verify.scratch_names`), the roles / users named after them that ran their migrations
(:mod:`schemawright.verify.least_privilege`), and embedded PostgreSQL servers with their data folders.
Best effort: what cannot be dropped (another user's database) is left alone, silently — it is not this
run's business to fail over someone else's leftovers."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
from pathlib import Path
from typing import Any

import psycopg
import pymysql

from schemawright.verify.scratch_names import PREFIX, is_stale, pid_alive

EMBEDDED_PREFIX = "schemawright-pg-"


def sweep_postgres(admin: psycopg.Connection[Any]) -> list[str]:
    """Drop stale scratch databases, then stale scratch roles, on the server ``admin`` (autocommit) is
    connected to; the names dropped (a database and its role share one)."""
    pattern = PREFIX.replace("_", r"\_") + "%"
    rows = admin.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [pattern]).fetchall()
    force = " WITH (FORCE)" if admin.info.server_version >= 130000 else ""
    dropped = []
    for (name,) in rows:
        if not is_stale(str(name)):
            continue
        try:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"{force}'.encode())
        except psycopg.Error:
            continue
        dropped.append(str(name))
    roles = admin.execute("SELECT rolname FROM pg_roles WHERE rolname LIKE %s", [pattern]).fetchall()
    for (name,) in roles:
        if not is_stale(str(name)):
            continue
        try:
            admin.execute(f'DROP ROLE IF EXISTS "{name}"'.encode())
        except psycopg.Error:  # not ours to drop (another admin's), or it still owns something
            continue
        if str(name) not in dropped:
            dropped.append(str(name))
    return dropped


def sweep_mysql(admin: pymysql.connections.Connection[Any]) -> list[str]:
    """Drop stale scratch users, then stale scratch databases, on the MySQL / MariaDB server of ``admin``;
    the names dropped (a database and its user share one)."""
    pattern = PREFIX.replace("_", r"\_") + "%"
    dropped = []
    with contextlib.closing(admin.cursor()) as cur:
        try:
            cur.execute("SELECT User, Host FROM mysql.user WHERE User LIKE %s", [pattern])
            users = [(str(row[0]), str(row[1])) for row in cur.fetchall()]
        except pymysql.MySQLError:  # no read access to mysql.user: then it made no users either
            users = []
        for name, host in users:
            if not is_stale(name):
                continue
            try:
                cur.execute("DROP USER IF EXISTS %s@%s", [name, host])
            except pymysql.MySQLError:
                continue
            dropped.append(name)
        cur.execute("SHOW DATABASES LIKE %s", [pattern])
        names = [str(row[0]) for row in cur.fetchall()]
        for name in names:
            if not is_stale(name):
                continue
            try:
                cur.execute(f"DROP DATABASE IF EXISTS `{name}`")
            except pymysql.MySQLError:
                continue
            if name not in dropped:
                dropped.append(name)
    return dropped


def embedded_workdir() -> Path:
    """A new data folder for an embedded server, named after this process so a later run can tell when
    its owner is gone."""
    return Path(tempfile.mkdtemp(prefix=f"{EMBEDDED_PREFIX}{os.getpid()}-"))


def sweep_embedded() -> list[Path]:
    """Stop the embedded servers of dead runs (``kill -9`` skips every cleanup) and delete their data
    folders; the folders removed."""
    removed = []
    for folder in Path(tempfile.gettempdir()).glob(f"{EMBEDDED_PREFIX}*-*"):
        owner = folder.name[len(EMBEDDED_PREFIX) :].split("-", 1)[0]
        if not owner.isdigit() or pid_alive(int(owner)):
            continue
        _stop_postmaster(folder / "pgdata" / "postmaster.pid")
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _stop_postmaster(pid_file: Path) -> None:
    """Fast shutdown (SIGINT) of the postmaster named in ``postmaster.pid`` — only when that process is
    still a postgres of this very data folder (a process id can be reused by anything)."""
    try:
        pid = int(pid_file.read_text(encoding="utf-8").split("\n", 1)[0])
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except (OSError, ValueError):
        return
    if "postgres" in command and str(pid_file.parent) in command:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGINT)
