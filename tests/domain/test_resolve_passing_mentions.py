"""A thing prose names once in passing — no values, one prose link, at most two mentions — is not a table:
the link to it becomes a plain value of the entity that held it. Things named more often, actors, and
things with a second link stay."""

from __future__ import annotations

from schemawright.domain.facts import AttributeFact, EntityFact, Fact, Provenance, RelationshipFact
from schemawright.domain.lexicon import load_lexicon
from schemawright.domain.model import DomainModel
from schemawright.domain.resolve import Resolver

_HAS = Provenance(rule="possession.has", line=1, text="…", origin="prose")

# the holder, the thing named in passing, and the sentence that named it
CASES = [
    ("greenhouse", "season", "During the season a greenhouse has its vents open."),
    ("invoice", "reminder_window", "Each invoice records the reminder window the client chose."),
    ("voyage", "tide", "A voyage belongs to the tide it leaves on."),
]


def _described(name: str) -> list[Fact]:
    return [
        EntityFact(prov=_HAS, name=name, evidence="subject"),
        AttributeFact(prov=_HAS, entity=name, name="name"),
        AttributeFact(prov=_HAS, entity=name, name="code"),
    ]


def _resolve(facts: list[Fact], mentions: dict[str, int]) -> DomainModel:
    resolver = Resolver(load_lexicon())
    resolver.mentions = mentions
    return resolver.resolve(facts, "x", "x")


def _passing(holder: str, thing: str, text: str) -> list[Fact]:
    prov = Provenance(rule="possession.records", line=2, text=text, origin="prose")
    return [
        *_described(holder),
        EntityFact(prov=prov, name=thing, evidence="object"),
        RelationshipFact(prov=prov, child=holder, parent=thing),
    ]


def test_a_thing_named_once_in_passing_becomes_a_value_of_its_holder() -> None:
    for holder, thing, text in CASES:
        model = _resolve(_passing(holder, thing, text), {holder: 3, thing: 2})
        assert [e.name for e in model.entities] == [holder], text
        assert model.relationships == [], text
        entity = model.entity(holder)
        assert entity is not None and entity.attribute(thing) is not None, text
        said = f"'{thing.replace('_', ' ')}' is named only in passing"
        assert any(said in a.text for a in model.assumptions)


def test_a_thing_the_spec_keeps_talking_about_stays() -> None:
    holder, thing, text = CASES[0]
    model = _resolve(_passing(holder, thing, text), {holder: 3, thing: 3})
    assert {e.name for e in model.entities} == {holder, thing}
    assert [(r.child, r.parent) for r in model.relationships] == [(holder, thing)]


def test_an_actor_stays() -> None:
    model = _resolve(_passing("short_link", "user", "A short link belongs to a user."), {"user": 2})
    assert {e.name for e in model.entities} == {"short_link", "user"}


def test_a_thing_with_two_links_stays() -> None:
    holder, thing, text = CASES[1]
    other = Provenance(rule="belonging.belongs_to", line=3, text="…", origin="prose")
    facts = [*_passing(holder, thing, text), *_described("client")]
    facts.append(RelationshipFact(prov=other, child=thing, parent="client"))
    model = _resolve(facts, {holder: 3, "client": 3, thing: 2})
    assert thing in {e.name for e in model.entities}
