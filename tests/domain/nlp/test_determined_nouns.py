""""A voucher has a code": the small model tags some nouns as adjectives ("voucher", "flat", "portal"). A word
after a determiner in a subject or object position with a noun reading is a noun; words that stand for a
noun left out ("the first", "the other") stay adjectives. Examples written for this test."""

from __future__ import annotations

import pytest

from schemawright.domain.nlp.parse import parse_texts
from tests.domain.patterns._helpers import links, model_of


def _pos(sentence: str, word: str) -> str:
    sent = parse_texts([(sentence, 1, "")])[0]
    return next(t.pos for t in sent.tokens if t.text == word)


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("A voucher belongs to one customer.", "voucher"),
        ("The landlord lets the flat to a tenant.", "flat"),
        ("The portal shows every booking.", "portal"),
    ],
)
def test_a_determined_word_in_a_noun_position_is_a_noun(sentence: str, word: str) -> None:
    assert _pos(sentence, word) == "NOUN"


def test_a_word_standing_for_a_left_out_noun_stays_an_adjective() -> None:
    assert _pos("Two runs are booked and the first is cancelled.", "first") != "NOUN"


def test_a_voucher_that_belongs_to_a_customer_refers_to_it() -> None:
    model = model_of(
        "# Spec\n\nA voucher has a code and a value. A voucher belongs to one customer. A customer has a "
        "name and an email.\n"
    )
    assert ("voucher", "customer") in links(model)
