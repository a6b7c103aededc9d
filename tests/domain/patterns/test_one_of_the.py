""""One of the depots" counts one depot: "each vehicle is based at one of the depots" and "a pupil belongs
to exactly one of the houses" are links to one. "Many of the depots" counts no one. Examples written for
this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import links, model_of


def test_passive_placed_at_one_of_the_things() -> None:
    model = model_of(
        "# Fleet\n\nEach vehicle is based at one of the depots. A vehicle has a registration. A depot has a "
        "name.\n"
    )
    assert ("vehicle", "depot") in links(model)


def test_placed_in_one_of_the_rooms() -> None:
    model = model_of(
        "# Gym\n\nEvery locker is placed in one of the changing rooms. A locker has a number. A changing "
        "room has a floor.\n"
    )
    assert ("locker", "changing_room") in links(model)


def test_belongs_to_exactly_one_of_the_houses() -> None:
    model = model_of(
        "# School\n\nA pupil belongs to exactly one of the houses. A pupil has a name. A house has a "
        "colour.\n"
    )
    assert ("pupil", "house") in links(model)


def test_many_of_the_things_is_no_link_to_one() -> None:
    model = model_of(
        "# Fleet\n\nEach vehicle is serviced at many of the depots. A vehicle has a registration. A depot "
        "has a name.\n"
    )
    assert ("vehicle", "depot") not in links(model)
