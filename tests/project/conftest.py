"""Engine selection for project tests: the configured PostgreSQL server (skips without one)."""

from __future__ import annotations

import pytest

from tests.services import service_url


@pytest.fixture
def pg_url() -> str:
    return service_url("SCHEMAWRIGHT_POSTGRES_URL")
