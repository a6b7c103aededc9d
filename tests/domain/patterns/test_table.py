"""Every row of the prose pattern table is tested by its own examples: positives must produce a fact of
the row's id, negatives must not. The examples were written for the table, not taken from any corpus."""

from __future__ import annotations

import pytest

from schemawright.domain.analyzer import prose_facts
from schemawright.domain.lexicon import load_lexicon
from schemawright.domain.patterns.table import CONSTRUCTIONS, load_table

TABLE = load_table()
CASES = [
    (row.id, kind, sentence)
    for row in TABLE.rows
    for kind in ("positive", "negative")
    for sentence in getattr(row.examples, kind)
]


def test_every_row_has_three_positives_and_a_negative() -> None:
    for row in TABLE.rows:
        assert len(row.examples.positive) >= 3, row.id
        assert row.examples.negative, row.id
        assert row.construction in CONSTRUCTIONS


def test_row_ids_are_unique() -> None:
    ids = [r.id for r in TABLE.rows]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("row_id", "kind", "sentence"), CASES)
def test_row_example(row_id: str, kind: str, sentence: str) -> None:
    hint, text = "", sentence
    if sentence.startswith("DEFINE "):
        # "DEFINE entity+other | sentence": a definition of declared `entity`, beside declared `other`s
        hint, text = sentence[len("DEFINE ") :].split(" | ", 1)
    declared = set(hint.split("+")) if hint else set()
    facts, _ = prose_facts([(text, 1, hint.split("+")[0])], load_lexicon(), declared)
    hits = [f for f in facts if f.prov.rule == row_id]
    if kind == "positive":
        assert hits, f"{row_id} should match: {sentence!r}; got {[f.prov.rule for f in facts]}"
    else:
        assert not hits, f"{row_id} should not match: {sentence!r}"
