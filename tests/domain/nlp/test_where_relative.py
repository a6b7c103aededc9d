"""A relative clause opened by "where" or "when" says where or when something happens: the noun it hangs on
is no object of its verb ("a yard where lorries park"), while "each plant a user owns" keeps its object.
Examples written for this test."""

from __future__ import annotations

from schemawright.domain.nlp.clauses import clauses
from schemawright.domain.nlp.parse import parse_texts
from tests.domain.patterns._helpers import links, model_of


def _objects_of(text: str, lemma: str) -> list[str]:
    sent = parse_texts([(text, 1, "")])[0]
    return [c.name for cl in clauses(sent) if cl.lemma == lemma for c in cl.objects]


def test_where_and_when_clauses_take_no_object_from_their_noun() -> None:
    assert _objects_of("A depot is a yard where lorries park.", "park") == []
    assert _objects_of("A bay is a berth where boats moor overnight.", "moor") == []
    assert _objects_of("A slot is the hour when members train.", "train") == []


def test_a_relative_clause_without_a_relative_word_keeps_its_object() -> None:
    assert _objects_of("The app lists each plant a user owns.", "own") == ["plant"]


def test_the_place_is_not_made_to_refer_to_what_stands_there() -> None:
    model = model_of(
        "# Haulage\n\nA depot has a name and an address. A lorry has a plate and a capacity. "
        "A depot is a yard where lorries park.\n"
    )
    assert ("depot", "lorry") not in links(model)
