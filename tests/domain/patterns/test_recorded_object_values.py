"""A with-phrase that hangs on a noun inside the recorded object's own phrase describes the recorded
thing: "the kennel records dogs in a pen with a name and a breed" gives the dogs those values, and
"record a placement linking a student to a company with a start date" gives them to the placement.
Examples written for this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import attribute_names, links, model_of


def test_values_after_a_place_the_recording_verb_names() -> None:
    model = model_of(
        "# Kennel\n\nThe kennel records dogs in a pen with a name, a breed and an arrival date. "
        "A pen has a number.\n"
    )
    assert {"name", "breed", "arrival_date"} <= set(attribute_names(model, "dog"))
    assert "breed" not in attribute_names(model, "pen")


def test_values_after_the_object_of_a_participle_on_the_recorded_thing() -> None:
    model = model_of(
        "# Placements\n\nThe system records a placement linking a student to a company with a start date, "
        "an end date and a supervisor name. A company has a name. A student has a name.\n"
    )
    assert {"start_date", "end_date", "supervisor_name"} <= set(attribute_names(model, "placement"))
    assert "start_date" not in attribute_names(model, "student")
    assert ("placement", "company") in links(model) and ("placement", "student") in links(model)


def test_values_after_a_prepositional_phrase_on_the_verb() -> None:
    model = model_of(
        "# Warehouse\n\nThe warehouse stores pallets on a rack with a weight and a barcode. "
        "A rack has a code.\n"
    )
    assert {"weight", "barcode"} <= set(attribute_names(model, "pallet"))
    assert attribute_names(model, "rack") == ["code"]


def test_a_generic_record_of_things_leaves_the_values_with_the_things() -> None:
    model = model_of("# Lettings\n\nThe office keeps a register of tenants with a name and a phone number.\n")
    assert {"name", "phone"} <= set(attribute_names(model, "tenant"))
    assert model.entity("register") is None


def test_values_of_each_of_the_things_the_verb_takes() -> None:
    model = model_of(
        "# Swim\n\nAs a parent, I want to add each of my children with their first name, date of birth and "
        "any medical notes.\n\nA child belongs to one parent. A parent has an email.\n"
    )
    assert {"first_name", "medical_note"} <= set(attribute_names(model, "child"))
