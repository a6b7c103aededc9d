"""The time of an event belongs to the thing whose clause lists it, not to whatever an earlier clause of the
same sentence was about. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.domain.patterns._helpers import model_of


def _owner_of(text: str, attribute: str) -> list[str]:
    return [e.name for e in model_of(text).entities if any(a.name == attribute for a in e.attributes)]


@pytest.mark.parametrize(
    ("text", "attribute", "owner"),
    [
        (
            "A tenant has a name. A landlord has a name and a phone. Tenants complain about landlords; each "
            "complaint has a category and a date received.",
            "received_on",
            "complaint",
        ),
        (
            "A visitor has a name. An exhibit has a title and a room. Visitors ask about exhibits; every "
            "enquiry records the question and the time it was answered.",
            "answered_at",
            "enquiry",
        ),
        (
            "A diver has a name and a grade. A wreck has a name and a depth. Divers talk about wrecks, and "
            "each dive keeps the site, the depth reached and the time it ended.",
            "ended_at",
            "dive",
        ),
    ],
)
def test_the_clause_that_lists_a_time_owns_it(text: str, attribute: str, owner: str) -> None:
    assert _owner_of(text, attribute) == [owner]


def test_a_person_who_records_the_time_does_not_own_it() -> None:
    text = (
        "A nurse has a name. A visit has a date and a patient. When a visit is over, the nurse records "
        "the notes and the time it ended."
    )
    assert _owner_of(text, "ended_at") == ["visit"]


def test_a_participle_the_tagger_took_for_a_verb_owns_nothing() -> None:
    text = "A route has a hold colour, a grade written the French way, a name and the date it was set."
    assert _owner_of(text, "set_on") == ["route"]
