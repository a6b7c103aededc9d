""" "For each X a Y Vs (on), we record …": the values belong to the pairing of X and Y, however the parser
hung the relative clause (as the root, a complement or a conjunct). Examples written for this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import attribute_names, links, model_of

BASE = "# Staff\n\nA nurse has a name and a grade. A ward has a name and a floor.\n\n"


def test_with_a_comma_the_values_belong_to_the_pairing() -> None:
    model = model_of(
        BASE + "Nurses work on many wards. For each ward a nurse works on, we record the weekly hours."
    )
    assert ("nurse_ward", "nurse") in links(model) and ("nurse_ward", "ward") in links(model)
    assert "weekly_hours" in attribute_names(model, "nurse_ward")


def test_without_a_comma_the_values_belong_to_the_pairing() -> None:
    model = model_of(BASE + "For every ward a nurse covers we store the start date and the shift pattern.")
    names = attribute_names(model, "nurse_ward")
    assert "start_date" in names and "shift_pattern" in names, names


def test_after_and_the_values_belong_to_the_pairing() -> None:
    model = model_of(
        BASE
        + "Each nurse may serve on several wards, and for each ward a nurse serves on "
        + "we keep the hours per week."
    )
    assert "hours" in attribute_names(model, "nurse_ward")
    assert "hours" not in attribute_names(model, "ward")


def test_a_pronoun_subject_is_the_recording_not_a_relative_clause() -> None:
    """Negative: "for every visit we store when it happened, …" records the visit's own values."""
    model = model_of(BASE + "For every visit we store when it happened, the ward and the reason.")
    assert "reason" in attribute_names(model, "visit")
    assert not [e.name for e in model.entities if e.name.endswith("_visit")]


def test_a_verb_with_its_own_object_is_the_main_clause() -> None:
    """Negative: "for each ward the matrons enter …" is an entry about the ward, not a pairing."""
    model = model_of(BASE + "For each ward the matrons enter which beds are free and the cleaning day.")
    assert not [e.name for e in model.entities if e.name.startswith("matron_")]
