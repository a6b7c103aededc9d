"""Value lists in parentheses make an enum, wherever the noun's own phrase puts them, and whatever short
kind the noun's name would otherwise have. Examples written for this test, not taken from any corpus."""

from __future__ import annotations

import pytest

from schemawright.domain.analyze import analyze
from schemawright.domain.model import Kind
from schemawright.spec.parser import parse_spec
from tests.domain.patterns._helpers import attribute_kinds, data_spec, entity_of, model_of


def _attribute(text: str, entity: str, name: str):  # type: ignore[no-untyped-def]
    model = analyze(parse_spec(f"# Feature\n\n{text}\n"), "x", "x")
    owner = model.entity(entity)
    assert owner is not None, [e.name for e in model.entities]
    return next(a for a in owner.attributes if a.name == name)


@pytest.mark.parametrize(
    ("text", "entity", "name", "values"),
    [
        (
            "We store volunteers with a name, an email and a role within their team (lead or helper).",
            "volunteer",
            "role",
            ["lead", "helper"],
        ),
        (
            "Each workshop has a title and a format (lecture, hands-on lab or panel).",
            "workshop",
            "format",
            ["lecture", "hands_on_lab", "panel"],
        ),
        ("Each locker has a code and a size (S, M, L or XL).", "locker", "size", ["s", "m", "l", "xl"]),
        (
            "Kiosks have a code. A kiosk has a street and a status: `open`, `closed`, `relocated`.",
            "kiosk",
            "status",
            ["open", "closed", "relocated"],
        ),
        (
            "Kiosks have a code and a status, which can be open, closed or relocated.",
            "kiosk",
            "status",
            ["open", "closed", "relocated"],
        ),
        (
            "Each kiosk has a code. A kiosk's status is either open or closed.",
            "kiosk",
            "status",
            ["open", "closed"],
        ),
        (
            "Kiosks have a code and a status. Kiosk status: open, closed, relocated.",
            "kiosk",
            "status",
            ["open", "closed", "relocated"],
        ),
    ],
)
def test_listed_values_make_an_enum(text: str, entity: str, name: str, values: list[str]) -> None:
    attr = _attribute(text, entity, name)
    assert attr.kind is Kind.ENUM
    assert attr.enum_values == values


def test_an_explanation_in_parentheses_is_no_value_list() -> None:
    attr = _attribute(
        "Each episode has a title and a description (show notes, links allowed).", "episode", "description"
    )
    assert attr.kind is not Kind.ENUM


def test_values_after_a_dash_following_a_value_list_noun_are_an_enum_not_fields() -> None:
    model = analyze(
        parse_spec(
            "# Feature\n\nFor each donation we capture the weight in kilograms and the food category — "
            "bakery, "
            "produce, dairy or prepared meals.\n\nA donation has a date.\n"
        ),
        "x",
        "x",
    )
    donation = model.entity("donation")
    assert donation is not None
    attrs = {a.name: a for a in donation.attributes}
    assert attrs["food_category"].kind is Kind.ENUM
    assert attrs["food_category"].enum_values == ["bakery", "produce", "dairy", "prepared_meals"]
    assert not {"bakery", "produce", "dairy"} & set(attrs)


def test_values_written_with_a_hyphen_stay_one_value() -> None:
    model = model_of(
        "Organisers plan sessions with a title and a format "
        "(30-minute talk, 60-minute talk or workshop). "
        "Sessions have a room.\n"
    )
    fmt = next(a for a in entity_of(model, "session").attributes if a.name == "format")
    assert fmt.enum_values == ["30_minute_talk", "60_minute_talk", "workshop"]


def test_values_listed_in_parentheses_name_no_thing() -> None:
    model = model_of(
        "Teachers run classes with a title and a length (30-minute class, 60-minute class or workshop). "
        "Classes have a room.\n"
    )
    assert [e.name for e in model.entities] == ["class"]
    assert not model.relationships


