""""The clinic registers every patient who arrives with their name, …": a with-list on a relative clause
that takes no object describes the noun the clause is about. A with-phrase naming no values ("who sign in
with Google") describes nothing. Examples written for this test."""

from __future__ import annotations

import pytest

from tests.domain.patterns._helpers import attribute_names, model_of


@pytest.mark.parametrize(
    ("text", "entity", "attributes"),
    [
        (
            "The clinic registers every patient who arrives with their name, date of birth and insurance "
            "number. A patient has a phone number.",
            "patient",
            {"name", "birth_date", "insurance_number"},
        ),
        (
            "We keep every parcel that comes in with its weight, its tracking code and the sender name. A "
            "parcel has a status.",
            "parcel",
            {"weight", "tracking_code", "sender_name"},
        ),
        (
            "The hostel records every guest who checks in with a passport number, a nationality and a home "
            "address. A guest has a name.",
            "guest",
            {"passport_number", "nationality", "home_address"},
        ),
    ],
)
def test_a_with_list_on_a_relative_clause_describes_its_noun(
    text: str, entity: str, attributes: set[str]
) -> None:
    assert attributes <= set(attribute_names(model_of(f"# Spec\n\n{text}\n"), entity))


def test_a_with_phrase_naming_no_values_describes_nothing() -> None:
    model = model_of("# Spec\n\nMembers who sign in with Google see their bookings. A member has a name.\n")
    assert attribute_names(model, "member") == ["name"]
