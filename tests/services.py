"""Real-engine URLs for tests: skip with a reason when absent, fail under SCHEMAWRIGHT_REQUIRE_SERVICES=1."""

from __future__ import annotations

import os

import pytest


def service_url(variable: str) -> str:
    url = os.environ.get(variable)
    if url:
        return url
    message = f"{variable} is not set; export it to run this test against a real server"
    if os.environ.get("SCHEMAWRIGHT_REQUIRE_SERVICES") == "1":
        pytest.fail(message + " (SCHEMAWRIGHT_REQUIRE_SERVICES=1 forbids skipping)")
    pytest.skip(message)
