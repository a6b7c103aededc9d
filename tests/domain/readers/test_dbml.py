"""DBML reader: tables, columns and settings, refs in every direction, enums and indexes."""

from __future__ import annotations

from schemawright.domain.facts import (
    AssumptionFact,
    AttributeFact,
    EntityFact,
    IndexFact,
    RelationshipFact,
    UniqueFact,
)
from schemawright.domain.model import Cardinality, Kind
from schemawright.domain.readers import dbml
from schemawright.spec.parser import parse_spec

from ._helpers import of, one

SPEC = """# Clinic

```dbml
Project clinic {
  database_type: 'PostgreSQL'
}

Enum visit_status {
  booked
  "checked in" [note: 'at the front desk']
  done
}

Table staff as S [note: 'doctors and nurses'] {
  id integer [pk, increment]
  licence_no varchar(20) [not null, unique, note: 'state licence number']
  full_name varchar [not null]
}

Table patients {
  id integer [pk]
  email varchar(320) [unique]
  born_on date
  Note: 'people treated at the clinic'
}

Table visits {
  id integer [pk]
  patient_id integer [not null, ref: > patients.id]
  doctor_id integer [ref: > S.id]
  status visit_status [not null, default: 'booked']
  starts_at timestamp [not null, default: `now()`]
  fee decimal(8,2) [default: 0]
  indexes {
    (doctor_id, starts_at) [unique, name: 'one_slot_per_doctor']
    starts_at [name: 'by_time']
  }
}

Table visit_notes {
  visit_id integer [not null]
  author_id integer
  body text
  indexes {
    (visit_id, author_id) [pk]
  }
}

Table rooms {
  id integer [pk]
  code varchar(4)
}

Ref: visit_notes.visit_id > visits.id [delete: cascade]
Ref {
  staff.id < visit_notes.author_id [delete: set null]
}
Ref: rooms.id - visits.id
Ref: patients.id <> staff.id
```
"""


def _line(lines: list[str], needle: str) -> int:
    return next(i for i, text in enumerate(lines, start=1) if needle in text)


def test_tables_columns_settings() -> None:
    doc = parse_spec(SPEC)
    facts = dbml.read(doc)
    assert [e.name for e in of(facts, EntityFact)] == ["staff", "patients", "visits", "visit_notes", "rooms"]
    assert one(facts, EntityFact, name="staff").description == "doctors and nurses"
    assert one(facts, EntityFact, name="patients").description == "people treated at the clinic"
    licence = one(facts, AttributeFact, name="licence_no")
    assert (licence.required, licence.unique, licence.max_length) == (True, True, 20)
    assert licence.description == "state licence number" and licence.declared_type == "varchar(20)"
    assert (
        licence.prov.line == _line(doc.lines, "licence_no varchar(20)") and licence.prov.rule == "dbml.column"
    )
    assert one(facts, AttributeFact, name="born_on").required is False
    assert one(facts, AttributeFact, entity="staff", name="id").primary_key
    status = one(facts, AttributeFact, name="status")
    assert status.kind == Kind.ENUM and status.enum_values == ["booked", "checked in", "done"]
    assert status.default == "'booked'"
    assert one(facts, AttributeFact, name="starts_at").default == "CURRENT_TIMESTAMP"
    assert one(facts, AttributeFact, name="fee").default == "0"


def test_refs_inline_and_top_level_in_every_direction() -> None:
    doc = parse_spec(SPEC)
    facts = dbml.read(doc)
    patient = one(facts, RelationshipFact, via="patient_id")
    assert (patient.child, patient.parent, patient.required) == ("visits", "patients", True)
    assert patient.prov.line == _line(doc.lines, "patient_id integer")
    doctor = one(facts, RelationshipFact, via="doctor_id")
    assert doctor.parent == "staff" and doctor.required is False  # through the table alias S
    note_visit = one(facts, RelationshipFact, via="visit_id")
    assert (note_visit.child, note_visit.on_delete, note_visit.prov.rule) == (
        "visit_notes",
        "cascade",
        "dbml.ref",
    )
    author = one(facts, RelationshipFact, via="author_id")  # "<": the right side holds the key
    assert (author.child, author.parent, author.on_delete, author.required) == (
        "visit_notes",
        "staff",
        "set_null",
        True,  # part of the composite primary key
    )
    room = one(facts, RelationshipFact, child="rooms")
    assert room.parent == "visits" and room.cardinality == Cardinality.ONE_TO_ONE
    assert room.via == ""  # a shared primary key: the key column stays an attribute
    assert one(facts, AttributeFact, entity="rooms", name="id").primary_key
    m2m = one(facts, RelationshipFact, cardinality=Cardinality.MANY_TO_MANY)
    assert {m2m.child, m2m.parent} == {"patients", "staff"}
    assert not {a.name for a in of(facts, AttributeFact)} & {
        "patient_id",
        "doctor_id",
        "visit_id",
        "author_id",
    }


def test_indexes() -> None:
    facts = dbml.read(parse_spec(SPEC))
    slot = one(facts, UniqueFact, entity="visits")
    assert slot.attributes == ["doctor_id", "starts_at"] and slot.prov.rule == "dbml.unique"
    assert one(facts, IndexFact, entity="visits").equality == ["starts_at"]
    key = one(facts, UniqueFact, entity="visit_notes")
    assert key.attributes == ["visit_id", "author_id"] and key.prov.rule == "dbml.primary_key"


def test_composite_ref_and_schema_qualified_names() -> None:
    facts = dbml.read_text(
        """Table shop.order_lines {
  order_id int [not null]
  line_no int [not null]
}
Table shop.returns {
  order_id int
  line_no int
}
Ref: shop.returns.(order_id, line_no) > shop.order_lines.(order_id, line_no)
"""
    )
    assert {e.name for e in of(facts, EntityFact)} == {"order_lines", "returns"}
    rel = one(facts, RelationshipFact)
    assert (rel.child, rel.parent, rel.via) == ("returns", "order_lines", "")
    assert any("Composite reference" in a.text for a in of(facts, AssumptionFact))


def test_sniffed_without_label_and_hostile_input() -> None:
    doc = parse_spec("# S\n\n```\nTable crates {\n  id int [pk]\n}\n```\n")
    assert one(dbml.read(doc), EntityFact, name="crates").prov.line == 4
    for text in ["Table x {\n  id int [note: 'unterminated\n", "Ref: > >", "Table {", "}", "'''", "Enum e {"]:
        dbml.read_text(text)
    facts = dbml.read_text("Table t {\n  id int\n  ??? what\n}\nnonsense line")
    assert [a.prov.line for a in of(facts, AssumptionFact)] == [3, 5]
