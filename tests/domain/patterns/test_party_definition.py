"""A thing defined as a party doing something refers to the party and to what it does it with: "a loan is
a member borrowing one copy" links the loan to the member and the copy. A generic noun ("a person renting
a flat") is another name for the subject, not a party. Examples written for this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import attribute_names, links, model_of


def test_party_and_counted_object() -> None:
    model = model_of(
        "# Library\n\nA loan is a member borrowing one copy. A member has a name. A copy has a barcode. "
        "A loan has a due date.\n"
    )
    assert {("loan", "member"), ("loan", "copy")} <= set(links(model))


def test_party_object_and_place() -> None:
    model = model_of(
        "# School\n\nAn enrolment is a student attending one course in one term. A student has a name. "
        "A course has a title. A term has a start date. An enrolment has a grade.\n"
    )
    assert {("enrolment", "student"), ("enrolment", "course"), ("enrolment", "term")} <= set(links(model))


def test_the_participle_states_no_link_of_the_party() -> None:
    model = model_of(
        "# Market\n\nA booking is a trader taking one pitch. A trader has a name. A pitch has a code. "
        "A booking has a fee.\n"
    )
    assert ("trader", "pitch") not in links(model)
    assert ("booking", "pitch") in links(model)


def test_a_generic_noun_is_another_name_for_the_subject() -> None:
    model = model_of("# Lettings\n\nA tenant is a person renting a flat, with a name and a phone number.\n")
    assert {"name", "phone"} <= set(attribute_names(model, "tenant"))
    assert model.entity("person") is None
