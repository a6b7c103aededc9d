"""A configured server that cannot be reached, authenticated or used fails verification (never "skipped"),
with one line that names the URL without its password. Real engines: a dead port, a database that does not
exist on the real PostgreSQL, a wrong password and a garbage URL for MariaDB."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import pytest
from psycopg.conninfo import make_conninfo

from schemawright.verify.engines import scratch_database
from schemawright.verify.errors import ServerUnusable
from schemawright.verify.relational import verify_relational
from tests.verify.designs import UP, down, shop_design


def _with(url: str, *, password: str | None = None, port: int | None = None, path: str | None = None) -> str:
    parts = urlsplit(url)
    user = parts.username or "root"
    netloc = f"{user}{':' + password if password else ''}@{parts.hostname}:{port or parts.port}"
    return urlunsplit(parts._replace(netloc=netloc, path=path if path is not None else parts.path))


def _unusable(dialect: str, url: str) -> str:
    with pytest.raises(ServerUnusable) as info, scratch_database(dialect, url):  # type: ignore[arg-type]
        pass
    message = str(info.value)
    assert "\n" not in message and "s3cret" not in message
    return message


def test_postgres_dead_port() -> None:
    assert "***@127.0.0.1:1" in _unusable("postgresql", "postgresql://postgres:s3cret@127.0.0.1:1/test")


def test_postgres_missing_database(postgres_url: str) -> None:
    message = _unusable("postgresql", make_conninfo(postgres_url, dbname="sw_no_such_database"))
    assert "sw_no_such_database" in message and "does not exist" in message


def test_postgres_non_numeric_port() -> None:
    assert "not a number" in _unusable("postgresql", "host=127.0.0.1 port=abc password=s3cret")
    assert "malformed PostgreSQL URL" in _unusable("postgresql", "postgresql://u:s3cret@127.0.0.1:abc/x")


def test_mysql_garbage_url_does_not_connect_as_root(mysql_url: str) -> None:
    assert "not a MySQL URL: garbage" in _unusable("mysql", "garbage")


def test_mysql_wrong_password(mysql_url: str) -> None:
    assert "Access denied" in _unusable("mysql", _with(mysql_url, password="s3cret"))


def test_mysql_missing_database_and_non_numeric_port(mysql_url: str) -> None:
    assert "sw_no_such_database" in _unusable("mysql", _with(mysql_url, path="/sw_no_such_database"))
    assert "malformed MySQL URL" in _unusable("mysql", "mysql://root:s3cret@127.0.0.1:x/test")


def test_verification_reports_failed_not_skipped() -> None:
    dead = "postgresql://postgres@127.0.0.1:1/test"
    report = verify_relational(shop_design("postgresql"), UP["postgresql"], down("postgresql"), url=dead)
    assert report.status == "failed" and "127.0.0.1:1" in report.error and report.steps == []
