"""What is given to a thing is its value; the two ends of a period are values of what lasts. Examples written
for this test."""

from __future__ import annotations

import pytest

from tests.domain.patterns._helpers import attribute_names, model_of


@pytest.mark.parametrize(
    ("text", "owner", "values"),
    [
        (
            "A ticket has a title. The clerk assigns every ticket a reference number and a priority.",
            "ticket",
            {"reference_number", "priority"},
        ),
        ("An appeal has a headline. The team gives each appeal a web address.", "appeal", {"web_address"}),
        ("A locker has a size. Staff allocate every locker a code.", "locker", {"code"}),
    ],
)
def test_what_is_given_to_a_thing_is_its_value(text: str, owner: str, values: set[str]) -> None:
    assert values <= set(attribute_names(model_of(text), owner))


@pytest.mark.parametrize(
    ("text", "owner", "values"),
    [
        (
            "Every appeal has a title. It runs from an opening date to a closing date.",
            "appeal",
            {"opening_date", "closing_date"},
        ),
        (
            "A season has a name. A season lasts from a start date until an end date.",
            "season",
            {"start_date", "end_date"},
        ),
        (
            "Each exhibition has a title. Each exhibition is open from a first day to a last day.",
            "exhibition",
            {"first_day", "last_day"},
        ),
    ],
)
def test_the_ends_of_a_period_are_values_of_what_lasts(text: str, owner: str, values: set[str]) -> None:
    assert values <= set(attribute_names(model_of(text), owner))


def test_a_move_between_places_is_no_period() -> None:
    model = model_of("A parcel has a weight. Each parcel travels from the depot to the customer.")
    assert not {"depot", "customer"} & set(attribute_names(model, "parcel"))
