"""The attribute ruler's lookup matcher finds exactly the matches spaCy's Matcher finds."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.pipeline import AttributeRuler

from schemawright.domain.nlp.parse import _nlp
from schemawright.domain.nlp.ruler import fast_match

TEXTS = [
    "A customer has at least one and at most five accounts.",
    "Each order consists of one or more order items, and each item references a product.",
    "I ain't gonna store that, but you can keep nothin' of it, y'know.",
    "There is a waiting list; it has entries. Does it? We'd have done it.",
    "  Members   rent\n\nbikes  ",
    "Which plan does the tenant pay for, and what did the landlord want?",
    "The U.S. office's 3 desks — 12.5 m² each — are booked by e-mail (see FR-001).",
    "",
]


def _docs() -> list[Any]:
    nlp = _nlp()
    return list(nlp.pipe(TEXTS, disable=["attribute_ruler", "lemmatizer"]))


def test_the_model_uses_the_lookup_matcher() -> None:
    ruler = _nlp().get_pipe("attribute_ruler")
    assert "match" in vars(ruler)  # spaCy's method, replaced on the instance


@pytest.mark.parametrize("index", range(len(TEXTS)))
def test_same_matches_as_spacy(index: int) -> None:
    ruler = _nlp().get_pipe("attribute_ruler")
    match = fast_match(ruler)
    assert match is not None
    doc = _docs()[index]
    assert match(doc) == AttributeRuler.match(ruler, doc)


def test_patterns_it_cannot_read_keep_spacys_matcher() -> None:
    nlp = _nlp()
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "x", "OP": "+"}]], {"POS": "X"})
    assert fast_match(ruler) is None
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": {"REGEX": "^sp"}}, {"TAG": {"NOT_IN": ["NN"]}}]], {"POS": "X"}, index=-1)
    assert fast_match(ruler) is not None
