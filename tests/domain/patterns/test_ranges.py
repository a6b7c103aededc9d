"""A range stated right after a value ("a priority from 1 to 5", "a rating (1-5)", "a score between 0.5
and 9.5") bounds it and makes it a number of that grain; a range after a non-number is no bound. Examples
written for this test."""

from __future__ import annotations

import pytest

from schemawright.domain.model import Kind
from tests.domain.patterns._helpers import entity_of, model_of


@pytest.mark.parametrize(
    ("phrase", "name", "kind", "bounds"),
    [
        ("a priority from 1 to 5", "priority", Kind.INTEGER, (1, 5)),
        ("a rating (1-5)", "rating", Kind.RATING, (1, 5)),
        ("a score between 0.5 and 9.5", "score", Kind.DECIMAL, (0.5, 9.5)),
        ("a difficulty between one and four", "difficulty", Kind.INTEGER, (1, 4)),
    ],
)
def test_a_stated_range_bounds_the_value(
    phrase: str, name: str, kind: Kind, bounds: tuple[float, float]
) -> None:
    model = model_of(f"# Climbs\n\nClimbers have a name. Each route has a grade label and {phrase}.\n")
    attr = next(a for a in entity_of(model, "route").attributes if a.name == name)
    assert attr.kind is kind
    assert (attr.minimum, attr.maximum) == bounds
    assert any(c.kind == "range" and c.attribute == name for c in model.checks)


def test_words_after_a_date_are_no_numeric_range() -> None:
    model = model_of(
        "# Climbs\n\nClimbers have a name. "
        "Each route has a grade label and an opening date from 2020 to 2030.\n"
    )
    dated = [a for a in entity_of(model, "route").attributes if a.kind is Kind.DATE]
    assert dated and all(a.minimum is None for a in dated)


@pytest.mark.parametrize(
    ("phrase", "name", "bounds"),
    [
        ("a priority from 1 (most urgent) to 4", "priority", (1, 4)),
        ("a difficulty from 1 (easy) to 6 (extreme)", "difficulty", (1, 6)),
        ("a priority between 0 (none) and 3", "priority", (0, 3)),
    ],
)
def test_a_remark_in_parentheses_inside_a_range_is_read_past(
    phrase: str, name: str, bounds: tuple[float, float]
) -> None:
    model = model_of(f"# Climbs\n\nClimbers have a name. Each route has a grade label and {phrase}.\n")
    attr = next(a for a in entity_of(model, "route").attributes if a.name == name)
    assert attr.kind is Kind.INTEGER
    assert (attr.minimum, attr.maximum) == bounds


@pytest.mark.parametrize(
    ("phrase", "name", "length"),
    [
        ("a code of 3–8 uppercase letters", "code", 8),
        ("a tag of 4 to 12 characters", "tag", 12),
        ("a handle (up to 20 characters)", "handle", 20),
    ],
)
def test_a_count_of_letters_is_a_length_not_a_range(phrase: str, name: str, length: int) -> None:
    model = model_of(f"# Climbs\n\nClimbers have a name. Each route has a grade label and {phrase}.\n")
    attr = next(a for a in entity_of(model, "route").attributes if a.name == name)
    assert attr.kind not in (Kind.INTEGER, Kind.DECIMAL)
    assert attr.minimum is None and attr.maximum is None
    assert attr.max_length == length


def test_a_range_of_a_number_is_no_length() -> None:
    model = model_of(
        "# Climbs\n\nClimbers have a name. Each route has a grade label and a height of 2 to 40 metres.\n"
    )
    attr = next(a for a in entity_of(model, "route").attributes if a.name.startswith("height"))
    assert attr.max_length is None


@pytest.mark.parametrize(
    ("phrase", "name", "values"),
    [
        ("a team size (1-5, 6-20, 21+)", "team_size", ["1-5", "6-20", "21+"]),
        ("an age band (0–17, 18–64 or 65+)", "age_band", ["0-17", "18-64", "65+"]),
        ("a headcount bracket (1-9, 10-99, 100-999)", "headcount_bracket", ["1-9", "10-99", "100-999"]),
    ],
)
def test_listed_brackets_are_values_not_one_range(phrase: str, name: str, values: list[str]) -> None:
    model = model_of(f"# Clubs\n\nMembers have a name. Each club has a title and {phrase}.\n")
    attr = next(a for a in entity_of(model, "club").attributes if a.name == name)
    assert attr.kind is Kind.ENUM
    assert attr.enum_values == values
    assert attr.minimum is None
