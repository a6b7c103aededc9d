"""A thing linked by a verb to another of its own kind refers to it: "every nurse reports to one senior
nurse", "a clause can be derived from an earlier clause". The link is optional (the first one has none)
and named by what sets the other apart, or by the verb. Examples written for this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import model_of, role_links


def _self_links(text: str) -> list[tuple[str, str, str]]:
    return [link for link in role_links(model_of(text)) if link[0] == link[1]]


def test_a_modifier_names_the_role() -> None:
    links = _self_links(
        "# Ward\n\nA nurse has a name, a grade and a badge number. Every nurse reports to one senior nurse.\n"
    )
    assert links == [("nurse", "nurse", "senior_nurse")]


def test_the_verb_names_the_role_when_only_earlier_or_another_sets_it_apart() -> None:
    cases = {
        "A clause has a number and a text. A clause can be derived from an earlier clause.": "source_clause",
        "A technician has a name and a phone. Each technician is supervised by another technician.": (
            "supervisor"
        ),
        "A tariff has a rate and a start date. A tariff supersedes the previous tariff.": "previous_tariff",
        "A folder has a name and a colour. Each folder may sit inside a parent folder.": "parent_folder",
    }
    for text, role in cases.items():
        links = _self_links(f"# Feature\n\n{text}\n")
        assert [r for _, _, r in links] == [role], text


def test_the_self_reference_is_optional() -> None:
    model = model_of(
        "# Ward\n\nA nurse has a name, a grade and a badge number. Every nurse reports to one senior nurse.\n"
    )
    rel = next(r for r in model.relationships if r.child == r.parent == "nurse")
    assert rel.required is False


def test_a_measure_against_another_measure_is_no_link() -> None:
    model = model_of(
        "# Market\n\nA booking has a date, a trader name and the fee charged. The fee charged can be "
        "discounted from the standard fee.\n"
    )
    assert not [r for r in model.relationships if r.child == r.parent]


def test_a_list_spread_over_clauses_is_not_the_verbs_object() -> None:
    links = _self_links(
        "# Jobs\n\nA translator has a name and an email. A job has a deadline and a word count. Each job "
        "names the translator who does the translation and, optionally, a second translator who reviews it.\n"
    )
    assert links == []


def test_a_verb_that_names_no_role_makes_no_link() -> None:
    links = _self_links("# Club\n\nA member has a name and an email. A member can invite another member.\n")
    assert links == []
