"""A measurement of some material is named by the measure and its unit, not the material: "the weight of
flour in kilograms" is weight_kg. Examples written for this test, not taken from any corpus."""

from __future__ import annotations

from schemawright.domain.analyze import analyze
from schemawright.domain.model import Kind
from schemawright.spec.parser import parse_spec


def test_the_measured_material_is_left_out_and_the_unit_kept() -> None:
    model = analyze(
        parse_spec("# Bakery\n\nEach batch records the weight of flour in kilograms and a baking date.\n"),
        "x",
        "x",
    )
    batch = model.entity("batch")
    assert batch is not None
    kinds = {a.name: a.kind for a in batch.attributes}
    assert kinds.get("weight_kg") is Kind.DECIMAL


def test_a_value_completed_by_a_bare_noun_is_still_one_name() -> None:
    model = analyze(parse_spec("# Crew\n\nEach sailor has a name and a country of origin.\n"), "x", "x")
    sailor = model.entity("sailor")
    assert sailor is not None
    assert "country_of_origin" in {a.name for a in sailor.attributes}


def test_a_participle_between_the_measure_and_its_unit_keeps_the_unit() -> None:
    model = analyze(
        parse_spec("# Zoo\n\nEach feeding has a keeper name, a time and the amount eaten in grams.\n"),
        "x",
        "x",
    )
    feeding = model.entity("feeding")
    assert feeding is not None
    kinds = {a.name: a.kind for a in feeding.attributes}
    assert kinds.get("amount_grams") is Kind.DECIMAL, kinds
