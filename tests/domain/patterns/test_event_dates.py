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


def test_a_date_and_time_of_an_event_is_one_moment() -> None:
    model = model_of("A regatta has a name, the date and time of the start and an entry fee.")
    names = attribute_names(model, "regatta")
    assert "start_time" in names and "date" not in names


def test_a_modified_date_and_time_is_one_moment() -> None:
    model = model_of("Every crossing has a departure date and time and a berth number.")
    names = attribute_names(model, "crossing")
    assert "departure_time" in names and "departure_date" not in names


def test_a_bare_date_and_time_is_when_it_happened() -> None:
    model = model_of("A callout has a date and time and a reason.")
    names = attribute_names(model, "callout")
    assert "occurred_at" in names and "date" not in names


def test_a_date_and_a_separate_start_time_stay_two_values() -> None:
    model = model_of("A shift has a date, a start time and an end time.")
    assert attribute_names(model, "shift") == ["date", "start_time", "end_time"]


def test_a_state_that_lasts_until_the_date_names_it() -> None:
    model = model_of("A parking permit has a permit number and the date it is valid until.")
    assert "valid_until" in attribute_names(model, "parking_permit")


def test_a_state_that_starts_on_the_date_names_it() -> None:
    model = model_of("A season pass has a holder name, a price and the date it is valid from.")
    assert "valid_from" in attribute_names(model, "season_pass")


def test_a_span_verb_after_another_value_still_names_the_date() -> None:
    model = model_of("A garage lease has a monthly rent and the day it expires.")
    names = attribute_names(model, "garage_lease")
    assert "expires_on" in names


def test_a_preposition_with_its_own_object_is_not_a_bound_state() -> None:
    model = model_of("A rail coupon has a code and the date it is valid for travel.")
    names = attribute_names(model, "rail_coupon")
    assert "valid_for" not in names and "valid_until" not in names
