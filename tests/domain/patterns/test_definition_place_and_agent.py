"""In a definition, "taken at one station by one sensor" names two things the defined one refers to: a
place ("at", "from") is no container whose agent the second one is. Only a container ("bought in one order
by one attendee") passes the agent to itself: the attendee placed the order. Examples written for this
test."""

from __future__ import annotations

from tests.domain.patterns._helpers import links, model_of

SPEC = """# Spec

## Key Entities

- **Station**: a place with a name and a postcode.
- **Sensor**: a device with a serial number and a model.
- **Reading**: a measurement with a value, taken at one station by one sensor.
- **Garage**: a workshop with a name and an address.
- **Mechanic**: a person with a name and a grade.
- **Repair**: a fix with a cost, carried out at one garage by one mechanic.
- **Depot**: a yard with a name and a town.
- **Driver**: a person with a name and a licence number.
- **Pickup**: a collection with a time, made from one depot by one driver.
- **Order**: a purchase with a total, placed on a date.
- **Attendee**: a person with a name and an email.
- **Ticket**: a seat with a price, bought in one order by one attendee.
"""


def test_a_place_and_an_agent_are_both_the_defined_things_references() -> None:
    found = links(model_of(SPEC))
    for pair in [
        ("reading", "station"),
        ("reading", "sensor"),
        ("repair", "garage"),
        ("repair", "mechanic"),
        ("pickup", "depot"),
        ("pickup", "driver"),
    ]:
        assert pair in found, found
    assert not {("station", "sensor"), ("garage", "mechanic"), ("depot", "driver")} & set(found), found


def test_the_agent_of_a_purchase_in_a_container_is_the_containers() -> None:
    found = links(model_of(SPEC))
    assert ("ticket", "order") in found and ("order", "attendee") in found, found
    assert ("ticket", "attendee") not in found, found
