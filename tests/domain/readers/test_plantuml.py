"""PlantUML reader: IE entities (mandatory marks, key above the separator, FK stereotypes), class
members, enums and links in both notations."""

from __future__ import annotations

from schemawright.domain.facts import AssumptionFact, AttributeFact, EntityFact, RelationshipFact
from schemawright.domain.model import Cardinality, Kind
from schemawright.domain.readers import plantuml
from schemawright.spec.parser import parse_spec

from ._helpers import of, one

SPEC = """# Stock

```plantuml
@startuml
' storage layout
skinparam linetype ortho
entity "Warehouse" as wh {
  * id : number <<generated>>
  --
  * code : varchar(8) <<unique>>
  city : text
}
entity Bin {
  * id : number
  --
  * warehouse_id : number <<FK>>
  label : text
}
class Product {
  +sku : String
  +String name
  -price : Decimal
  +status : StockStatus
  +restock(qty : int) : void
}
enum StockStatus {
  IN_STOCK
  BACKORDER
}
interface Auditable
wh ||--o{ Bin
Bin "1" -- "0..*" Product : holds
Product "*" -right- "*" Supplier
Order *-- OrderLine
Product <|-- DigitalProduct
Auditable <|.. Product
Shelf o-- Product
Product --> Category
note left of Product
  Product --> Ignored
end note
@enduml
```
"""


def _line(lines: list[str], needle: str) -> int:
    return next(i for i, text in enumerate(lines, start=1) if needle in text)


def test_ie_entities() -> None:
    doc = parse_spec(SPEC)
    facts = plantuml.read(doc)
    assert one(facts, EntityFact, name="Warehouse").prov.line == _line(doc.lines, 'entity "Warehouse"')
    ident = one(facts, AttributeFact, entity="Warehouse", name="id")
    assert ident.primary_key and ident.required
    code = one(facts, AttributeFact, name="code")
    assert (code.declared_type, code.required, code.unique, code.primary_key) == (
        "varchar(8)",
        True,
        True,
        False,
    )
    assert (
        code.prov.line == _line(doc.lines, "* code : varchar(8)") and code.prov.rule == "plantuml.attribute"
    )
    assert one(facts, AttributeFact, name="city").required is False  # no "*" in IE notation
    bin_ = one(facts, RelationshipFact, child="Bin")
    assert (bin_.parent, bin_.required, bin_.via) == ("Warehouse", True, "warehouse_id")
    assert bin_.prov.rule == "plantuml.ie.relationship"
    assert not [a for a in of(facts, AttributeFact) if a.name == "warehouse_id"]


def test_class_members_and_enum() -> None:
    facts = plantuml.read(parse_spec(SPEC))
    assert {a.name for a in of(facts, AttributeFact) if a.entity == "Product"} == {
        "sku",
        "name",
        "price",
        "status",
    }
    assert one(facts, AttributeFact, name="price").declared_type == "Decimal"
    status = one(facts, AttributeFact, name="status")
    assert status.kind == Kind.ENUM and status.enum_values == ["IN_STOCK", "BACKORDER"]
    entities = {e.name for e in of(facts, EntityFact)}
    assert "StockStatus" not in entities and "Auditable" not in entities and "Ignored" not in entities


def test_links() -> None:
    doc = parse_spec(SPEC)
    facts = plantuml.read(doc)
    held = one(facts, RelationshipFact, parent="Bin")
    assert (held.child, held.required) == ("Product", True)
    assert held.prov.line == _line(doc.lines, 'Bin "1" -- "0..*" Product')
    suppliers = one(facts, RelationshipFact, parent="Supplier")  # a direction inside the arrow
    assert suppliers.cardinality == Cardinality.MANY_TO_MANY
    lines = one(facts, RelationshipFact, child="OrderLine")
    assert (lines.parent, lines.ownership) == ("Order", "owned")
    assert one(facts, RelationshipFact, parent="Shelf").ownership == "reference"
    assert one(facts, RelationshipFact, parent="Category").child == "Product"
    inheritance = [a for a in of(facts, AssumptionFact) if a.prov.rule == "plantuml.class.inheritance"]
    assert len(inheritance) == 1 and "DigitalProduct is a kind of Product" in inheritance[0].text


def test_hostile_input_never_raises() -> None:
    for text in [
        "@startuml\nclass {\n",
        '@startuml\nA "1 -- B\n',
        "/' never closed",
        "entity X {\n * id : ",
        "",
    ]:
        plantuml.read_text(text)
    facts = plantuml.read_text("@startuml\nclass Crate\nwhat is this ???\n@enduml", line=10)
    assert one(facts, AssumptionFact).prov.line == 12
