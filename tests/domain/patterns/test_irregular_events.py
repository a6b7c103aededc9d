"""An event whose noun is not formed from its verb ("a member borrows a book" is a loan, "a grower sells
a crate" a sale), or is formed with a changed stem ("submit" → submission, "refer" → referral), links the
parties of the verb when the spec counts that noun. Sentences written for this test."""

from __future__ import annotations

import pytest

from schemawright.domain.verbs import rarer_nominalisations
from tests.domain.patterns._helpers import links, model_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A reader has a name and a card number. A journal has a title and an ISSN. Readers borrow "
            "journals. Each loan records the date it is due back.",
            [("loan", "journal"), ("loan", "reader")],
        ),
        (
            "A grower has a name and a stall. A crate has a weight and a grade. Growers sell crates to "
            "restaurants. For every sale we keep the price and the day.",
            [("sale", "crate"), ("sale", "grower")],
        ),
        (
            "A tenant has a name and a flat number. A landlord has a name and a phone. Tenants complain "
            "to landlords about repairs. Each complaint has a category and a date received.",
            [("complaint", "landlord"), ("complaint", "tenant")],
        ),
        (
            "A doctor has a name and a speciality. A patient has a name and a date of birth. Doctors refer "
            "patients to clinics. A referral has a priority and a reason. A clinic has a name.",
            [("referral", "clinic"), ("referral", "doctor"), ("referral", "patient")],
        ),
        (
            "A researcher has a name and an email. A journal has a title. Researchers submit articles to "
            "journals. Each submission has a received date and a status. An article has a title.",
            [("submission", "article"), ("submission", "journal"), ("submission", "researcher")],
        ),
    ],
)
def test_the_event_noun_of_a_verb_links_its_parties(text: str, expected: list[tuple[str, str]]) -> None:
    assert [link for link in links(model_of(text)) if link[0] == expected[0][0]] == expected


def test_an_event_noun_the_spec_never_counts_is_no_record_of_the_verb() -> None:
    # "the submission" is the form being sent, not a table of submitting
    text = (
        "A ringer has a name. A tower has a dedication. WHEN a peal is submitted THEN the System SHALL "
        "store the tower, the date and the ringers. IF a peal has no ringers THEN the System SHALL reject "
        "the submission. A peal has a method. IF the date is in the future THEN reject the submission."
    )
    model = model_of(text)
    assert model.entity("submission") is None
    assert ("peal", "tower") in links(model)


def test_stems_that_change_before_the_ending() -> None:
    assert rarer_nominalisations("submit") == ["submission"]
    assert rarer_nominalisations("suspend") == ["suspension"]
    assert rarer_nominalisations("refer") == ["referral"]
    assert rarer_nominalisations("count") == []
