"""A with-list whose first item names its owner by a possessive that covers the whole list ("sign up for
a shift with my name, email and phone", restated as "the volunteer's name, email and phone") gives the
values to that owner, not to what the verb is for. A possessive on the first item only ("the landowner's
name, their phone number and the site address") leaves the list with the thing recorded. Examples written
for this test."""

from __future__ import annotations

import pytest

from tests.domain.patterns._helpers import attribute_names, data_spec, model_of


@pytest.mark.parametrize(
    ("story", "owner", "values"),
    [
        (
            "As a volunteer, I want to sign up for a shift with my name, email and phone, so that the "
            "coordinator can reach me.",
            "volunteer",
            {"name", "email", "phone"},
        ),
        (
            "As a walker, I want to register for a guided walk with my name, email and emergency contact, so "
            "that the guide knows who is coming.",
            "walker",
            {"name", "email", "emergency_contact"},
        ),
        (
            "As a diver, I want to sign up for a dive with my name, certification level and phone, so that "
            "the boat is planned.",
            "diver",
            {"name", "certification_level", "phone"},
        ),
    ],
)
def test_a_possessive_over_the_whole_list_names_the_owner(story: str, owner: str, values: set[str]) -> None:
    assert values <= set(attribute_names(model_of(data_spec(story)), owner))


def test_a_possessive_on_the_first_item_only_leaves_the_list_with_the_thing_recorded() -> None:
    model = model_of(
        data_spec(
            "As the office manager, I want to record each site with the landowner's name, their phone "
            "number and the site address, so that drillers find it."
        )
    )
    assert "address" in attribute_names(model, "site")
    assert model.entity("landowner") is None