def test_two_unjoined_words_after_a_colon_are_no_value_list() -> None:
    attr = _attribute(
        "Kiosks have a code. A kiosk has a street and a status: see below, later.", "kiosk", "status"
    )
    assert attr.kind is not Kind.ENUM


def test_a_relative_one_of_gives_the_values_to_the_thing_holding_the_value() -> None:
    model = model_of(
        "# Planning\n\nEach application has a reference and its current phase, which is one of screening, "
        "interview, offer or closed. Each application has an applicant name.\n"
    )
    phase = next(a for a in entity_of(model, "application").attributes if a.name == "phase")
    assert phase.kind is Kind.ENUM and phase.enum_values == ["screening", "interview", "offer", "closed"]
    assert model.entity("phase") is None


def test_values_after_the_nouns_own_clause_are_its_values() -> None:
    model = model_of(
        "# Boats\n\nEach boat has a name and the hull material it is built from (wood, steel or fibreglass). "
        "Each boat has a length.\n"
    )
    kinds = attribute_kinds(model, "boat")
    assert kinds.get("hull_material") is Kind.ENUM, kinds


def test_words_offered_as_a_choice_are_values_whatever_the_name_suggests() -> None:
    model = model_of(
        "# Letters\n\nEach letter has a recipient and a body (typed, handwritten or printed). "
        "Each letter has a sent date.\n"
    )
    body = next(a for a in entity_of(model, "letter").attributes if a.name == "body")
    assert body.kind is Kind.ENUM and body.enum_values == ["typed", "handwritten", "printed"]
    described = model_of("# Shows\n\nEach show has a title and a description (show notes, HTML allowed).\n")
    assert attribute_kinds(described, "show").get("description") is not Kind.ENUM


def test_a_listed_value_may_hold_a_preposition() -> None:
    model = model_of(
        "# Tours\n\nEach tour has a name and a state: planned, open for booking, full or cancelled.\n"
    )
    state = next(a for a in entity_of(model, "tour").attributes if a.name == "state")
    assert state.enum_values == ["planned", "open_for_booking", "full", "cancelled"]


@pytest.mark.parametrize(
    ("text", "entity", "name", "values"),
    [
        ("Each pupil has a name and a grade (A+, A, B-, C).", "pupil", "grade", ["a+", "a", "b-", "c"]),
        (
            "Each patient has a name and a rhesus factor (one of Rh+ or Rh-).",
            "patient",
            "rhesus_factor",
            ["rh+", "rh-"],
        ),
        (
            "We store each climber's nickname, date of birth and blood type (one of O+, O-, B+ or B-).",
            "climber",
            "blood_type",
            ["o+", "o-", "b+", "b-"],
        ),
    ],
)
def test_values_written_with_a_sign_are_values(text: str, entity: str, name: str, values: list[str]) -> None:
    attr = _attribute(text, entity, name)
    assert attr.kind is Kind.ENUM
    assert attr.enum_values == values


def test_values_after_a_list_belong_to_its_last_item_only() -> None:
    model = model_of(
        "# Feature\n\nWe store each climber's nickname, date of birth and blood type (O+, O-).\n"
    )
    kinds = attribute_kinds(model, "climber")
    assert kinds.get("blood_type") is Kind.ENUM
    assert all(a.enum_values == [] for a in entity_of(model, "climber").attributes if a.name != "blood_type")


@pytest.mark.parametrize(
    ("text", "entity", "name", "values"),
    [
        ("Lockers have a code and a floor. Sizes: S, M, L, XL.", "locker", "size", ["s", "m", "l", "xl"]),
        (
            "Tasks have a title and a due date. Priorities: P1, P2, P3.",
            "task",
            "priority",
            ["p1", "p2", "p3"],
        ),
        (
            "Each kennel has a number and a run. Widths: `narrow`, `standard`, `wide`.",
            "kennel",
            "width",
            ["narrow", "standard", "wide"],
        ),
    ],
)
def test_a_label_then_its_values_describes_the_thing_just_described(
    text: str, entity: str, name: str, values: list[str]
) -> None:
    attr = _attribute(text, entity, name)
    assert attr.kind is Kind.ENUM
    assert attr.enum_values == values


