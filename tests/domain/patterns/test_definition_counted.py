"""A prose definition that counts things ("each order line is one product in one order with a quantity")
refers to each counted thing, and the values it lists are the defined entity's own. A definition by
another name ("a sailing is one departure on a route") stays a definition. Examples written for this test."""

from __future__ import annotations

import pytest

from tests.domain.patterns._helpers import attribute_names, links, model_of


def test_counted_things_are_references_and_listed_values_are_the_entitys() -> None:
    model = model_of(
        "# Hotel\n\nA guest has a name and an email. A room has a number and a floor.\n\n"
        "Each booking is one room for one guest with a check-in date, a night count and a price.\n"
    )
    assert ("booking", "guest") in links(model)
    assert ("booking", "room") in links(model)
    assert {"check_in_date", "price"} <= set(attribute_names(model, "booking"))
    assert "price" not in attribute_names(model, "guest")


@pytest.mark.parametrize(
    ("text", "entity", "parents", "values"),
    [
        (  # a line that is one product refers to the product
            "A product has a name and a list price. An invoice has a number and a due date.\n\n"
            "Each invoice line is one product on one invoice with a quantity and a unit price.",
            "invoice_line",
            {"product", "invoice"},
            {"quantity", "unit_price"},
        ),
        (  # "exactly one" counts too, for a thing the spec makes a subject elsewhere
            "A performance has a date and a start time. A seat has a row letter and a number.\n\n"
            "Every ticket is exactly one seat at one performance with a price and a barcode.",
            "ticket",
            {"seat", "performance"},
            {"price", "barcode"},
        ),
    ],
)
def test_each_counted_thing_is_a_parent_and_the_values_are_the_entitys(
    text: str, entity: str, parents: set[str], values: set[str]
) -> None:
    model = model_of(f"# Feature\n\n{text}\n")
    assert {(entity, p) for p in parents} <= set(links(model))
    assert values <= set(attribute_names(model, entity))


def test_another_name_for_the_subject_is_no_reference() -> None:
    model = model_of(
        "# Ferries\n\nA vessel has a name and a capacity. A route has a name.\n\n"
        "A sailing is one departure on a route by one vessel, with departure and arrival times.\n"
    )
    assert model.entity("departure") is None
    assert ("sailing", "departure") not in links(model)
