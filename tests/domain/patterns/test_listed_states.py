"""A thing said to be one of three or more states ("A locker is available, reserved, occupied or out of
service") has a status with those values. A passive with an agent ("paid, confirmed or cancelled by the
office") or a list joined by "and" ("large, bright and quiet") is no state list. Examples written for this
test."""

from __future__ import annotations

from tests.domain.patterns._helpers import attribute_names, data_spec, entity_of, model_of


def test_a_list_of_states_is_a_status() -> None:
    model = model_of(
        data_spec(
            "A locker has a number and a size. A locker is available, reserved, occupied or out of "
            "service.\n\n"
            "A kiln has a name. Each kiln is idle, firing, cooling or broken.\n\n"
            "A volunteer has a name and a phone number. A volunteer is active, resting or retired."
        )
    )
    statuses = {
        name: next(a for a in entity_of(model, name).attributes if a.name == "status").enum_values
        for name in ("locker", "kiln", "volunteer")
    }
    assert statuses == {
        "locker": ["available", "reserved", "occupied", "out_of_service"],
        "kiln": ["idle", "firing", "cooling", "broken"],
        "volunteer": ["active", "resting", "retired"],
    }


def test_a_passive_with_an_agent_or_a_list_of_qualities_is_no_status() -> None:
    model = model_of(
        data_spec(
            "A booking has a date. A booking is paid, confirmed or cancelled by the office.\n\n"
            "A studio has a name. A studio is large, bright and quiet."
        )
    )
    assert "status" not in attribute_names(model, "booking")
    assert "status" not in attribute_names(model, "studio")
