"""Crashes the fuzzers found, each kept as a regression test. Those inside the analyzer
(``schemawright.domain``, owned elsewhere) are strict xfails until it is fixed; the fuzz suite steers
around them (see ``KNOWN_ANALYZER_CRASHES`` in ``test_fuzz_specs``) so it keeps finding new ones."""

from __future__ import annotations

import pytest

from tests.fuzz.test_fuzz_specs import _design


@pytest.mark.xfail(
    strict=True,
    raises=ValueError,
    reason="analyzer: chunks.parse_card calls int() on a str.isdigit() word; '¹' is a digit but no int",
)
def test_superscript_digit_before_a_noun() -> None:
    _design("# Feature\n\n## Data\n\n¹ user\n", "auto")
