"""TypeScript reader: interfaces, object types, enums and TypeORM entities (fresh examples)."""

from __future__ import annotations

import time

from schemawright.domain.facts import (
    AttributeFact,
    CheckFact,
    EntityFact,
    IndexFact,
    RelationshipFact,
    UniqueFact,
)
from schemawright.domain.model import Cardinality, Kind
from schemawright.domain.readers.typescript import read
from schemawright.spec.parser import parse_spec

INTERFACES = """# Bike hire

## Data Models

```ts
type RentalState = 'reserved' | 'riding' | 'returned';

export enum FrameSize { Small = 'S', Medium = 'M', Large = 'L' }

interface Station {
  id: string;
  label: string;
  docks: number;        // physical docks at the station
}

interface Bike {
  id: string;
  serial: string;       // unique
  size: FrameSize;
  homeStationId: string; // -> Station
  retiredAt?: Date;
}

interface Rider {
  id: string
  email: string
  rentals: Rental[]
  birthday: string   // ISO date
  preferences: { lights: boolean; bell: boolean }
}

interface Rental {
  id: string;
  riderId: string;
  bike: Bike;
  state: RentalState;
  startedAt: Date;
  endedAt: Date | null;
  channel: 'app' | 'kiosk';
}
```
"""


def _facts(text: str) -> list[object]:
    return list(read(parse_spec(text)))


def _attr(facts: list[object], entity: str, name: str) -> AttributeFact:
    return next(f for f in facts if isinstance(f, AttributeFact) and f.entity == entity and f.name == name)


def _rels(facts: list[object]) -> list[RelationshipFact]:
    return [f for f in facts if isinstance(f, RelationshipFact)]


def test_interfaces_are_entities_with_exact_lines() -> None:
    facts = _facts(INTERFACES)
    entities = {f.name: f.prov.line for f in facts if isinstance(f, EntityFact)}
    assert entities == {"Station": 10, "Bike": 16, "Rider": 24, "Rental": 32}
    docks = _attr(facts, "Station", "docks")
    assert docks.prov.line == 13 and docks.prov.rule == "ts.interface.field"
    assert docks.prov.origin == "structured" and docks.declared_type == "number"
    assert docks.description == "physical docks at the station"


def test_optional_unique_date_and_enums() -> None:
    facts = _facts(INTERFACES)
    assert _attr(facts, "Bike", "serial").unique is True
    retired = _attr(facts, "Bike", "retiredAt")
    assert retired.required is False and retired.kind == Kind.TIMESTAMP
    size = _attr(facts, "Bike", "size")
    assert size.kind == Kind.ENUM and size.enum_values == ["S", "M", "L"]
    state = _attr(facts, "Rental", "state")
    assert state.enum_values == ["reserved", "riding", "returned"]
    assert _attr(facts, "Rental", "channel").enum_values == ["app", "kiosk"]
    assert _attr(facts, "Rental", "endedAt").required is False
    assert _attr(facts, "Rider", "birthday").declared_type == "date"
    assert _attr(facts, "Rider", "preferences").kind == Kind.JSON
    assert _attr(facts, "Station", "id").primary_key


def test_links_by_id_field_comment_and_type() -> None:
    rels = _rels(_facts(INTERFACES))
    by_via = {r.via: r for r in rels}
    assert by_via["homeStationId"].parent == "Station" and by_via["homeStationId"].child == "Bike"
    assert by_via["riderId"].parent == "Rider" and by_via["riderId"].prov.line == 34
    assert by_via["bike"].parent == "Bike" and by_via["bike"].required is True
    # Rider.rentals: Rental[] where Rental points back with riderId → no second link
    assert not any(r.prov.rule == "ts.interface.array" for r in rels)
    facts = _facts(INTERFACES)
    assert not any(
        isinstance(f, AttributeFact) and f.name in ("riderId", "bike", "homeStationId") for f in facts
    )


def test_arrays_without_back_reference() -> None:
    text = """```typescript
interface Playlist { id: string; title: string; tracks: Track[]; tagIds: string[] }
interface Track { id: string; title: string }
interface Tag { id: string; name: string }
interface Album { id: string; tracks: Track[] }
```
"""
    rels = _rels(_facts(text))
    tracks = [r for r in rels if r.via == "tracks"]
    # Track is listed by two owners → shared → many-to-many (once per pair)
    assert {(r.child, r.parent, r.cardinality) for r in tracks} == {
        ("Playlist", "Track", Cardinality.MANY_TO_MANY),
        ("Album", "Track", Cardinality.MANY_TO_MANY),
    }
    tags = [r for r in rels if r.via == "tagIds"]
    assert tags and tags[0].parent == "Tag" and tags[0].cardinality == Cardinality.MANY_TO_MANY


