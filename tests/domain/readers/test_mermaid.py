"""Mermaid reader: erDiagram attribute blocks and crow's-foot lines, classDiagram members and links."""

from __future__ import annotations

from schemawright.domain.facts import AssumptionFact, AttributeFact, EntityFact, RelationshipFact
from schemawright.domain.model import Cardinality, Kind
from schemawright.domain.readers import mermaid
from schemawright.spec.parser import parse_spec

from ._helpers import of, one

ER = """# Energy meters

```mermaid
erDiagram
    HOUSEHOLD ||--o{ METER : "has installed"
    METER ||--|{ READING : contains
    PERSON ||--o| PASSPORT : holds
    TECHNICIAN }o--o{ METER : services
    READING }o--|| TARIFF : "priced by"
    HOUSEHOLD {
        int id PK
        string address "street and number"
        string postcode
    }
    METER {
        int id PK
        string serial UK
        int household_id FK
        date installed_on "optional"
    }
    READING {
        int meter_id FK
        decimal kwh
        timestamp taken_at
        int supplier_id FK
    }
```
"""


def _line(lines: list[str], needle: str) -> int:
    return next(i for i, text in enumerate(lines, start=1) if needle in text)


def test_er_entities_and_attributes() -> None:
    doc = parse_spec(ER)
    facts = mermaid.read(doc)
    names = [e.name for e in of(facts, EntityFact)]
    assert names == ["HOUSEHOLD", "METER", "READING", "PERSON", "PASSPORT", "TECHNICIAN", "TARIFF"]
    serial = one(facts, AttributeFact, name="serial")
    assert (serial.entity, serial.declared_type, serial.unique) == ("METER", "string", True)
    assert (
        serial.prov.line == _line(doc.lines, "string serial UK")
        and serial.prov.rule == "mermaid.er.attribute"
    )
    address = one(facts, AttributeFact, name="address")
    assert address.description == "street and number"
    assert one(facts, AttributeFact, name="installed_on").required is False
    ident = one(facts, AttributeFact, entity="HOUSEHOLD", name="id")
    assert ident.primary_key and ident.required
    # an FK attribute with no relationship line keeps pointing at its entity
    assert one(facts, AttributeFact, name="supplier_id").refers_to == "supplier"


def test_er_crow_foot_cardinalities() -> None:
    doc = parse_spec(ER)
    facts = mermaid.read(doc)
    meter = one(facts, RelationshipFact, child="METER", parent="HOUSEHOLD")
    assert (meter.cardinality, meter.required, meter.via) == (Cardinality.MANY_TO_ONE, True, "household_id")
    assert meter.prov.line == _line(doc.lines, "HOUSEHOLD ||--o{ METER") and meter.prov.rule == (
        "mermaid.er.relationship"
    )
    reading = one(facts, RelationshipFact, child="READING", parent="METER")
    assert reading.ownership == "owned" and reading.via == "meter_id"
    passport = one(facts, RelationshipFact, parent="PERSON")
    assert (passport.child, passport.cardinality, passport.required) == (
        "PASSPORT",
        Cardinality.ONE_TO_ONE,
        True,
    )
    services = one(facts, RelationshipFact, cardinality=Cardinality.MANY_TO_MANY)
    assert {services.child, services.parent} == {"TECHNICIAN", "METER"}
    tariff = one(facts, RelationshipFact, parent="TARIFF")  # many on the left: the left holds the key
    assert (tariff.child, tariff.required) == ("READING", True)
    assert not {a.name for a in of(facts, AttributeFact)} & {"household_id", "meter_id"}


CLASSES = """classDiagram
    class Library {
        +String name
        +List~Book~ books
    }
    class Book {
        +String isbn
        +Genre genre
        +int pages
        +borrow(Member m) bool
        -Member holder
        price: Decimal
    }
    class Genre {
        <<enumeration>>
        FICTION
        SCIENCE
    }
    class Catalogue {
        <<interface>>
    }
    Member : +String cardNumber
    Member : +checkout(Book b) void
    Library "1" --> "*" Member : registers
    Library *-- Shelf
    Shelf o-- Book
    Person <|-- Member
    Member "0..1" -- "1" Card
    Author "1..*" -- "*" Book
    Loan ..> Clock
    Book --> Publisher
"""


def test_class_members_enumerations_and_interfaces() -> None:
    facts = mermaid.read_text(CLASSES, line=20)
    assert "Genre" not in {e.name for e in of(facts, EntityFact)}  # an enumeration is values, not a table
    assert "Catalogue" not in {e.name for e in of(facts, EntityFact)}
    genre = one(facts, AttributeFact, name="genre")
    assert genre.kind == Kind.ENUM and genre.enum_values == ["FICTION", "SCIENCE"]
    price = one(facts, AttributeFact, name="price")
    assert price.declared_type == "Decimal" and price.prov.line == 31
    assert one(facts, AttributeFact, name="cardNumber").entity == "Member"
    assert not [a for a in of(facts, AttributeFact) if a.name in ("borrow", "checkout", "books", "holder")]
    books = one(facts, RelationshipFact, child="Book", parent="Library")  # List~Book~ member
    assert books.prov.rule == "mermaid.class.member"
    holder = one(facts, RelationshipFact, child="Book", parent="Member")
    assert holder.via == "holder"


def test_class_links_multiplicities_composition_aggregation_inheritance() -> None:
    facts = mermaid.read_text(CLASSES, line=1)
    member = one(facts, RelationshipFact, child="Member", parent="Library")
    assert (member.cardinality, member.required) == (Cardinality.MANY_TO_ONE, True)
    shelf = one(facts, RelationshipFact, child="Shelf")
    assert (shelf.parent, shelf.ownership, shelf.required) == ("Library", "owned", True)
    shelved = one(facts, RelationshipFact, parent="Shelf")
    assert (shelved.child, shelved.ownership) == ("Book", "reference")
    card = one(facts, RelationshipFact, parent="Card")
    assert (card.child, card.cardinality, card.required) == ("Member", Cardinality.ONE_TO_ONE, True)
    authors = one(facts, RelationshipFact, child="Author")
    assert authors.cardinality == Cardinality.MANY_TO_MANY
    assert one(facts, RelationshipFact, parent="Publisher").child == "Book"
    kinds = [a.prov.rule for a in of(facts, AssumptionFact)]
    assert "mermaid.class.inheritance" in kinds and "mermaid.class.dependency" in kinds
    text = next(a.text for a in of(facts, AssumptionFact) if a.prov.rule == "mermaid.class.inheritance")
    assert "Member is a kind of Person" in text


def test_flowchart_is_ignored_and_hostile_input_never_raises() -> None:
    assert mermaid.read(parse_spec("# S\n\n```mermaid\nflowchart LR\n  A --> B\n```\n")) == []
    for text in [
        "erDiagram\n  A ||--o{",
        'erDiagram\n  A {\n    string "unterminated\n',
        "classDiagram\n  class {",
        'classDiagram\n  A "1 --> B',
        "erDiagram\n}}}{{{",
        "",
    ]:
        mermaid.read_text(text)
    facts = mermaid.read_text("erDiagram\n  CAT ||--o{ KITTEN : has\n  ??? nonsense")
    assert one(facts, AssumptionFact).prov.line == 3


def test_sniffed_without_label() -> None:
    doc = parse_spec("# S\n\n```\nerDiagram\n  SHED ||--o{ TOOL : stores\n```\n")
    assert one(mermaid.read(doc), RelationshipFact).prov.line == 5
