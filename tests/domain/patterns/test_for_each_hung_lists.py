""""For each X we store A, B and C" where the parser hangs the list on X (an apposition) instead of on the
verb: the list is still X's values. And "for each pledged item": the quantifier may sit outside the noun
phrase's name words. Examples written for this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import attribute_names, model_of


def test_list_hung_on_a_compound_owner() -> None:
    model = model_of(
        "# Funerals\n\n1. THE System SHALL store for each funeral director the company name, phone number "
        "and licence number.\n"
    )
    assert {"company_name", "licence_number"} <= set(attribute_names(model, "funeral_director"))


def test_list_after_an_owner_with_an_adjective() -> None:
    model = model_of(
        "# Churches\n\nThe register holds for each parish church the dedication, the diocese and the year "
        "built.\n"
    )
    assert {"dedication", "diocese"} <= set(attribute_names(model, "parish_church"))


def test_quantifier_before_a_participle_modifier() -> None:
    model = model_of(
        "# Bikes\n\n1. THE System SHALL record for each stolen bicycle the frame number, the colour and the "
        "date reported.\n"
    )
    assert {"frame_number", "colour"} <= set(attribute_names(model, "bicycle"))


def test_no_owner_named_no_values() -> None:
    model = model_of(
        "# Firms\n\nFor now the system stores the company name, phone number and licence number.\n"
    )
    assert model.entities == []