def test_owned_children_one_to_many() -> None:
    text = """```ts
interface Survey { id: string; questions: Question[] }
interface Question { id: string; prompt: string }
```
"""
    rels = _rels(_facts(text))
    assert len(rels) == 1
    assert rels[0].child == "Question" and rels[0].parent == "Survey" and rels[0].ownership == "owned"


def test_unknown_id_field_stays_an_attribute() -> None:
    text = """```ts
interface Payout { id: string; stripeTransferId: string; amountCents: number }
```
"""
    facts = _facts(text)
    assert not _rels(facts)
    transfer = _attr(facts, "Payout", "stripeTransferId")
    assert transfer.declared_type == "string" and transfer.refers_to == "stripe_transfer"
    assert _attr(facts, "Payout", "amountCents").refers_to == ""


def test_dto_names_and_mixins_are_not_entities() -> None:
    text = """```ts
interface BaseEntity { id: string; createdAt: Date }
interface Venue extends BaseEntity { name: string }
interface CreateVenueRequest { name: string }
```
"""
    facts = _facts(text)
    assert [f.name for f in facts if isinstance(f, EntityFact)] == ["Venue"]
    assert _attr(facts, "Venue", "createdAt").kind == Kind.TIMESTAMP  # inherited from the mixin


def test_non_typescript_blocks_are_ignored() -> None:
    text = """```python
class Order:
    total: int
```

```prisma
model Order {
  id Int @id
}
enum Role {
  ADMIN
}
```
"""
    assert _facts(text) == []


TYPEORM = """## Storage

```typescript
export enum TicketPriority { Low = 'low', Normal = 'normal', Urgent = 'urgent' }

@Entity('help_desks')
export class HelpDesk {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ unique: true }) slug: string;
  @OneToMany(() => Ticket, (ticket) => ticket.desk)
  tickets: Ticket[];
  @ManyToMany(() => Agent)
  @JoinTable({ name: 'desk_agents' })
  agents: Agent[];
}

@Entity()
@Unique(['desk', 'reference'])
@Index(['status', 'openedAt'])
@Check(`"closed_at" > "opened_at"`)
@Check(`"effort_hours" >= 0`)
export class Ticket {
  @PrimaryGeneratedColumn() id: number;
  @ManyToOne(() => HelpDesk, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'desk_id' })
  desk: HelpDesk;
  @ManyToOne(() => Agent, { nullable: true })
  assignee: Agent | null;
  @Column({ length: 12 }) reference: string;
  @Column({ type: 'enum', enum: TicketPriority, default: TicketPriority.Normal }) priority: TicketPriority;
  @Column('decimal', { precision: 6, scale: 2, name: 'effort_hours', nullable: true }) effortHours: string;
  @Column({
    type: 'timestamptz',
    name: 'opened_at',
  })
  openedAt: Date;
  @Index()
  @Column({ nullable: true }) externalRef?: string;
  @DeleteDateColumn() removedAt: Date;
  notPersisted: string;
}

@Entity()
export class Agent {
  @PrimaryColumn() badge: string;
  @ManyToMany(() => HelpDesk, (desk) => desk.agents)
  desks: HelpDesk[];
  @OneToOne(() => AgentProfile)
  @JoinColumn()
  profile: AgentProfile;
}

@Entity()
export class AgentProfile {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') bio: string;
}
```
"""


def test_typeorm_entities_and_columns() -> None:
    facts = _facts(TYPEORM)
    entities = {f.name: f for f in facts if isinstance(f, EntityFact)}
    assert set(entities) == {"HelpDesk", "Ticket", "Agent", "AgentProfile"}
    assert entities["HelpDesk"].table_name == "help_desks" and entities["HelpDesk"].prov.rule == "ts.entity"
    assert entities["Ticket"].soft_delete is True
    slug = _attr(facts, "HelpDesk", "slug")
    assert slug.unique is True and slug.required is True and slug.prov.line == 9
    priority = _attr(facts, "Ticket", "priority")
    assert priority.kind == Kind.ENUM and priority.enum_values == ["low", "normal", "urgent"]
    assert priority.default == "normal"
    effort = _attr(facts, "Ticket", "effort_hours")
    assert effort.declared_type == "decimal(6,2)" and effort.required is False
    assert _attr(facts, "Ticket", "reference").max_length == 12
    opened = _attr(facts, "Ticket", "opened_at")
    assert opened.declared_type == "timestamptz" and opened.required is True
    assert _attr(facts, "Ticket", "externalRef").required is False
    assert _attr(facts, "Agent", "badge").primary_key
    assert not any(isinstance(f, AttributeFact) and f.name == "notPersisted" for f in facts)


