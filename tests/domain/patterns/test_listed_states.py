"""A thing said to be one of three or more states ("A locker is available, reserved, occupied or out of
service") has a status with those values. A passive with an agent ("paid, confirmed or cancelled by the
office") or a list joined by "and" ("large, bright and quiet") is no state list. Examples written for this
test."""

from __future__ import annotations

from schemawright.domain.model import DomainModel
from tests.domain.patterns._helpers import attribute_names, data_spec, entity_of, model_of


def _statuses(model: DomainModel, names: tuple[str, ...]) -> dict[str, list[str]]:
    return {
        name: next(a for a in entity_of(model, name).attributes if a.name == "status").enum_values
        for name in names
    }


def test_a_list_of_states_is_a_status() -> None:
    model = model_of(
        data_spec(
            "A locker has a number and a size. A locker is available, reserved, occupied or out of "
            "service.\n\n"
            "A kiln has a name. Each kiln is idle, firing, cooling or broken.\n\n"
            "A volunteer has a name and a phone number. A volunteer is active, resting or retired."
        )
    )
    assert _statuses(model, ("locker", "kiln", "volunteer")) == {
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


def test_states_the_parser_reads_as_a_passive_are_a_status() -> None:
    model = model_of(
        data_spec(
            "A visit has a date. A visit is either booked, completed, cancelled or a no-show.\n\n"
            "A claim has a description. Claims are submitted, assessed, paid or rejected.\n\n"
            "A fixture has a kick-off time. A fixture is scheduled, postponed or played."
        )
    )
    assert _statuses(model, ("visit", "claim", "fixture")) == {
        "visit": ["booked", "completed", "cancelled", "no_show"],
        "claim": ["submitted", "assessed", "paid", "rejected"],
        "fixture": ["scheduled", "postponed", "played"],
    }


def test_two_participles_without_either_are_no_status() -> None:
    model = model_of(data_spec("A loan has a date. Loans are renewed or returned."))
    assert "status" not in attribute_names(model, "loan")
