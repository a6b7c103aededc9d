"""A label and a list of values after a sentence about a thing ("An appointment has a start time. Status:
booked, arrived, completed.") gives that thing an enumerated value; arrows separate values as commas do.
Examples written for this test."""

from __future__ import annotations

from schemawright.domain.model import Kind
from tests.domain.patterns._helpers import entity_of, model_of


def _values(text: str, entity: str, name: str) -> list[str]:
    attr = next(a for a in entity_of(model_of(text), entity).attributes if a.name == name)
    assert attr.kind is Kind.ENUM
    return attr.enum_values


def test_a_labelled_list_after_a_sentence_on_the_same_line() -> None:
    text = "# Salon\n\n- A visit has a start time and a price. Status: booked, arrived, completed, no_show.\n"
    assert _values(text, "visit", "status") == ["booked", "arrived", "completed", "no_show"]


def test_arrows_separate_the_steps_of_a_lifecycle() -> None:
    text = (
        "# Print\n\n- A job has a reference and a due date. State: proof → approved → printing → dispatched, "
        "or abandoned at any time before printing.\n"
    )
    assert _values(text, "job", "state") == ["proof", "approved", "printing", "dispatched"]


def test_a_priority_label_for_a_ticket() -> None:
    text = "# Desk\n\n- A ticket has a subject and a body. Priority: low, normal, high, urgent.\n"
    assert _values(text, "ticket", "priority") == ["low", "normal", "high", "urgent"]


def test_a_label_of_fields_is_no_value_list() -> None:
    model = model_of(
        "# Desk\n\n- A ticket has a subject and a body. Contact: name, email address, phone number.\n"
    )
    contact = [a for a in entity_of(model, "ticket").attributes if a.name == "contact"]
    assert not contact or contact[0].kind is not Kind.ENUM
