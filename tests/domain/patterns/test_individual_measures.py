""" "copies" and "seats" name a measure as an attribute ("the number of copies printed"), but a spec that
counts single ones ("each copy has a barcode", "a seat has a row") makes them things: "rent several copies"
links the rental to the copy. Without the singular, the plural stays a measure. Examples written for this
test."""

from __future__ import annotations

import pytest

from tests.domain.patterns._helpers import attribute_names, links, model_of


@pytest.mark.parametrize(
    ("text", "link"),
    [
        (
            "A passenger may reserve any number of seats; for each reservation we record the fare and the "
            "date. A seat has a row and a letter. A passenger has a name and an email.",
            ("reservation", "seat"),
        ),
        (
            "A member may rent several copies; for each rental we record the due date and the charge. Each "
            "copy has a barcode and a condition. A member has a name and a phone number.",
            ("rental", "copy"),
        ),
        (
            "A fan may reserve several seats; for each reservation we keep the price and the status. A seat "
            "has a row and a number. A fan has a name and an email.",
            ("reservation", "seat"),
        ),
    ],
)
def test_a_counted_single_thing_is_a_party_to_the_event(text: str, link: tuple[str, str]) -> None:
    assert link in links(model_of(f"# Spec\n\n{text}\n"))


def test_without_a_single_one_the_plural_is_a_measure() -> None:
    model = model_of("# Halls\n\nA concert hall has a name, a city and 200 seats.\n")
    assert model.entity("seat") is None
    assert "seat" in attribute_names(model, "concert_hall")
