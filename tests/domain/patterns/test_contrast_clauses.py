"""A clause after "while", "whereas" or "although" is a second statement about the domain, read like a main
clause; a clause after "when" or "if" is a condition and states no link. Examples written for this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import links, model_of

THINGS = (
    "# Feature\n\nA template has a title and a body. A report has a title and a due date. "
    "A trainer has a name and a phone. A class has a name and a level. "
    "A pallet has a code and a weight. A bay has a label and a height.\n\n"
)


def test_a_link_stated_after_while_whereas_or_although() -> None:
    for sentence, link in (
        (
            "A template can be reused year after year, while each report follows one template.",
            ("report", "template"),
        ),
        ("Trainers come and go, whereas every class is led by one trainer.", ("class", "trainer")),
        ("A bay is painted yellow, although each pallet sits in one bay.", ("pallet", "bay")),
    ):
        assert link in links(model_of(THINGS + sentence)), sentence


def test_a_condition_states_no_link() -> None:
    sentence = "A template is archived when a report follows the template."
    assert ("report", "template") not in links(model_of(THINGS + sentence))
