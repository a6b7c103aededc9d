"""Facts → :class:`DomainModel`: the one place where names merge and conflicts are settled.

Precedence is explicit: structured facts beat prose facts; within an origin a higher priority wins, then
the earlier line. A prose noun becomes an entity only on evidence (declared, described with attributes of
its own, or linked to another entity); otherwise it stays an attribute or is dropped. Every element
keeps the rule id and spec line of the fact that decided it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable

from schemawright.domain import passing
from schemawright.domain.facts import (
    AssumptionFact,
    AttributeFact,
    CheckFact,
    EntityFact,
    Fact,
    IndexFact,
    NotUnderstoodFact,
    Provenance,
    RelationshipFact,
    RoleFact,
    StoreFact,
    UniqueFact,
)
from schemawright.domain.lexicon import Lexicon
from schemawright.domain.model import (
    AccessPattern,
    Assumption,
    Attribute,
    Cardinality,
    CheckRule,
    DomainModel,
    Entity,
    Kind,
    Relationship,
    Source,
    UniqueRule,
)
from schemawright.domain.naming import singular, snake
from schemawright.domain.verbs import event_participle

_GENERIC = {None, Kind.TEXT, Kind.LONG_TEXT}
_NUMERIC_REFINE = {Kind.MONEY, Kind.COUNT, Kind.INTEGER, Kind.PERCENTAGE, Kind.RATING, Kind.DURATION,
                   Kind.POSITION, Kind.YEAR, Kind.MONTH, Kind.DECIMAL}  # fmt: skip
# kinds of a whole number: a declared type that holds fractions is never one of them
_WHOLE = {Kind.COUNT, Kind.INTEGER, Kind.POSITION, Kind.RATING, Kind.YEAR, Kind.MONTH, Kind.DURATION}
_SURROGATE = {"id", "uuid", "guid", "pk"}
_DAY_NAMES = {"weekday", "day_of_week", "week_day", "dow"}
# kinds of a single measured or dated value: a glossary term of one of these names no table
_SCALAR = {Kind.MONEY, Kind.DECIMAL, Kind.INTEGER, Kind.COUNT, Kind.PERCENTAGE, Kind.DURATION, Kind.DATE,
           Kind.TIMESTAMP, Kind.TIME, Kind.YEAR, Kind.MONTH}  # fmt: skip
_LATER = re.compile(
    r"\b(?:must|should|shall|always|is|be|comes?)\s+(?:be\s+)?(?:later|after|greater|more|higher|bigger)\s+"
    r"(?:than\s+)?(or equal\s+to\s+)?(?:the\s+|its\s+)?(\w+)",
    re.I,
)
_ORDERED_KINDS = (
    {Kind.TIMESTAMP, Kind.DATE, Kind.TIME},
    {Kind.MONEY, Kind.DECIMAL, Kind.INTEGER, Kind.COUNT, Kind.PERCENTAGE, Kind.DURATION},
)


_NO_VALUE_LIST = {Kind.DATE, Kind.TIMESTAMP, Kind.TIME, Kind.BOOLEAN, Kind.JSON, Kind.UUID, Kind.LIST}
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


_STATED_LINKS = ("interaction.", "possession.", "belonging.")  # prose rules that state a link's direction


def _values_fit(kind: Kind, values: list[str]) -> bool:
    """Whether a later fact's value list can belong to an attribute typed by a stronger one: a date, time,
    flag, JSON or UUID takes none, a number only numbers (a second ``order`` line listing "a | b" under a
    timestamp ``order`` is no list of its values; the design's sample row would not fit its column)."""
    if kind in _NO_VALUE_LIST:
        return False
    return kind not in _NUMERIC_REFINE or all(_NUMBER.fullmatch(v.strip()) for v in values)


def _rank(p: Provenance) -> tuple[int, int, int]:
    """Sort key: strongest first (structured, then priority, then earliest line)."""
    return (0 if p.origin == "structured" else 1, -p.priority, p.line or 10**9)


def source(p: Provenance) -> Source:
    return Source(line=p.line, text=p.text[:200], rule=p.rule)


class Resolver:
    def __init__(self, lexicon: Lexicon, out_of_scope: Iterable[str] = ()) -> None:
        self.lex = lexicon
        self.out_of_scope = set(out_of_scope)
        self.mentions: dict[str, int] = {}
        self.structured: set[str] = set()  # entities a structured block declares
        self.described: set[str] = set()  # entities with attribute facts of their own
        self.merged: dict[str, str] = {}  # prose mention → the declared entity it names
        self.roles: dict[str, str] = {}  # a part an entity plays → that entity ("mentor" → employee)
        self.held: dict[str, str] = {}  # a value with parts → the entity it is flattened into

    # -- names ------------------------------------------------------------------------------------------
    def canon(self, name: str) -> str:
        """Singular snake_case of a mention."""
        name = singular(snake(name))  # the spec's own word: declared names are never renamed
        return self.merged.get(name, name)

    def attr_name(self, name: str) -> str:
        return snake(name)

    # -- the whole resolution ----------------------------------------------------------------------------
    def resolve(self, facts: list[Fact], feature_id: str, feature_name: str) -> DomainModel:
        model = DomainModel(feature_id=feature_id, feature_name=feature_name)
        entities = self._entities(facts)
        rels = self._relationships(facts, entities)
        self._attributes(facts, entities, rels)
        _loosen_cycles(rels)
        for name in self._empty_mentions(entities, rels):
            del entities[name]
            model.assumptions.append(
                Assumption(
                    text=f"Not designed: '{name.replace('_', ' ')}' is mentioned, but the spec gives it no "
                    "values and no link to anything else.",
                    source=Source(rule="empty mention"),
                )
            )
        keep = self.structured | self.lex.actor_nouns
        for name in passing.passing(entities, rels, keep, self.mentions):
            rels = passing.drop(name, entities, rels, self.lex.kind_for_name)
            model.assumptions.append(
                Assumption(
                    text=f"Not designed: '{name.replace('_', ' ')}' is named only in passing, with no values "
                    "of its own; where something referred to it, that is kept as a plain value.",
                    source=Source(rule="passing mention"),
                )
            )
        for name in _named_lookups(entities, rels, self.lex.actor_nouns):
            entities[name].attributes.append(
                Attribute(name="name", kind=Kind.NAME, source=Source(rule="named lookup"))
            )
            model.assumptions.append(
                Assumption(
                    text=f"'{name.replace('_', ' ')}' is referred to but the spec gives it no values: a "
                    "name is assumed, so its rows can be told apart and chosen from a list.",
                    source=Source(rule="named lookup"),
                )
            )
        model.entities = list(entities.values())
        model.relationships = rels
        self._uniques(facts, model)
        self._checks(facts, model)
        self._access(facts, model)
        for f in facts:
            if isinstance(f, StoreFact) and f.store not in model.declared_stores:
                model.declared_stores.append(f.store)
            elif isinstance(f, AssumptionFact):
                model.assumptions.append(Assumption(text=f.text, source=source(f.prov)))
            elif isinstance(f, NotUnderstoodFact):
                model.not_understood.append(Assumption(text=f.prov.text, source=source(f.prov)))
        return model

    # -- entities --------------------------------------------------------------------------------------
    def _head_merges(self, facts: list[Fact]) -> None:
        """A prose mention whose head word names exactly one declared entity is that entity: "each
        sign-in attempt" in prose, ``login_attempts`` in the table."""
        declared = {
            self.canon(f.name) for f in facts if isinstance(f, EntityFact) and f.prov.origin == "structured"
        }
        by_head: dict[str, list[str]] = defaultdict(list)
        for name in declared:
            by_head[name.split("_")[-1]].append(name)
        prose = {self.canon(f.name) for f in facts if isinstance(f, EntityFact) and f.prov.origin == "prose"}
        for name in prose - declared:
            same = by_head.get(name.split("_")[-1], [])
            if len(same) == 1 and "_" in name + same[0]:
                self.merged[name] = same[0]
        # "Donations are taken at donation centres. A centre has a name …": a thing introduced by a compound
        # and then called by its head alone is one thing, when no other compound shares that head
        first: dict[str, int] = {}
        kinds: set[str] = set()  # "a savings account is a kind of account": a subtype, never the same thing
        for f in facts:
            if isinstance(f, EntityFact) and f.prov.origin == "prose":
                n = self.canon(f.name)
                first[n] = min(first.get(n, 10**9), f.prov.line or 10**9)
                if f.prov.rule.startswith(("generalisation.", "kinds.")):
                    kinds.add(n)
        compounds: dict[str, list[str]] = defaultdict(list)
        for name in first:
            words = name.split("_")
            if len(words) == 2 and words[0].endswith("ly") and name not in declared and words[1] in first:
                self.merged.setdefault(name, words[1])  # "weekly classes" beside "a class": the classes
            if "_" in name and name not in declared | kinds and not words[0].endswith("ly"):
                compounds[words[-1]].append(name)  # "daily services" describe, never name
        named = {  # a self-reference ("a job may point to the earlier job") is no second role of its head
            self.canon(f.name)
            for f in facts
            if isinstance(f, EntityFact) or (isinstance(f, AttributeFact) and f.refers_to != f.entity)
        }
        described = Counter(self.canon(f.entity) for f in facts if isinstance(f, AttributeFact))
        for head, names in compounds.items():
            introduced = len(names) == 1 and head in first and first[names[0]] < first[head]
            # a head used far more often than the compound is its own name ("drag recipes" once, "recipe"
            # twenty times): the compound was a passing phrase, not the thing's introduction
            # a compound introduced with values of its own ("a renovation project with a name, a budget …")
            # names the thing however often the head is used afterwards
            introduced = introduced and (
                described[names[0]] >= 2 or self.mentions.get(head, 0) <= 8 * self.mentions.get(names[0], 1)
            )
            # "source language" and "target language": the head is the thing, each compound one role of it
            introduced = introduced and not any(
                m.endswith(f"_{head}") and m != names[0] and m.count("_") == names[0].count("_")
                for m in named
            )
            if introduced and head not in declared and head not in self.merged:
                self.merged[head] = names[0]

    def _part_merges(self, facts: list[Fact]) -> None:
        """ "The list is made up of items; an item has a quantity": a part noun held by exactly one whole
        names that whole's parts (shopping_list_item), as an engineer names their table."""
        declared = {
            self.canon(f.name) for f in facts if isinstance(f, EntityFact) and f.prov.origin == "structured"
        }
        wholes: dict[str, set[str]] = defaultdict(set)
        held: set[str] = set()
        for f in facts:
            if isinstance(f, RelationshipFact) and f.cardinality is Cardinality.MANY_TO_ONE:
                part = self.canon(f.child)
                wholes[part].add(self.canon(f.parent))
                if f.prov.rule in ("possession.composition", "possession.has"):
                    held.add(part)
        for part in held & self.lex.part_nouns - declared:
            whole = next(iter(wholes[part]))  # anything else the part refers to makes it a thing of its own
            if len(wholes[part]) == 1 and not whole.endswith(part) and part not in self.merged:
                self.merged[part] = f"{whole}_{part}"

    def _played(self, name: str) -> tuple[str, str]:
        """(entity, role) of a canonical name: a role stands for the entity playing it."""
        base = self.roles.get(name)
        return (base, name) if base else (name, "")

    def _role_facts(self, facts: list[Fact]) -> None:
        """ "Each mentor is also an employee": the role is the entity in a part, unless the spec gives the
        role values of its own (then it is a kind of its own, and stays a table)."""
        described = Counter(self.canon(f.entity) for f in facts if isinstance(f, AttributeFact))
        for f in facts:
            if isinstance(f, RoleFact):
                role, base = self.canon(f.role), self.canon(f.base)
                if role != base and described[role] < 2 and base not in self.roles:
                    self.roles.setdefault(role, base)

    def _entities(self, facts: list[Fact]) -> dict[str, Entity]:
        self._head_merges(facts)
        self._part_merges(facts)
        self._role_facts(facts)
        by_name: dict[str, list[EntityFact]] = defaultdict(list)
        for f in facts:
            if isinstance(f, EntityFact):
                by_name[self.canon(f.name)].append(f)
        attrs_of: dict[str, int] = defaultdict(int)
        for f in facts:  # a noun that may be a reference counts as an attribute unless it is a candidate
            if isinstance(f, AttributeFact) and not (f.refers_to and self.canon(f.refers_to) in by_name):
                attrs_of[self.canon(f.entity)] += 1
        linked: dict[str, int] = defaultdict(int)
        for f in facts:
            if isinstance(f, RelationshipFact):
                linked[self.canon(f.child)] += 1
                linked[self.canon(f.parent)] += 1
        # a glossary term for a value ("Reserve Price: the lowest price the seller accepts") declares no table
        self.structured = {
            n
            for n, g in by_name.items()
            if any(f.prov.origin == "structured" for f in g) and not self._glossary_value(n, g, attrs_of)
        }
        defined_refs = {
            self.canon(f.parent)
            for f in facts
            if isinstance(f, RelationshipFact) and f.prov.rule == "definition.link"
        }
        self.described = {n for n, c in attrs_of.items() if c > 0}
        parties: dict[str, set[str]] = defaultdict(set)
        for f in facts:  # "a member reserves a book": the reservation between two parties
            if isinstance(f, RelationshipFact) and f.prov.rule.startswith("event."):
                parties[self.canon(f.child)].add(self.canon(f.parent))
        between = {n for n, ps in parties.items() if len(ps) >= 2}
        # "at most one attendance record per musician and rehearsal": a thing keyed by two others it refers
        # to is their pairing, however rarely it is named
        keyed = {self.canon(f.entity) for f in facts if isinstance(f, UniqueFact) and len(f.attributes) >= 2}
        self.held = held = self._held_values(facts)
        out: dict[str, Entity] = {}
        for name, group in sorted(by_name.items(), key=lambda kv: min(_rank(f.prov) for f in kv[1])):
            if not name or name in self.out_of_scope:
                continue
            if name in held and name not in self.structured:
                continue  # "their postal address broken into street, town and postcode": the holder's values
            structured = name in self.structured
            evidence = {f.evidence for f in group}
            mentioned = self.mentions.get(name, 2)
            value_noun = self.lex.kind_for_name(name) is not None and "classifier" not in evidence
            if (
                not structured
                and len(self.structured) >= 3
                and attrs_of[name] < 2
                and name not in defined_refs
                and not (name in between and attrs_of[name] == 1 and self.mentions.get(name, 0) >= 2)
            ):
                # the spec declares its entities: prose adds one only with attributes of its own, or when a
                # declared entity's own definition counts it ("bought in one order")
                continue
            accepted = (
                structured
                or attrs_of[name] >= 2
                # "an actor appears in many films … for every appearance we store the character name": the
                # event between two things, with a value of its own, is a thing however rarely it is named
                or (name in between and attrs_of[name] >= 1 and not value_noun)
                or (name in keyed and linked[name] >= 2 and not value_noun)
                or (
                    not value_noun
                    and (
                        attrs_of[name] >= 2
                        or (attrs_of[name] == 1 and mentioned >= 2)
                        or (
                            linked[name] > 0
                            and bool(evidence & {"object", "referenced", "event", "classifier"})
                            and mentioned >= 2
                        )
                    )
                )
            )
            if not accepted:
                continue
            group.sort(key=lambda f: _rank(f.prov))
            first = group[0]
            entity = Entity(name=name, description=first.description[:300], source=source(first.prov))
            for f in group:
                entity.soft_delete = entity.soft_delete or bool(f.soft_delete)
                entity.append_only = entity.append_only or bool(f.append_only)
                entity.volume_per_month = entity.volume_per_month or f.volume_per_month
                entity.retention_days = entity.retention_days or f.retention_days
                entity.time_attribute = entity.time_attribute or f.time_attribute
                entity.excluded_attributes += [
                    a for a in f.excluded_attributes if a not in entity.excluded_attributes
                ]
            out[name] = entity
        self.roles = {r: b for r, b in self.roles.items() if b in out}
        for role in self.roles:
            out.pop(role, None)
        # ordering: the order the spec introduces them (by line)
        return dict(sorted(out.items(), key=lambda kv: kv[1].source.line or 10**9))

    def _glossary_value(self, name: str, group: list[EntityFact], attrs_of: dict[str, int]) -> bool:
        """Only a glossary declares it, its name is a value's (a price, an interval, a volume), and nothing
        gives it values of its own."""
        return (
            all(f.evidence == "glossary" for f in group if f.prov.origin == "structured")
            and self.lex.kind_for_name(name) in _SCALAR
            and attrs_of[name] < 2
        )

    def _held_values(self, facts: list[Fact]) -> dict[str, str]:
        """ "An address made up of street, city and postcode", "a postal address broken into …": a value (an
        address is a value to the lexicon) that one thing holds and whose parts the same sentence lists is
        that thing's values, flattened into it, not a table of its own. Value → holder."""
        holders: dict[str, tuple[str, tuple[int, str]]] = {}
        for f in facts:
            if isinstance(f, AttributeFact) and f.prov.origin == "prose" and f.refers_to:
                whole = self.canon(f.refers_to)
                if self.lex.kind_for_name(whole) is not None and whole != self.canon(f.entity):
                    holders.setdefault(whole, (self.canon(f.entity), (f.prov.line, f.prov.text)))
        parts: dict[str, set[tuple[int, str]]] = defaultdict(set)
        for f in facts:
            if isinstance(f, AttributeFact) and self.canon(f.entity) in holders:
                parts[self.canon(f.entity)].add(
                    (f.prov.line, f.prov.text) if f.prov.origin == "prose" else (-1, "")
                )
        return {
            whole: holder for whole, (holder, sentence) in holders.items() if parts.get(whole) == {sentence}
        }

    def _independent(self, name: str) -> bool:
        return name in self.structured or name in self.described or self.mentions.get(name, 0) >= 3

    # -- relationships ---------------------------------------------------------------------------------
    def _role(self, f: RelationshipFact, parent: str) -> str:
        if f.role:
            role = snake(f.role)
        elif f.via:
            role = snake(f.via)
            for suffix in ("_id", "_uuid", "_key", "_ref", "_code"):
                if role.endswith(suffix):
                    role = role[: -len(suffix)]
                    break
        else:
            return ""
        return "" if self.canon(role) == parent or role == parent else role

    def _relationships(self, facts: list[Fact], entities: dict[str, Entity]) -> list[Relationship]:
        chosen: dict[tuple[str, str, str], tuple[RelationshipFact, Relationship]] = {}
        rel_facts = sorted((f for f in facts if isinstance(f, RelationshipFact)), key=lambda f: _rank(f.prov))
        structured_pairs = {
            frozenset((self.canon(f.child), self.canon(f.parent)))
            for f in rel_facts
            if f.prov.origin == "structured"
        }
        for f in rel_facts:
            child, parent = self.canon(f.child), self.canon(f.parent)
            child = self._played(child)[0]
            parent, played = self._played(parent)
            if played and not f.role and not f.via:
                f = f.model_copy(update={"role": played})
            if child not in entities or parent not in entities:
                continue
            if f.prov.origin == "prose" and f.prov.rule.startswith(("interaction.", "event.")):
                # weak prose links: both ends must stand on evidence of their own, and a structured block
                # that already links the pair (or declares the model) is not second-guessed
                if not (self._independent(child) and self._independent(parent)):
                    continue
                if frozenset((child, parent)) in structured_pairs or (
                    structured_pairs and not (self.structured & {child} and self.structured & {parent})
                ):
                    continue
            role = self._role(f, parent)
            if child == parent and not role and f.cardinality is not Cardinality.MANY_TO_MANY:
                role = "parent"
            card = f.cardinality
            if card is Cardinality.MANY_TO_MANY:
                low, high = sorted((child, parent))
                key = (low, high, role)
            else:
                key = (child, parent, role)
            reverse = (parent, child, role)
            if card is not Cardinality.MANY_TO_MANY and key in chosen:
                continue
            if card is not Cardinality.MANY_TO_MANY and reverse in chosen:
                # both directions stated in prose ("a doctor treats many patients; a patient sees several
                # doctors"): many-to-many, unless a structured fact fixed the direction
                other_fact, other = chosen[reverse]
                stated_both = all(
                    x.prov.origin == "prose"
                    and (x.many_children or x.prov.rule.startswith(_STATED_LINKS))
                    for x in (other_fact, f)
                )
                if not (stated_both and f.one_parent and not other_fact.one_parent):
                    if stated_both and not role and not (f.one_parent or other_fact.one_parent):
                        other.cardinality = Cardinality.MANY_TO_MANY
                    continue
                # "a landlord has any number of buildings … every building is owned by exactly one
                # landlord": a side counted as exactly one is the parent
                del chosen[reverse]
            if card is Cardinality.MANY_TO_MANY and ((child, parent, role) in chosen or reverse in chosen):
                # "a flight is flown by exactly two pilots" after "pilots fly flights": many on both sides
                existing = chosen.get((child, parent, role)) or chosen[reverse]
                counted = existing[0].one_parent and f.prov.origin == "prose"  # "written by one cook"
                if (existing[0].prov.origin == "prose" or f.prov.origin == "structured") and not counted:
                    existing[1].cardinality = Cardinality.MANY_TO_MANY
                continue
            if key in chosen:
                continue
            ownership = f.ownership or ("owned" if f.on_delete == "cascade" else "reference")
            if f.on_delete == "restrict" and ownership == "reference":
                ownership = "history"
            required = f.required if f.required is not None else f.on_delete != "set_null"
            rel = Relationship(
                child=child,
                parent=parent,
                cardinality=card,
                required=required,
                role=role,
                ownership=ownership,
                through=self.canon(f.through) if f.through else "",
                ordered=bool(f.ordered),
                source=source(f.prov),
            )
            chosen[key] = (f, rel)
        return self._without_shortcuts(_without_covered_pairs(list(chosen.values())))

    def _empty_mentions(self, entities: dict[str, Entity], rels: list[Relationship]) -> list[str]:
        """Things prose only mentions: no value of their own and no link to another thing (their links
        were too weak to keep). A table with nothing but a key is not what the spec asks for."""
        linked = {n for r in rels for n in (r.child, r.parent, r.through)}
        empty = [
            name
            for name, e in entities.items()
            if not e.attributes and name not in linked and name not in self.structured
        ]
        return empty if len(empty) < len(entities) else []  # "We store tags.": the one thing asked for

    @staticmethod
    def _without_shortcuts(chosen: list[tuple[RelationshipFact, Relationship]]) -> list[Relationship]:
        """A prose link X → A is dropped when X → O → A already says it ("a ticket bought by an attendee"
        beside "bought in one order by one attendee"): the direct link would be a second, redundant path.
        A path through a link with a role of its own ("an issue's reporter") says something else: an
        attachment uploaded by a user is not the issue's reporter's."""
        plain = {
            (r.child, r.parent)
            for _, r in chosen
            if r.cardinality is not Cardinality.MANY_TO_MANY and not r.role
        }
        ones = {(r.child, r.parent) for _, r in chosen if r.cardinality is not Cardinality.MANY_TO_MANY}
        # "a task can be assigned to a user" read twice, once naming the role (assignee): one link, not two
        named_on_line = {
            (r.child, r.parent, f.prov.line)
            for f, r in chosen
            if r.role and f.prov.origin == "prose" and r.cardinality is not Cardinality.MANY_TO_MANY
        }
        keep = []
        for f, r in chosen:
            if f.prov.origin == "prose" and not r.role and (r.child, r.parent, f.prov.line) in named_on_line:
                continue
            via = {p for c, p in ones if c == r.child and p not in (r.parent, r.child)}
            # "a quote is for one task and comes from one contractor": a counted link is stated, not implied
            stated = f.one_parent and f.prov.rule.startswith(
                ("interaction.", "belonging.", "reference.", "definition.party_event")
            )
            # "at most one time sheet per lawyer per matter": each side of a keyed pairing is stated
            stated = stated or f.prov.rule == "identity.there_is_one_per"
            implied = any((o, r.parent) in plain for o in via)
            if f.prov.origin == "prose" and not r.role and not stated and implied:
                continue
            keep.append(r)
        return keep

    # -- attributes ------------------------------------------------------------------------------------
    def kind(self, f: AttributeFact) -> Kind:
        by_type = self.lex.kind_for_type(f.declared_type) if f.declared_type else None
        # "scheduledAt: timestamp - launch time (dawn or evening)": a declared moment, date or flag takes no
        # value list from its notes
        listed = f.kind is Kind.ENUM or f.enum_values
        if listed and by_type in _NO_VALUE_LIST:
            return by_type or Kind.TEXT
        if f.kind is Kind.LIST and f.prov.origin == "prose" and self._free_text(f.name):
            return Kind.LONG_TEXT  # "any feeding instructions", "dietary notes": free text, not a list
        if f.kind is not None:
            return f.kind
        name = self.attr_name(f.name)
        by_name = self.lex.kind_for_name(name)
        if name in ("number", "no"):
            # "each round has a number": the number of a round, as "round number" is (an ordinal), while an
            # invoice's number identifies it
            by_name = self.lex.kind_for_name(f"{self.canon(f.entity)}_number") or by_name
        if f.enum_values:
            return Kind.ENUM
        if f.declared_type == "Date" and re.search(r"(_at|_time|^timestamp)$", name):
            # "sentAt: Date": JavaScript's Date, named as a moment, is one; "dueDate: Date" is a day
            return Kind.TIMESTAMP
        if by_type in _GENERIC and by_name is not None:
            if by_name is Kind.ENUM and not f.enum_values:
                return by_type or Kind.TEXT
            return by_name
        fractional = self.lex.fractional_type(f.declared_type or "")
        if by_type is Kind.DECIMAL and name.endswith("_id") and not fractional:
            return Kind.INTEGER  # "legacyId: number": an id is a whole number, never a decimal
        if by_type is Kind.DECIMAL and by_name in _WHOLE and fractional:
            return Kind.DECIMAL  # "quantity DECIMAL(10,2)": hours of work, not a count of things
        if by_type is Kind.INTEGER and by_name in (Kind.DECIMAL, Kind.PERCENTAGE):
            return Kind.INTEGER  # "odometer_km Int", "humidity_pct smallint": whole units, as declared
        if by_type in (Kind.DECIMAL, Kind.INTEGER) and by_name in _NUMERIC_REFINE:
            return by_name if not (by_type is Kind.INTEGER and by_name is Kind.MONEY) else Kind.MONEY
        if by_type is not None:
            return by_type
        return by_name or Kind.TEXT

    def _free_text(self, name: str) -> bool:
        return self.lex.kind_for_name(self.attr_name(name)) is Kind.LONG_TEXT

    def _owned_values(self, facts: list[Fact], entities: Collection[str] = ()) -> list[Fact]:
        """ "Each device has a serial number and a status. Status is one of online, offline, retired.": the
        values of a value named without its owner belong to the thing that holds a value of that name, the
        nearest one before them (or, when none is before, after)."""
        holders: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for f in facts:
            if isinstance(f, AttributeFact) and f.entity:
                holders[self.attr_name(f.name)].append((f.prov.line, f.entity))
        out: list[Fact] = []
        for f in facts:
            if isinstance(f, AttributeFact) and not f.entity and f.enum_values:
                found = sorted(holders.get(self.attr_name(f.name), []))
                # a holder that is one of the model's things, before a request body's loose field
                found = [h for h in found if self.canon(h[1]) in entities] or found
                before = [h for h in found if h[0] <= f.prov.line]
                owner = before[-1] if before else (found[0] if found else None)
                if owner is not None:
                    f = f.model_copy(update={"entity": owner[1]})
                elif named := self._named_holder(f.name, holders, entities):
                    f = f.model_copy(update={"entity": named[0], "name": named[1]})
            out.append(f)
        return out

    def _named_holder(
        self, name: str, holders: dict[str, list[tuple[int, str]]], entities: Collection[str]
    ) -> tuple[str, str] | None:
        """ "Job status: received → ready → collected" where no thing holds a ``job_status``: the status of
        the thing named "job", or of the one thing whose name starts with it (``job_card``)."""
        words = self.attr_name(name).split("_")
        for k in range(1, len(words)):
            prefix, rest = "_".join(words[:k]), "_".join(words[k:])
            held = {self.canon(e) for _, e in holders.get(rest, [])} & set(entities)
            exact = [e for e in held if e == self.canon(prefix)]
            starts = [e for e in held if e.startswith(f"{self.canon(prefix)}_")]
            if exact or len(starts) == 1:
                return (exact or starts)[0], rest
        return None

    def _attributes(self, facts: list[Fact], entities: dict[str, Entity], rels: list[Relationship]) -> None:
        linked = {(r.child, r.role or r.parent) for r in rels} | {(r.child, r.parent) for r in rels}
        plain = {(r.child, r.parent) for r in rels if not r.role}  # a role link is a link of its own
        groups: dict[tuple[str, str], list[AttributeFact]] = defaultdict(list)
        held = {whole: holder for whole, holder in self.held.items() if whole not in entities}
        for f in self._owned_values(facts, set(entities)):
            if isinstance(f, AttributeFact):
                owner = self._played(self.canon(f.entity))[0]
                if f.refers_to and self.canon(f.refers_to) in held and held[self.canon(f.refers_to)] == owner:
                    continue  # the whole value is replaced by its parts
                groups[(held.get(owner, owner), self.attr_name(f.name))].append(f)
        renamed: dict[tuple[str, str], list[AttributeFact]] = {}
        for (ent, name), group in groups.items():  # in place, so the spec's order stays
            simple = _plain_name(name, entities)
            prose = all(f.prov.origin == "prose" for f in group)
            keep = simple == name or (ent, simple) in groups or not prose
            renamed[(ent, name) if keep else (ent, simple)] = group
        groups = defaultdict(list, renamed)
        # "start_time" typed by its name alone, with its row: a moment, or a time of day
        named_times: list[tuple[Entity, Attribute]] = []
        for (ent, name), group in sorted(groups.items(), key=lambda kv: min(_rank(f.prov) for f in kv[1])):
            entity = entities.get(ent)
            if entity is None or not name or name in _SURROGATE:
                continue
            if name == ent and all(f.prov.origin == "prose" for f in group):
                continue  # "the book" among a book's own values is the thing itself, not a value of it
            group.sort(key=lambda f: _rank(f.prov))
            first = group[0]
            target = next((self.canon(f.refers_to) for f in group if f.refers_to), "")
            if target and target not in entities and "_" not in target:
                # "the rule" for the only entity whose head is "rule" (alert_rule)
                heads = [e for e in entities if e.split("_")[-1] == target and e != ent]
                target = heads[0] if len(heads) == 1 else target
            prefixed = ""
            if target in self.roles:  # "each auction has a seller" where sellers are users
                prefixed, target = target, self.roles[target]
            if target and target not in entities and "_" in target and target.split("_")[-1] in entities:
                # "a parent task", "the home team": a reference to that entity, in a role
                prefixed, target = target, target.split("_")[-1]
            fk_target = self._fk_target(name, entities)
            if not fk_target and name in ("parent_id", f"parent_{ent}_id") and "parent" not in entities:
                fk_target = ent  # "categories: name, parent_id": a tree, each row under another of its kind
            # "a manager (another employee)": a self-reference in a role, named by the attribute
            other = target == ent and self.canon(name) != ent
            if (target and target in entities and (target != ent or prefixed or other)) or fk_target:
                parent = fk_target or target
                if (
                    (ent, name) in linked
                    or (parent, ent) in plain
                    or (not prefixed and (ent, parent) in linked)
                ):
                    continue  # already linked, or linked the other way (no mutual required keys); a role
                    # ("home team", "away team") is a link of its own
                role = (
                    "" if self.canon(name) == parent or name == f"{parent}_id" else name.removesuffix("_id")
                )
                if parent == ent and not role:
                    continue  # a self-reference needs a role to name its column
                # "a course has several modules", "projects with labels and comments": the many refer to it
                if (first.kind is Kind.LIST or (first.many and not role)) and not fk_target:
                    if (parent, ent) in linked:
                        continue
                    rels.append(Relationship(child=parent, parent=ent, source=source(first.prov)))
                    linked.add((parent, ent))
                    plain.add((parent, ent))
                    continue
                rels.append(
                    Relationship(
                        child=ent,
                        parent=parent,
                        role=role,
                        required=first.required is not False,
                        source=source(first.prov),
                    )
                )
                linked.add((ent, parent))
                if not role:
                    plain.add((ent, parent))
                continue
            if name.endswith("_id") and (ent, name[:-3]) in linked:
                continue
            if (ent, name) in linked or (ent, self.canon(name)) in linked:
                continue
            typed = next((f for f in group if f.kind is not None or f.declared_type), first)
            kind = self.kind(first if (first.kind is not None or first.declared_type) else typed)
            if name == "occurred_at" and first.prov.origin == "prose":
                # "recorded with the time": the moment the row's event happened; when the entity already
                # names its own timestamp ("attempted_at"), that one is it
                own = [
                    n
                    for (e2, n), g in groups.items()
                    if e2 == ent and n != name and self.kind(g[0]) is Kind.TIMESTAMP
                ]
                entity.time_attribute = entity.time_attribute or (own[0] if own else name)
                if own:
                    continue
            actor = name.split("_")
            if len(actor) == 2 and actor[1] in self.lex.actor_nouns and first.prov.origin == "prose":
                # "an owner account": a link to whoever uses the system, in a role
                people = [e for e in entities if e in self.lex.actor_nouns]
                if people:
                    rels.append(
                        Relationship(child=ent, parent=people[0], role=actor[0], source=source(first.prov))
                    )
                    continue
                name, kind = f"{actor[0]}_id", Kind.IDENTIFIER
            attr = Attribute(name=name, kind=kind, source=source(first.prov))
            attr.description = first.description[:200]
            for f in group:  # later facts only fill what earlier (stronger) ones left open
                if attr.enum_values == [] and f.enum_values and _values_fit(attr.kind, f.enum_values):
                    attr.enum_values = list(f.enum_values)
                    if attr.kind in (Kind.TEXT, Kind.NAME, Kind.TITLE):
                        attr.kind = Kind.ENUM
                for fld in ("minimum", "maximum", "max_length", "default"):
                    if getattr(attr, fld) is None and getattr(f, fld) is not None:
                        setattr(attr, fld, getattr(f, fld))
                if f.sensitivity and attr.sensitivity == "none":
                    attr.sensitivity = f.sensitivity
            if attr.kind in (Kind.PASSWORD, Kind.SECRET_TOKEN) and any(
                n == f"{name}_hash" or n == f"{name}_digest" for (e2, n) in groups if e2 == ent
            ):
                continue  # "password" beside "password_hash": a secret is stored only as its hash
            attr.required = next((f.required for f in group if f.required is not None), True)
            attr.unique = any(f.unique for f in group)
            attr.case_insensitive = any(f.case_insensitive for f in group)
            if attr.kind is Kind.EMAIL and attr.unique:
                attr.case_insensitive = True
            entity.attributes.append(attr)
            if attr.kind is Kind.TIMESTAMP and name.endswith("_time") and not any(
                f.kind or f.declared_type for f in group
            ):
                named_times.append((entity, attr))
        for entity, attr in named_times:
            # "a date, a start time and an end time", "a weekday and a start time": the day is its own value,
            # so the times are times of day
            if any(a.kind is Kind.DATE or a.name in _DAY_NAMES for a in entity.attributes):
                attr.kind = Kind.TIME

    def _fk_target(self, name: str, entities: dict[str, Entity]) -> str:
        """ "customer_id" / "customerId" on an attribute names the entity it refers to."""
        for suffix in ("_id", "_uuid"):
            if name.endswith(suffix):
                base = self.canon(name[: -len(suffix)])
                if base in entities:
                    return base
                tail = base.split("_")[-1]
                if tail in entities:
                    return tail
        return ""

    # -- constraints -----------------------------------------------------------------------------------
    def _member(self, model: DomainModel, entity: Entity, name: str) -> str:
        """An attribute or link name of ``entity`` that ``name`` refers to, or ""."""
        n = snake(name)
        if entity.attribute(n):
            return n
        c = self.canon(name)
        for r in model.relationships:
            if r.child == entity.name and (r.role == n or r.parent == c or r.role == c):
                return r.role or r.parent
        for a in entity.attributes:
            if a.name.endswith("_" + n) or n.endswith("_" + a.name):
                return a.name
        return ""

    def _uniques(self, facts: list[Fact], model: DomainModel) -> None:
        seen: set[tuple[str, tuple[str, ...]]] = set()
        for f in sorted((f for f in facts if isinstance(f, UniqueFact)), key=lambda f: _rank(f.prov)):
            candidates = (
                [model.entity(self.canon(f.entity))]
                if f.entity
                else [e for e in model.entities if e.attribute(snake(f.attributes[0])) is not None]
            )
            for entity in [e for e in candidates if e is not None][:1]:
                members = [self._member(model, entity, a) for a in f.attributes]
                members = [m for m in members if m]
                if not members:
                    continue
                key = (entity.name, tuple(sorted(members)))
                if key in seen:
                    continue
                seen.add(key)
                if len(members) == 1 and entity.attribute(members[0]) and not f.where:
                    attr = entity.attribute(members[0])
                    assert attr is not None
                    attr.unique = True
                    if attr.kind is Kind.EMAIL:
                        attr.case_insensitive = True
                    continue
                where = (
                    self._open_condition(entity, f.where[5:], model)
                    if f.where.startswith("open:")
                    else f.where
                )
                model.uniques.append(
                    UniqueRule(entity=entity.name, attributes=members, where=where, source=source(f.prov))
                )

    def _described_comparisons(self, facts: list[Fact], model: DomainModel) -> list[CheckFact]:
        """ "ends_at: datetime - must be later than the start": a field's note that orders it after
        another field of the same entity is a compare check."""
        out = []
        for f in facts:
            if not isinstance(f, AttributeFact) or not f.description:
                continue
            m = _LATER.search(f.description)
            entity = model.entity(self.canon(f.entity))
            if m is None or entity is None:
                continue
            word = m.group(2).lower()
            mine = entity.attribute(snake(f.name))
            other = next(
                (
                    a.name
                    for a in entity.attributes
                    if a.name.split("_")[0].startswith(word[:4])
                    and mine is not None
                    and any(a.kind in group and mine.kind in group for group in _ORDERED_KINDS)
                ),
                "",
            )
            if other and other != snake(f.name):
                out.append(
                    CheckFact(
                        prov=f.prov,
                        entity=f.entity,
                        kind="compare",
                        attribute=f.name,
                        other=other,
                        op=">=" if m.group(1) else ">",
                    )
                )
        return out

    def _open_condition(self, entity: Entity, state: str, model: DomainModel) -> str:
        """While a row is "open": its closing time is empty, or its status says so; else a closed_at is added
        (and said) so the rule can be kept."""
        for attr in entity.attributes:
            if attr.kind in (Kind.TIMESTAMP, Kind.DATE) and attr.name.split("_")[0] in self.lex.closing_words:
                return f"{attr.name} is null"
        status = entity.attribute("status")
        if status is not None and state in status.enum_values:
            return f"status = '{state}'"
        entity.attributes.append(
            Attribute(
                name="closed_at", kind=Kind.TIMESTAMP, required=False, source=Source(rule="identity.one_open")
            )
        )
        model.assumptions.append(
            Assumption(
                text=f"{entity.name}.closed_at added: the spec limits {state} {entity.name}s but names "
                "no end time.",
                source=Source(rule="identity.one_open"),
            )
        )
        return "closed_at is null"

    def _checks(self, facts: list[Fact], model: DomainModel) -> None:
        facts = [*facts, *self._described_comparisons(facts, model)]
        for f in facts:
            if not isinstance(f, CheckFact):
                continue
            entity = model.entity(self.canon(f.entity))
            if entity is None:
                continue
            attr = self._member(model, entity, f.attribute)
            if not attr:
                continue
            other = self._member(model, entity, f.other) if f.other else ""
            if f.kind == "compare" and not other:
                continue
            if f.kind == "enum":
                a = entity.attribute(attr)
                if a is not None and not a.enum_values:
                    a.enum_values = list(f.values)
                    a.kind = Kind.ENUM
                continue
            model.checks.append(
                CheckRule(
                    entity=entity.name,
                    kind=f.kind,
                    attribute=attr,
                    other=other,
                    op=f.op,
                    minimum=f.minimum,
                    maximum=f.maximum,
                    values=f.values,
                    source=source(f.prov),
                )
            )

    def _access(self, facts: list[Fact], model: DomainModel) -> None:
        for f in facts:
            if not isinstance(f, IndexFact):
                continue
            entity = model.entity(self.canon(f.entity))
            if entity is None:
                continue

            def names(items: list[str], entity: Entity = entity) -> list[str]:
                out = []
                for item in items:
                    desc = item.startswith("-")
                    m = self._member(model, entity, item.lstrip("-"))
                    if m:
                        out.append(("-" if desc else "") + m)
                return out

            eq, sort, rng = names(f.equality), names(f.sort), names(f.range)
            if f.unique and eq:
                model.uniques.append(UniqueRule(entity=entity.name, attributes=eq, source=source(f.prov)))
                continue
            if eq or sort or rng or f.text_search:
                model.access_patterns.append(
                    AccessPattern(
                        entity=entity.name,
                        equality=eq,
                        sort=sort,
                        range=rng,
                        text_search=f.text_search,
                        description=f.description,
                        source=source(f.prov),
                    )
                )


# words that say how a value is written, not what it is: "a short code", "a three-letter code"
_DESCRIPTORS = ("short_", "brief_", "free_text_", "two_letter_", "three_letter_", "four_letter_")


_MOMENTS = {"time", "timestamp", "datetime", "moment"}
# times that are planned rather than recorded keep their own name: start_time, opening_time, due_time
_SCHEDULED = {"start", "end", "open", "close", "opening", "closing", "due", "departure", "arrival", "finish"}
_SHORT_FORMS = {
    "email_address": "email",
    "e_mail_address": "email",
    "website_address": "website",
    "phone_number": "phone",
}


def _named_lookups(
    entities: dict[str, Entity], rels: list[Relationship], actors: Collection[str]
) -> list[str]:
    """Things others refer to that have no values and refer to nothing themselves ("- **Breed**: a recognised
    kind of dog." beside "a dog belongs to one breed"): a table of keys alone, which nobody could pick from.
    Runs after the passing-mention drop, so a thing prose names only once or twice is a value, not a lookup.
    Accounts and users are left alone: they are usually the project's existing table."""
    children = {r.child for r in rels if r.cardinality is not Cardinality.MANY_TO_MANY}
    referred = {n for r in rels for n in (r.parent, r.child)}
    return [
        name
        for name, e in entities.items()
        if not e.attributes and name in referred and name not in children and name not in actors
    ]


def _plain_name(name: str, entities: dict[str, Entity]) -> str:
    """The name a designer would give a prose value: "short_code" → code, "kind_of_honey" → honey_kind,
    "year_of_release" → release_year (the caller keeps the spec's words when the plain name is taken)."""
    for prefix in _DESCRIPTORS:
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix) :]
    for long, short in _SHORT_FORMS.items():  # "an email address" → email, "a work email address"
        if name == long or name.endswith(f"_{long}"):
            return name[: -len(long)] + short
    if name.endswith("_date_time") and len(name) > len("_date_time"):
        # "start date-time" is one moment, as "start date and time" is
        name = name[: -len("_date_time")] + "_time"
    event, _, moment = name.rpartition("_")
    if (
        moment in _MOMENTS
        and event.isalpha()
        and event not in _SCHEDULED
        and (done := event_participle(event))
    ):
        return f"{done}_at"  # "the resolution time" → resolved_at, as created_at
    head, of, rest = name.partition("_of_")
    if of and head.isalpha() and rest.isalpha() and rest not in entities:
        return f"{rest}_{head}"
    return name


