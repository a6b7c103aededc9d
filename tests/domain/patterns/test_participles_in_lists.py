"""A list item with a participle phrase on it ("the nightly rate agreed at the time of booking") is still an
item, however the tagger read the participle: the list goes on past it ("… and a status"). A past verb with
an object of its own still starts a new clause. A bare participle after "the date" / "the time" names the
event ("the date applied" → applied_on); "the time taken" is no moment. Examples written for this test."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from schemawright.domain.model import Kind
from tests.domain.patterns._helpers import attribute_kinds, attribute_names, data_spec, links, model_of


def _kinds(text: str, owner: str, names: Iterable[str]) -> dict[str, Kind | None]:
    """The kinds the owner's columns ``names`` get from ``text`` (None for a column not made)."""
    kinds = attribute_kinds(model_of(data_spec(text)), owner)
    return {name: kinds.get(name) for name in names}


@pytest.mark.parametrize(
    ("text", "owner", "expected"),
    [
        (
            "A booking has an arrival date, a departure date, the nightly rate agreed at the time of booking "
            "and a status.",
            "booking",
            {"arrival_date", "departure_date", "nightly_rate", "status"},
        ),
        (
            "A loan has a start date, the amount lent to the borrower, the interest rate agreed with the "
            "bank and a due date.",
            "loan",
            {"start_date", "amount", "interest_rate", "due_date"},
        ),
        (
            "Each sale records the buyer, the price paid by the buyer, the commission charged to the seller "
            "and the date.",
            "sale",
            {"price", "commission", "date"},
        ),
    ],
)
def test_a_participle_on_a_list_item_does_not_end_the_list(text: str, owner: str, expected: set[str]) -> None:
    assert expected <= set(attribute_names(model_of(data_spec(text)), owner))


def test_a_past_verb_with_its_own_object_starts_a_new_clause() -> None:
    model = model_of(data_spec("A ticket has a number, a seat, and the customer bought it at the counter."))
    assert set(attribute_names(model, "ticket")) == {"number", "seat"}


@pytest.mark.parametrize(
    ("text", "owner", "expected"),
    [
        (
            "WHEN a treatment is applied THE System SHALL record the product name, the dose, the date "
            "applied and, later, the date removed.",
            "treatment",
            {"applied_on": Kind.DATE, "removed_on": Kind.DATE},
        ),
        (
            "For each reading we store the meter, the value and the time recorded.",
            "reading",
            {"recorded_at": Kind.TIMESTAMP},
        ),
        (
            "A loan has the book, the date borrowed and the date returned.",
            "loan",
            {"borrowed_on": Kind.DATE, "returned_on": Kind.DATE},
        ),
    ],
)
def test_a_bare_participle_after_the_date_names_its_event(
    text: str, owner: str, expected: dict[str, Kind]
) -> None:
    assert _kinds(text, owner, expected) == expected


@pytest.mark.parametrize(
    ("text", "owner", "expected"),
    [
        ("A race result has the runner, the time taken and the position.", "race_result", "time_taken"),
        (
            "Each escape records the team, the room and the time taken in seconds.",
            "escape",
            "time_taken_seconds",
        ),
        (
            "For each visit we store the carer, the time spent in minutes and a note.",
            "visit",
            "time_spent_minutes",
        ),
    ],
)
def test_the_time_taken_is_a_span_not_a_moment(text: str, owner: str, expected: str) -> None:
    kinds = attribute_kinds(model_of(data_spec(text)), owner)
    assert kinds.get(expected) is Kind.DURATION and "occurred_at" not in kinds


def test_the_moment_a_thing_was_issued_when_the_parser_hangs_it_on_the_item_before() -> None:
    model = model_of(data_spec("A statement has a number, the total and the moment it was issued."))
    assert attribute_kinds(model, "statement").get("issued_at") is Kind.TIMESTAMP
    assert model.entity("moment") is None


