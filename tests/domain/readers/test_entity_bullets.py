"""spec-kit Key Entities, Kiro glossaries and data-model bullet lists (fresh examples)."""

from __future__ import annotations

from schemawright.domain.facts import AttributeFact, EntityFact, RelationshipFact
from schemawright.domain.model import Cardinality
from schemawright.domain.readers.entity_bullets import read
from schemawright.domain.readers.sections import section_matches, title_matches
from schemawright.spec.document import Block
from schemawright.spec.parser import parse_spec


def _facts(text: str) -> list[object]:
    return list(read(parse_spec(text)))


def _entities(facts: list[object]) -> dict[str, EntityFact]:
    return {f.name: f for f in facts if isinstance(f, EntityFact)}


SPECKIT = """# Feature Specification: Tool library

## Requirements

- **FR-001**: System MUST let members borrow tools.

### Key Entites *(include if feature involves data)*

- **Member**: a neighbour who may borrow tools; has a phone number and a
  deposit balance that wraps onto a second line.
- **Tool**: a lendable item. Attributes: name, brand, condition (good, worn, broken), purchase price.
- **Loan**: one borrowing of one Tool by one Member.
  - Attributes:
    - dueOn: date - when the tool must be back
    - returnedAt: timestamp - optional
  - Relationships:
    - belongs to one Member
    - many-to-many with Tool through LoanItem
    - extended twice at most by the coordinator
  - Late loans are flagged in the weekly email.
- **Category** — a shelf grouping such as "Garden".
"""


def test_key_entities_with_typo_heading_and_wrapped_bullet() -> None:
    facts = _facts(SPECKIT)
    entities = _entities(facts)
    assert list(entities) == ["Member", "Tool", "Loan", "Category"]
    member = entities["Member"]
    assert member.prov.rule == "speckit.key_entity" and member.evidence == "declared"
    assert member.prov.line == 9
    assert member.description.endswith("deposit balance that wraps onto a second line.")
    assert entities["Category"].description == 'a shelf grouping such as "Garden".'
    assert "FR-001" not in entities


def test_inline_attribute_list() -> None:
    facts = _facts(SPECKIT)
    attrs = {f.name: f for f in facts if isinstance(f, AttributeFact) and f.entity == "Tool"}
    assert list(attrs) == ["name", "brand", "condition", "purchase price"]
    assert attrs["condition"].enum_values == ["good", "worn", "broken"]
    assert attrs["name"].prov.rule == "speckit.attribute_list" and attrs["name"].prov.line == 11


def test_nested_attribute_and_relationship_bullets() -> None:
    facts = _facts(SPECKIT)
    due = next(f for f in facts if isinstance(f, AttributeFact) and f.name == "dueOn")
    assert due.entity == "Loan" and due.declared_type == "date" and due.prov.line == 14
    returned = next(f for f in facts if isinstance(f, AttributeFact) and f.name == "returnedAt")
    assert returned.required is False
    rels = [f for f in facts if isinstance(f, RelationshipFact)]
    assert any(r.child == "Loan" and r.parent == "Member" and r.required for r in rels)
    m2m = next(r for r in rels if r.cardinality == Cardinality.MANY_TO_MANY)
    assert m2m.parent == "Tool" and m2m.through == "LoanItem"
    loan = _entities(facts)["Loan"]
    assert "extended twice at most" in loan.description  # unread clause kept for the prose stage
    assert "Late loans are flagged" in loan.description


GLOSSARY = """# Requirements Document

## Glosary

- **Volunteer**: a person who signs up for shifts through the app.
- **Shift**: a block of time at one pantry, e.g. Saturday 9:00–12:00.
- **System**: the pantry scheduling service.
- *Pantry* – a distribution point run by the charity.

## Requirements

- **Volunteer**: not a glossary entry here.
"""


def test_kiro_glossary() -> None:
    entities = _entities(_facts(GLOSSARY))
    assert list(entities) == ["Volunteer", "Shift", "System", "Pantry"]
    assert all(e.evidence == "glossary" and e.prov.rule == "kiro.glossary" for e in entities.values())
    assert entities["Shift"].description == "a block of time at one pantry, e.g. Saturday 9:00–12:00."
    assert entities["Volunteer"].prov.line == 5


def test_data_sections_and_non_entity_bullets() -> None:
    text = """## Data & State

- **Reading**: one soil moisture value; key attributes: value, measured at, sensor.
- we keep readings for 90 days
- plain lower-case: not a term

## Goals

- **Speed**: pages load fast.
"""
    facts = _facts(text)
    entities = _entities(facts)
    assert list(entities) == ["Reading"]
    assert entities["Reading"].prov.rule == "entities.bullet"
    attrs = [f.name for f in facts if isinstance(f, AttributeFact)]
    assert attrs == ["value", "measured at", "sensor"]


