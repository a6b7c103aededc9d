"""The domain scorer reads ``many_to_many`` as the gold README and benchmarks/scoring/score.py do: a junction
table with a foreign key to each end, whether the model calls it a many-to-many or an entity of its own."""

from __future__ import annotations

from schemawright.domain.model import Cardinality, DomainModel, Entity, Relationship
from tests.domain.gold import compare

GOLD = {
    "entities": {"appointment": {}, "service": {}, "appointment_service": {}},
    "relationships": [{"many_to_many": ["appointment", "service"]}],
}


def _model(*rels: Relationship) -> DomainModel:
    names = ["appointment", "service", "appointment_service"]
    return DomainModel(
        feature_id="x", feature_name="x", entities=[Entity(name=n) for n in names], relationships=list(rels)
    )


def test_a_junction_entity_with_a_key_to_each_end_meets_the_many_to_many() -> None:
    model = _model(
        Relationship(child="appointment_service", parent="appointment"),
        Relationship(child="appointment_service", parent="service"),
    )
    rels = compare(model, GOLD)[2]
    assert (rels.tp, rels.fp, rels.fn) == (1, 0, 0)


def test_a_declared_many_to_many_still_counts() -> None:
    model = _model(Relationship(child="appointment", parent="service", cardinality=Cardinality.MANY_TO_MANY))
    rels = compare(model, GOLD)[2]
    assert (rels.tp, rels.fn) == (1, 0)


def test_a_key_to_one_end_only_is_a_miss_and_an_extra() -> None:
    model = _model(Relationship(child="appointment_service", parent="appointment"))
    rels = compare(model, GOLD)[2]
    assert (rels.tp, rels.fp, rels.fn) == (0, 1, 1)
