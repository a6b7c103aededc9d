""" "Every ferry departs from one harbour …": after a singular determiner ("a", "each", "every") the
small model reads "ferry departs" as one plural noun phrase, or the verb as the subject of a later verb.
A singular determiner cannot head a plural noun, so the last word is the verb and the noun its subject.
Examples written for this test."""

from __future__ import annotations

import pytest

from schemawright.domain.nlp.parse import parse_texts
from tests.domain.patterns._helpers import links, model_of


def _roles(sentence: str, verb: str) -> tuple[str, str]:
    sent = parse_texts([(sentence, 1, "")])[0]
    v = next(t for t in sent.tokens if t.text == verb)
    subject = next(t.text for t in sent.tokens if t.head == v.i and t.dep.startswith("nsubj"))
    return v.pos, subject


@pytest.mark.parametrize(
    ("sentence", "verb", "subject"),
    [
        (
            "Every ferry departs from one harbour and calls at several islands, and is crewed by one "
            "skipper.",
            "departs",
            "ferry",
        ),
        ("A venue hosts several concerts and a concert tours many venues.", "hosts", "venue"),
        ("Every parcel travels in one van and is signed for by one recipient.", "travels", "parcel"),
        (
            "Each minibus departs from one depot, has a seat count and is driven by one driver.",
            "departs",
            "minibus",
        ),
    ],
)
def test_the_word_after_a_singular_subject_is_its_verb(sentence: str, verb: str, subject: str) -> None:
    assert _roles(sentence, verb) == ("VERB", subject)


def test_a_plural_noun_after_the_stays_a_noun() -> None:
    sent = parse_texts([("The customer orders are shipped weekly.", 1, "")])[0]
    orders = next(t for t in sent.tokens if t.text == "orders")
    assert orders.pos == "NOUN" and orders.dep.startswith("nsubj")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Every ferry departs from one harbour and is crewed by exactly one skipper. A ferry has a "
            "name and a capacity. A harbour has a name and a town. A skipper has a name and a licence "
            "number.",
            [("ferry", "harbour"), ("ferry", "skipper")],
        ),
        (
            "Every parcel travels in one van and is signed for by one recipient. A van has a "
            "registration and a make. A recipient has a name and an address. A parcel has a weight and a "
            "barcode.",
            [("parcel", "recipient"), ("parcel", "van")],
        ),
    ],
)
def test_the_verbs_links_are_found(text: str, expected: list[tuple[str, str]]) -> None:
    found = links(model_of(f"# Spec\n\n{text}\n"))
    assert all(link in found for link in expected), found


def test_a_second_statement_after_and_keeps_its_own_subject() -> None:
    model = model_of(
        "# Concerts\n\nA venue hosts several concerts and a concert tours many venues. A venue has a "
        "name and a capacity. A concert has a title and a date.\n"
    )
    assert [(r.child, r.parent, r.cardinality.value) for r in model.relationships] in (
        [("venue", "concert", "many_to_many")],
        [("concert", "venue", "many_to_many")],
    )


@pytest.mark.parametrize(
    ("sentence", "verb", "subject"),
    [
        ("A tenancy ties one tenant to one flat.", "ties", "tenancy"),
        ("A rental links one bike to one rider.", "links", "rental"),
        ("A rental ties one kayak to one paddler.", "ties", "rental"),
    ],
)
def test_a_plural_root_after_a_singular_noun_is_its_verb(sentence: str, verb: str, subject: str) -> None:
    assert _roles(sentence, verb) == ("VERB", subject)


def test_a_plural_subject_with_an_adjective_stays_a_noun() -> None:
    sent = parse_texts([("Red links are shown.", 1, "")])[0]
    links_ = next(t for t in sent.tokens if t.text == "links")
    assert links_.pos == "NOUN"


def test_a_rental_that_ties_a_kayak_to_a_paddler_refers_to_both() -> None:
    model = model_of(
        "# Spec\n\nA rental ties one kayak to one paddler. A kayak has a hull number and a colour. A paddler "
        "has a name and a phone number. A rental has a start time and a price.\n"
    )
    assert {("rental", "kayak"), ("rental", "paddler")} <= set(links(model))


@pytest.mark.parametrize(
    "sentence",
    [
        "A supplier is either local or national; the firm records which of the two it is and an address.",
        "A patient is either insured or private; the firm records which of the two applies and a phone.",
        "A member is either junior or senior; the firm records which of the two applies and a name.",
    ],
)
def test_a_verbless_clause_reads_the_adjective_before_a_plural_as_its_subject(sentence: str) -> None:
    assert _roles(sentence, "records") == ("VERB", "firm")


def test_an_adjective_without_a_determiner_stays_a_modifier() -> None:
    sent = parse_texts([("The archive keeps old records.", 1, "")])[0]
    records = next(t for t in sent.tokens if t.text == "records")
    assert records.pos == "NOUN"
