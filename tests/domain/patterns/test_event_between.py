"""An event between two declared things, named by the verb's noun, is a table of its own even when the
spec declares its entities elsewhere and says one thing about the event. Sentences written for this test."""

from __future__ import annotations

from schemawright.domain.analyzer import prose_facts
from schemawright.domain.facts import RelationshipFact
from schemawright.domain.lexicon import load_lexicon
from tests.domain.patterns._helpers import entity_of, links, model_of

SPEC = """# Tool library

## Data

| Entity | Fields |
|---|---|
| members | name, email |
| tools | name, brand |
| sheds | address, phone |

## Rules

1. WHEN a member reserves a tool THEN the System SHALL queue the reservation in the order it was made.
2. A reservation SHALL be active, fulfilled or cancelled.
"""


def test_a_reservation_between_a_member_and_a_tool() -> None:
    model = model_of(SPEC)
    reservation = entity_of(model, "reservation")
    assert reservation.attributes[0].enum_values == ["active", "fulfilled", "cancelled"]
    assert links(model) == [("reservation", "member"), ("reservation", "tool")]


def test_a_state_that_ends_an_event_is_not_the_thing_of_the_same_word() -> None:
    # "cancelled" ends a booking; the noun "book" is no event
    text = "Each reservation has a date. A reservation shall be active, fulfilled or cancelled."
    facts, _ = prose_facts([(text, 1, "")], load_lexicon(), {"member", "book"})
    assert not [f for f in facts if isinstance(f, RelationshipFact) and f.prov.rule.startswith("event.")]


def test_a_thing_defined_as_the_fact_that_particular_things_meet_links_to_each() -> None:
    text = (
        "Guests have a name and an email. Rooms have a number and a floor. Beds have a size and a label. "
        "A stay is the fact that a particular guest sleeps in a particular bed in a particular room. "
        "Each stay has a price and a night."
    )
    assert links(model_of(text)) == [("stay", "bed"), ("stay", "guest"), ("stay", "room")]


def test_a_documentation_label_before_a_sentence_is_not_part_of_it() -> None:
    text = (
        "Quotes have an amount and a date. Tasks have a title. Contractors have a name. "
        "Acceptance notes: a quote is for one task and comes from one contractor."
    )
    assert links(model_of(text)) == [("quote", "contractor"), ("quote", "task")]


def test_a_counted_link_is_kept_beside_a_path_that_implies_it() -> None:
    text = (
        "Quotes have an amount and a date. Tasks have a title. Contractors have a name. Owners have a name. "
        "Each quote belongs to one owner. Each task belongs to one contractor. "
        "A quote is for one task and comes from one contractor."
    )
    found = links(model_of(text))
    assert ("quote", "contractor") in found and ("quote", "task") in found
