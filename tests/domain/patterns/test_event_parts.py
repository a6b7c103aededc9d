"""An event verb whose object is a part noun ("order any number of lines") adds parts to the event: the
lines belong to the order, not the order to a line. Examples written for this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import links, model_of


def _spec(requirement: str, event: str, part: str) -> str:
    return (
        "# Feature\n\n"
        f"- **FR-001**: System MUST {requirement}\n"
        f"- **FR-002**: System MUST store when each {event} was made and its total.\n\n"
        "### Key Entities\n\n"
        "- **Customer**: a person who uses the shop.\n"
        f"- **{event.title()}**: made by one customer.\n"
        f"- **{event.title()} {part.title()}**: one product and a quantity.\n"
    )


def test_lines_ordered_belong_to_the_order() -> None:
    text = _spec(
        "let the customer order any number of lines; each line has a quantity and a note.", "order", "line"
    )
    assert ("order_line", "order") in links(model_of(text))
    assert ("order", "order_line") not in links(model_of(text))


def test_items_and_entries_ordered_belong_to_the_order() -> None:
    for text, part in [
        (
            _spec(
                "let the customer order several items; each item has a size and a colour.", "order", "item"
            ),
            "item",
        ),
        (
            _spec("let each customer order one or more entries; each entry has a class.", "order", "entry"),
            "entry",
        ),
    ]:
        assert (f"order_{part}", "order") in links(model_of(text))


def test_a_thing_that_is_no_part_stays_a_party_of_the_event() -> None:
    """Negative: ordering products links the order to the products it names, not the products to it."""
    text = _spec("let the customer order any number of products; each product has a price.", "order", "line")
    assert ("product", "order") not in links(model_of(text))
