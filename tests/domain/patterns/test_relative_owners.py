"""A thing named with a relative clause ("each boat a member owns") is the sentence's subject; the
relative clause's subject owns it, and never holds it as a value. Examples written for this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import model_of, role_links

SPEC = (
    "# Boats\n\n"
    "A member signs up with a name and an email address.\n\n"
    "Each boat a member owns is recorded with a name, a length in metres and the date it was bought.\n\n"
    "A member can own several boats.\n"
)


def test_the_owned_thing_refers_to_its_owner() -> None:
    model = model_of(SPEC)
    assert any(r.child == "boat" and r.parent == "member" for r in model.relationships)
    assert not any(r.child == "member" and r.parent == "boat" for r in model.relationships)


def test_values_in_the_sentence_are_the_owned_things() -> None:
    model = model_of(SPEC)
    boat, member = model.entity("boat"), model.entity("member")
    assert boat is not None and member is not None
    assert "bought_on" in {a.name for a in boat.attributes}
    assert not {"boat", "bought_on"} & {a.name for a in member.attributes}


def test_a_value_which_is_one_of_the_things_refers_to_one_of_them() -> None:
    model = model_of(
        "# Airline\n\nEvery crew member has a staff number and a home base, which is one of the airports. "
        "An airport has a code. A crew member has a rank.\n"
    )
    assert ("crew_member", "airport", "home_base") in role_links(model)
