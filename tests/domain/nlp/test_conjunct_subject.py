"""A determined noun right after "and" that the parser coordinates with the object before it is the subject
of the verb that follows it: "a recipe can have many tags and a tag can appear on many recipes"."""

from __future__ import annotations

import pytest

from schemawright.domain.nlp.clauses import clauses
from schemawright.domain.nlp.parse import parse_texts
from tests.domain.patterns._helpers import model_of


def _read(text: str) -> dict[str, tuple[list[str], list[str]]]:
    sent = parse_texts([(text, 1, "")])[0]
    return {
        cl.lemma: (
            [s.name for s in cl.subjects],
            [o.name for o in cl.objects] + [c.name for cs in cl.preps.values() for c in cs],
        )
        for cl in clauses(sent)
    }


@pytest.mark.parametrize(
    ("text", "verb", "subject", "first"),
    [
        ("A recipe can have many tags and a tag can appear on many recipes.", "appear", "tag", "have"),
        ("A member can sit on many committees and a committee has many members.", "have", "committee", "sit"),
        ("A playlist holds many songs and a song can belong to many playlists.", "belong", "song", "hold"),
    ],
)
def test_the_noun_after_and_is_the_next_verbs_subject(text: str, verb: str, subject: str, first: str) -> None:
    read = _read(text)
    assert read[verb][0] == [subject]
    assert read[first][1].count(subject) == 1  # only the plural object stays with the first verb


def test_a_coordinated_object_stays_an_object() -> None:
    read = _read("Each shop sells hats and a scarf.")
    assert read["sell"][1] == ["hat", "scarf"]


def test_both_sides_counting_many_make_a_many_to_many() -> None:
    model = model_of(
        "A recipe has a title. A tag has a label. "
        "A recipe can have many tags and a tag can appear on many recipes."
    )
    assert any(r.cardinality.value == "many_to_many" for r in model.relationships)
