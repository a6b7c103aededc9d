""""A band may book several studios …, so for each booking we keep the fee": a gerund the same sentence
counts ("for each booking", "each marking") names the event of its verb, which links the two parties;
the plain many-to-many becomes that event. A gerund said only elsewhere leaves the verb as it was.
Examples written for this test."""

from __future__ import annotations

import pytest

from tests.domain.patterns._helpers import links, model_of


@pytest.mark.parametrize(
    ("text", "event", "parties"),
    [
        (
            "A band may book several studios and a studio hosts many bands, so for each booking we keep the "
            "start time, the hours and the fee. A band has a name and a genre. A studio has a name and an "
            "hourly rate.",
            "booking",
            ("band", "studio"),
        ),
        (
            "A judge marks several essays and an essay is marked by many judges; for each marking we "
            "record the grade and a comment. A judge has a name and an email. An essay has a title and a "
            "word count.",
            "marking",
            ("essay", "judge"),
        ),
        (
            "A trainer may coach many athletes and an athlete may have several trainers; for each coaching "
            "we store the start date and the weekly hours. A trainer has a name and a licence number. An "
            "athlete has a name and a sport.",
            "coaching",
            ("athlete", "trainer"),
        ),
    ],
)
def test_a_gerund_counted_in_the_sentence_is_the_event_between_the_parties(
    text: str, event: str, parties: tuple[str, str]
) -> None:
    found = links(model_of(f"# Spec\n\n{text}\n"))
    assert [(event, p) for p in parties] == [link for link in found if link[0] == event], found
    assert parties not in found and parties[::-1] not in found, found


def test_a_gerund_said_in_another_sentence_names_no_event_of_this_verb() -> None:
    model = model_of(
        "# Spec\n\nA judge marks several essays and an essay is marked by many judges. A judge has a name "
        "and an email. An essay has a title and a word count. Each marking has a grade and a comment.\n"
    )
    assert ("marking", "judge") not in links(model)
