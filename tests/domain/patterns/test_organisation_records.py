"""The organisation keeping someone's values ("the club also records each rower's weight") gives them to
that someone; a thing keeping them ("each invoice stores the customer's name") keeps its own copy.
Examples written for this test."""

from __future__ import annotations

import pytest

from tests.domain.patterns._helpers import attribute_names, model_of


@pytest.mark.parametrize(
    ("text", "entity", "names"),
    [
        ("Rowers have a licence number. The club also records the rower's weight, height and preferred "
         "seat.", "rower", {"weight", "preferred_seat"}),
        ("Each vet has a surgery number. The practice keeps every vet's mobile number and start date.", "vet",
         {"mobile_number", "start_date"}),
        ("Hives have a tag. The association notes each hive's queen colour and last inspection date.", "hive",
         {"queen_colour", "last_inspection_date"}),
    ],
)  # fmt: skip
def test_the_organisation_records_someone_elses_values(text: str, entity: str, names: set[str]) -> None:
    model = model_of(f"# Feature\n\n{text}\n")
    assert names <= set(attribute_names(model, entity))


def test_each_thing_storing_someones_value_keeps_its_own_copy() -> None:
    model = model_of("# Billing\n\nEach invoice has a number. Each invoice stores the customer's name.\n")
    assert "name" in attribute_names(model, "invoice")