def test_the_moment_something_happened_is_never_a_thing() -> None:
    model = model_of(
        data_spec(
            "Donors give gifts. Each year a donor gets one statement. A statement has a number that no other "
            "statement carries, plus the total, the year covered and the moment it was issued. The moment it "
            "was issued is printed on every statement."
        )
    )
    assert model.entity("moment") is None
    assert "issued_at" in attribute_names(model, "statement")


@pytest.mark.parametrize(
    ("text", "owner", "expected"),
    [
        (
            "A membership has a fee, the date of renewal and the date of the cancellation.",
            "membership",
            {"renewed_on": Kind.DATE, "cancelled_on": Kind.DATE},
        ),
        (
            "A pledge has an amount, a status and the moment of its redemption.",
            "pledge",
            {"redeemed_at": Kind.TIMESTAMP},
        ),
        (
            "Each flight has a number, a gate and the time of departure.",
            "flight",
            {"departed_at": Kind.TIMESTAMP},
        ),
    ],
)
def test_the_date_of_an_event_noun_is_the_time_of_that_event(
    text: str, owner: str, expected: dict[str, Kind]
) -> None:
    assert _kinds(text, owner, expected) == expected


def test_the_date_of_a_thing_the_spec_talks_about_is_that_things_date() -> None:
    model = model_of(
        data_spec(
            "A car has a plate. Inspections are booked for each car. An inspection has a result. "
            "We keep the date of the inspection."
        )
    )
    assert "inspected_on" not in {a.name for e in model.entities for a in e.attributes}


@pytest.mark.parametrize(
    ("text", "owner", "expected"),
    [
        ("- Volunteers: full name, email (unique), date joined, active flag.", "volunteer", "joined_on"),
        (
            "A lost report records my name, a description, the date I lost the item and the category.",
            "lost_report",
            "lost_on",
        ),
        ("Riders have an email and the date they accepted the terms.", "rider", "accepted_on"),
        (
            "For each loan we store the tool, the date due and the date actually returned.",
            "loan",
            "returned_on",
        ),
    ],
)
def test_the_date_of_a_clause_or_a_bare_participle_names_the_event(
    text: str, owner: str, expected: str
) -> None:
    assert attribute_kinds(model_of(data_spec(text)), owner).get(expected) is Kind.DATE


def test_the_event_a_date_names_links_nothing() -> None:
    model = model_of(
        data_spec(
            "A tool has a name. A borrower has a name. Each loan is for one tool and one borrower. "
            "For each loan we keep the date the borrower returned the tool and a note."
        )
    )
    assert ("tool", "borrower") not in links(model) and ("borrower", "tool") not in links(model)


@pytest.mark.parametrize(
    ("text", "owner", "expected", "absent"),
    [
        (
            "- **FR-002**: Sessions MUST record coach, venue, start date-time, length in minutes and a "
            "level.",
            "session",
            {"start_time": Kind.TIMESTAMP, "level": None},
            "start_date_time",
        ),
        (
            "An account has a name and a credit limit in pounds and pence.",
            "account",
            {"credit_limit": Kind.MONEY},
            "pence",
        ),
        (
            "Each booking records the customer, the deposit in euros and cents, and the date.",
            "booking",
            {"deposit": Kind.MONEY, "date": Kind.DATE},
            "cents",
        ),
    ],
)
def test_a_list_reads_past_a_verb_like_modifier_and_a_pair_of_units(
    text: str, owner: str, expected: dict[str, Kind | None], absent: str
) -> None:
    kinds = attribute_kinds(model_of(data_spec(text)), owner)
    assert set(expected) <= set(kinds) and absent not in kinds
    assert all(kinds[name] is kind for name, kind in expected.items() if kind is not None)


def test_the_time_worked_in_hours_is_no_moment() -> None:
    kinds = attribute_kinds(
        model_of(
            data_spec("Each shift records the volunteer, the time worked in hours and minutes, and a note.")
        ),
        "shift",
    )
    assert "worked_at" not in kinds
