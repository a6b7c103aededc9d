"""The planted-problem corpus: every expected code is found, and nothing error-level on clean files."""

from __future__ import annotations

import pytest

from schemawright.review.catalog import RULES
from schemawright.review.engine import review_chain
from schemawright.review.models import Severity
from tests.review.corpus_cases import Case, all_cases

CASES = all_cases()
BAD = [c for c in CASES if c.expect or c.replay_expect]
CLEAN = [c for c in CASES if not c.expect and not c.replay_expect]


def review(case: Case):  # type: ignore[no-untyped-def]
    return review_chain(case.migrations, dialect=case.dialect, focus={case.name})


def test_corpus_is_big_enough_and_covers_every_rule() -> None:
    assert len(BAD) >= 30 and len(CLEAN) >= 10
    planted = set().union(*(c.expect | c.replay_expect for c in BAD))
    assert {r.code for r in RULES} <= planted


@pytest.mark.parametrize("case", BAD, ids=lambda c: c.name)
def test_planted_problems_are_found(case: Case) -> None:
    report = review(case)
    assert case.expect <= report.codes(), f"missed {sorted(case.expect - report.codes())}"
    unexpected_errors = {f.code for f in report.at_or_above(Severity.ERROR)} - case.expect
    assert not unexpected_errors, f"unplanted error-level findings {sorted(unexpected_errors)}"


@pytest.mark.parametrize("case", CLEAN, ids=lambda c: c.name)
def test_clean_files_have_no_error(case: Case) -> None:
    errors = review(case).at_or_above(Severity.ERROR)
    assert not errors, [f"{f.code} {f.message}" for f in errors]
