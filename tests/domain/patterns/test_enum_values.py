"""Value lists in parentheses make an enum, wherever the noun's own phrase puts them, and whatever short
kind the noun's name would otherwise have. Examples written for this test, not taken from any corpus."""

from __future__ import annotations

import pytest

from schemawright.domain.analyze import analyze
from schemawright.domain.model import Kind
from schemawright.spec.parser import parse_spec
from tests.domain.patterns._helpers import entity_of, model_of


def _attribute(text: str, entity: str, name: str):  # type: ignore[no-untyped-def]
    model = analyze(parse_spec(f"# Feature\n\n{text}\n"), "x", "x")
    owner = model.entity(entity)
    assert owner is not None, [e.name for e in model.entities]
    return next(a for a in owner.attributes if a.name == name)


@pytest.mark.parametrize(
    ("text", "entity", "name", "values"),
    [
        (
            "We store volunteers with a name, an email and a role within their team (lead or helper).",
            "volunteer",
            "role",
            ["lead", "helper"],
        ),
        (
            "Each workshop has a title and a format (lecture, hands-on lab or panel).",
            "workshop",
            "format",
            ["lecture", "hands_on_lab", "panel"],
        ),
        ("Each locker has a code and a size (S, M, L or XL).", "locker", "size", ["s", "m", "l", "xl"]),
        (
            "Kiosks have a code. A kiosk has a street and a status: `open`, `closed`, `relocated`.",
            "kiosk",
            "status",
            ["open", "closed", "relocated"],
        ),
        (
            "Kiosks have a code and a status, which can be open, closed or relocated.",
            "kiosk",
            "status",
            ["open", "closed", "relocated"],
        ),
        (
            "Each kiosk has a code. A kiosk's status is either open or closed.",
            "kiosk",
            "status",
            ["open", "closed"],
        ),
        (
            "Kiosks have a code and a status. Kiosk status: open, closed, relocated.",
            "kiosk",
            "status",
            ["open", "closed", "relocated"],
        ),
    ],
)
def test_listed_values_make_an_enum(text: str, entity: str, name: str, values: list[str]) -> None:
    attr = _attribute(text, entity, name)
    assert attr.kind is Kind.ENUM
    assert attr.enum_values == values


def test_an_explanation_in_parentheses_is_no_value_list() -> None:
    attr = _attribute(
        "Each episode has a title and a description (show notes, links allowed).", "episode", "description"
    )
    assert attr.kind is not Kind.ENUM


def test_values_after_a_dash_following_a_value_list_noun_are_an_enum_not_fields() -> None:
    model = analyze(
        parse_spec(
            "# Feature\n\nFor each donation we capture the weight in kilograms and the food category — "
            "bakery, "
            "produce, dairy or prepared meals.\n\nA donation has a date.\n"
        ),
        "x",
        "x",
    )
    donation = model.entity("donation")
    assert donation is not None
    attrs = {a.name: a for a in donation.attributes}
    assert attrs["food_category"].kind is Kind.ENUM
    assert attrs["food_category"].enum_values == ["bakery", "produce", "dairy", "prepared_meals"]
    assert not {"bakery", "produce", "dairy"} & set(attrs)


def test_values_written_with_a_hyphen_stay_one_value() -> None:
    model = model_of(
        "Organisers plan sessions with a title and a format "
        "(30-minute talk, 60-minute talk or workshop). "
        "Sessions have a room.\n"
    )
    fmt = next(a for a in entity_of(model, "session").attributes if a.name == "format")
    assert fmt.enum_values == ["30_minute_talk", "60_minute_talk", "workshop"]


def test_values_listed_in_parentheses_name_no_thing() -> None:
    model = model_of(
        "Teachers run classes with a title and a length (30-minute class, 60-minute class or workshop). "
        "Classes have a room.\n"
    )
    assert [e.name for e in model.entities] == ["class"]
    assert not model.relationships


def test_two_unjoined_words_after_a_colon_are_no_value_list() -> None:
    attr = _attribute(
        "Kiosks have a code. A kiosk has a street and a status: see below, later.", "kiosk", "status"
    )
    assert attr.kind is not Kind.ENUM
