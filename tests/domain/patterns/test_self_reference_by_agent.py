"""A thing that is proposed, nominated or referred by another of its own kind refers to it, in the role of
the one who does it (proposer, nominator, referrer); a rule the spec reports ("the constitution says …",
"the rules state that …") is a statement about the domain like any other. Examples written for this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import data_spec, links, model_of, role_links


def test_the_agent_of_a_passive_self_link_names_the_role() -> None:
    found = role_links(
        model_of(
            data_spec(
                "Each referee is nominated by another referee. A referee has a name and a grade.\n\n"
                "A patient can be referred by an existing patient. A patient has a name and an NHS "
                "number.\n\n"
                "Every candidate is sponsored by another candidate. A candidate has a name and a party."
            )
        )
    )
    assert ("referee", "referee", "nominator") in found, found
    assert ("patient", "patient", "referrer") in found, found
    assert ("candidate", "candidate", "sponsor") in found, found


def test_a_reported_rule_is_read() -> None:
    model = model_of(
        data_spec(
            "The guild charter says each new weaver is proposed by an existing weaver. A weaver has a "
            "name.\n\n"
            "Our bylaws state that every boat belongs to one club. A club has a name; a boat has a sail "
            "number."
        )
    )
    assert ("weaver", "weaver", "proposer") in role_links(model)
    assert ("boat", "club") in links(model)


def test_an_active_verb_between_two_of_a_kind_names_no_role() -> None:
    model = model_of(data_spec("A member can nominate another member. A member has a name and a grade."))
    assert not model.relationships, role_links(model)
