""" "There is at most one X per A per B" makes X the pairing of A and B: it refers to both and is unique over
them, even when the spec names X only there. Examples written for this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import links, model_of


def test_one_record_per_pair_is_their_pairing() -> None:
    model = model_of(
        "# Choir\n\nA singer has a name and a voice part. A rehearsal has a date and a venue. There is at "
        "most one attendance record per singer per rehearsal.\n"
    )
    assert {("attendance_record", "singer"), ("attendance_record", "rehearsal")} <= set(links(model))
    keys = [set(u.attributes) for u in model.uniques if u.entity == "attendance_record"]
    assert {"singer", "rehearsal"} in keys


def test_and_joins_the_scope_too() -> None:
    model = model_of(
        "# Regatta\n\nA boat has a sail number. A race has a start time and a course. There can be only one "
        "entry per boat and race.\n"
    )
    assert {("entry", "boat"), ("entry", "race")} <= set(links(model))


def test_one_per_single_scope_is_no_pairing() -> None:
    model = model_of(
        "# Climbing\n\nA climber has a name and a grade. There is at most one logbook per climber.\n"
    )
    assert model.entity("logbook") is None


def test_each_side_of_the_pairing_is_kept_when_another_path_links_them() -> None:
    model = model_of(
        "# Firm\n\nEach lawyer has a name and a bar number. Each matter has a reference and an opening date. "
        "A matter is led by one lawyer. There is at most one time sheet per lawyer per matter.\n"
    )
    assert {("time_sheet", "lawyer"), ("time_sheet", "matter")} <= set(links(model))
    keys = [set(u.attributes) for u in model.uniques if u.entity == "time_sheet"]
    assert {"lawyer", "matter"} in keys
