"""A "whether …" clause names one yes/no column in the clause's own words, and nothing else: its nouns
are neither entities nor attributes. Examples written for this test, not taken from any corpus."""

from __future__ import annotations

import pytest

from schemawright.domain.analyze import analyze
from schemawright.domain.model import Kind
from schemawright.spec.parser import parse_spec


def _model(text: str):  # type: ignore[no-untyped-def]
    return analyze(parse_spec(f"# Feature\n\n{text}\n"), "x", "x")


@pytest.mark.parametrize(
    ("text", "entity", "column"),
    [
        ("A kayak has a colour and whether it is a tandem.", "kayak", "is_tandem"),
        ("For every tenant we keep a name and whether they own a car.", "tenant", "has_car"),
        (
            "A volunteer has a name and whether they hold a driving licence.",
            "volunteer",
            "has_driving_licence",
        ),
        (
            "Each recipe has a title, a cooking time and whether it is suitable for vegans.",
            "recipe",
            "suitable",
        ),
        (
            "For each delivery we store an address, a due date and whether the parcel was signed for.",
            "delivery",
            "parcel_signed",
        ),
        (
            "Each sample records its weight, the date it was taken and whether spores were found.",
            "sample",
            "spores_found",
        ),
        (
            "For each booking we keep the arrival date, the nights and whether the guest checked in.",
            "booking",
            "guest_checked_in",
        ),
        ("A ticket has a price, a seat and whether it must be printed.", "ticket", "must_print"),
        ("A client has an email and whether they are a corporate client.", "client", "is_corporate"),
        ("Each course has a title and whether it needs a projector.", "course", "needs_projector"),
        # a linking verb names the state after it, "comes with" names a having
        ("A flat has a unit number. Agents record whether it comes furnished.", "flat", "furnished"),
        ("A parcel has a barcode and a weight. We note whether it arrives damaged.", "parcel", "damaged"),
        ("A bike has a frame number and a colour. We record whether it goes missing.", "bike", "missing"),
        ("A room has a number and a floor. We note whether it comes with a balcony.", "room", "has_balcony"),
    ],
)
def test_a_whether_clause_is_one_boolean_column(text: str, entity: str, column: str) -> None:
    model = _model(text)
    owner = model.entity(entity)
    assert owner is not None, [e.name for e in model.entities]
    kinds = {a.name: a.kind for a in owner.attributes}
    assert kinds.get(column) is Kind.BOOLEAN, kinds


@pytest.mark.parametrize(
    ("text", "not_an_entity"),
    [
        ("For every tenant we keep a name and whether they own a car.", "car"),
        ("Each course has a title and whether it needs a projector.", "projector"),
    ],
)
def test_nouns_inside_the_clause_are_not_things(text: str, not_an_entity: str) -> None:
    assert _model(text).entity(not_an_entity) is None


def test_a_choice_between_two_nouns_is_no_flag() -> None:
    model = _model("A payment has an amount and whether it is a refund or a charge.")
    payment = model.entity("payment")
    assert payment is not None
    assert not [a for a in payment.attributes if a.kind is Kind.BOOLEAN]


def test_a_flag_saying_belongs_to_the_thing_that_has_the_flag() -> None:
    model = _model("Each boat has a length, a name and a flag saying whether it can sail at night.")
    assert model.entity("flag") is None
    boat = model.entity("boat")
    assert boat is not None and any(a.kind is Kind.BOOLEAN for a in boat.attributes)


@pytest.mark.parametrize(
    ("text", "owner", "flag"),
    [
        (
            "For every storage unit we store the size and whether it is climate controlled.",
            "storage_unit",
            "climate_controlled",
        ),
        (
            "For every venue we record the name and whether it is wheelchair accessible.",
            "venue",
            "wheelchair_accessible",
        ),
        (
            "A meeting room has a name, a capacity and whether it is air conditioned.",
            "meeting_room",
            "air_conditioned",
        ),
        ("Each cottage has a rent and whether it is dog friendly.", "cottage", "dog_friendly"),
    ],
)
def test_a_bare_noun_before_the_state_is_part_of_the_flag(text: str, owner: str, flag: str) -> None:
    from tests.domain.patterns._helpers import attribute_kinds, data_spec, model_of

    assert attribute_kinds(model_of(data_spec(text)), owner).get(flag) is Kind.BOOLEAN


def test_a_state_with_its_own_phrase_keeps_its_one_word() -> None:
    from tests.domain.patterns._helpers import attribute_names, data_spec, model_of

    names = attribute_names(
        model_of(data_spec("For every dog we keep the name and whether it is friendly with other dogs.")),
        "dog",
    )
    assert "friendly" in names
