"""JSON Schema blocks and JSON request/response bodies (fresh examples)."""

from __future__ import annotations

from schemawright.domain.facts import AttributeFact, EntityFact, RelationshipFact, UniqueFact
from schemawright.domain.model import Cardinality, Kind
from schemawright.domain.readers.hints import WEAK
from schemawright.domain.readers.json_schema import read
from schemawright.spec.parser import parse_spec


def _facts(text: str) -> list[object]:
    return list(read(parse_spec(text)))


def _attr(facts: list[object], entity: str, name: str) -> AttributeFact:
    return next(f for f in facts if isinstance(f, AttributeFact) and f.entity == entity and f.name == name)


SCHEMA = """## Contracts

```json
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$defs": {
    "Courier": {
      "type": "object",
      "required": ["id", "email"],
      "properties": {
        "id": { "type": "string", "format": "uuid" },
        "email": { "type": "string", "format": "email", "maxLength": 254 },
        "vehicle": { "enum": ["bike", "scooter", "van"] },
        "rating": { "type": "number", "minimum": 1, "maximum": 5 }
      }
    },
    "Delivery": {
      "type": "object",
      "description": "One parcel run.",
      "required": ["courier", "pickedUpAt"],
      "properties": {
        "courier": { "$ref": "#/$defs/Courier" },
        "pickedUpAt": { "type": "string", "format": "date-time" },
        "deliveredOn": { "type": ["string", "null"], "format": "date" },
        "proofUrl": { "type": "string", "format": "uri" },
        "stops": { "type": "array", "items": { "$ref": "#/$defs/Stop" } },
        "attempts": { "type": "integer", "default": 0 },
        "depotId": { "type": "string", "description": "references Depot" },
        "labels": { "type": "array", "items": { "type": "string" } }
      }
    },
    "Stop": {
      "type": "object",
      "properties": {
        "address": { "type": "string" },
        "meta": { "type": "object", "properties": { "floor": { "type": "integer" } } }
      }
    }
  }
}
```
"""


def test_definitions_are_entities_with_lines() -> None:
    facts = _facts(SCHEMA)
    entities = {f.name: f for f in facts if isinstance(f, EntityFact)}
    assert list(entities) == ["Courier", "Delivery", "Stop"]
    assert entities["Courier"].prov.line == 7 and entities["Delivery"].description == "One parcel run."
    email = _attr(facts, "Courier", "email")
    assert email.prov.line == 12 and email.prov.rule == "jsonschema.property"
    assert email.kind == Kind.EMAIL and email.max_length == 254 and email.required is True


def test_property_types_formats_and_constraints() -> None:
    facts = _facts(SCHEMA)
    assert _attr(facts, "Courier", "id").kind == Kind.UUID and _attr(facts, "Courier", "id").primary_key
    vehicle = _attr(facts, "Courier", "vehicle")
    assert vehicle.kind == Kind.ENUM and vehicle.enum_values == ["bike", "scooter", "van"]
    assert vehicle.required is False
    rating = _attr(facts, "Courier", "rating")
    assert (rating.minimum, rating.maximum) == (1.0, 5.0)
    assert _attr(facts, "Delivery", "pickedUpAt").kind == Kind.TIMESTAMP
    delivered = _attr(facts, "Delivery", "deliveredOn")
    assert delivered.kind == Kind.DATE and delivered.required is False
    assert _attr(facts, "Delivery", "proofUrl").kind == Kind.URL
    assert _attr(facts, "Delivery", "attempts").default == "0"
    labels = _attr(facts, "Delivery", "labels")
    assert labels.kind == Kind.LIST and labels.declared_type == "array<string>"
    assert _attr(facts, "Stop", "meta").kind == Kind.JSON


def test_refs_and_id_fields_are_links() -> None:
    rels = [f for f in _facts(SCHEMA) if isinstance(f, RelationshipFact)]
    courier = next(r for r in rels if r.via == "courier")
    assert (courier.child, courier.parent, courier.required) == ("Delivery", "Courier", True)
    assert courier.prov.rule == "jsonschema.ref"
    stops = next(r for r in rels if r.prov.rule == "jsonschema.array_ref")
    assert (stops.child, stops.parent, stops.ownership) == ("Stop", "Delivery", "owned")
    depot = next(r for r in rels if r.via == "depotId")
    assert depot.parent == "Depot" and depot.prov.rule == "jsonschema.fk"


def test_single_schema_named_by_title_or_heading() -> None:
    text = """### Review schema

```json
{
  "type": "object",
  "properties": {
    "stars": { "type": "integer", "minimum": 1, "maximum": 5 },
    "tags": { "type": "array", "items": { "$ref": "#/definitions/Tag" } }
  }
}
```
"""
    facts = _facts(text)
    assert [f.name for f in facts if isinstance(f, EntityFact)] == ["Review"]
    assert _attr(facts, "Review", "stars").prov.line == 7


def test_openapi_yaml_components() -> None:
    text = """## API

```yaml
components:
  schemas:
    Voucher:
      type: object
      required: [code]
      properties:
        code:
          type: string
          maxLength: 16
        expiresAt:
          type: string
          format: date-time
```
"""
    facts = _facts(text)
    assert [f.name for f in facts if isinstance(f, EntityFact)] == ["Voucher"]
    code = _attr(facts, "Voucher", "code")
    assert code.required is True and code.max_length == 16 and code.prov.line == 10
    assert _attr(facts, "Voucher", "expiresAt").kind == Kind.TIMESTAMP


