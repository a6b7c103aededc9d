"""A thing linked to another of its own kind that only a word of time ("the previous inspection", "the
original appointment") or a relative clause ("the lease it was split from", "the booking it replaces")
tells apart refers to it, in a role named by that word or clause. Examples written for this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import data_spec, model_of, role_links


def test_a_word_of_time_names_the_self_reference() -> None:
    found = role_links(
        model_of(
            data_spec(
                "Each inspection refers to the previous inspection. An inspection has a date and a score.\n\n"
                "A follow-up appointment points to the original appointment. An appointment has a date and a "
                "room number."
            )
        )
    )
    assert ("inspection", "inspection", "previous_inspection") in found, found
    assert ("appointment", "appointment", "original_appointment") in found, found


def test_a_relative_clause_names_the_self_reference() -> None:
    found = role_links(
        model_of(
            data_spec(
                "Every lease records the lease it was split from. A lease has a start date and a rent.\n\n"
                "Each booking records the booking it replaces. A booking has a date and a status."
            )
        )
    )
    assert ("lease", "lease", "source_lease") in found, found
    assert ("booking", "booking", "previous_booking") in found, found


def test_the_same_thing_or_an_unnamed_other_is_no_self_reference() -> None:
    model = model_of(
        data_spec(
            "A hearing records the hearing date and the judge name. A hearing has a status.\n\n"
            "A member can invite another member. A member has a name."
        )
    )
    assert not [r for r in model.relationships if r.child == r.parent], role_links(model)
