"""BMAD data models: Purpose, Key Attributes and Relationships (fresh examples)."""

from __future__ import annotations

from schemawright.domain.facts import AttributeFact, EntityFact, RelationshipFact, UniqueFact
from schemawright.domain.model import Cardinality, Kind
from schemawright.domain.readers.bmad import parse_key_attribute, read
from schemawright.spec.parser import parse_spec


def _facts(text: str) -> list[object]:
    return list(read(parse_spec(text)))


def _attr(facts: list[object], entity: str, name: str) -> AttributeFact:
    return next(f for f in facts if isinstance(f, AttributeFact) and f.entity == entity and f.name == name)


def _rels(facts: list[object]) -> list[RelationshipFact]:
    return [f for f in facts if isinstance(f, RelationshipFact)]


SPEC = """# Allotment Architecture

## Data Models

### Plot

**Purpose:** One rentable strip of land in a community garden.

**Key Attributes:**
- id: UUID - primary key
- gardenId: UUID - Foreign key to Garden
- number: string - painted on the gate post; unique per garden
- areaSqm: decimal(6,2) - at least 5
- state: enum - vacant | let | overgrown
- notes: text - optional

**Relationships:**
- Belongs to one Garden; has many Tenancies

### Garden

**Purpose:** A site run by one committee.

**Key Attributes:**
- `id`: UUID
- `name`: string - unique
- `waterSource`: string - one of mains, well, rainwater
- `openedOn`: date
- `caretakerId`: UUID - references Member, nullable
**Relationships:**
- Has many Plots
- Many-to-many with Suppliers via GardenSupplier

**Tenancy**

**Key Attributes:**
- plotId: UUID
- tenant_id: UUID - FK to Member
- startsOn: date
- rentDueDay: integer - default 1, between 1 and 28
- paymentMethod: string - how rent is paid (cash, transfer)
**Relationships:**
- Belongs to one Plot and one Member
- May belong to a Cooperative
- Is renewed every spring by the committee
"""


def test_models_from_headings_and_bold_lines() -> None:
    facts = _facts(SPEC)
    entities = {f.name: f for f in facts if isinstance(f, EntityFact)}
    assert list(entities) == ["Plot", "Garden", "Tenancy"]
    assert entities["Plot"].prov.line == 5 and entities["Plot"].prov.rule == "bmad.model"
    assert entities["Plot"].description == "One rentable strip of land in a community garden."
    assert entities["Tenancy"].prov.line == 34


def test_key_attribute_lines() -> None:
    facts = _facts(SPEC)
    number = _attr(facts, "Plot", "number")
    assert number.declared_type == "string" and number.prov.line == 12
    assert (
        number.prov.rule == "bmad.key_attribute"
        and number.prov.text == "- number: string - painted on the gate post; unique per garden"
    )
    unique = next(f for f in facts if isinstance(f, UniqueFact))
    assert unique.entity == "Plot" and unique.attributes == ["number", "garden"]
    assert _attr(facts, "Plot", "areaSqm").minimum == 5.0
    assert _attr(facts, "Plot", "state").enum_values == ["vacant", "let", "overgrown"]
    assert _attr(facts, "Plot", "state").kind == Kind.ENUM
    assert _attr(facts, "Plot", "notes").required is False
    assert _attr(facts, "Plot", "id").primary_key
    assert _attr(facts, "Garden", "name").unique is True
    assert _attr(facts, "Garden", "waterSource").enum_values == ["mains", "well", "rainwater"]
    assert _attr(facts, "Garden", "openedOn").declared_type == "date"
    due = _attr(facts, "Tenancy", "rentDueDay")
    assert due.default == "1" and (due.minimum, due.maximum) == (1.0, 28.0)
    assert _attr(facts, "Tenancy", "paymentMethod").enum_values == ["cash", "transfer"]


def test_foreign_keys_become_links() -> None:
    rels = _rels(_facts(SPEC))
    by_via = {r.via: r for r in rels if r.via}
    assert by_via["gardenId"].parent == "Garden" and by_via["gardenId"].prov.rule == "bmad.fk"
    assert by_via["caretakerId"].parent == "Member" and by_via["caretakerId"].required is False
    assert by_via["tenant_id"].parent == "Member"
    assert by_via["plotId"].parent == "Plot"  # no note: the name names a declared model
    facts = _facts(SPEC)
    assert not any(
        isinstance(f, AttributeFact) and f.name in ("gardenId", "plotId", "tenant_id") for f in facts
    )


