"""In a definition, "shared by many X" / "used by many X" makes each X refer to the defined thing; a bare
plural ("shared by policies") is still read as many-to-many. Examples written for this test."""

from __future__ import annotations

from schemawright.domain.analyzer import prose_facts
from schemawright.domain.facts import RelationshipFact
from schemawright.domain.lexicon import load_lexicon
from schemawright.domain.model import Cardinality


def _links(defined: str, other: str, text: str) -> set[tuple[str, str, Cardinality]]:
    facts, _ = prose_facts([(text, 1, defined)], load_lexicon(), {defined, other})
    return {(f.child, f.parent, f.cardinality) for f in facts if isinstance(f, RelationshipFact)}


def test_shared_by_many_points_at_the_defined_thing() -> None:
    one = Cardinality.MANY_TO_ONE
    for defined, other, sentence in (
        ("venue", "concert", "A venue is a hall in a city, shared by many concerts over a season."),
        ("template", "newsletter", "A template is a page layout that is used by many newsletters."),
        ("rule", "policy", "A rule is a single check reused by several policies."),
    ):
        links = _links(defined, other, sentence)
        assert (other, defined, one) in links, sentence
        assert (defined, other, one) not in links, sentence


def test_a_bare_plural_stays_many_to_many() -> None:
    links = _links("rule", "policy", "A rule is a single check shared by policies.")
    assert links == {("rule", "policy", Cardinality.MANY_TO_MANY)}


def test_many_counts_every_coordinated_thing() -> None:
    facts, _ = prose_facts(
        [("A venue is a hall in a city, shared by many concerts and festivals.", 1, "venue")],
        load_lexicon(),
        {"venue", "concert", "festival"},
    )
    links = {(f.child, f.parent) for f in facts if isinstance(f, RelationshipFact)}
    assert {("concert", "venue"), ("festival", "venue")} <= links
    assert ("venue", "festival") not in links
