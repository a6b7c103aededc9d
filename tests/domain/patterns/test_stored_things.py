"""What a system keeps, read whole: the things it stores with the fields listed after them, lists whose
items carry modifiers of any word class, a with-phrase on a participle, and roles to the same entity.
The sentences were written for these tests."""

from __future__ import annotations

from tests.domain.patterns._helpers import attribute_names, links, model_of, role_links


def test_things_stored_with_a_parenthesised_field_list() -> None:
    model = model_of("The system keeps guests (name, short bio, website).")
    assert attribute_names(model, "guest") == ["name", "bio", "website"]


def test_people_recording_things_with_their_fields() -> None:
    model = model_of("Staff must record deliveries (supplier, delivery date, invoice number).")
    assert attribute_names(model, "delivery") == ["supplier", "delivery_date", "invoice_number"]


def test_a_value_list_after_a_state_is_still_an_enum() -> None:
    model = model_of("Parcels have a weight. The system stores parcel statuses (open, closed).")
    assert [e.name for e in model.entities] == ["parcel"]
    status = next(a for a in model.entities[0].attributes if a.name == "status")
    assert status.enum_values == ["open", "closed"]


def test_a_with_phrase_on_a_participle_describes_the_noun_it_modifies() -> None:
    model = model_of("The system keeps kennels belonging to a shelter with a size and a daily rate.")
    assert attribute_names(model, "kennel") == ["size", "daily_rate"]


def test_two_roles_to_one_entity_are_two_links() -> None:
    model = model_of(
        "The planner keeps ferry crossings with a departure port, an arrival port and a sailing date. "
        "Ports have a name and a country."
    )
    links = role_links(model)
    assert links == [
        ("ferry_crossing", "port", "arrival_port"),
        ("ferry_crossing", "port", "departure_port"),
    ]


def test_list_items_keep_modifiers_the_tagger_reads_as_other_words() -> None:
    # "away" is read as a preposition, "kick-off" as a verb: both modify the noun after them
    model = model_of("Each fixture records a venue, the away side, a kick-off time and a round number.")
    assert attribute_names(model, "fixture") == ["venue", "away_side", "kick_off_time", "round_number"]


def test_one_per_scope_is_not_a_single_parent() -> None:
    model = model_of(
        "Every crew works one shift per day. Crews have a name. Shifts have a start time. Days have a date."
    )
    assert not [r for r in model.relationships if r.child == "crew" and r.parent == "shift"]


def test_a_records_verb_before_a_bare_plural_is_the_verb() -> None:
    # the tagger alone reads "library stores" as one noun and "books" as the verb
    model = model_of("The library stores books with a title and a publication year.")
    assert attribute_names(model, "book") == ["title", "publication_year"]


def test_one_per_period_is_many_over_time() -> None:
    model = model_of(
        "Every week each crew gets a rota. Rotas have a start date and a note. Crews have a name."
    )
    assert [(r.child, r.parent) for r in model.relationships] == [("rota", "crew")]


def test_a_flag_noted_for_each_thing_in_another_belongs_to_the_pairing() -> None:
    model = model_of(
        "A costume is made up of garments. Garments have a size. "
        "For each garment in a costume we note whether it needs alterations for that costume."
    )
    assert attribute_names(model, "costume_garment") == ["needs_alterations"]
    assert "needs_alterations" not in attribute_names(model, "garment")


def test_the_pairing_is_read_from_the_surface_when_the_parser_hangs_it_on_the_verb() -> None:
    # "on a menu" is attached to "note", not to "dish"
    model = model_of(
        "A menu is made up of dishes. Dishes have a price. "
        "For each dish on a menu we note whether it is spicy."
    )
    assert attribute_names(model, "menu_dish") == ["spicy"]


def test_values_recorded_with_no_recorder_belong_to_the_thing_described() -> None:
    model = model_of(
        "Each parcel has a label and a barcode. The height, width and depth are recorded in centimetres."
    )
    assert attribute_names(model, "parcel") == ["height_cm", "width_cm", "depth_cm", "label", "barcode"]


def test_a_measure_recorded_in_a_unit_is_named_with_it() -> None:
    model = model_of("Every hive has a name and a location. Its weight is recorded in kilograms.")
    assert "weight_kg" in attribute_names(model, "hive")


