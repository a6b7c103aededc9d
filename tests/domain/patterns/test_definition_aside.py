"""An aside set off by a comma after the predicate of a definition ("…, identified by X, with A and B")
describes the thing defined, not the noun it happens to follow. Examples written for this test."""

from __future__ import annotations

import pytest

from tests.domain.patterns._helpers import attribute_names, model_of


@pytest.mark.parametrize(
    ("text", "entity", "names"),
    [
        (
            "A tenant is a person renting a flat, identified by a national ID, with a name and a phone.",
            "tenant",
            {"national_id", "name", "phone"},
        ),
        (
            "A hive is a box in an apiary, identified by a tag number, with a queen colour and a weight.",
            "hive",
            {"tag_number", "queen_colour", "weight"},
        ),
        (
            "A barge is a boat on the canal, identified by its licence number, with a length and a weight.",
            "barge",
            {"licence_number", "length", "weight"},
        ),
    ],
)
def test_an_aside_after_a_definition_describes_the_thing_defined(
    text: str, entity: str, names: set[str]
) -> None:
    model = model_of(f"# Feature\n\n{text}\n")
    assert names <= set(attribute_names(model, entity))


def test_an_aside_in_a_sentence_that_defines_nothing_stays_where_it_hangs() -> None:
    model = model_of(
        "# Lets\n\nEach tenant has a phone. A tenant rents a flat in the town, with a balcony and a garden.\n"
    )
    assert not {"balcony", "garden"} & set(attribute_names(model, "tenant"))