def _without_covered_pairs(
    chosen: list[tuple[RelationshipFact, Relationship]],
) -> list[tuple[RelationshipFact, Relationship]]:
    """A prose link between X and Y is dropped when an entity of the model already pairs them ("for every
    station on a line we record its position" made line_station): the pairing is that entity."""
    parents: dict[str, set[str]] = defaultdict(set)
    for _, r in chosen:
        if r.cardinality is not Cardinality.MANY_TO_MANY:
            parents[r.child].add(r.parent)
    pairs = {frozenset(ps) for ps in parents.values() if len(ps) == 2}
    return [
        (f, r)
        for f, r in chosen
        if not (
            f.prov.origin == "prose"
            and not r.through
            and not r.role
            and not f.one_parent  # "an application links one person to one apartment": stated, not implied
            and frozenset((r.child, r.parent)) in pairs
        )
    ]  # a direct link between two things an entity pairs would contradict the pairing


def _loosen_cycles(rels: list[Relationship]) -> None:
    """Rows that require each other in a ring (room → building → … → room) could never be inserted: in each
    such cycle the last-stated link (prose before structured) becomes optional. Iterative, so long chains of
    entities cannot exhaust the stack."""
    while True:
        edges = [
            r
            for r in rels
            if r.required and r.cardinality is not Cardinality.MANY_TO_MANY and r.child != r.parent
        ]
        graph: dict[str, list[Relationship]] = defaultdict(list)
        for r in edges:
            graph[r.child].append(r)
        cycle = _find_cycle(graph)
        if not cycle:
            return
        weakest = max(
            cycle,
            key=lambda r: (
                r.source.rule.startswith(("sql.", "prisma.", "dbml.", "ts.")) is False,
                r.source.line,
            ),
        )
        weakest.required = False


def _find_cycle(graph: dict[str, list[Relationship]]) -> list[Relationship]:
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for start in list(graph):
        if state.get(start):
            continue
        path: list[Relationship] = []
        stack: list[tuple[str, int]] = [(start, 0)]
        state[start] = 1
        while stack:
            node, k = stack[-1]
            out = graph.get(node, [])
            if k < len(out):
                stack[-1] = (node, k + 1)
                rel = out[k]
                nxt = rel.parent
                if state.get(nxt) == 1:
                    i = (
                        next(j for j, r in enumerate(path) if r.child == nxt)
                        if any(r.child == nxt for r in path)
                        else len(path)
                    )
                    return [*path[i:], rel]
                if not state.get(nxt):
                    state[nxt] = 1
                    path.append(rel)
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                stack.pop()
                if path:
                    path.pop()
    return []
