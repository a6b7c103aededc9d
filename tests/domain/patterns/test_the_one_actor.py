"""A step one definite person takes on things nobody counts ("the agent escalates the ticket") links no two
things; the same verb stated of a kind ("agents escalate tickets", "a courier delivers many parcels")
does. Examples written for this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import links, model_of

THINGS = (
    "# Feature\n\nA ticket has a subject and a priority. An agent has a name and an email. "
    "A parcel has a weight and a barcode. A courier has a name and a van number. "
    "A playlist has a title and a cover. A listener has a nickname and a country.\n\n"
)


def test_a_step_the_one_person_takes_is_no_link() -> None:
    for sentence, pair in (
        ("The agent escalates the ticket to the duty manager.", ("ticket", "agent")),
        ("The courier scans parcels at the depot door.", ("parcel", "courier")),
        ("The listener shuffles the playlist before a long drive.", ("playlist", "listener")),
    ):
        assert pair not in links(model_of(THINGS + sentence)), sentence


def test_the_same_verb_stated_of_a_kind_links() -> None:
    for sentence, pair in (
        ("Agents escalate tickets to the duty manager.", ("ticket", "agent")),
        ("A courier delivers many parcels every day.", ("parcel", "courier")),
    ):
        assert pair in links(model_of(THINGS + sentence)), sentence
