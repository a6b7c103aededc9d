"""A recorded colon list: "the time of the check" and "the number of items" are values, so a list of the
things involved and those values describes the recorded thing; the recording clause nearest the colon says
whose values follow; a colon inside brackets opens an example, not a list. Examples written for this
test."""

from __future__ import annotations

from tests.domain.patterns._helpers import attribute_names, links, model_of


def test_things_and_event_values_after_a_colon() -> None:
    model = model_of(
        "# Fridge\n\nSystem MUST record temperature checks: the fridge, the volunteer who did it, the time "
        "of the check and the number of items. A fridge has a location. A volunteer has a name.\n"
    )
    assert ("temperature_check", "fridge") in links(model)
    assert ("temperature_check", "volunteer") in links(model)


def test_a_date_and_a_count_make_a_list_of_values() -> None:
    model = model_of(
        "# Show\n\nThe register keeps the tastings: the cheese, the judge who scored it, the date of the "
        "tasting and the number of points. A cheese has a name. A judge has a name.\n"
    )
    assert ("tasting", "cheese") in links(model) and ("tasting", "judge") in links(model)


def test_the_recording_clause_nearest_the_colon_names_the_owner() -> None:
    model = model_of(
        "# School\n\nThe link between them is the enrolment, which holds: the status, the time of sign-up "
        "and the grade. A student has a name. A course has a title.\n"
    )
    assert {"status", "grade"} <= set(attribute_names(model, "enrolment"))
    assert model.entity("link") is None


def test_a_colon_in_brackets_opens_an_example() -> None:
    model = model_of(
        "# Clinic\n\nA visit has a date. The nurse closes the visit (a typical entry: pulse, pressure and "
        "notes).\n"
    )
    assert "pulse" not in attribute_names(model, "visit")
