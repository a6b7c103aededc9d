"""Real-engine fixtures for verify tests; the skip-or-fail policy lives in ``tests/services.py``."""

from __future__ import annotations

import pytest

from tests.services import service_url


@pytest.fixture
def postgres_url() -> str:
    return service_url("SCHEMAWRIGHT_POSTGRES_URL")


@pytest.fixture
def mysql_url() -> str:
    return service_url("SCHEMAWRIGHT_MYSQL_URL")
