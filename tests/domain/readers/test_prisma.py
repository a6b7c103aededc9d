"""Prisma reader: models, fields, keys, relations (one-to-many, one-to-one, self, implicit
many-to-many) and enums become facts with exact lines."""

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
from schemawright.domain.readers import prisma
from schemawright.spec.parser import parse_spec

from ._helpers import of, one

SPEC = """# Book club

## Schema

```prisma
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

/// A reader who belongs to the club.
model Reader {
  id          Int       @id @default(autoincrement())
  email       String    @unique @db.VarChar(320)
  nickname    String?   @map("nick_name")
  role        ClubRole  @default(MEMBER)
  website     String?   @default("https://club.example") // the // in the string is not a comment
  joinedAt    DateTime  @default(now())
  interests   String[]
  reviews     Review[]
  circles     Circle[]
  card        LibraryCard?
  mentorId    Int?
  mentor      Reader?   @relation("Mentoring", fields: [mentorId], references: [id], onDelete: SetNull)
  mentees     Reader[]  @relation("Mentoring")

  @@map("readers")
  @@index([joinedAt(sort: Desc), role])
}

model LibraryCard {
  id       Int    @id @default(autoincrement())
  number   String @db.Char(12)
  readerId Int    @unique
  reader   Reader @relation(fields: [readerId], references: [id], onDelete: Cascade)
}

model Review {
  id       Int    @id @default(autoincrement())
  stars    Int
  /// what the reader thought
  body     String
  readerId Int
  reader   Reader @relation(fields: [readerId], references: [id])
  bookIsbn String
  book     Book   @relation(fields: [bookIsbn], references: [isbn], onDelete: Restrict)

  @@unique([readerId, bookIsbn])
}

model Book {
  isbn    String   @id
  title   String
  reviews Review[]
}

model Circle {
  id      Int      @id
  topic   String
  readers Reader[]
}

enum ClubRole {
  MEMBER
  ORGANISER
  TREASURER @map("treasurer")
}
```
"""


def _line(lines: list[str], needle: str) -> int:
    return next(i for i, text in enumerate(lines, start=1) if needle in text)


def test_models_fields_and_lines() -> None:
    doc = parse_spec(SPEC)
    facts = prisma.read(doc)
    assert [e.name for e in of(facts, EntityFact)] == ["Reader", "LibraryCard", "Review", "Book", "Circle"]
    reader = one(facts, EntityFact, name="Reader")
    assert reader.table_name == "readers" and reader.description == "A reader who belongs to the club."
    assert reader.prov.line == _line(doc.lines, "model Reader {") and reader.prov.rule == "prisma.model"
    email = one(facts, AttributeFact, entity="Reader", name="email")
    assert (email.declared_type, email.unique, email.required, email.max_length) == (
        "VarChar(320)",
        True,
        True,
        320,
    )
    assert email.prov.line == _line(doc.lines, "email       String") and email.prov.rule == "prisma.field"
    nickname = one(facts, AttributeFact, name="nickname")
    assert nickname.required is False and nickname.declared_type == "String"
    ident = one(facts, AttributeFact, entity="Reader", name="id")
    assert ident.primary_key and ident.default is None  # autoincrement() is the key's own generator
    assert one(facts, AttributeFact, name="joinedAt").default == "CURRENT_TIMESTAMP"
    assert one(facts, AttributeFact, name="website").default == "'https://club.example'"
    assert one(facts, AttributeFact, name="interests").kind == Kind.LIST
    assert one(facts, AttributeFact, name="body").description == "what the reader thought"
    assert one(facts, AttributeFact, entity="Book", name="isbn").primary_key


def test_enum_values_on_fields_of_that_type() -> None:
    facts = prisma.read(parse_spec(SPEC))
    role = one(facts, AttributeFact, name="role")
    assert role.kind == Kind.ENUM and role.enum_values == ["MEMBER", "ORGANISER", "treasurer"]
    assert role.default == "'MEMBER'"


def test_relations() -> None:
    doc = parse_spec(SPEC)
    facts = prisma.read(doc)
    review_reader = one(facts, RelationshipFact, child="Review", parent="Reader")
    assert (review_reader.via, review_reader.required, review_reader.cardinality) == (
        "readerId",
        True,
        Cardinality.MANY_TO_ONE,
    )
    book = one(facts, RelationshipFact, child="Review", parent="Book")
    assert book.on_delete == "restrict" and book.via == "bookIsbn"
    card = one(facts, RelationshipFact, child="LibraryCard")
    assert card.cardinality == Cardinality.ONE_TO_ONE and card.on_delete == "cascade"
    mentor = one(facts, RelationshipFact, child="Reader", parent="Reader")
    assert (mentor.via, mentor.required, mentor.on_delete) == ("mentorId", False, "set_null")
    assert (
        mentor.prov.line == _line(doc.lines, "mentor      Reader?") and mentor.prov.rule == "prisma.relation"
    )
    circles = [r for r in of(facts, RelationshipFact) if r.cardinality == Cardinality.MANY_TO_MANY]
    assert len(circles) == 1 and {circles[0].child, circles[0].parent} == {"Reader", "Circle"}
    # list sides and key fields do not become attributes
    names = {a.name for a in of(facts, AttributeFact)}
    assert not names & {"reviews", "circles", "card", "mentorId", "readerId", "bookIsbn", "readers"}
    assert len(of(facts, RelationshipFact)) == 5


def test_block_attributes() -> None:
    facts = prisma.read(parse_spec(SPEC))
    unique = one(facts, UniqueFact, entity="Review")
    assert unique.attributes == ["readerId", "bookIsbn"] and unique.prov.rule == "prisma.unique"
    index = one(facts, IndexFact, entity="Reader")
    assert index.equality == ["role"] and index.sort == ["-joinedAt"]


def test_list_without_back_field_and_composite_id() -> None:
    facts = prisma.read_text(
        """model Shelf {
  id    Int    @id
  tools Tool[]
}
model Tool {
  name   String
  shelfId Int
  serial String
  @@id([name, serial])
}
type Address {
  street String
}
""",
        line=7,
    )
    rel = one(facts, RelationshipFact, parent="Shelf")
    assert rel.child == "Tool" and rel.prov.line == 9
    key = one(facts, UniqueFact, entity="Tool")
    assert key.attributes == ["name", "serial"] and key.prov.rule == "prisma.primary_key"
    assert any(a.prov.rule == "prisma.type" for a in of(facts, AssumptionFact))


def test_sniffed_without_label() -> None:
    doc = parse_spec("# S\n\n```\nmodel Crate {\n  id Int @id\n}\n```\n")
    facts = prisma.read(doc)
    assert one(facts, EntityFact, name="Crate").prov.line == 4


def test_hostile_input_never_raises() -> None:
    for text in [
        'model X {\n  id Int @id\n  name String @default("unterminated\n  ???\n',
        "model {",
        "}}}}",
        "model X { id Int @default((((( }",
        "enum",
        "",
        '"',
    ]:
        prisma.read_text(text)
    facts = prisma.read_text('model X {\n  id Int @id\n  name String @default("oops\n  ???\n')
    assert one(facts, AttributeFact, name="name").default is None
    assert one(facts, AssumptionFact).prov.line == 4
