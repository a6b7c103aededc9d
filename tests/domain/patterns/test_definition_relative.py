"""In a definition, a phrase inside a relative clause on another declared thing is about that thing ("a
refund is the outcome of a claim that was filed with a receipt": the receipt is the claim's), while a
phrase on the defining noun still links the defined thing. Examples written for this test."""

from __future__ import annotations

from schemawright.domain.analyzer import prose_facts
from schemawright.domain.facts import RelationshipFact
from schemawright.domain.lexicon import load_lexicon


def _links(defined: str, others: set[str], text: str) -> set[tuple[str, str]]:
    facts, _ = prose_facts([(text, 1, defined)], load_lexicon(), {defined, *others})
    return {(f.child, f.parent) for f in facts if isinstance(f, RelationshipFact)}


def test_a_phrase_on_another_things_relative_clause_is_not_the_defined_things() -> None:
    for defined, other, far, sentence in (
        ("refund", "claim", "receipt", "A refund is the outcome of a claim that was filed with a receipt."),
        ("review", "paper", "journal", "A review is an opinion on a paper that appeared in a journal."),
        ("transfer", "player", "club", "A transfer is the move of a player who trained at a club."),
    ):
        links = _links(defined, {other, far}, sentence)
        assert (defined, other) in links, sentence
        assert (defined, far) not in links, sentence


def test_a_phrase_on_the_defining_noun_still_links() -> None:
    links = _links("refund", {"claim", "receipt"}, "A refund is a payment for a claim with a receipt.")
    assert ("refund", "claim") in links
