"""The states a thing passes through are the values of its status. Examples written for this test."""

from __future__ import annotations

import pytest

from schemawright.domain.model import Kind
from tests.domain.patterns._helpers import entity_of, model_of


@pytest.mark.parametrize(
    ("text", "owner", "values"),
    [
        (
            "Each order has a total. Each order moves from pending to paid to shipped.",
            "order",
            ["pending", "paid", "shipped"],
        ),
        (
            "A claim has an amount. A claim goes through the states submitted, under review, approved and "
            "rejected.",
            "claim",
            ["submitted", "under_review", "approved", "rejected"],
        ),
        (
            "A ticket has a title. A ticket moves through `open` → `in_progress` → `closed` (or `rejected`), "
            "and the reporter sees the status.",
            "ticket",
            ["open", "in_progress", "closed", "rejected"],
        ),
        (
            "A manuscript has a title. Every manuscript passes through drafting, editing and printing.",
            "manuscript",
            ["drafting", "editing", "printing"],
        ),
    ],
)
def test_the_states_passed_through_are_the_status_values(text: str, owner: str, values: list[str]) -> None:
    status = next(a for a in entity_of(model_of(text), owner).attributes if a.name == "status")
    assert status.kind is Kind.ENUM
    assert status.enum_values == values


@pytest.mark.parametrize(
    "text",
    [
        "A parcel has a weight. A parcel moves from the depot to the customer.",
        "A visitor has a name. Each visitor goes through the main gate.",
        "A request has a subject. A request goes through review.",
    ],
)
def test_places_and_a_single_step_are_no_states(text: str) -> None:
    model = model_of(text)
    assert all(a.name != "status" for e in model.entities for a in e.attributes), text


@pytest.mark.parametrize(
    "text",
    [
        "A claim has an amount. The adjuster moves it through submitted, assessed, paid or refused.",
        "A claim has an amount. The adjuster moves the claim through submitted, assessed and paid.",
        "A claim has an amount and a status. Clerks move claims from submitted to assessed to paid.",
    ],
)
def test_what_a_person_moves_through_states_is_what_has_them(text: str) -> None:
    status = next(a for a in entity_of(model_of(text), "claim").attributes if a.name == "status")
    assert status.enum_values[:3] == ["submitted", "assessed", "paid"]
