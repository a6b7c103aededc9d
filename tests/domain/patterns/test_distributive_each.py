"""A distributive "each" after a comma stands for the plural noun just before it, wherever the parser hung
it: "several wards, each with a name and a bed count" gives the wards those values, "depots, each
identified by a code and having an address" too. Examples written for this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import attribute_names, links, model_of


def test_each_with_after_a_plural_object_of_a_passive() -> None:
    model = model_of(
        "# Hospital\n\nA hospital is made up of several wards, each with a name, a floor and a bed count. "
        "Every patient is admitted to exactly one ward.\n"
    )
    assert {"name", "floor", "bed_count"} <= set(attribute_names(model, "ward"))


def test_each_as_the_subject_of_a_participle_and_its_conjunct() -> None:
    model = model_of(
        "# Haulage\n\nThe company runs a number of depots, each identified by a depot code and having a "
        "name, an address and a phone number. Every lorry is based at exactly one depot.\n"
    )
    assert {"name", "address"} <= set(attribute_names(model, "depot"))


def test_each_after_a_participle_describes_the_outer_noun() -> None:
    model = model_of(
        "# Forum\n\nA thread has a title. It has posts written by members, each with a body and a posting "
        "time. A member has a name and an email.\n"
    )
    assert "body" in attribute_names(model, "post")
    assert "body" not in attribute_names(model, "member")


def test_each_of_names_its_own_noun() -> None:
    model = model_of(
        "# Hotel\n\nThe hotel has rooms and suites, each of the suites with a lounge size. A room has a "
        "number and a floor.\n"
    )
    assert "lounge_size" not in attribute_names(model, "room")


def test_each_after_a_per_scope_counts_the_things_not_the_scope() -> None:
    model = model_of(
        "# Depot\n\nThe depot keeps vans per driver, each with a registration, a mileage and a service date. "
        "A driver has a name.\n"
    )
    assert {"registration", "mileage", "service_date"} <= set(attribute_names(model, "van"))
    assert attribute_names(model, "driver") == ["name"]


def test_each_with_a_participle_placing_it_at_one_thing() -> None:
    model = model_of(
        "# Fleet\n\nThe team owns vehicles, each based at one depot. A vehicle has a registration. A depot "
        "has a name.\n"
    )
    assert ("vehicle", "depot") in links(model)


def test_each_with_a_participle_placing_it_in_one_thing() -> None:
    model = model_of(
        "# Rowing\n\nThe club keeps boats, each stored in one boathouse. A boat has a name. A boathouse has "
        "a code.\n"
    )
    assert ("boat", "boathouse") in links(model)