def test_values_stored_with_a_thing_are_its_own() -> None:
    model = model_of(
        "Guests have a name and an email. Each booking has a start date and an end date. "
        "The arrival time and the room preference are stored with the booking."
    )
    assert {"arrival_time", "room_preference"} <= set(attribute_names(model, "booking"))


def test_a_rule_about_storage_names_no_value() -> None:
    model = model_of(
        "Members have a name and an email address. No password is stored anywhere. "
        "Orders have a total and a date. Orders are stored for seven years."
    )
    assert "password" not in attribute_names(model, "member")
    assert attribute_names(model, "order") == ["total", "date"]


def test_a_relative_clause_describes_the_noun_right_before_it() -> None:
    model = model_of(
        "Departments have a name, a budget and a manager who is an employee. "
        "Employees have a name, an email and a department."
    )
    links = role_links(model)
    assert links == [("department", "employee", "manager"), ("employee", "department", "")]
    assert "budget" in attribute_names(model, "department")


def test_their_values_belong_to_the_plural_thing_before_them() -> None:
    model = model_of(
        "The organiser lists the rooms we rented for an edition with their capacity. "
        "Each edition has a year and a name. Rooms have a floor."
    )
    assert "capacity" in attribute_names(model, "room")
    assert "capacity" not in attribute_names(model, "edition")


def test_two_things_naming_each_other_get_one_link() -> None:
    model = model_of(
        "Each desk has a name, a floor and a lamp. Each lamp has a colour, a wattage and a desk."
    )
    assert role_links(model) == [("desk", "lamp", "")]


def test_values_for_each_thing_another_uses_belong_to_the_pairing() -> None:
    for sentence, pairing in (
        ("For every ingredient a recipe needs, we store the quantity and the unit.", "recipe_ingredient"),
        ("For each course a student takes we record the grade.", "student_course"),
    ):
        model = model_of(
            "Recipes have a title. Ingredients have a name. Students have a name. Courses have a title. "
            + sentence
        )
        assert model.entity(pairing) is not None, sentence
        ends = sorted(r.parent for r in model.relationships if r.child == pairing)
        assert ends == sorted(pairing.split("_")), sentence


def test_values_for_each_thing_another_makes_belong_to_the_thing() -> None:
    model = model_of(
        "Clerks have a name. Reports have a title. For each report a clerk files we record the date."
    )
    assert model.entity("clerk_report") is None
    assert "date" in attribute_names(model, "report")


def test_things_named_in_the_plural_among_values_refer_to_their_holder() -> None:
    model = model_of(
        "Projects have a key and a name. Labels have a name and a colour. "
        "The tracker stores projects with short keys and labels."
    )
    assert ("label", "project") in links(model)
    assert ("project", "label") not in links(model)


def test_a_second_thing_listed_with_values_of_its_own_is_not_a_value_of_the_first() -> None:
    model = model_of(
        "Members sign up with an email. Boats have a sail number. "
        "The app keeps members with a name and an email, and boats with a name and a length."
    )
    assert not [link for link in links(model) if set(link) == {"boat", "member"}]
    assert "length" in attribute_names(model, "boat")
    assert "boat" not in attribute_names(model, "member")


def test_for_each_after_a_semicolon_opens_the_recording_clause() -> None:
    model = model_of(
        "Each keeper looks after one or more hives; for every hive we record its location, colony size and "
        "queen age.\nEach library owns many books; for every book we keep its title and its shelf mark.\n"
    )
    assert attribute_names(model, "hive") == ["location", "colony_size", "queen_age"]
    assert attribute_names(model, "book") == ["title", "shelf_mark"]
    assert not model.entity("keeper") or "location" not in attribute_names(model, "keeper")
    assert not model.entity("library") or "title" not in attribute_names(model, "library")


def test_a_relative_clause_on_a_counted_noun_stays_one() -> None:
    # no semicolon before "for": "every dog we groom" is a dog, described by the clause
    model = model_of("Groomers keep notes for every dog they groom, with a date and a text.")
    assert "dog" not in [e.name for e in model.entities] or not attribute_names(model, "dog")
