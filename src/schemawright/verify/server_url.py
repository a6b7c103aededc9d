"""Server URLs from the environment, checked before any connection and shown without their password.

A URL that is wrong must stop the run with one line that names it (so the user sees which setting is
wrong) but never prints its password: error messages end up in CI logs, SARIF files and decision
documents. Defaults are never filled in for a URL that does not parse: ``garbage`` used to connect as
root on localhost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from schemawright.verify.errors import ServerUnusable

MYSQL_SCHEMES = ("mysql", "mysql+pymysql", "mariadb", "mariadb+pymysql")
POSTGRES_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
_CONNINFO_PASSWORD = re.compile(r"(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)")


def redact(url: str) -> str:
    """``url`` with its password replaced by ``***`` (URL and ``key=value`` conninfo forms)."""
    if "://" not in url:
        return _CONNINFO_PASSWORD.sub(r"\1***", url)
    scheme, rest = url.split("://", 1)
    authority, sep, tail = rest.partition("/")
    if "@" in authority:
        userinfo, host = authority.rsplit("@", 1)
        if ":" in userinfo:
            authority = f"{userinfo.split(':', 1)[0]}:***@{host}"
    tail = re.sub(r"(?i)(\bpassword=)[^&]*", r"\1***", tail)
    return f"{scheme}://{authority}{sep}{tail}"


@dataclass(frozen=True)
class MySQLServer:
    host: str
    port: int
    user: str
    password: str
    database: str | None
    shown: str  # the URL without its password


def mysql_server(url: str, setting: str) -> MySQLServer:
    """Parse a ``mysql://user:password@host:3306/db`` URL; :class:`ServerUnusable` when it is malformed."""
    shown = redact(url)
    expected = f"expected mysql://user:password@host:3306/db in {setting}"
    try:
        parts = urlsplit(url.strip())
        port = parts.port or 3306
    except ValueError as exc:  # a non-numeric or out-of-range port
        raise ServerUnusable(f"malformed MySQL URL {shown} ({exc}); {expected}") from None
    if parts.scheme.lower() not in MYSQL_SCHEMES or not parts.hostname:
        raise ServerUnusable(f"not a MySQL URL: {shown}; {expected}")
    return MySQLServer(
        host=parts.hostname,
        port=port,
        user=unquote(parts.username or "root"),
        password=unquote(parts.password or ""),
        database=unquote(parts.path.lstrip("/")) or None,
        shown=shown,
    )


def check_postgres_url(url: str, setting: str) -> str:
    """Reject what is neither a ``postgresql://`` URL nor a ``key=value`` conninfo; returns the shown form."""
    shown = redact(url)
    expected = f"expected postgresql://user:password@host:5432/db in {setting}"
    if "://" in url:
        try:
            parts = urlsplit(url.strip())
            _ = parts.port
        except ValueError as exc:
            raise ServerUnusable(f"malformed PostgreSQL URL {shown} ({exc}); {expected}") from None
        if parts.scheme.lower() not in POSTGRES_SCHEMES:
            raise ServerUnusable(f"not a PostgreSQL URL: {shown}; {expected}")
    elif "=" not in url:
        raise ServerUnusable(f"not a PostgreSQL URL: {shown}; {expected}")
    return shown
