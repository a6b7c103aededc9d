"""A bare date or time recorded under a condition is the time of the condition's event: "WHEN a pass is
blocked THE System SHALL record the time" gives the pass blocked_at, "once a member leaves, the club
stores the date" gives the member left_on. A list of values under the condition is the thing's own.
Examples written for this test."""

from __future__ import annotations

from schemawright.domain.model import DomainModel, Kind
from tests.domain.patterns._helpers import attribute_kinds, attribute_names, model_of

_THINGS = (
    "A pass has a code. A badge has a number. A site has a name. A member has a name. A shift has a code.\n\n"
)


def _model(sentence: str) -> DomainModel:
    return model_of(f"# Spec\n\n{_THINGS}1. {sentence}\n")


def test_passive_event_names_the_time() -> None:
    model = _model("WHEN a pass is blocked for misuse THEN THE System SHALL record the time.")
    assert attribute_kinds(model, "pass").get("blocked_at") is Kind.TIMESTAMP


def test_a_date_is_named_on_and_the_event_may_be_active() -> None:
    model = _model("Once a member leaves, the club stores the date.")
    assert attribute_kinds(model, "member").get("left_on") is Kind.DATE


def test_the_time_of_the_same_event() -> None:
    model = _model("WHEN a badge is printed at the entrance THE System SHALL record the time of printing.")
    assert "printed_at" in attribute_names(model, "badge")


def test_a_site_decommissioned_then_the_date() -> None:
    model = _model("WHEN a site is decommissioned THEN THE System SHALL record the date.")
    assert attribute_kinds(model, "site").get("decommissioned_on") is Kind.DATE


def test_a_list_under_the_condition_is_the_things_own() -> None:
    model = _model("WHEN a shift is planned THEN THE System SHALL record the date, the start and the end.")
    assert "planned_on" not in attribute_names(model, "shift")
