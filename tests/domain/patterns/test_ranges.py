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
