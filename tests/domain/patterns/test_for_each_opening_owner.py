"""A sentence that opens with "For each stop of a service we record …" gives the values to the stop only,
even where the parser hangs "we record" away from the for-phrase; the thing the sentence before spoke of
gets none of them. A thing that states its own values in the same sentence keeps them. Examples written
for this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import attribute_names, data_spec, model_of


def test_the_opening_owner_alone_gets_the_values() -> None:
    model = model_of(
        data_spec(
            "A ferry has a name and a capacity. A harbour has a name. For each call of a ferry we record the "
            "harbour, the arrival time and the departure time."
        )
    )
    assert {"arrival_time", "departure_time"} <= set(attribute_names(model, "call"))
    assert "arrival_time" not in attribute_names(model, "harbour")


def test_a_thing_stating_its_own_values_keeps_them() -> None:
    model = model_of(
        data_spec(
            "A lease has a start date. For each running lease an invoice is generated every month, stating "
            "its due date and its amount."
        )
    )
    assert {"due_date", "amount"} <= set(attribute_names(model, "invoice"))
