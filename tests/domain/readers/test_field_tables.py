"""Field tables, entity tables, ER link blocks and index tables (fresh examples)."""

from __future__ import annotations

from schemawright.domain.facts import AttributeFact, EntityFact, IndexFact, RelationshipFact, UniqueFact
from schemawright.domain.model import Cardinality, Kind
from schemawright.domain.readers.field_tables import read
from schemawright.spec.parser import parse_spec


def _facts(text: str) -> list[object]:
    return list(read(parse_spec(text)))


def _attr(facts: list[object], entity: str, name: str) -> AttributeFact:
    return next(f for f in facts if isinstance(f, AttributeFact) and f.entity == entity and f.name == name)


def _rel(facts: list[object], via: str) -> RelationshipFact:
    return next(f for f in facts if isinstance(f, RelationshipFact) and f.via == via)


CLASSIC = """# Seed library

## Data model

#### Table: seed_packets

| Field | Type | Constraints |
|-------|------|-------------|
| id | uuid | PK |
| variety_id | uuid | Foreign key → Variety.id |
| grams | integer | not null, between 1 and 500 |
| harvest_year | smallint | optional |
| donor_email | varchar(200) | unique |
| condition | text | one of: fresh, dry, mouldy |
| shelf | text | default 'A1' |
"""


def test_field_per_row_with_exact_lines() -> None:
    facts = _facts(CLASSIC)
    entity = next(f for f in facts if isinstance(f, EntityFact))
    assert entity.name == "seed_packets" and entity.table_name == "seed_packets" and entity.prov.line == 5
    grams = _attr(facts, "seed_packets", "grams")
    assert grams.prov.line == 11 and grams.prov.text == "| grams | integer | not null, between 1 and 500 |"
    assert grams.prov.rule == "table.field" and grams.required is True
    assert (grams.minimum, grams.maximum) == (1.0, 500.0)
    assert _attr(facts, "seed_packets", "id").primary_key
    assert _attr(facts, "seed_packets", "harvest_year").required is False
    assert _attr(facts, "seed_packets", "donor_email").unique is True
    assert _attr(facts, "seed_packets", "donor_email").declared_type == "varchar(200)"
    condition = _attr(facts, "seed_packets", "condition")
    assert condition.kind == Kind.ENUM and condition.enum_values == ["fresh", "dry", "mouldy"]
    assert _attr(facts, "seed_packets", "shelf").default == "A1"


def test_foreign_key_note_makes_a_link_not_an_attribute() -> None:
    facts = _facts(CLASSIC)
    link = _rel(facts, "variety_id")
    assert link.child == "seed_packets" and link.parent == "Variety" and link.prov.rule == "table.fk"
    assert not any(isinstance(f, AttributeFact) and f.name == "variety_id" for f in facts)


SHUFFLED = """## Entities

### Greenhouse

| Notes | Nullable | Data type | Column |
|---|---|---|---|
| FK to growers, cascade on delete | no | bigint | grower_id |
| | yes | numeric(5,2) | area_m2 |
| unique per grower | no | text | code |

**Sensor**

| Attribute | Description |
|---|---|
| greenhouse_id | references Greenhouse |
| model | hardware model name |
| installedAt | when it was mounted |
"""


def test_any_column_order_and_bold_entity_line() -> None:
    facts = _facts(SHUFFLED)
    names = [f.name for f in facts if isinstance(f, EntityFact)]
    assert names == ["Greenhouse", "Sensor"]
    grower = _rel(facts, "grower_id")
    assert grower.parent == "growers" and grower.required is True and grower.on_delete == "cascade"
    area = _attr(facts, "Greenhouse", "area_m2")
    assert area.required is False and area.declared_type == "numeric(5,2)"
    unique = next(f for f in facts if isinstance(f, UniqueFact))
    assert unique.attributes == ["code", "grower"] and unique.entity == "Greenhouse"
    assert _rel(facts, "greenhouse_id").parent == "Greenhouse"
    assert _attr(facts, "Sensor", "model").description == "hardware model name"


def test_name_type_required_table_and_id_field_of_known_entity() -> None:
    text = """## Data model

### Harvest

| Name | Type | Required | Description |
|---|---|---|---|
| greenhouseId | string | yes | |
| weightKg | decimal | no | net weight |

### Greenhouse

| Name | Type | Required | Description |
|---|---|---|---|
| label | string | yes | |
"""
    facts = _facts(text)
    assert _rel(facts, "greenhouseId").parent == "Greenhouse"
    assert _rel(facts, "greenhouseId").required is True
    assert _attr(facts, "Harvest", "weightKg").required is False


def test_tables_that_are_not_field_tables() -> None:
    text = """# Feature

## API

| Method | Endpoint | Description |
|---|---|---|
| GET | /api/plants | list plants |

## Requirements

| ID | Requirement | Priority |
|---|---|---|
| R-1 | Users can water plants | High |

## Configuration

| Name | Type | Default |
|---|---|---|
| MAX_PLANTS | int | 50 |

## Data model

| Field | Type |
|---|---|
| name | text |
"""
    # the last table has no entity: a generic heading and no line naming one
    assert _facts(text) == []


