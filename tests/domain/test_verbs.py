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
        ("redemption", "redeem"),
        ("consumption", "consume"),
        ("subscription", "subscribe"),
        ("departure", "depart"),
        ("signature", "sign"),
        ("anonymisation", "anonymise"),
        ("digitization", "digitize"),
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


def test_a_scribe_verb_is_named_by_its_scription() -> None:
    from schemawright.domain.verbs import nominalisations

    assert "subscription" in nominalisations("subscribe")
    assert "prescription" in nominalisations("prescribe")


def test_the_subscription_after_a_many_to_many_is_its_link() -> None:
    # written for this test: the subscription between readers and newsletters, with values of its own
    from tests.domain.patterns._helpers import links, model_of

    model = model_of(
        "A reader has a name and an email. A newsletter has a title and a frequency. Readers subscribe to "
        "many newsletters; each subscription has a start date and a status.\n"
    )
    assert ("subscription", "newsletter") in links(model)
    assert ("subscription", "reader") in links(model)
