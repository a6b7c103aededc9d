"""A frequency adjective ("weekly", "daily", "monthly") describes how often a thing happens, never which
thing it is: "weekly classes" beside "a class" are the classes. A compound with another modifier stays a
thing of its own. Examples written for this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import attribute_names, model_of


def test_weekly_classes_are_the_classes() -> None:
    model = model_of(
        "# School\n\nA class has a title and a level. The school runs weekly classes with a start time and a "
        "room number.\n"
    )
    assert model.entity("weekly_class") is None
    assert {"title", "start_time", "room_number"} <= set(attribute_names(model, "class"))


def test_monthly_invoices_are_the_invoices() -> None:
    model = model_of(
        "# Office\n\nAn invoice has a number and a customer name. The office sends monthly invoices with a "
        "due date and a total.\n"
    )
    assert model.entity("monthly_invoice") is None
    assert "due_date" in attribute_names(model, "invoice")


def test_another_modifier_names_another_thing() -> None:
    model = model_of(
        "# Museum\n\nA ticket has a price and a date. Members buy season tickets with a holder name and an "
        "expiry date.\n"
    )
    assert model.entity("season_ticket") is not None