BODIES = """# Feature: Room booking

## Data
- **Room** and **Booking** records.

```sql
CREATE TABLE rooms (id uuid primary key);
```

## API

#### Endpoint 1: POST /api/v2/bookings
**Request:**
```json
{
  "room_id": "7d0c2a8e-1111-4222-8333-944455556666",
  "starts_at": "2025-09-01T10:00:00Z",
  "day": "2025-09-01",
  "seats": 4,
  "catering": true,
  "note": "projector please",
  "page": 1
}
```

#### Endpoint 2: POST /api/v2/bookings/:id/cancel
```json
{ "reason": "string", "refund_amount": "12.50" }
```

#### Endpoint 3: POST /api/v2/auth/signup
```json
{ "email": "ana@example.org", "password": "string", "password_confirmation": "string" }
```
"""


def test_request_bodies_are_weak_hints_for_the_endpoint_entity() -> None:
    facts = _facts(BODIES)
    assert not any(isinstance(f, EntityFact) for f in facts)
    seats = _attr(facts, "bookings", "seats")
    assert (
        seats.declared_type == "integer"
        and seats.prov.priority == WEAK
        and seats.prov.rule == "json.body.field"
    )
    assert seats.prov.line == 19
    assert _attr(facts, "bookings", "starts_at").declared_type == "timestamp"
    assert _attr(facts, "bookings", "day").declared_type == "date"
    assert _attr(facts, "bookings", "catering").declared_type == "boolean"
    room = next(f for f in facts if isinstance(f, RelationshipFact))
    assert (room.child, room.parent, room.via, room.prov.priority) == ("bookings", "rooms", "room_id", WEAK)
    assert not any(isinstance(f, AttributeFact) and f.name == "page" for f in facts)
    # an action path: the body belongs to the resource before the action
    assert _attr(facts, "bookings", "refund_amount").declared_type == "decimal"
    # sign-up bodies describe the user
    assert _attr(facts, "user", "email").declared_type == "email"
    assert not any(isinstance(f, AttributeFact) and f.name == "password_confirmation" for f in facts)


def test_json_outside_api_sections_and_without_entity_is_ignored() -> None:
    text = """## Settings

```json
{ "theme": "dark", "font_size": 14 }
```

## API

```json
{ "ok": true }
```
"""
    assert _facts(text) == []


def test_many_to_many_when_both_sides_list_each_other() -> None:
    text = """```json
{
  "definitions": {
    "Author": { "type": "object", "properties": {
      "books": { "type": "array", "items": { "$ref": "#/definitions/Book" } } } },
    "Book": { "type": "object", "properties": {
      "authors": { "type": "array", "items": { "$ref": "#/definitions/Author" } } } }
  }
}
```
"""
    rels = [f for f in _facts(text) if isinstance(f, RelationshipFact)]
    assert len(rels) == 1 and rels[0].cardinality == Cardinality.MANY_TO_MANY


LINK_ROWS = """# Bakery orders

## Tables

| Table | Purpose |
|---|---|
| customers | buyers |
| orders | what a customer buys |
| cakes | the menu |
| toppings | extras |
| order_cakes | cakes in an order |

## API

#### POST /api/orders
```json
{
  "customer_id": 4,
  "toppings": [ { "topping_id": 2 }, { "topping_id": 7 } ],
  "cakes": [ { "cake_id": 3, "quantity": 2, "inscription": "Happy birthday" } ],
  "extras": [ { "id": 1, "cake_id": 3 } ]
}
```

#### PUT /api/orders/:id/receipt
```json
{ "lines": [ { "toppingId": 2, "unit_price": 1.5 } ] }
```
"""


def test_rows_of_bare_keys_are_a_many_to_many() -> None:
    facts = _facts(LINK_ROWS)
    link = next(f for f in facts if isinstance(f, RelationshipFact) and f.parent == "toppings")
    assert (link.child, link.cardinality) == ("orders", Cardinality.MANY_TO_MANY)
    assert link.prov.rule == "json.body.link"


def test_rows_with_values_are_the_spec_s_own_link_table() -> None:
    facts = _facts(LINK_ROWS)
    assert _attr(facts, "order_cakes", "quantity").declared_type == "integer"
    assert _attr(facts, "order_cakes", "inscription").declared_type == "string"
    parents = {f.parent for f in facts if isinstance(f, RelationshipFact) and f.child == "order_cakes"}
    assert parents == {"orders", "cakes"}
    assert any(isinstance(f, UniqueFact) and f.entity == "order_cakes" for f in facts)


def test_a_facet_path_gives_its_rows_to_the_record_and_names_the_link_for_the_pair() -> None:
    """'/orders/:id/receipt' is the order's receipt; its 'lines' pair the order with toppings."""
    facts = _facts(LINK_ROWS)
    assert _attr(facts, "order_line", "unit_price").declared_type == "number"
    parents = {f.parent for f in facts if isinstance(f, RelationshipFact) and f.child == "order_line"}
    assert parents == {"orders", "toppings"}


def test_rows_with_their_own_id_are_records_not_links() -> None:
    facts = _facts(LINK_ROWS)
    assert not any(isinstance(f, EntityFact) and "extra" in f.name for f in facts)


def test_a_body_s_own_key_is_no_link_to_itself() -> None:
    """A response to POST /lessons carries the new lesson's key; a named earlier lesson is a real link."""
    facts = _facts(
        "# Lessons\n\n## Tables\n\n| Table | Purpose |\n|---|---|\n| lessons | booked lessons |\n\n## API\n\n"
        "#### POST /api/lessons\n**Response:**\n```json\n"
        '{ "lesson_id": 5512, "status": "booked", "follows_lesson_id": 5400 }\n```\n'
    )
    links = [(f.child, f.parent, f.via) for f in facts if isinstance(f, RelationshipFact)]
    assert links == [("lessons", "lessons", "follows_lesson_id")]
