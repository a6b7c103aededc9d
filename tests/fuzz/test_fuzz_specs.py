"""Generated specs in every style go through the analyzer and the design (``--no-verify``, in-process):
the only exceptions allowed are the tool's own errors, each one line. Bounded for CI (well under 60 s)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemawright.api import design
from schemawright.io import UsageError, WriteError
from schemawright.pipeline import DesignError
from tests.fuzz.strategies import spec

TOOL_ERRORS = (UsageError, DesignError, WriteError)


def _design(text: str, db: str) -> None:
    with tempfile.TemporaryDirectory() as root:
        try:
            design(
                text,
                root=Path(root),
                db=db,
                verify=False,
                write=True,
                allow_review_errors=True,
                feature_id="fuzz",
            )
        except TOOL_ERRORS as exc:
            message = str(exc)
            assert message.strip(), type(exc).__name__
            assert "Traceback" not in message
            if not isinstance(exc, UsageError):  # UsageError may list a model file's problems, one a line
                assert "\n" not in message.strip(), message


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=spec(), db=st.sampled_from(["auto", "postgresql", "mysql", "sqlite", "mongodb"]))
def test_generated_specs_never_crash(text: str, db: str) -> None:
    _design(text, db)
