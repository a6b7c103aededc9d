""""One of the depots" counts one depot: "each vehicle is based at one of the depots" and "a pupil belongs
to exactly one of the houses" are links to one. "Many of the depots" counts no one. Examples written for
this test."""

from __future__ import annotations

import pytest

from tests.domain.patterns._helpers import links, model_of


@pytest.mark.parametrize(
    ("text", "link"),
    [
        (
            "Each vehicle is based at one of the depots. A vehicle has a registration. A depot has a name.",
            ("vehicle", "depot"),
        ),
        (
            "Every locker is placed in one of the changing rooms. A locker has a number. A changing room "
            "has a floor.",
            ("locker", "changing_room"),
        ),
        (
            "A pupil belongs to exactly one of the houses. A pupil has a name. A house has a colour.",
            ("pupil", "house"),
        ),
    ],
)
def test_one_of_the_things_is_a_link_to_one(text: str, link: tuple[str, str]) -> None:
    assert link in links(model_of(f"# Spec\n\n{text}\n"))


def test_many_of_the_things_is_no_link_to_one() -> None:
    model = model_of(
        "# Fleet\n\nEach vehicle is serviced at many of the depots. A vehicle has a registration. A depot "
        "has a name.\n"
    )
    assert ("vehicle", "depot") not in links(model)
