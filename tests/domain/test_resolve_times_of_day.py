"""A time beside its own day is a time of day; a time alone is a moment. Examples written for this test."""

from __future__ import annotations

import pytest

from schemawright.domain.model import Kind
from tests.domain.patterns._helpers import attribute_kinds, model_of


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Each class has a weekday, a start time and an end time.", "class"),
        ("Each shift has a date, a start time and an end time.", "shift"),
        ("A ferry crossing has a sailing date, a departure time and an arrival time.", "ferry_crossing"),
    ],
)
def test_times_beside_a_day_are_times_of_day(text: str, owner: str) -> None:
    kinds = attribute_kinds(model_of(text), owner)
    times = [k for name, k in kinds.items() if name.endswith("_time")]
    assert times and all(k is Kind.TIME for k in times), kinds


def test_a_time_with_no_day_of_its_own_is_a_moment() -> None:
    kinds = attribute_kinds(
        model_of("Each booking has a guest name, a start time and an end time."), "booking"
    )
    assert kinds["start_time"] is Kind.TIMESTAMP and kinds["end_time"] is Kind.TIMESTAMP


def test_a_declared_type_is_kept() -> None:
    sql = "CREATE TABLE shift (id int PRIMARY KEY, shift_date date, start_time timestamptz);"
    text = f"# Shifts\n\n```sql\n{sql}\n```\n"
    assert attribute_kinds(model_of(text), "shift")["start_time"] is Kind.TIMESTAMP
