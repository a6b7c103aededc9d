"""A role an entity plays ("each referee is also a volunteer", "a manager, who is another employee") is no
table of its own: a link to the role is a link to the entity, named for the role. Examples written for
this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import model_of, role_links


def test_a_role_stated_with_too_links_to_the_entity_in_that_role() -> None:
    model = model_of(
        "# Auctions\n\n"
        "Users sign up with an email and a display name.\n\n"
        "Sellers are users too. Each auction has a seller, a title and a reserve price.\n"
    )
    assert model.entity("seller") is None
    assert ("auction", "user", "seller") in role_links(model)


def test_a_role_stated_with_also_names_the_link_of_a_passive_verb() -> None:
    model = model_of(
        "# Club\n\n"
        "A member has a name and an email.\n\n"
        "Every coach is also a member. A training session is run by one coach and has a date and a "
        "length in minutes.\n"
    )
    assert model.entity("coach") is None
    assert ("training_session", "member", "coach") in role_links(model)


def test_another_of_the_same_kind_is_a_self_reference() -> None:
    for sentence in (
        "Each employee has a manager (another employee).",
        "Each employee has a hire date and a manager, who is another employee.",
    ):
        model = model_of(f"# Staff\n\nEmployees have a name and a hire date. {sentence}\n")
        assert ("employee", "employee", "manager") in role_links(model), sentence


def test_a_role_with_values_of_its_own_stays_a_table() -> None:
    model = model_of(
        "# Club\n\n"
        "A member has a name and an email.\n\n"
        "Every coach is also a member. Coaches have a licence number, an hourly rate and a biography.\n"
    )
    assert model.entity("coach") is not None


def test_a_parenthesised_remark_on_a_value_names_no_owner() -> None:
    model = model_of(
        "# Hiring\n\n"
        "For every recruiter we keep an email (unique among recruiters), a full name and a phone number.\n"
    )
    assert not [r for r in model.relationships if r.child == r.parent]


def test_a_link_read_with_and_without_its_role_is_one_link() -> None:
    model = model_of(
        "# Tasks\n\n"
        "Tasks have a title and a due date. A task can optionally be assigned to a user.\n\n"
        "Users have an email and a name.\n"
    )
    assert [(r.child, r.parent) for r in model.relationships] == [("task", "user")]
    assert not model.relationships[0].required


def test_a_person_assigned_to_a_work_item_is_one_link_from_the_item() -> None:
    # the passive row ("is assigned to an item") must not add the reverse link, which made a many-to-many
    from schemawright.domain.model import Cardinality

    model = model_of(
        "# Repairs\n\n"
        "A volunteer can be assigned to an item. A volunteer has a name and a skill. An item has a "
        "description and a status.\n"
    )
    assert [(r.child, r.parent, r.cardinality) for r in model.relationships] == [
        ("item", "volunteer", Cardinality.MANY_TO_ONE)
    ]


def test_a_generic_person_acting_on_one_thing_is_named_for_the_verb() -> None:
    """ "managed by one employee": the employee is the department's manager, and the employee's own link to
    the department it works in is a second, separate link."""
    for verb, role in [("managed", "manager"), ("headed", "head"), ("coordinated", "coordinator")]:
        model = model_of(
            "# Company\n\nA department has a name and a budget. An employee has a name and a salary.\n\n"
            f"Each department is {verb} by one employee. Each employee works in one department.\n"
        )
        links = role_links(model)
        assert ("department", "employee", role) in links, links
        assert ("employee", "department", "") in links, links


def test_a_person_named_for_their_part_keeps_that_name() -> None:
    """Negative: "led by one instructor" is the instructor already; no 'leader' on top."""
    model = model_of(
        "# Dojo\n\nAn instructor has a name and a grade. A class has a title and a weekday.\n\n"
        "Each class is led by one instructor.\n"
    )
    assert ("class", "instructor", "") in role_links(model)


def test_a_worker_assigned_to_exactly_one_place_refers_to_it() -> None:
    """ "every nurse is assigned to exactly one ward": the count is on the place, so each worker has one; a
    work item a worker "can be assigned to" still refers to the worker."""
    for text, expected in [
        (
            "A ward has a name. A nurse has a grade. Every nurse is assigned to exactly one ward.",
            ("nurse", "ward"),
        ),
        (
            "A depot has a name. A driver has a licence. Each driver is assigned to one depot.",
            ("driver", "depot"),
        ),
        (
            "A kitchen has a name. A chef has a speciality. Every chef is assigned to exactly one kitchen.",
            ("chef", "kitchen"),
        ),
    ]:
        model = model_of(f"# Staff\n\n{text}\n")
        assert [(r.child, r.parent) for r in model.relationships] == [expected], text
