"""Round-6 rules (issue 3): subjects cut at their first verb, single-attribute entities, time buckets in
per-pair facts, uniqueness within a parent, parts owned by their whole, opening and closing times. Each
sentence is written for its test."""

from __future__ import annotations

from schemawright.domain.analyze import analyze
from schemawright.domain.model import DomainModel
from schemawright.spec.parser import parse_spec


def _model(text: str) -> DomainModel:
    return analyze(parse_spec(text), "t", "t")


def _spec(*lines: str) -> str:
    return "# t\n\n## Requirements\n\n" + "\n".join(f"- {line}" for line in lines) + "\n"


def test_has_subject_stops_at_an_earlier_predicate() -> None:
    model = _model(
        _spec(
            "A bakery has a name and a city.",
            "A baker belongs to one bakery and has a full name and a licence number.",
        )
    )
    assert sorted(e.name for e in model.entities) == ["baker", "bakery"]
    baker = model.entity("baker")
    assert baker is not None and {"full_name", "licence_number"} <= {a.name for a in baker.attributes}
    assert any(r.child == "baker" and r.parent == "bakery" for r in model.relationships)


def test_subject_stops_at_a_verb_with_a_preposition() -> None:
    model = _model(
        _spec(
            "A depot has a code and a town.",
            "A courier drives for one depot and has a van number and a shift.",
        )
    )
    assert not [e.name for e in model.entities if "drives" in e.name]
    assert model.entity("courier") is not None


def test_short_subject_with_one_attribute_is_an_entity_and_assumed() -> None:
    model = _model(_spec("A cabin class has a label.", "A seat map has a version and a layout."))
    cabin = model.entity("cabin_class")
    assert cabin is not None and [a.name for a in cabin.attributes] == ["label"]
    assert any("cabin class" in a.text and "single attribute" in a.text for a in model.assumptions)


def test_pronoun_or_long_subject_with_one_attribute_is_not_an_entity() -> None:
    model = _model(_spec("It has a label.", "The big blue rental van has a plate."))
    assert [e.name for e in model.entities] == []


def test_per_pair_time_buckets_are_columns_not_entities() -> None:
    model = _model(
        _spec(
            "A gym has a name and a city.",
            "A member has a full name and a card number.",
            "Visit totals: for each member on each month we keep the visit count; there is exactly one visit "
            "total per member and month.",
            "Door counts: for each gym in each hour we keep the entries.",
            "Yearly fees: for each member in each year we keep the fee paid.",
        )
    )
    names = {e.name for e in model.entities}
    assert not names & {"month", "hour", "year", "week", "day", "date"}
    totals = model.entity("visit_total")
    assert totals is not None and totals.attribute("month") is not None
    assert any(u.entity == "visit_total" and set(u.attributes) == {"member", "month"} for u in model.uniques)
    door = model.entity("door_count")
    assert door is not None and door.attribute("hour") is not None
    fees = model.entity("yearly_fee")
    assert fees is not None and fees.attribute("year") is not None
    assert {(r.child, r.parent) for r in model.relationships} >= {
        ("visit_total", "member"),
        ("door_count", "gym"),
        ("yearly_fee", "member"),
    }


def test_no_two_with_the_same_name_in_the_same_container_is_a_composite_unique() -> None:
    model = _model(
        _spec(
            "A recipe box has a name and a colour.",
            "A recipe card belongs to one recipe box and has a name and a body.",
            "There can be no two recipe cards with the same name in the same recipe box.",
        )
    )
    assert any(u.entity == "recipe_card" and u.attributes == ["recipe_box", "name"] for u in model.uniques)
    assert any("unique within its recipe_box" in a.text for a in model.assumptions)


def test_names_unique_within_their_parent_on_a_self_reference() -> None:
    model = _model(
        _spec(
            "A shelf has a label and a height. A shelf can contain sub-shelves.",
            "Shelf labels are unique within their parent shelf.",
        )
    )
    links = [r for r in model.relationships if r.child == "shelf" and r.parent == "shelf"]
    assert links, model.relationships
    link = links[0].role or "shelf"
    assert any(u.entity == "shelf" and u.attributes == [link, "label"] for u in model.uniques)


def _owned(model: DomainModel, child: str, parent: str) -> bool:
    return any(
        r.child == child and r.parent == parent and r.ownership == "owned" for r in model.relationships
    )


def test_whole_that_consists_of_parts_owns_them_and_cascades() -> None:
    from schemawright.design.relational import design_relational

    model = _model(
        _spec(
            "A voyage has a code and a ship name.",
            "A voyage consists of port calls; a port call has a port name and an arrival time.",
        )
    )
    assert _owned(model, "port_call", "voyage")
    design, _ = design_relational(model, "postgresql")
    table = next(t for t in design.tables if t.name == "port_calls")
    fk = next(f for f in table.foreign_keys if f.ref_table == "voyages")
    assert fk.on_delete == "CASCADE"


def test_parts_named_as_parts_of_a_whole_are_owned() -> None:
    model = _model(
        _spec(
            "A hike has a title and a region.",
            "A hike leg has a distance and a start point.",
            "A hike leg is a section of a hike.",
        )
    )
    assert _owned(model, "hike_leg", "hike")


def test_child_ordered_within_its_parent_is_owned() -> None:
    model = _model(
        _spec(
            "A playlist has a title and a mood.",
            "A playlist slot belongs to one playlist and has a track name and a position within the "
            "playlist.",
        )
    )
    assert _owned(model, "playlist_slot", "playlist")


def test_several_parts_of_a_whole_and_plural_of_are_owned_but_references_stay() -> None:
    model = _model(
        _spec(
            "A tour has a title and a guide name.",
            "Each tour has several stops; a stop has a place name and a position.",
            "A customer has a name and an email.",
            "An order belongs to one customer and has a total and a placed date.",
            "Staff can list the orders of a customer.",
        )
    )
    assert _owned(model, "stop", "tour")
    assert not _owned(model, "order", "customer")


def test_opens_and_closes_at_a_clock_time_are_time_attributes() -> None:
    from schemawright.domain.model import Kind

    model = _model(
        _spec(
            "A library branch has a name and an address. A library branch opens at 9:00 and closes at 17:30."
        )
    )
    branch = model.entity("library_branch")
    assert branch is not None
    opens, closes = branch.attribute("opens_at"), branch.attribute("closes_at")
    assert opens is not None and opens.kind is Kind.TIME
    assert closes is not None and closes.kind is Kind.TIME
    assert any("opens_at" in a.text for a in model.assumptions)


def test_opens_without_a_clock_time_adds_nothing() -> None:
    model = _model(_spec("A kiosk has a name and a location. A kiosk opens at the start of the season."))
    kiosk = model.entity("kiosk")
    assert kiosk is not None and kiosk.attribute("opens_at") is None
