"""The corpus specs yield the gold entities and relationships at the domain level."""

from __future__ import annotations

import pytest

from tests.domain.gold import CORPUS, Score, compare, corpus

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")


def test_corpus_domain_scores() -> None:
    totals = [Score(), Score(), Score()]
    for _stem, model, gold in corpus():
        for total, score in zip(totals, compare(model, gold)[:3], strict=True):
            total.add(score)
    entities, attributes, relationships = totals
    assert entities.f1 >= 0.95
    assert attributes.f1 >= 0.90
    assert relationships.f1 >= 0.85


@pytest.mark.parametrize("stem", ["003_library", "005_short_links", "007_support_tickets", "009_payroll"])
def test_gold_relationships_found(stem: str) -> None:
    model, gold = next((m, g) for s, m, g in corpus() if s == stem)
    _, _, rels, _ = compare(model, gold)
    assert rels.fn == 0
