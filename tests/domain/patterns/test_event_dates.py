"""A date or time named by the event it marks: "the date it entered service" is entered_service_on, as "the
date they joined" is joined_on. Examples written for this test, not taken from any corpus."""

from __future__ import annotations

from tests.domain.patterns._helpers import attribute_names, model_of


def test_a_verb_and_its_bare_object_name_the_date() -> None:
    model = model_of("A tram has a fleet number and records the date it entered service.")
    assert "entered_service_on" in attribute_names(model, "tram")


def test_a_verb_and_its_bare_object_name_the_time() -> None:
    model = model_of("A ferry has a name and the time it left port.")
    assert "left_port_at" in attribute_names(model, "ferry")


def test_a_verb_alone_still_names_the_date() -> None:
    model = model_of("A member has a name and the date they joined.")
    assert "joined_on" in attribute_names(model, "member")
