"""The fuzz campaign (see :mod:`tests.fuzz.campaign`): 1,000 generated specs in every style — template,
spec-kit, Kiro, BMAD, field tables, SQL/Prisma/TypeScript blocks, prose, hostile text — through the real
``design`` command in-process. No case may crash (only one-line tool errors), every decision document
must stay inert markdown, and every migration written must go up → down → up on its engine (PostgreSQL,
MariaDB, SQLite) and every Redis key design verify on Redis. The cases are the same every run
(hypothesis with a fixed seed); a failing case is saved whole under the test's temporary folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.fuzz.campaign import MYSQL, POSTGRES, REDIS, run_campaign, workers
from tests.services import service_url

CASES = 1000


def _optional_url(variable: str) -> str | None:
    """The engine's URL; absent, its share of migrations goes unverified (and the summary says so), except
    under SCHEMAWRIGHT_REQUIRE_SERVICES=1, where that is a failure."""
    url = os.environ.get(variable)
    if not url and os.environ.get("SCHEMAWRIGHT_REQUIRE_SERVICES") == "1":
        pytest.fail(f"{variable} is not set (SCHEMAWRIGHT_REQUIRE_SERVICES=1 forbids skipping)")
    return url or None


def test_a_thousand_generated_specs_design_and_verify(tmp_path: Path) -> None:
    urls = {POSTGRES: service_url(POSTGRES), MYSQL: _optional_url(MYSQL), REDIS: _optional_url(REDIS)}
    outcome = run_campaign(tmp_path, CASES, urls, workers())
    stats = outcome.stats
    print(stats.summary(), f"(wall {outcome.seconds:.0f} s)")
    for n, failure in enumerate(outcome.failures):
        failure.save(tmp_path / "failures", n)
    assert not outcome.failures, (
        f"{len(outcome.failures)} of {stats.cases} cases failed (saved in {tmp_path / 'failures'}):\n\n"
        + "\n\n".join(str(f) for f in outcome.failures[:5])
        + f"\n\n{stats.summary()}"
    )
    assert stats.cases == CASES
    # The campaign must keep reaching the engines: most specs design, most designs are verified.
    verified = sum(stats.verified.values())
    assert stats.designed >= 0.8 * CASES and verified >= 0.5 * stats.designed, stats.summary()
    assert stats.verified["postgresql"] >= 0.3 * CASES, stats.summary()
