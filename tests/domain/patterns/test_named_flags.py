"""A field named as a flag says what it flags: "an active flag" is active, "an open/closed flag" is open,
"a pre-recorded flag" is pre_recorded, each a yes/no value; "a yes/no flag" says nothing, so it keeps its
name. In prose and in entity bullets alike. Examples written for this test."""

from __future__ import annotations

from schemawright.domain.model import Kind
from tests.domain.patterns._helpers import attribute_kinds, model_of


def test_prose_flags_are_named_by_what_they_say() -> None:
    model = model_of(
        "# Kiosk\n\nA kiosk has a name, a street address and an active flag. A ramp has a width and an "
        "open/closed flag. A song has a title and a pre-recorded flag.\n"
    )
    assert attribute_kinds(model, "kiosk").get("active") is Kind.BOOLEAN
    assert attribute_kinds(model, "ramp").get("open") is Kind.BOOLEAN
    assert attribute_kinds(model, "song").get("pre_recorded") is Kind.BOOLEAN


def test_entity_bullet_flags_are_named_by_what_they_say() -> None:
    model = model_of(
        "# Radio\n\n### Key Entities\n\n- **Stall**: a pitch at the fair; code, size, electricity, "
        "covered flag, daily fee\n- **Host**: a volunteer who hosts shows; real name, on-air name, email, "
        "active flag\n"
    )
    assert attribute_kinds(model, "stall").get("covered") is Kind.BOOLEAN
    assert attribute_kinds(model, "host").get("active") is Kind.BOOLEAN


def test_a_flag_that_says_nothing_keeps_its_name() -> None:
    model = model_of("# Riders\n\nA rider has a name and a yes/no flag.\n")
    assert "yes" not in attribute_kinds(model, "rider")
