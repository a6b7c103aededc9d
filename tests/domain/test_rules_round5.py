"""Round-5 rules: facts kept per pair of things ("for each A on each B we keep …") and times of day. Each
sentence is written for its test."""

from __future__ import annotations

from schemawright.domain.analyze import analyze
from schemawright.domain.model import Cardinality, DomainModel, Kind
from schemawright.spec.parser import parse_spec


def _model(text: str) -> DomainModel:
    return analyze(parse_spec(text), "t", "t")


FERRY = """# Ferry bookings

## Requirements

- A sailing has a departure date and a vessel name.
- A cabin class has a label.
- Cabin fares: for each cabin class on each sailing we keep the fare and the berths left, which can never be \
negative; there is exactly one cabin fare per cabin class and sailing.
"""

COACH = """# Coach timetable

## Requirements

- A route has a code and an origin.
- Seat prices: for each route on each date we keep the fare, which can never be negative; there is exactly \
one seat price per route and date.
"""

GREENHOUSE = """# Greenhouse log

## Requirements

- A bed has a label and a soil type.
- A crop has a name.
- For each crop in each bed we track the sowing date and the expected yield.
"""


def test_per_pair_fact_is_an_entity_linked_to_both_with_a_composite_key() -> None:
    model = _model(FERRY)
    fare = model.entity("cabin_fare")
    assert fare is not None
    assert {"fare", "berths_left"} <= {a.name for a in fare.attributes}
    assert fare.attribute("fare") is not None and fare.attribute("fare").kind is Kind.MONEY  # type: ignore[union-attr]
    links = {(r.child, r.parent, r.cardinality) for r in model.relationships}
    assert ("cabin_fare", "cabin_class", Cardinality.MANY_TO_ONE) in links
    assert ("cabin_fare", "sailing", Cardinality.MANY_TO_ONE) in links
    assert any(
        u.entity == "cabin_fare" and set(u.attributes) == {"cabin_class", "sailing"} for u in model.uniques
    )
    assert any(
        c.entity == "cabin_fare" and c.attribute == "fare" and c.kind == "non_negative" for c in model.checks
    )
    assert model.entity("cabin_class_on_each_sailing") is None


def test_per_pair_on_each_date_keys_on_a_date_column() -> None:
    model = _model(COACH)
    price = model.entity("seat_price")
    assert price is not None and price.attribute("date") is not None
    assert price.attribute("date").kind is Kind.DATE  # type: ignore[union-attr]
    assert model.entity("date") is None
    assert any(u.entity == "seat_price" and u.attributes == ["route", "date"] for u in model.uniques)


def test_unlabelled_per_pair_fact_is_named_by_both_nouns() -> None:
    model = _model(GREENHOUSE)
    sowing = model.entity("crop_bed")
    assert sowing is not None
    assert {"sowing_date", "expected_yield"} <= {a.name for a in sowing.attributes}
    parents = {r.parent for r in model.relationships if r.child == "crop_bed"}
    assert parents == {"crop", "bed"}


KENNEL = """# Kennel records

## Requirements

- A kennel keeps several contact phones; one of its contact phones is marked as the main one.
- A groomer has a full name and a salon address.
- One of the groomer's certificates is flagged as the primary one.
"""


def test_entity_that_keeps_several_values_gets_a_value_table_and_a_main_flag() -> None:
    model = _model(KENNEL)
    assert model.entity("kennel") is not None
    phones = model.entity("kennel_contact_phone")
    assert phones is not None
    assert {a.name for a in phones.attributes} == {"contact_phone", "is_main"}
    owned = {(r.child, r.parent) for r in model.relationships if r.ownership == "owned"}
    assert ("kennel_contact_phone", "kennel") in owned
    assert any(
        u.entity == "kennel_contact_phone" and u.attributes == ["kennel"] and u.where == "is_main = true"
        for u in model.uniques
    )


def test_main_one_of_a_named_owners_values_makes_the_value_table() -> None:
    model = _model(KENNEL)
    certs = model.entity("groomer_certificate")
    assert certs is not None and certs.attribute("is_primary") is not None
    assert any(u.entity == "groomer_certificate" and u.where == "is_primary = true" for u in model.uniques)
