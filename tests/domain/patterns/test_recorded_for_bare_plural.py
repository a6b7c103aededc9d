"""A plural with no determiner that opens the sentence ("For employees we hold …") names every thing of
its kind, as "for each employee" does: what follows is its data. A reason or a span of time ("For
security reasons", "For two weeks") names no owner. Examples written for this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import attribute_names, links, model_of


def test_an_opening_bare_plural_owns_the_recorded_values() -> None:
    model = model_of(
        "# Spec\n\n## Data\n\n"
        "For volunteers we keep a first name, a phone number and the date they joined.\n\n"
        "About allotments the council records the plot number, the size and the annual rent.\n\n"
        "For kennels we hold the kennel number, the daily rate and the dog it houses. A dog has a name "
        "and a breed.\n"
    )
    assert {"first_name", "phone"} <= set(attribute_names(model, "volunteer"))
    assert {"plot_number", "annual_rent"} <= set(attribute_names(model, "allotment"))
    assert "daily_rate" in attribute_names(model, "kennel")
    assert ("kennel", "dog") in links(model)


def test_a_self_reference_in_the_list_is_kept() -> None:
    model = model_of(
        "# Spec\n\n## Data\n\nFor employees we hold their name, work email and their line manager. The line "
        "manager is just another employee.\n"
    )
    assert ("employee", "employee") in links(model)


def test_a_reason_or_a_span_of_time_owns_nothing() -> None:
    model = model_of(
        "# Spec\n\n## Data\n\nFor security reasons we store a hash and a salt. For two weeks we keep the "
        "logs and the traces. A user has an email and a name.\n"
    )
    assert [e.name for e in model.entities] == ["user"]