def test_a_label_followed_by_a_remark_is_no_value_list() -> None:
    model = model_of("# Feature\n\nLockers have a code and a floor. Sizes: see the locker plan.\n")
    assert all(not a.enum_values for a in entity_of(model, "locker").attributes)


@pytest.mark.parametrize(
    ("text", "entity", "name", "values"),
    [
        ("Each lift has a number, a floor and a direction, up or down.", "lift", "direction", ["up", "down"]),
        (
            "Each court has a number and a surface, grass, clay or hard.",
            "court",
            "surface",
            ["grass", "clay", "hard"],
        ),
        (
            "A kite has a maker, a shape, delta or diamond, and a length.",
            "kite",
            "shape",
            ["delta", "diamond"],
        ),
    ],
)
def test_values_offered_after_a_comma_are_the_nouns_values(
    text: str, entity: str, name: str, values: list[str]
) -> None:
    model = model_of(f"# Feature\n\n{text}\n")
    attr = next(a for a in entity_of(model, entity).attributes if a.name == name)
    assert attr.kind is Kind.ENUM
    assert attr.enum_values == values
    assert not {v for v in values} & {a.name for a in entity_of(model, entity).attributes}


def test_nouns_offered_with_articles_are_attributes_not_values() -> None:
    model = model_of("# Feature\n\nEach ticket has a title, a body or a link.\n")
    attrs = entity_of(model, "ticket").attributes
    assert {"title", "body", "link"} <= {a.name for a in attrs}
    assert all(not a.enum_values for a in attrs)


def test_a_singular_label_of_no_value_kind_lists_no_values() -> None:
    model = model_of(
        "# Feature\n\nLockers have a code and a floor. Access: carrier, courier or technician.\n"
    )
    assert all(not a.enum_values for a in entity_of(model, "locker").attributes)


def test_a_label_the_lexicon_does_not_know_as_a_value_lists_no_values() -> None:
    model = model_of("# Feature\n\nLockers have a code and a floor. Carriers: DHL, UPS, GLS.\n")
    assert all(not a.enum_values for a in entity_of(model, "locker").attributes)


def test_a_remark_after_the_values_in_parentheses_ends_the_list() -> None:
    from tests.domain.patterns._helpers import model_of

    for text, owner, values in (
        (
            "Each ticket has a title and a priority (low, normal or urgent, as set by the triage team).",
            "ticket",
            ["low", "normal", "urgent"],
        ),
        (
            "Each room has a number and a kind (single, double or suite, see the price list).",
            "room",
            ["single", "double", "suite"],
        ),
        (
            "Each bike has a serial and a frame size (S, M or L, based on rider height).",
            "bike",
            ["s", "m", "l"],
        ),
    ):
        entity = model_of(text).entity(owner)
        assert entity is not None, text
        listed = [a.enum_values for a in entity.attributes if a.enum_values]
        assert listed and [v.lower() for v in listed[0]] == values, (text, listed)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "Each permit has a reference and a state (new, checked, refused, granted, withdrawn).",
            ["new", "checked", "refused", "granted", "withdrawn"],
        ),
        (
            "Every trailer has a plate and a condition (good, worn, dented, scrapped).",
            ["good", "worn", "dented", "scrapped"],
        ),
        # flag names ("approved", "paid") listed after a status are its states, not fields of the row
        ("Each refund run has a year and a status (draft, approved, paid).", ["draft", "approved", "paid"]),
    ],
)
def test_participles_listed_after_two_values_are_values_not_a_remark(text: str, values: list[str]) -> None:
    model = model_of(text)
    listed = [a.enum_values for e in model.entities for a in e.attributes if a.enum_values]
    assert listed == [values], listed


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            # a participle right after "is either" is read as a passive verb by the small parser
            "A loan has an amount and a date. The loan status is either pending, approved or repaid.",
            ["pending", "approved", "repaid"],
        ),
        (
            "A loan has an amount and a date. A loan's status is `open`, `late` or `repaid`.",
            ["open", "late", "repaid"],
        ),
        (
            "A loan has an amount and a date. Loan status is one of requested, approved, repaid.",
            ["requested", "approved", "repaid"],
        ),
    ],
)
def test_a_status_equated_with_alternatives_lists_its_values(text: str, values: list[str]) -> None:
    from tests.domain.patterns._helpers import model_of

    loan = model_of(text).entity("loan")
    assert loan is not None
    status = next(a for a in loan.attributes if a.name == "status")
    assert status.enum_values == values


