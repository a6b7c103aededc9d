"""Verb morphology the analyzer leans on: the verb an event noun names, read from lemminflect's
dictionary (deterministic and offline)."""

from __future__ import annotations

import pytest

from schemawright.domain.verbs import event_participle, event_verb, past_participle


@pytest.mark.parametrize(
    ("noun", "verb"),
    [
        ("verification", "verify"),
        ("resolution", "resolve"),
        ("registration", "register"),
        ("submission", "submit"),
        ("cancellation", "cancel"),
        ("payment", "pay"),
        ("archive", "archive"),
        ("expiry", "expire"),
    ],
)
def test_an_event_noun_names_its_verb(noun: str, verb: str) -> None:
    assert event_verb(noun) == verb


def test_a_noun_that_names_no_event_has_no_verb() -> None:
    assert event_verb("width") is None
    assert past_participle("pay") == "paid"


def test_the_participle_is_spelled_as_the_event_noun_is() -> None:
    assert event_participle("cancellation") == "cancelled"
    assert event_participle("verification") == "verified"
    assert event_participle("width") is None
