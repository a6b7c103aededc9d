""""store for each lift its name, its type …": after "for each" the word is a noun, though the small model
reads "lift", "pass" or "dive" as a verb (or a noun with an object) and hangs the list on it. The list is
what the recording verb stores for that thing. Examples written for this test."""

from __future__ import annotations

import pytest

from schemawright.domain.nlp.parse import parse_texts
from tests.domain.patterns._helpers import attribute_names, model_of


@pytest.mark.parametrize(
    ("text", "entity", "attributes"),
    [
        (
            "THE System SHALL store for each lift its name, its length in metres and whether it is open.",
            "lift",
            {"name", "length_metres", "open"},
        ),
        (
            "We store for each pass the holder's name, the price and the expiry date.",
            "pass",
            {"name", "price", "expiry_date"},
        ),
        (
            "THE System SHALL keep for every dive its depth, its duration and the water temperature.",
            "dive",
            {"depth", "duration", "water_temperature"},
        ),
    ],
)
def test_the_list_after_for_each_thing_is_that_things(text: str, entity: str, attributes: set[str]) -> None:
    assert attributes <= set(attribute_names(model_of(f"# Spec\n\n{text}\n"), entity))


def test_a_verb_after_each_with_a_plural_subject_stays_a_verb() -> None:
    sent = parse_texts([("The partners each leave a review of the other.", 1, "")])[0]
    leave = next(t for t in sent.tokens if t.text == "leave")
    assert leave.pos == "VERB"
