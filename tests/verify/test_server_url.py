"""Server URLs are checked before connecting and never shown with their password."""

from __future__ import annotations

import pytest

from schemawright.verify.errors import ServerUnusable
from schemawright.verify.server_url import check_postgres_url, mysql_server, redact


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://app:s3cret@db:5432/x", "postgresql://app:***@db:5432/x"),
        ("postgresql://app@db/x", "postgresql://app@db/x"),
        ("mysql://root:p%40ss@h:3306/t?password=s3cret", "mysql://root:***@h:3306/t?password=***"),
        ("host=db user=app password=s3cret dbname=x", "host=db user=app password=*** dbname=x"),
        ("host=db password='s 3cret' dbname=x", "host=db password=*** dbname=x"),
    ],
)
def test_redact_hides_the_password(url: str, shown: str) -> None:
    assert redact(url) == shown


@pytest.mark.parametrize(
    "url",
    ["garbage", "postgresql://root:s3cret@h:1/x", "mysql://root:s3cret@h:abc/x", "http://root:s3cret@h/x"],
)
def test_mysql_url_must_be_a_mysql_url(url: str) -> None:
    with pytest.raises(ServerUnusable) as info:
        mysql_server(url, "SCHEMAWRIGHT_MYSQL_URL")
    assert "s3cret" not in str(info.value) and "SCHEMAWRIGHT_MYSQL_URL" in str(info.value)


def test_mysql_url_parts() -> None:
    server = mysql_server("mysql://app:p%40ss@db:3307/shop", "X")
    assert (server.host, server.port, server.user, server.password, server.database) == (
        "db",
        3307,
        "app",
        "p@ss",
        "shop",
    )


@pytest.mark.parametrize("url", ["garbage", "mysql://u@h/x", "postgresql://u:s3cret@h:port/x"])
def test_postgres_url_must_be_a_postgres_url_or_conninfo(url: str) -> None:
    with pytest.raises(ServerUnusable) as info:
        check_postgres_url(url, "SCHEMAWRIGHT_POSTGRES_URL")
    assert "s3cret" not in str(info.value)


def test_conninfo_is_accepted() -> None:
    assert check_postgres_url("host=db dbname=x password=s3cret", "X") == "host=db dbname=x password=***"
