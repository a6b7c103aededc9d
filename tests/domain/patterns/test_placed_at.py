"""What a verb makes belongs to the one thing it is made at, in, on or for, whoever makes it."""

from __future__ import annotations

from tests.domain.patterns._helpers import links, model_of


def test_the_made_thing_refers_to_the_place_it_is_made_in() -> None:
    for text, pair in (
        (
            "Players score goals in a match. A goal has a kind (header or shot); a match has a date.",
            ("goal", "match"),
        ),
        (
            "Readers post comments on an article. A comment has a text and a date; an article has a title.",
            ("comment", "article"),
        ),
        (
            "Crews report fires in a district. A fire has a start time and a size; a district has a name.",
            ("fire", "district"),
        ),
    ):
        assert pair in links(model_of(text)), text


def test_a_place_counted_as_many_is_no_parent() -> None:
    text = "Players score goals in many matches. A goal has a kind (header or shot); a match has a date."
    assert ("goal", "match") not in links(model_of(text))
