"""The resolver's kind decision for one attribute: declared type and name together.
Examples written for this test, not taken from any corpus."""

from __future__ import annotations

import pytest

from schemawright.domain.facts import AttributeFact, Provenance
from schemawright.domain.lexicon import load_lexicon
from schemawright.domain.model import Kind
from schemawright.domain.resolve import Resolver


def _kind(name: str, declared: str | None = None) -> Kind:
    fact = AttributeFact(
        prov=Provenance(rule="test", origin="structured"), entity="thing", name=name, declared_type=declared
    )
    return Resolver(load_lexicon()).kind(fact)


@pytest.mark.parametrize(
    ("name", "declared"),
    [
        ("quantity", "DECIMAL(10,2)"),  # hours billed on an invoice line
        ("max_wind_speed", "numeric(5,1)"),
        ("stock", "float"),  # litres of milk in a tank
        ("duration_minutes", "double precision"),
    ],
)
def test_a_declared_type_with_fractions_keeps_a_whole_number_name_decimal(name: str, declared: str) -> None:
    assert _kind(name, declared) is Kind.DECIMAL


@pytest.mark.parametrize(
    ("name", "declared", "kind"),
    [
        ("quantity", "DECIMAL(10,0)", Kind.COUNT),  # scale 0: whole units
        ("quantity", "number", Kind.COUNT),  # TypeScript's number says nothing about fractions
        ("unit_price", "DECIMAL(10,2)", Kind.MONEY),  # money is no whole number: refined as before
    ],
)
def test_a_type_that_says_nothing_about_fractions_lets_the_name_decide(
    name: str, declared: str, kind: Kind
) -> None:
    assert _kind(name, declared) is kind