def test_typeorm_relations() -> None:
    rels = _rels(_facts(TYPEORM))
    desk = next(r for r in rels if r.child == "Ticket" and r.parent == "HelpDesk")
    assert desk.via == "desk_id" and desk.required is True and desk.on_delete == "cascade"
    assignee = next(r for r in rels if r.via == "assignee")
    assert assignee.parent == "Agent" and assignee.required is False
    # the OneToMany side is the inverse of Ticket.desk: no duplicate
    assert sum(1 for r in rels if {r.child, r.parent} == {"Ticket", "HelpDesk"}) == 1
    many = [r for r in rels if r.cardinality == Cardinality.MANY_TO_MANY]
    assert len(many) == 1 and many[0].through == "desk_agents" and many[0].child == "HelpDesk"
    one = next(r for r in rels if r.cardinality == Cardinality.ONE_TO_ONE)
    assert one.child == "Agent" and one.parent == "AgentProfile"


def test_typeorm_class_constraints() -> None:
    facts = _facts(TYPEORM)
    unique = [f for f in facts if isinstance(f, UniqueFact)]
    assert unique and unique[0].attributes == ["desk", "reference"] and unique[0].entity == "Ticket"
    indexes = [f for f in facts if isinstance(f, IndexFact)]
    assert {tuple(i.equality) for i in indexes} == {("status", "openedAt"), ("externalRef",)}
    checks = {c.kind: c for c in facts if isinstance(c, CheckFact)}
    assert checks["compare"].attribute == "closed_at" and checks["compare"].other == "opened_at"
    assert checks["non_negative"].attribute == "effort_hours"


def test_linear_time_on_large_input() -> None:
    fields = "\n".join(f"  field{i}: string; // note {i}" for i in range(3000))
    text = f"```ts\ninterface Huge {{\n{fields}\n}}\n/* unterminated comment " + "* " * 5000 + "\n```\n"
    start = time.perf_counter()
    facts = _facts(text)
    assert time.perf_counter() - start < 3.0
    assert sum(1 for f in facts if isinstance(f, AttributeFact)) == 3000


NOTED_IDS = """# Clinic

```ts
interface Visit {
  id: number;
  vetId: number;        // Employee (the vet on duty)
  checkedInById: number | null; // staff member at the desk
  legacyId: number;     // from the old booking system
}

interface Employee {
  id: number;
  name: string;
}

interface StaffMember {
  id: number;
  badge: string;
}
```
"""


def test_an_id_field_whose_note_names_an_entity_links_to_it_in_that_role() -> None:
    links = {(f.parent, f.via) for f in read(parse_spec(NOTED_IDS)) if isinstance(f, RelationshipFact)}
    assert ("Employee", "vetId") in links
    assert ("StaffMember", "checkedInById") in links  # two words of the note name one entity


def test_an_id_field_naming_nothing_is_a_whole_number() -> None:
    from schemawright.domain.analyze import analyze

    model = analyze(parse_spec(NOTED_IDS), "x", "x")
    visit = model.entity("visit")
    assert visit is not None
    kinds = {a.name: a.kind for a in visit.attributes}
    assert kinds["legacy_id"] is Kind.INTEGER, kinds


def test_a_date_field_named_for_a_day_is_a_date_and_any_other_a_moment() -> None:
    spec = (
        "# Vet\n\n```ts\ninterface Pet {\n  id: string;\n"
        "  birthDate: Date;\n  vaccinatedOn: Date;\n  weighedAt: Date;\n}\n```\n"
    )
    kinds = {f.name: f.kind for f in read(parse_spec(spec)) if isinstance(f, AttributeFact)}
    assert kinds["birthDate"] is Kind.DATE
    assert kinds["vaccinatedOn"] is Kind.DATE
    assert kinds["weighedAt"] is Kind.TIMESTAMP
