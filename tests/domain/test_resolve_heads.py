"""A thing introduced by a compound and then called by its head alone is one thing, unless the spec uses
the head with other compounds too: then the head is the thing and each compound a role of it.
Examples written for this test, not taken from any corpus."""

from __future__ import annotations

from schemawright.domain.analyze import analyze
from schemawright.spec.parser import parse_spec
from tests.domain.patterns._helpers import model_of


def _names(text: str) -> set[str]:
    return {e.name for e in analyze(parse_spec(f"# Feature\n\n{text}\n"), "x", "x").entities}


def test_two_compounds_of_one_head_are_roles_of_the_head() -> None:
    names = _names(
        "Travellers book flights from a departure airport to an arrival airport.\n\n"
        "Each flight has a flight number and a departure time.\n\n"
        "We store airports with an IATA code and a name."
    )
    assert "airport" in names
    assert "departure_airport" not in names and "arrival_airport" not in names


def test_one_compound_then_its_head_is_one_thing() -> None:
    names = _names(
        "Each customer rents one or more storage lockers.\n\n"
        "A locker has a code, a size and a monthly price.\n\n"
        "Each customer has a name and a phone number."
    )
    assert "storage_locker" in names
    assert "locker" not in names


def test_a_compound_introduced_with_values_names_the_thing_however_often_the_head_is_used() -> None:
    names = _names(
        "A gardener registers a vegetable plot with a name, a size and a soil type.\n\n"
        + "\n\n".join(
            f"The gardener can see the plot on the {w} map, and each plot has a history."
            for w in "abcdefghij"
        )
        + "\n\nA plot is owned by exactly one gardener. A gardener has a name."
    )
    assert "vegetable_plot" in names
    assert "plot" not in names


def test_a_glossary_term_for_a_measured_value_declares_no_table() -> None:
    model = model_of(
        "# Auctions\n\n## Glossary\n\n- **Auction**: a sale of one lot to the highest bidder.\n"
        "- **Bid**: an offer a bidder makes on an auction.\n"
        "- **Starting Price**: the lowest first bid the seller allows.\n\n"
        "## Requirements\n\nEach auction has a title, a starting price and an end time. "
        "Each bid has an amount and a time.\n"
    )
    assert model.entity("starting_price") is None, [e.name for e in model.entities]
    assert model.entity("auction") is not None and model.entity("bid") is not None


def test_a_counted_link_stays_when_another_thing_pairs_the_same_two() -> None:
    model = model_of(
        "# Lockers\n\nA request links one member to one locker. A rental is for one locker and comes from "
        "one request. Each request has a date and a status. Each rental has a start date and a price. "
        "Each locker has a number and a size. Each member has a name and an email.\n"
    )
    links = {(r.child, r.parent) for r in model.relationships}
    assert {("request", "member"), ("request", "locker"), ("rental", "request")} <= links, links
