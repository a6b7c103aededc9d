"""Crashes the fuzzers found, each kept as a regression test."""

from __future__ import annotations

from tests.fuzz.test_fuzz_specs import _design


def test_superscript_digit_before_a_noun() -> None:
    """'¹' is a digit to str.isdigit() but no int: the analyzer's cardinalities read ASCII digits only."""
    _design("# Feature\n\n## Data\n\n¹ user\n", "auto")
