"""Under a condition, recorded values belong to what the condition is about: its object ("WHEN a seller
creates an auction … store the title"), else the thing it happens to ("WHEN a badge is requested … record
the booking it belongs to, the person's name"), never the object of a later step ("and generate a badge
code"). Examples written for this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import attribute_names, links, model_of


def test_the_thing_the_condition_happens_to_owns_the_values() -> None:
    model = model_of(
        "# Show\n\nA booking has a reference. A badge has a colour.\n\n1. WHEN a badge is requested THE "
        "System SHALL record the booking it belongs to, the person's name and e-mail, and generate a badge "
        "code.\n"
    )
    assert "name" in attribute_names(model, "badge")
    assert ("badge", "booking") in links(model)
    assert model.entity("badge_code") is None


def test_a_later_step_does_not_take_the_values() -> None:
    model = model_of(
        "# Lockers\n\nA parcel has a weight. A locker has a number.\n\n1. WHEN a parcel is dropped off THE "
        "System SHALL record the drop-off time and the sender name, and send a pickup code.\n"
    )
    assert {"sender_name"} <= set(attribute_names(model, "parcel"))


def test_the_conditions_object_comes_before_its_subject() -> None:
    model = model_of(
        "# Auctions\n\nA seller has a name.\n\n1. WHEN a seller creates an auction THE System SHALL store "
        "the title and the reserve price.\n"
    )
    assert {"title", "reserve_price"} <= set(attribute_names(model, "auction"))
    assert "title" not in attribute_names(model, "seller")
