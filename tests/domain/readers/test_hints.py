"""The short notes beside a declared field: which of them list the field's values, which declared types
are only a type made optional, and what a field named as a flag says. Notes written for this test."""

from __future__ import annotations

import pytest

from schemawright.domain.naming import flag_field
from schemawright.domain.readers.hints import enum_hint, nullable_type


@pytest.mark.parametrize(
    ("notes", "values"),
    [
        # a remark in parentheses after "one of" ends the list
        ("one of bronze, silver, gold (chosen at sign-up)", ["bronze", "silver", "gold"]),
        # a label, a colon, then the values
        ("soil texture: clay, loam, sand, peat", ["clay", "loam", "sand", "peat"]),
        ("optional: sunny, cloudy, rainy or snowy", ["sunny", "cloudy", "rainy", "snowy"]),
        # the note is the list itself
        ("under_5, 5_to_10, over_10", ["under_5", "5_to_10", "over_10"]),
    ],
)
def test_notes_that_list_values(notes: str, values: list[str]) -> None:
    assert enum_hint(notes) == values


@pytest.mark.parametrize(
    "notes",
    [
        "required, unique, indexed",  # words that qualify the field
        "e.g. oak, ash, beech",  # examples, not every value
        "1, 2, 4",  # numbers: a number column with a check, not labels
        "Street, City, Postcode",  # mixed case: names of parts
        "the kennel it sleeps in",
    ],
)
def test_notes_that_list_no_values(notes: str) -> None:
    assert enum_hint(notes) == []


def test_a_union_with_null_is_an_optional_type() -> None:
    assert nullable_type("date | null") == "date"
    assert nullable_type("undefined | number") == "number"
    assert nullable_type("small | large") is None
    assert nullable_type("date") is None


@pytest.mark.parametrize(
    ("name", "flag"),
    [
        ("active flag", "active"),
        ("explicit-lyrics flag", "explicit_lyrics"),
        ("open/closed flag", "open"),
        ("yes/no flag", None),
        ("flag", None),
        ("flag colour", None),
    ],
)
def test_flag_field_names_what_a_flag_says(name: str, flag: str | None) -> None:
    assert flag_field(name) == flag
