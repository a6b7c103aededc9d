"""A participle before a thing the spec also names on its own ("broken items", "frozen pipes") says which
state one of them is in, not which kind of thing it is: the mention is that thing. Examples written for
this test, not taken from any corpus."""

from __future__ import annotations

from tests.domain.patterns._helpers import links, model_of


def test_broken_items_are_the_items() -> None:
    model = model_of(
        "Visitors bring broken items to sessions. A visitor has a name and a phone. An item has a "
        "description and a status."
    )
    assert ("item", "visitor") in links(model)


def test_frozen_pipes_are_the_pipes() -> None:
    model = model_of(
        "Tenants report frozen pipes to the landlord. A tenant has a name and a flat. A pipe has a location "
        "and a material."
    )
    assert ("pipe", "tenant") in links(model)


def test_a_hyphenated_participle_is_a_state_too() -> None:
    model = model_of(
        "Crews tow broken-down buses. A crew has a name and a truck. Every bus has a fleet number."
    )
    assert ("bus", "crew") in links(model)


def test_a_participle_compound_named_only_so_keeps_its_name() -> None:
    model = model_of(
        "Tenants report frozen pipes. A frozen pipe has a location and a severity. A tenant has a name."
    )
    assert ("frozen_pipe", "tenant") in links(model)