def test_relationship_bullets() -> None:
    facts = _facts(SPEC)
    rels = [r for r in _rels(facts) if r.prov.rule == "bmad.relationship"]
    got = {(r.child, r.parent, r.cardinality, r.required) for r in rels}
    assert ("Plot", "Garden", Cardinality.MANY_TO_ONE, True) in got
    assert ("Tenancy", "Plot", Cardinality.MANY_TO_ONE, None) in got  # "Tenancies": the declared model
    assert ("Plot", "Garden", Cardinality.MANY_TO_ONE, None) in got
    assert ("Tenancy", "Member", Cardinality.MANY_TO_ONE, True) in got
    assert ("Tenancy", "Cooperative", Cardinality.MANY_TO_ONE, False) in got
    m2m = next(r for r in rels if r.cardinality == Cardinality.MANY_TO_MANY)
    assert (m2m.child, m2m.parent, m2m.through) == ("Garden", "Suppliers", "GardenSupplier")
    # a clause in no recognised form is kept for the prose stage
    tenancy = next(f for f in facts if isinstance(f, EntityFact) and f.name == "Tenancy")
    assert "renewed every spring" in tenancy.description


def test_parse_key_attribute_forms() -> None:
    a = parse_key_attribute("totalCents (integer): sum of the lines")
    assert a is not None and (a.name, a.declared, a.description) == (
        "totalCents",
        "integer",
        "sum of the lines",
    )
    b = parse_key_attribute("title: the headline shown in lists")
    assert b is not None and (b.declared, b.description) == ("", "the headline shown in lists")
    c = parse_key_attribute("price: decimal(10,2)")
    assert c is not None and c.declared == "decimal(10,2)"
    d = parse_key_attribute("archived: yes or no")
    assert d is not None and d.declared == "boolean"
    assert parse_key_attribute("This model is immutable once posted.") is None


def test_sections_without_markers_are_not_models() -> None:
    text = """## Overview

### Goals

- ship fast: within a week
- keep costs low

**Important**

Nothing here is a model.
"""
    assert _facts(text) == []


def test_an_id_attribute_whose_description_names_a_model_links_to_it() -> None:
    facts = _facts(
        """# Shifts

## Data Models

### Volunteer

**Key Attributes:**
- `id`: UUID - primary key
- `name`: string - full name

### Shift

**Key Attributes:**
- `id`: UUID - primary key
- `leadId`: UUID - the Volunteer who runs the shift
- `startsAt`: Date - when it starts
"""
    )
    assert [(r.child, r.parent, r.via) for r in _rels(facts)] == [("Shift", "Volunteer", "leadId")]
def _clause_links(entity: str, text: str, *names: str) -> set[tuple[str, str, Cardinality]]:
    from schemawright.domain.readers.bmad import relationship_facts
    from schemawright.domain.readers.hints import Known

    known = Known()
    for name in (entity, *names):
        known.add(name)
    facts, _ = relationship_facts(entity, text, known, 1, "bmad.relationship", text)
    return {(f.child, f.parent, f.cardinality) for f in facts if isinstance(f, RelationshipFact)}


def test_relationship_bullets_in_other_words() -> None:
    one = Cardinality.MANY_TO_ONE
    # "refers to", "points at", a participle with "by": this model holds the key
    assert _clause_links("Booking", "Refers to one Kennel", "Kennel") == {("Booking", "Kennel", one)}
    assert _clause_links("Reading", "Points at the Sensor", "Sensor") == {("Reading", "Sensor", one)}
    assert _clause_links("Review", "Posted by one Critic", "Critic") == {("Review", "Critic", one)}
    # "referenced by many": they hold the key; "followed by many": many on both sides
    assert _clause_links("Recipe", "Referenced by many Menu Items", "Menu Item") == {
        ("Menu Item", "Recipe", one)
    }
    assert _clause_links("Forum", "Followed by many Members", "Member") == {
        ("Forum", "Member", Cardinality.MANY_TO_MANY)
    }
    # "used by": no participle of a link ("used by the billing job" is no model's key)
    assert _clause_links("Tariff", "Used by the billing job", "Invoice") == set()
