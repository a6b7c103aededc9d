"""Killed runs leave nothing behind for long: the next run drops scratch databases, and the roles / users
named after them, whose process is gone (PostgreSQL and MariaDB) and stops orphaned embedded servers;
SIGTERM unwinds like Ctrl-C, dropping the scratch database and role and stopping the embedded PostgreSQL."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pymysql
import pytest

from schemawright.verify.engines import scratch_database
from schemawright.verify.scratch_names import MAX_AGE_SECONDS, is_stale, scratch_name
from schemawright.verify.server_url import mysql_server
from schemawright.verify.sweep import EMBEDDED_PREFIX, sweep_embedded


@pytest.fixture(scope="module")
def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_names_carry_host_pid_and_time(dead_pid: int) -> None:
    name = scratch_name()
    assert name.startswith("sw_scratch_") and f"_{os.getpid()}_" in name and len(name) <= 63
    assert not is_stale(name)  # this process is alive
    assert is_stale(scratch_name(pid=dead_pid))
    assert is_stale(scratch_name(now=time.time() - MAX_AGE_SECONDS - 60))
    assert not is_stale(f"sw_scratch_000000_{dead_pid}_{int(time.time())}_ab")  # another machine's: in use?
    assert not is_stale("sw_scratch_0123456789ab")  # the old random-only names: owner unknown


def _pg_names(url: str) -> set[str]:
    with psycopg.connect(url, autocommit=True) as conn:
        return {
            r[0] for r in conn.execute("SELECT datname FROM pg_database WHERE datname LIKE 'sw_scratch%'")
        }


@contextlib.contextmanager
def _pg_databases(url: str, *names: str) -> Iterator[None]:
    with psycopg.connect(url, autocommit=True) as conn:
        for name in names:
            conn.execute(f'CREATE DATABASE "{name}"'.encode())
    try:
        yield
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            for name in names:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}"'.encode())


def test_postgres_leftover_of_a_dead_run_is_dropped(postgres_url: str, dead_pid: int) -> None:
    leftover, alive = scratch_name(pid=dead_pid), scratch_name()
    with _pg_databases(postgres_url, leftover, alive):
        with scratch_database("postgresql", postgres_url) as db:
            assert db.query("SELECT 1 AS one") == [{"one": 1}]
        names = _pg_names(postgres_url)
        assert leftover not in names
        assert alive in names  # a live run's database is not touched


def _pg_role_names(url: str) -> set[str]:
    with psycopg.connect(url, autocommit=True) as conn:
        return {r[0] for r in conn.execute("SELECT rolname FROM pg_roles WHERE rolname LIKE 'sw_scratch%'")}


def test_postgres_role_of_a_dead_run_is_dropped(postgres_url: str, dead_pid: int) -> None:
    leftover, alive = scratch_name(pid=dead_pid), scratch_name()
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        for name in (leftover, alive):
            conn.execute(f'CREATE ROLE "{name}" LOGIN'.encode())
        try:
            with scratch_database("postgresql", postgres_url) as db:
                scratch = db.query("SELECT current_user AS u")[0]["u"]
                assert scratch in _pg_role_names(postgres_url)
            roles = _pg_role_names(postgres_url)
            assert leftover not in roles and scratch not in roles
            assert alive in roles  # a live run's role is not touched
        finally:
            for name in (leftover, alive):
                conn.execute(f'DROP ROLE IF EXISTS "{name}"'.encode())


def test_mariadb_user_of_a_dead_run_is_dropped(mysql_url: str, dead_pid: int) -> None:
    server = mysql_server(mysql_url, "SCHEMAWRIGHT_MYSQL_URL")
    leftover, alive = scratch_name(pid=dead_pid), scratch_name()
    admin = pymysql.connect(
        host=server.host, port=server.port, user=server.user, password=server.password, autocommit=True
    )
    with contextlib.closing(admin), contextlib.closing(admin.cursor()) as cur:
        for name in (leftover, alive):
            cur.execute("CREATE USER %s@'localhost'", [name])
        try:
            with scratch_database("mysql", mysql_url) as db:
                scratch = str(db.query("SELECT CURRENT_USER() AS u")[0]["u"]).split("@")[0]
            cur.execute("SELECT User FROM mysql.user WHERE User LIKE 'sw\\_scratch%%'")
            users = {r[0] for r in cur.fetchall()}
            assert leftover not in users and scratch not in users
            assert alive in users
        finally:
            for name in (leftover, alive):
                cur.execute("DROP USER IF EXISTS %s@'localhost'", [name])


def test_mariadb_leftover_of_a_dead_run_is_dropped(mysql_url: str, dead_pid: int) -> None:
    server = mysql_server(mysql_url, "SCHEMAWRIGHT_MYSQL_URL")
    leftover, alive = scratch_name(pid=dead_pid), scratch_name()
    admin = pymysql.connect(
        host=server.host, port=server.port, user=server.user, password=server.password, autocommit=True
    )
    with contextlib.closing(admin), contextlib.closing(admin.cursor()) as cur:
        for name in (leftover, alive):
            cur.execute(f"CREATE DATABASE `{name}`")
        try:
            with scratch_database("mysql", mysql_url):
                pass
            cur.execute("SHOW DATABASES LIKE 'sw\\\\_scratch%'")
            names = {r[0] for r in cur.fetchall()}
            assert leftover not in names
            assert alive in names
        finally:
            for name in (leftover, alive):
                cur.execute(f"DROP DATABASE IF EXISTS `{name}`")


def test_orphaned_embedded_folder_is_removed(dead_pid: int) -> None:
    folder = Path(tempfile.gettempdir()) / f"{EMBEDDED_PREFIX}{dead_pid}-test"
    (folder / "pgdata").mkdir(parents=True)
    (folder / "pgdata" / "postmaster.pid").write_text(
        f"{os.getpid()}\n"
    )  # a reused pid: must not be signalled
    assert folder in sweep_embedded()
    assert not folder.exists()


CHILD = textwrap.dedent(
    """
    import sys, time
    from schemawright.signals import exit_on_sigterm
    from schemawright.verify.engines import scratch_database

    exit_on_sigterm()
    url = sys.argv[1] or None
    with scratch_database("postgresql", url, embedded=url is None) as db:
        name = db.query("SELECT current_database() AS d")[0]["d"]
        print(name, flush=True)
        time.sleep(120)
    """
)


def _sigterm_child(url: str) -> tuple[str, int]:
    child = subprocess.Popen([sys.executable, "-c", CHILD, url], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    name = child.stdout.readline().strip()
    assert name.startswith("sw_scratch_"), name
    child.send_signal(signal.SIGTERM)
    return name, child.wait(timeout=60)


def test_sigterm_drops_the_scratch_database(postgres_url: str) -> None:
    name, code = _sigterm_child(postgres_url)
    assert code == 128 + signal.SIGTERM
    assert name not in _pg_names(postgres_url)
    assert name not in _pg_role_names(postgres_url)  # the role that ran its migrations too


@pytest.mark.slow
def test_sigterm_stops_the_embedded_postgres() -> None:
    before = set(Path(tempfile.gettempdir()).glob(f"{EMBEDDED_PREFIX}*"))
    _, code = _sigterm_child("")
    assert code == 128 + signal.SIGTERM
    assert set(Path(tempfile.gettempdir()).glob(f"{EMBEDDED_PREFIX}*")) <= before  # folder (and server) gone
    ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True, check=False).stdout
    assert not [
        line
        for line in ps.splitlines()
        if "postgres" in line and EMBEDDED_PREFIX in line and not any(str(b) in line for b in before)
    ]
