"""A thing prose only mentions — no value of its own, and a link too weak to keep — is not designed, and
the assumptions say so; a spec whose every thing is like that keeps them (they are all it asks for)."""

from __future__ import annotations

from schemawright.domain.facts import AttributeFact, EntityFact, Fact, Provenance, RelationshipFact
from schemawright.domain.lexicon import load_lexicon
from schemawright.domain.model import DomainModel
from schemawright.domain.resolve import Resolver

_PROV = Provenance(rule="possession.has", line=1, text="…", origin="prose")
_WEAK = Provenance(rule="interaction.verb", line=2, text="…", origin="prose")


def _resolve(facts: list[Fact], mentions: dict[str, int]) -> DomainModel:
    resolver = Resolver(load_lexicon())
    resolver.mentions = mentions
    return resolver.resolve(facts, "x", "x")


def _weakly_linked(described: str | None, one: str, other: str) -> list[Fact]:
    facts: list[Fact] = [
        EntityFact(prov=_WEAK, name=one, evidence="object"),
        EntityFact(prov=_WEAK, name=other, evidence="referenced"),
        RelationshipFact(prov=_WEAK, child=one, parent=other),
    ]
    if described:
        facts += [
            EntityFact(prov=_PROV, name=described, evidence="subject"),
            AttributeFact(prov=_PROV, entity=described, name="name"),
            AttributeFact(prov=_PROV, entity=described, name="price"),
        ]
    return facts


def test_a_mention_with_no_values_and_no_kept_link_is_not_a_table() -> None:
    for described, mentioned in (("greenhouse", "weather"), ("hive", "neighbour"), ("course", "staff_room")):
        model = _resolve(_weakly_linked(described, mentioned, described), {described: 3, mentioned: 2})
        assert [e.name for e in model.entities] == [described], mentioned
        assert any(f"'{mentioned.replace('_', ' ')}' is mentioned" in a.text for a in model.assumptions)


def test_the_only_thing_a_spec_names_stays() -> None:
    model = _resolve(_weakly_linked(None, "tag", "label"), {"tag": 2})
    assert [e.name for e in model.entities] == ["tag"]
