"""A prose value is named as a designer would name its column: words about how it is written go
("a short code" → code) and "the year of release" reads as release_year, unless the spec uses both names.
Structured fields keep the spec's own names. Examples written for this test."""

from __future__ import annotations

import pytest

from tests.domain.patterns._helpers import attribute_names, model_of


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("a short code", "code"),
        ("a three-letter code", "code"),
        ("the year of release", "release_year"),
        ("the kind of honey", "honey_kind"),
        ("an email address", "email"),
        ("a work email address", "work_email"),
        ("a website address", "website"),
        ("a mobile phone number", "mobile_phone"),
        ("a verification time", "verified_at"),
        ("a cancellation timestamp", "cancelled_at"),
        ("a start time", "start_time"),
    ],
)
def test_prose_values_get_a_designers_name(phrase: str, name: str) -> None:
    model = model_of(f"# Shop\n\nEach jar has a label text and {phrase}.\n")
    assert name in attribute_names(model, "jar")


def test_both_names_used_by_the_spec_stay_apart() -> None:
    model = model_of("# Shop\n\nEach jar has a code and a short code.\n")
    assert {"code", "short_code"} <= set(attribute_names(model, "jar"))


def test_a_field_table_keeps_the_specs_own_name() -> None:
    model = model_of(
        "# Shop\n\n## Jar\n\n| Field | Type | Notes |\n|---|---|---|\n"
        "| short_code | text | |\n| label | text | |\n"
    )
    assert "short_code" in attribute_names(model, "jar")


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        (
            "WHEN a user creates an album THEN the System SHALL store its title and, optionally, "
            "the album it belongs in. Each album has a cover and a position.",
            "album",
        ),
        ("A room records the room itself, a floor and a capacity. Each room has a name.", "room"),
        (
            "WHEN a manager opens a folder THEN the System SHALL store its name and, optionally, "
            "the folder it sits in. Each folder has a colour.",
            "folder",
        ),
    ],
)
def test_a_thing_is_never_a_value_of_itself(text: str, entity: str) -> None:
    model = model_of(f"# Spec\n\n{text}\n")
    names = attribute_names(model, entity)
    assert entity not in names, names
