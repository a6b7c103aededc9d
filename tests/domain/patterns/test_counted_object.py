"""A thing that uses, needs or takes one counted other thing refers to it: "a delivery uses exactly one van",
"an assignment gives one document to one translator". A definite actor ("the dispatcher uses one
screen") is a step, not a link. Examples written for this test."""

from __future__ import annotations

import pytest

from tests.domain.patterns._helpers import links, model_of


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "A delivery uses exactly one van. A van has a registration; a delivery has an address.",
            {("delivery", "van")},
        ),
        ("Each exam needs a single room. A room has a capacity and an exam has a date.", {("exam", "room")}),
        (
            "An assignment gives one document to one translator. A document has a title; a translator has "
            "a name; an assignment has a fee.",
            {("assignment", "document"), ("assignment", "translator")},
        ),
    ],
)
def test_a_counted_object_is_referred_to(text: str, wanted: set[tuple[str, str]]) -> None:
    assert wanted <= set(links(model_of(f"# Spec\n\n{text}\n")))


def test_a_definite_actor_links_nothing() -> None:
    model = model_of(
        "# Desk\n\nThe dispatcher uses one screen. A screen has a size; a dispatcher has a name.\n"
    )
    assert ("dispatcher", "screen") not in links(model)
