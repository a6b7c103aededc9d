"""A value with parts ("an address made up of street, city and postcode") that one thing holds is that
thing's values, flattened into it, not a table; an address the spec describes on its own stays a thing.
Examples written for this test."""

from __future__ import annotations

import pytest

from tests.domain.patterns._helpers import attribute_names, model_of


@pytest.mark.parametrize(
    "sentence",
    [
        "We hold each supporter's postal address broken into street, town and postcode.",
        "Each supporter has a name and an address made up of street, town and postcode.",
        "Each supporter has a billing address consisting of a street, a town and a postcode.",
    ],
)
def test_a_held_value_with_parts_is_flattened_into_its_holder(sentence: str) -> None:
    model = model_of(f"# Giving\n\nSupporters have an email and a name. {sentence}\n")
    assert [e.name for e in model.entities] == ["supporter"]
    assert {"street", "town", "postcode"} <= set(attribute_names(model, "supporter"))
    assert not {"address", "postal_address", "billing_address"} & set(attribute_names(model, "supporter"))


def test_an_address_described_in_sentences_of_its_own_stays_a_thing() -> None:
    model = model_of(
        "# Sites\n\n"
        "Each site has a name and an address. An address has a street, a city and a postcode.\n"
    )
    assert model.entity("address") is not None


def test_an_event_between_two_things_with_a_value_is_a_thing() -> None:
    model = model_of(
        "# Films\n\n"
        "Actors have a name. Films have a title. An actor appears in many films and a film features many "
        "actors. For every appearance we store the character name.\n"
    )
    assert attribute_names(model, "appearance") == ["character_name"]
    assert sorted(r.parent for r in model.relationships if r.child == "appearance") == ["actor", "film"]
