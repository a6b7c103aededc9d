"""The textbook measure (``benchmarks/score_textbook.py``) matches names exactly: only case and
singular/plural are forgiven; relationships are unordered pairs."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType
from typing import Any

from schemawright.domain.model import Attribute, Cardinality, DomainModel, Entity, Kind, Relationship
from tests.corpus_paths import REPO


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_textbook", REPO / "benchmarks" / "score_textbook.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through it
    spec.loader.exec_module(module)
    return module


GOLD: dict[str, Any] = {
    "entities": {
        "customer": {"tables": ["customers"], "attributes": {"name": ["name", "full_name"]}},
        "account": {"tables": ["accounts"], "attributes": {"balance": ["balance"], "number": ["number"]}},
        "order_item": {"tables": ["order_items"]},
    },
    "relationships": [{"from": "account", "to": "customer"}, {"between": ["order_item", "account"]}],
}


def _attr(name: str) -> Attribute:
    return Attribute(name=name, kind=Kind.TEXT)


def test_exact_names_pairs_and_micro_counts() -> None:
    model = DomainModel(
        feature_id="405",
        feature_name="bank",
        entities=[
            Entity(name="CUSTOMERS", attributes=[_attr("full_name"), _attr("id"), _attr("at_least_one")]),
            Entity(name="account", attributes=[_attr("balances")]),
            Entity(name="orderitem"),  # "_" is not forgiven
        ],
        relationships=[
            Relationship(child="CUSTOMERS", parent="account"),  # reversed: still the same pair
            Relationship(child="account", parent="orderitem", cardinality=Cardinality.MANY_TO_MANY),
        ],
    )
    entities, attributes, associations = _scorer().score(model, GOLD)
    assert (entities.tp, entities.fp, entities.fn) == (2, 1, 1)
    assert entities.extra == ["orderitem"] and entities.missed == ["order_item"]
    assert (attributes.tp, attributes.fp, attributes.fn) == (2, 1, 1)
    assert attributes.extra == ["CUSTOMERS.at_least_one"] and attributes.missed == ["account.number"]
    assert (associations.tp, associations.fp, associations.fn) == (1, 1, 1)
    assert round(entities.precision, 2) == 0.67 and round(entities.recall, 2) == 0.67
