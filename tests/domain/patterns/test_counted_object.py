"""A thing that uses, needs or takes one counted other thing refers to it: "a delivery uses exactly one van",
"an assignment gives one document to one translator". A definite actor ("the dispatcher uses one
screen") is a step, not a link. Examples written for this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import links, model_of


def test_uses_exactly_one() -> None:
    model = model_of(
        "# Deliveries\n\nA delivery uses exactly one van. A van has a registration; a delivery has an "
        "address.\n"
    )
    assert ("delivery", "van") in links(model)


def test_needs_a_single() -> None:
    model = model_of(
        "# Exams\n\nEach exam needs a single room. A room has a capacity and an exam has a date.\n"
    )
    assert ("exam", "room") in links(model)


def test_gives_one_to_one() -> None:
    model = model_of(
        "# Agency\n\nAn assignment gives one document to one translator. A document has a title; a "
        "translator has a name; an assignment has a fee.\n"
    )
    assert {("assignment", "document"), ("assignment", "translator")} <= set(links(model))


def test_a_definite_actor_links_nothing() -> None:
    model = model_of(
        "# Desk\n\nThe dispatcher uses one screen. A screen has a size; a dispatcher has a name.\n"
    )
    assert ("dispatcher", "screen") not in links(model)
