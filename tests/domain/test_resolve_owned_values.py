"""Values listed for a value named without its owner ("Status is one of …") belong to the thing that holds a
value of that name, the nearest one before them. Examples written for this test."""

from __future__ import annotations

from schemawright.domain.model import DomainModel
from tests.domain.patterns._helpers import model_of


def _values(model: DomainModel, entity: str, name: str) -> list[str]:
    found = model.entity(entity)
    assert found is not None, [e.name for e in model.entities]
    return next((a.enum_values for a in found.attributes if a.name == name), [])


def test_values_of_an_ownerless_status_go_to_the_thing_holding_a_status() -> None:
    model = model_of(
        "# Kiosks\n\nEach kiosk has a code and a status. Status is one of online, offline or retired.\n"
    )
    assert _values(model, "kiosk", "status") == ["online", "offline", "retired"]


def test_the_nearest_holder_before_the_values_takes_them() -> None:
    model = model_of(
        "# Fleet\n\n"
        "Each boat has a name and a status. Each trailer has a plate and a status.\n\n"
        "The status is one of: parked, hired or broken.\n"
    )
    assert _values(model, "trailer", "status") == ["parked", "hired", "broken"]
    assert _values(model, "boat", "status") == []
