"""Two modifiers joined by "and" share the noun after them: "a first and last name" is first_name and
last_name, "a start and end date" start_date and end_date even when the parser reads "end" as a verb.
Examples written for this test."""

from __future__ import annotations

import pytest

from tests.domain.patterns._helpers import attribute_names, model_of


@pytest.mark.parametrize(
    ("text", "entity", "names"),
    [
        ("Each booking has a start and end date and a price.", "booking", {"start_date", "end_date"}),
        (
            "Each season has an opening and closing date and a name.",
            "season",
            {"opening_date", "closing_date"},
        ),
        ("A player has a first and last name and a rating.", "player", {"first_name", "last_name"}),
    ],
)
def test_shared_noun(text: str, entity: str, names: set[str]) -> None:
    assert names <= set(attribute_names(model_of(f"# Spec\n\n{text}\n"), entity))


def test_a_modifier_alone_shares_nothing() -> None:
    model = model_of("# Spec\n\nEach booking has an end date and a price.\n")
    assert "start_date" not in attribute_names(model, "booking")
