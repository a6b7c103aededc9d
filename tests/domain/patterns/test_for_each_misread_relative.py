""" ", and for every feeding we record the animal, the keeper …": a small parser reads "we record …" as a
relative clause on "feeding"; the quantified noun after "for" still owns what is recorded, and the
things among the values are its references. A real relative clause ("the animal we record") owns nothing.
Examples written for this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import attribute_names, data_spec, links, model_of


def test_the_quantified_noun_after_for_owns_the_values() -> None:
    model = model_of(
        data_spec(
            "Each horse has a name. Farriers have a name. Horses are shod every few weeks, and for every "
            "shoeing we record the horse, the farrier, the date and the cost.\n\n"
            "Each boat has a name. Boats are inspected twice a year, and for each inspection we note the "
            "boat, the inspector name and the outcome."
        )
    )
    assert {"date", "cost"} <= set(attribute_names(model, "shoeing"))
    assert {("shoeing", "horse"), ("shoeing", "farrier")} <= set(links(model))
    assert "outcome" in attribute_names(model, "inspection")
    assert ("inspection", "boat") in links(model)
    assert "cost" not in attribute_names(model, "horse")


def test_a_real_relative_clause_owns_nothing() -> None:
    model = model_of(
        data_spec("Each horse has a name and a colour. The horse we record is the one in the stable.")
    )
    assert [e.name for e in model.entities] == ["horse"]