def test_a_status_equated_with_one_state_lists_nothing() -> None:
    from tests.domain.patterns._helpers import model_of

    loan = model_of(
        "A loan has an amount and a date. The loan status is requested when it is created."
    ).entity("loan")
    assert loan is not None
    assert all(not a.enum_values for a in loan.attributes)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("A kiln has a name and a mode: one of bisque, glaze or raku.", ["bisque", "glaze", "raku"]),
        ("A kiln has a name and a status, either loaded, fired or emptied.", ["loaded", "fired", "emptied"]),
        ("A kiln has a name and a mode, either bisque, glaze or raku.", ["bisque", "glaze", "raku"]),
        ("A kiln has a name and a mode, one of bisque, glaze or raku.", ["bisque", "glaze", "raku"]),
    ],
)
def test_one_of_after_a_colon_and_either_after_a_comma_open_a_value_list(
    text: str, values: list[str]
) -> None:
    from tests.domain.patterns._helpers import model_of

    kiln = model_of(text).entity("kiln")
    assert kiln is not None
    assert [a.enum_values for a in kiln.attributes if a.enum_values] == [values]


def test_values_spelled_with_underscores_stay_in_the_list() -> None:
    attr = _attribute(
        "Each plan has a price and a status. The status is one of trialing, active, past_due or canceled.",
        "plan",
        "status",
    )
    assert attr.enum_values == ["trialing", "active", "past_due", "canceled"]


@pytest.mark.parametrize(
    ("text", "entity", "name", "values"),
    [
        ("Each costume has a name. A costume may be in new, good, worn or damaged condition.", "costume",
         "condition", ["new", "good", "worn", "damaged"]),
        ("Each bike has a frame number. Each bike is in excellent, good or poor shape.", "bike", "shape",
         ["excellent", "good", "poor"]),
        ("Every hive has a tag. A hive can be in strong, average or weak health.", "hive", "health",
         ["strong", "average", "weak"]),
    ],
)  # fmt: skip
def test_adjectives_before_the_noun_of_in_are_its_values(
    text: str, entity: str, name: str, values: list[str]
) -> None:
    assert _attribute(text, entity, name).enum_values == values


def test_a_place_after_in_is_no_value_list() -> None:
    model = model_of("# Bikes\n\nEach bike has a frame number. The bike is in the shed.\n")
    assert attribute_kinds(model, "bike") == {"frame_number": Kind.IDENTIFIER}


@pytest.mark.parametrize(
    ("text", "owner", "column", "values"),
    [
        (
            "A booking has an arrival date and a status — requested, confirmed, checked in, completed or "
            "cancelled.",
            "booking",
            "status",
            ["requested", "confirmed", "checked_in", "completed", "cancelled"],
        ),
        (
            "A member has a name and a state: signed up, active or lapsed.",
            "member",
            "state",
            ["signed_up", "active", "lapsed"],
        ),
        (
            "A guest has a name and a status: booked, checked in, checked out or gone.",
            "guest",
            "status",
            ["booked", "checked_in", "checked_out", "gone"],
        ),
    ],
)
def test_a_phrasal_verb_is_one_listed_value(text: str, owner: str, column: str, values: list[str]) -> None:
    found = next(a for a in entity_of(model_of(data_spec(text)), owner).attributes if a.name == column)
    assert found.enum_values == values
