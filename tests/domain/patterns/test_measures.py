"""A measurement of some material is named by the measure and its unit, not the material: "the weight of
flour in kilograms" is weight_kg. Examples written for this test, not taken from any corpus."""

from __future__ import annotations

from schemawright.domain.model import Kind
from tests.domain.patterns._helpers import attribute_kinds, attribute_names, model_of


def test_the_measured_material_is_left_out_and_the_unit_kept() -> None:
    model = model_of("# Bakery\n\nEach batch records the weight of flour in kilograms and a baking date.\n")
    kinds = attribute_kinds(model, "batch")
    assert kinds.get("weight_kg") is Kind.DECIMAL


def test_a_value_completed_by_a_bare_noun_is_still_one_name() -> None:
    model = model_of("# Crew\n\nEach sailor has a name and a country of origin.\n")
    assert attribute_names(model, "sailor") == ["name", "origin_country"]  # one name, as a designer writes it


def test_a_participle_between_the_measure_and_its_unit_keeps_the_unit() -> None:
    model = model_of("# Zoo\n\nEach feeding has a keeper name, a time and the amount eaten in grams.\n")
    kinds = attribute_kinds(model, "feeding")
    assert kinds.get("amount_grams") is Kind.DECIMAL, kinds