ENTITY_TABLE = """### Schema Design

#### Tables/Collections Required
| Entity | Purpose | Key Fields |
|--------|---------|------------|
| kennels | boarding locations | id, name, city, capacity |
| dogs | guests | id, name, owner_email (unique), kennel_id |
| stays | one booking | dog_id, kennel_id, check_in, status (booked, active, done) |
| reports | daily notes | see SQL below |

#### Entity Relationships
```
[Kennel] 1----* [Stay]
[Dog] 1----* [Stay] *----1 [Kennel]
[Dog] 0..1----1 [Microchip]
[Stay] *----* [Service]
```
"""


def test_entity_table_rows_and_key_fields() -> None:
    facts = _facts(ENTITY_TABLE)
    rows = [f for f in facts if isinstance(f, EntityFact) and f.prov.rule == "table.entity_row"]
    assert [r.name for r in rows] == ["kennels", "dogs", "stays", "reports"]
    assert rows[0].description == "boarding locations" and rows[0].prov.line == 6
    assert _attr(facts, "dogs", "owner_email").unique is True
    status = _attr(facts, "stays", "status")
    assert status.enum_values == ["booked", "active", "done"]
    links = {
        (r.child, r.parent)
        for r in facts
        if isinstance(r, RelationshipFact) and r.prov.rule == "table.key_field_fk"
    }
    assert links == {("dogs", "kennels"), ("stays", "dogs"), ("stays", "kennels")}
    assert not any(isinstance(f, AttributeFact) and f.entity == "reports" for f in facts)


def test_er_links_with_cardinalities_and_chains() -> None:
    facts = _facts(ENTITY_TABLE)
    links = [f for f in facts if isinstance(f, RelationshipFact) and f.prov.rule == "er.link"]
    got = {(r.child, r.parent, r.cardinality, r.required) for r in links}
    assert ("Stay", "Kennel", Cardinality.MANY_TO_ONE, True) in got
    assert ("Stay", "Dog", Cardinality.MANY_TO_ONE, True) in got  # chain: first link
    assert sum(1 for r in links if r.prov.line == 14) == 2  # chain: both links on line 15
    assert ("Microchip", "Dog", Cardinality.ONE_TO_ONE, False) in got
    assert ("Stay", "Service", Cardinality.MANY_TO_MANY, None) in got
    assert {f.name for f in facts if isinstance(f, EntityFact) and f.prov.rule == "er.entity"} == {
        "Kennel",
        "Stay",
        "Dog",
        "Microchip",
        "Service",
    }


def test_bracketed_text_that_is_not_an_er_link() -> None:
    text = "- See [docs] -- and [more] for details\n- Links: [A] and [B]\n"
    assert _facts(text) == []


def test_index_tables() -> None:
    text = """### Indexes Required
| Table | Index | Columns | Type |
|-------|-------|---------|------|
| stays | idx_stays_dog | dog_id, check_in DESC | btree |
| dogs | uq_dogs_chip | chip_code | unique |
| stays | uq_stays_active | dog_id WHERE status = 'active' | unique partial |
| reports | idx_reports_body | body | GIN full text |
| stays | ex_stays_overlap | kennel_id, tsrange(check_in, check_out) | GiST exclusion |
"""
    facts = _facts(text)
    indexes = [f for f in facts if isinstance(f, IndexFact)]
    uniques = [f for f in facts if isinstance(f, UniqueFact)]
    first = indexes[0]
    assert first.entity == "stays" and first.equality == ["dog_id"] and first.sort == ["-check_in"]
    assert first.prov.line == 4 and first.prov.rule == "table.index"
    assert [(u.entity, u.attributes, u.where) for u in uniques] == [
        ("dogs", ["chip_code"], ""),
        ("stays", ["dog_id"], "status = 'active'"),
    ]
    assert any(i.text_search and i.entity == "reports" for i in indexes)
    overlap = next(i for i in indexes if i.range)
    assert overlap.equality == ["kennel_id"] and overlap.range == ["check_in", "check_out"]


def test_an_entity_table_keeps_multi_word_field_names() -> None:
    facts = _facts(
        "# Sheds\n\n| Entity | Key fields |\n|---|---|\n"
        "| sheds | address, opening hours (weekdays), price in euros, email unique |\n"
    )
    names = [f.name for f in facts if isinstance(f, AttributeFact)]
    assert names == ["address", "opening_hours", "price", "email"]
    assert _attr(facts, "sheds", "email").unique


def test_entity_table_values_in_capitals_separated_by_slashes_are_an_enum() -> None:
    facts = _facts(
        "# Cars\n\n## Entities\n\n| Entity | Description | Key fields |\n|---|---|---|\n"
        "| Scooter | rentable scooters | serial, battery (LITHIUM/LEAD_ACID), state (PARKED/RIDING/LOST) |\n"
    )
    assert _attr(facts, "Scooter", "battery").enum_values == ["LITHIUM", "LEAD_ACID"]
    assert _attr(facts, "Scooter", "state").kind is Kind.ENUM


def test_mixed_case_words_in_parentheses_are_a_note_not_values() -> None:
    facts = _facts(
        "# Cars\n\n## Entities\n\n| Entity | Description | Key fields |\n|---|---|---|\n"
        "| Scooter | rentable scooters | serial, zone (Centre, north) |\n"
    )
    assert _attr(facts, "Scooter", "zone").enum_values == []
