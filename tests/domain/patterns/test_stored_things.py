"""What a system keeps, read whole: the things it stores with the fields listed after them, lists whose
items carry modifiers of any word class, a with-phrase on a participle, and roles to the same entity.
The sentences were written for these tests."""

from __future__ import annotations

from schemawright.domain.analyze import analyze
from schemawright.domain.model import DomainModel
from schemawright.spec.parser import parse_spec


def _model(text: str) -> DomainModel:
    return analyze(parse_spec(text + "\n"), "x", "x")


def _attrs(model: DomainModel, entity: str) -> list[str]:
    found = model.entity(entity)
    assert found is not None, [e.name for e in model.entities]
    return [a.name for a in found.attributes]


def _links(model: DomainModel) -> list[tuple[str, str, str]]:
    return sorted((r.child, r.parent, r.role) for r in model.relationships)


def test_things_stored_with_a_parenthesised_field_list() -> None:
    model = _model("The system keeps guests (name, short bio, website).")
    assert _attrs(model, "guest") == ["name", "short_bio", "website"]


def test_people_recording_things_with_their_fields() -> None:
    model = _model("Staff must record deliveries (supplier, delivery date, invoice number).")
    assert _attrs(model, "delivery") == ["supplier", "delivery_date", "invoice_number"]


def test_a_value_list_after_a_state_is_still_an_enum() -> None:
    model = _model("Parcels have a weight. The system stores parcel statuses (open, closed).")
    assert [e.name for e in model.entities] == ["parcel"]
    status = next(a for a in model.entities[0].attributes if a.name == "status")
    assert status.enum_values == ["open", "closed"]


def test_a_with_phrase_on_a_participle_describes_the_noun_it_modifies() -> None:
    model = _model("The system keeps kennels belonging to a shelter with a size and a daily rate.")
    assert _attrs(model, "kennel") == ["size", "daily_rate"]


def test_two_roles_to_one_entity_are_two_links() -> None:
    model = _model(
        "The planner keeps ferry crossings with a departure port, an arrival port and a sailing date. "
        "Ports have a name and a country."
    )
    links = _links(model)
    assert links == [
        ("ferry_crossing", "port", "arrival_port"),
        ("ferry_crossing", "port", "departure_port"),
    ]


def test_list_items_keep_modifiers_the_tagger_reads_as_other_words() -> None:
    # "away" is read as a preposition, "kick-off" as a verb: both modify the noun after them
    model = _model("Each fixture records a venue, the away side, a kick-off time and a round number.")
    assert _attrs(model, "fixture") == ["venue", "away_side", "kick_off_time", "round_number"]


def test_one_per_scope_is_not_a_single_parent() -> None:
    model = _model(
        "Every crew works one shift per day. Crews have a name. Shifts have a start time. Days have a date."
    )
    assert not [r for r in model.relationships if r.child == "crew" and r.parent == "shift"]


def test_a_records_verb_before_a_bare_plural_is_the_verb() -> None:
    # the tagger alone reads "library stores" as one noun and "books" as the verb
    model = _model("The library stores books with a title and a publication year.")
    assert _attrs(model, "book") == ["title", "publication_year"]


def test_one_per_period_is_many_over_time() -> None:
    model = _model("Every week each crew gets a rota. Rotas have a start date and a note. Crews have a name.")
    assert [(r.child, r.parent) for r in model.relationships] == [("rota", "crew")]


def test_a_flag_noted_for_each_thing_in_another_belongs_to_the_pairing() -> None:
    model = _model(
        "A costume is made up of garments. Garments have a size. "
        "For each garment in a costume we note whether it needs alterations for that costume."
    )
    assert _attrs(model, "costume_garment") == ["needs_alterations"]
    assert "needs_alterations" not in _attrs(model, "garment")


def test_the_pairing_is_read_from_the_surface_when_the_parser_hangs_it_on_the_verb() -> None:
    # "on a menu" is attached to "note", not to "dish"
    model = _model(
        "A menu is made up of dishes. Dishes have a price. "
        "For each dish on a menu we note whether it is spicy."
    )
    assert _attrs(model, "menu_dish") == ["spicy"]


def test_values_recorded_with_no_recorder_belong_to_the_thing_described() -> None:
    model = _model(
        "Each parcel has a label and a barcode. The height, width and depth are recorded in centimetres."
    )
    assert _attrs(model, "parcel") == ["height_cm", "width_cm", "depth_cm", "label", "barcode"]


def test_a_measure_recorded_in_a_unit_is_named_with_it() -> None:
    model = _model("Every hive has a name and a location. Its weight is recorded in kilograms.")
    assert "weight_kg" in _attrs(model, "hive")


def test_values_stored_with_a_thing_are_its_own() -> None:
    model = _model(
        "Guests have a name and an email. Each booking has a start date and an end date. "
        "The arrival time and the room preference are stored with the booking."
    )
    assert {"arrival_time", "room_preference"} <= set(_attrs(model, "booking"))


def test_a_rule_about_storage_names_no_value() -> None:
    model = _model(
        "Members have a name and an email address. No password is stored anywhere. "
        "Orders have a total and a date. Orders are stored for seven years."
    )
    assert "password" not in _attrs(model, "member")
    assert _attrs(model, "order") == ["total", "date"]


def test_a_relative_clause_describes_the_noun_right_before_it() -> None:
    model = _model(
        "Departments have a name, a budget and a manager who is an employee. "
        "Employees have a name, an email and a department."
    )
    links = _links(model)
    assert links == [("department", "employee", "manager"), ("employee", "department", "")]
    assert "budget" in _attrs(model, "department")


def test_their_values_belong_to_the_plural_thing_before_them() -> None:
    model = _model(
        "The organiser lists the rooms we rented for an edition with their capacity. "
        "Each edition has a year and a name. Rooms have a floor."
    )
    assert "capacity" in _attrs(model, "room")
    assert "capacity" not in _attrs(model, "edition")


def test_two_things_naming_each_other_get_one_link() -> None:
    model = _model("Each desk has a name, a floor and a lamp. Each lamp has a colour, a wattage and a desk.")
    assert _links(model) == [("desk", "lamp", "")]
