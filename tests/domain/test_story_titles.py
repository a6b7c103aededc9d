"""User stories: a bold title on its own line above a story is a title, not the story's subject
("**US-05 — Timetable classes**" then "As the front desk manager, I want to create weekly classes …"), and a
step the story's role takes ("as a member, I want to rate a route") links the role to nothing. Examples
written for this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import attribute_names, links, model_of


def test_a_bold_title_line_is_not_the_storys_subject() -> None:
    model = model_of(
        "# Backlog\n\n**US-05 — Timetable lessons**\nAs the office manager, I want to create lessons for a "
        "term: pool, day of the week, start time, length in minutes and the maximum number of swimmers.\n\n"
        "A term has a name. A lesson has a level.\n"
    )
    assert {"start_time", "max_swimmers"} <= set(attribute_names(model, "lesson"))


def test_a_title_ending_in_a_stop_is_left_as_it_is() -> None:
    model = model_of(
        "# Club\n\n**Dues.**\nEvery season each musician pays a fee. A musician has a name and an "
        "instrument.\n"
    )
    assert {"name", "instrument"} <= set(attribute_names(model, "musician"))


def test_a_step_the_role_takes_is_no_link_to_the_role() -> None:
    model = model_of(
        "# Gym\n\n**Story 5 — Rating**\nAs a member, I want to rate a route and suggest a grade, so that "
        "setters can calibrate.\n\nA route has a colour and a setter. A member has a name and an email.\n"
    )
    assert ("route", "member") not in links(model)


def test_an_untitled_step_the_role_takes_is_no_link_either() -> None:
    model = model_of(
        "# Gym\n\nAs a member, I want to rate a route and suggest a grade, so that setters can calibrate.\n\n"
        "A route has a colour and a setter. A member has a name and an email.\n"
    )
    assert ("route", "member") not in links(model)
