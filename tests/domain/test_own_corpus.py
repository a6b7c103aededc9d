"""The repo's own development corpus (tests/corpus) at the domain level: recall and F1 floors reached in
issue 3's third round (21 specs; 113-121 written in plainer wording, gold before the fixes), so analyzer
regressions on unseen-style specs are caught."""

from __future__ import annotations

from tests.domain.gold import OWN_CORPUS, Score, compare, corpus


def test_own_corpus_domain_scores() -> None:
    totals = [Score(), Score(), Score()]
    for _stem, model, gold in corpus(OWN_CORPUS):
        for total, score in zip(totals, compare(model, gold)[:3], strict=True):
            total.add(score)
    entities, attributes, relationships = totals
    recall = [t.tp / (t.tp + t.fn) for t in totals]
    assert recall[0] >= 0.98 and entities.f1 >= 0.98
    assert recall[1] >= 0.96 and attributes.f1 >= 0.96
    assert recall[2] >= 0.95 and relationships.f1 >= 0.95