def test_bmad_sections_are_left_to_the_bmad_reader() -> None:
    text = """## Data Models

### Invoice

**Key Attributes:**
- total: decimal - gross amount
"""
    assert _facts(text) == []


def test_section_matching_tolerates_typos_only() -> None:
    assert title_matches("key entites (include if feature involves data)", "key entities")
    assert title_matches("glosary", "glossary")
    assert title_matches("3. data modells", "data models")
    assert not title_matches("entity", "entities")
    assert not title_matches("gallery", "glossary")
    assert not title_matches("key dates", "key entities")
    block = Block(kind="bullet", line=1, end_line=1, text="x", section=["overview", "key entitis"])
    assert section_matches(block, "key entities")
    assert not section_matches(block, "glossary")


DATA_MODELS = """# Ferry bookings

### Data Models
- Passenger: phone (unique), full name, date of birth, loyalty number.
- Vessel: belongs to one operator; name (unique), call sign, cabin count — one operator runs many.
- Operator: legal name, country, licence number.
- Booking: passenger, sailing (if known), party size, total price.
- Sailing: departure port, arrival port, departure time.
- Cabin Grade: `inside`, `outside`, `suite`.
- Crew Member: a seafarer employed by one operator, with a rank and a name.
"""


def test_a_bare_list_after_an_entity_is_its_attributes() -> None:
    facts = _facts(DATA_MODELS)
    attrs = {(f.entity, f.name) for f in facts if isinstance(f, AttributeFact)}
    assert {("Passenger", "phone"), ("Passenger", "full name"), ("Passenger", "loyalty number")} <= attrs
    assert {("Vessel", "name"), ("Vessel", "call sign"), ("Vessel", "cabin count")} <= attrs


def test_the_rest_of_the_description_stays_prose() -> None:
    vessel = _entities(_facts(DATA_MODELS))["Vessel"]
    assert vessel.description.startswith("belongs to one operator")
    assert "call sign" not in vessel.description


def test_a_listed_entity_is_a_reference_and_a_condition_makes_it_optional() -> None:
    refs = {(f.child, f.parent, f.required) for f in _facts(DATA_MODELS) if isinstance(f, RelationshipFact)}
    assert ("Booking", "Passenger", None) in refs
    assert ("Booking", "Sailing", False) in refs


def test_values_in_backticks_and_descriptions_are_no_attribute_list() -> None:
    attrs = {(f.entity, f.name) for f in _facts(DATA_MODELS) if isinstance(f, AttributeFact)}
    assert not {a for a in attrs if a[0] == "Cabin Grade"}
    assert ("Crew Member", "seafarer") not in attrs


PAIRS = """# Feature

### Key Entities

- **Supplier**: a firm we buy parts from; name and VAT number.
- **Courier**: a driver who collects parcels; phone (unique) and vehicle plate. Payroll pays them, so no
  bank details are kept here.
- **Shift**: a block of hours on one day — start time and end time.
- **Quote**: sent to a customer; drafted and accepted.
"""


def test_two_bare_nouns_after_a_description_are_its_attributes() -> None:
    facts = _facts(PAIRS)
    attrs = {(f.entity, f.name) for f in facts if isinstance(f, AttributeFact)}
    assert {("Supplier", "name"), ("Supplier", "VAT number")} <= attrs
    assert {("Courier", "phone"), ("Courier", "vehicle plate")} <= attrs
    assert {("Shift", "start time"), ("Shift", "end time")} <= attrs
    assert _entities(facts)["Courier"].description.startswith("a driver who collects parcels; Payroll pays")


def test_two_states_or_an_opening_pair_are_no_attribute_list() -> None:
    attrs = {(f.entity, f.name) for f in _facts(PAIRS) if isinstance(f, AttributeFact)}
    assert not {a for a in attrs if a[0] == "Quote"}


def test_a_glossary_term_for_the_system_itself_is_no_entity() -> None:
    """Kiro glossaries name the software too ("**Harbour_Desk**: the system described here")."""
    for definition in [
        "the system described here.",
        "the web application the office staff use.",
        "this booking platform, run by the council.",
        "the legacy property management system being retired.",
        "our old paper-based ticket tracking system.",
    ]:
        text = f"# Feature\n\n## Glossary\n\n- **Harbour_Desk**: {definition}\n- **Berth**: a mooring.\n"
        names = set(_entities(_facts(text)))
        assert "Harbour_Desk" not in names and "Berth" in names, (definition, names)


def test_a_term_defined_through_a_system_is_still_an_entity() -> None:
    """Negative: the energy a system produced, a service we buy, an application of a coat are things."""
    for definition in ["the energy a system produced on one day.", "the application of one coat of paint."]:
        text = f"# Feature\n\n## Glossary\n\n- **Reading**: {definition}\n"
        assert "Reading" in _entities(_facts(text)), definition
