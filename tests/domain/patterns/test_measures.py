"""A measurement of some material is named by the measure and its unit, not the material: "the weight of
flour in kilograms" is weight_kg. Examples written for this test, not taken from any corpus."""

from __future__ import annotations

import pytest

from schemawright.domain.model import Kind
from tests.domain.patterns._helpers import attribute_kinds, attribute_names, entity_of, model_of


def test_the_measured_material_is_left_out_and_the_unit_kept() -> None:
    model = model_of("# Bakery\n\nEach batch records the weight of flour in kilograms and a baking date.\n")
    kinds = attribute_kinds(model, "batch")
    assert kinds.get("weight_kg") is Kind.DECIMAL


def test_a_value_completed_by_a_bare_noun_is_still_one_name() -> None:
    model = model_of("# Crew\n\nEach sailor has a name and a country of origin.\n")
    assert attribute_names(model, "sailor") == ["name", "origin_country"]  # one name, as a designer writes it


def test_a_participle_between_the_measure_and_its_unit_keeps_the_unit() -> None:
    model = model_of("# Zoo\n\nEach feeding has a keeper name, a time and the amount eaten in grams.\n")
    kinds = attribute_kinds(model, "feeding")
    assert kinds.get("amount_grams") is Kind.DECIMAL, kinds


def test_a_how_question_among_recorded_values_names_one_value() -> None:
    model = model_of(
        "# Choir\n\nEach rehearsal has a venue and how often it repeats (weekly or fortnightly). "
        "A rehearsal also records how many singers it needs and how long it lasts in minutes.\n"
    )
    kinds = attribute_kinds(model, "rehearsal")
    assert kinds.get("frequency") is Kind.ENUM, kinds
    assert kinds.get("singers") is Kind.COUNT, kinds
    assert kinds.get("duration_minutes") is Kind.INTEGER, kinds
    assert "singer" not in kinds  # the counted noun is not a value of its own


def test_a_how_question_outside_a_list_of_values_names_nothing() -> None:
    model = model_of(
        "# Mailing\n\nEach reader has an email address and a first name. "
        "Readers are stored once, no matter how many newsletters they read.\n"
    )
    assert attribute_names(model, "reader") == ["email", "first_name"]


def test_a_count_of_things_is_a_value_and_never_a_link_to_them() -> None:
    model = model_of(
        "# Trips\n\nEach trip has a title, a price and the maximum number of hikers allowed. "
        "Each hiker has a name and an email. A guide leads one trip; each guide has a licence number.\n"
    )
    kinds = attribute_kinds(model, "trip")
    assert kinds.get("max_hikers") is Kind.COUNT, kinds
    assert ("trip", "hiker") not in {(r.child, r.parent) for r in model.relationships}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Each tailor records a client's name, and the hip, neck and waist in centimetres.",
            ["hip_cm", "neck_cm", "waist_cm"],
        ),
        (
            "Each parcel has a code, and its length, width and depth in millimetres.",
            ["length_mm", "width_mm", "depth_mm"],
        ),
        ("Each plot has a name and its area and slope in hectares.", ["area_hectares", "slope_hectares"]),
    ],
)
def test_a_unit_after_a_list_of_measures_applies_to_each(text: str, names: list[str]) -> None:
    model = model_of(f"# Feature\n\n{text}\n")
    kinds = {a.name: a.kind for e in model.entities for a in e.attributes}
    for name in names:
        assert kinds.get(name) is Kind.DECIMAL, kinds


def test_a_unit_after_a_list_of_non_measures_stays_with_the_last() -> None:
    model = model_of("# Feature\n\nEach parcel has a title and weight in kilograms.\n")
    assert attribute_kinds(model, "parcel") == {"title": Kind.TITLE, "weight_kg": Kind.DECIMAL}


@pytest.mark.parametrize(
    ("text", "entity", "name"),
    [
        ("Each trail has a name and the climb in whole metres.", "trail", "climb_metres"),
        ("Each paddock has a name and its size in whole hectares.", "paddock", "size_hectares"),
        ("Each lorry has a plate and its load in whole kilograms.", "lorry", "load_kg"),
    ],
)
def test_whole_units_are_an_integer(text: str, entity: str, name: str) -> None:
    assert attribute_kinds(model_of(f"# Feature\n\n{text}\n"), entity).get(name) is Kind.INTEGER


def test_units_not_said_to_be_whole_are_a_decimal() -> None:
    model = model_of("# Feature\n\nEach trail has a name and the climb in metres.\n")
    assert attribute_kinds(model, "trail").get("climb_metres") is Kind.DECIMAL


def test_a_unit_after_measures_of_their_own_kind_stays_with_the_last() -> None:
    model = model_of(
        "# Feature\n\nEach waypoint has a name, and its latitude, longitude and elevation in metres.\n"
    )
    names = attribute_names(model, "waypoint")
    assert "latitude" in names and "longitude" in names and "elevation_metres" in names


@pytest.mark.parametrize(
    ("text", "owner", "column"),
    [
        ("Each flat has a unit number and the living area in square metres.", "flat", "living_area_m2"),
        ("Each plot has a parcel code and the garden size in square feet.", "plot", "garden_size_sq_ft"),
        ("Each reserve has a name and its total area in square kilometres.", "reserve", "total_area_km2"),
    ],
)
def test_an_area_keeps_its_whole_name_and_its_square_unit(text: str, owner: str, column: str) -> None:
    kinds = attribute_kinds(model_of(f"# Areas\n\n{text}\n"), owner)
    assert kinds.get(column) is Kind.DECIMAL, kinds


@pytest.mark.parametrize(
    ("text", "owner", "column"),
    [
        ("The system stores buses with a plate, number of seats and a depot.", "bus", "seats"),
        ("Each recipe has a title, number of servings and a difficulty.", "recipe", "servings"),
        ("Every hostel room records its floor, number of beds and a nightly price.", "hostel_room", "beds"),
    ],
)
def test_a_bare_number_of_things_in_a_list_is_a_count(text: str, owner: str, column: str) -> None:
    kinds = attribute_kinds(model_of(f"# Counts\n\n{text}\n"), owner)
    assert kinds.get(column) is Kind.COUNT, kinds


def test_a_number_of_things_is_still_many() -> None:
    model = model_of("A number of volunteers help at each event. Each event has a date and a venue.")
    assert all(a.name != "volunteers" for a in entity_of(model, "event").attributes)


@pytest.mark.parametrize(
    ("text", "owner", "column", "kind"),
    [
        ("Each test records the glucose level, e.g. 5.4, and a date.", "test", "glucose_level", Kind.DECIMAL),
        ("Each tank has a name and a pressure level (two decimals).", "tank", "pressure_level", Kind.DECIMAL),
        ("Each sensor has a serial and a signal level (e.g. 42).", "sensor", "signal_level", Kind.INTEGER),
    ],
)
def test_a_number_form_after_a_value_gives_its_type(text: str, owner: str, column: str, kind: Kind) -> None:
    assert attribute_kinds(model_of(text), owner).get(column) is kind


def test_a_compound_measure_keeps_all_its_words_before_the_unit() -> None:
    model = model_of("# Couriers\n\nEach route records the driving time in minutes and a driver name.\n")
    kinds = attribute_kinds(model, "route")
    assert kinds.get("driving_time_minutes") is Kind.DURATION, kinds


def test_a_unit_in_parentheses_is_the_values_unit() -> None:
    model = model_of(
        "# Campus\n\nEvery course lists a title, its lecture time (minutes) and its lab time (in hours).\n"
    )
    kinds = attribute_kinds(model, "course")
    assert kinds.get("lecture_time_minutes") is Kind.DURATION, kinds
    assert kinds.get("lab_time_hours") is Kind.DECIMAL, kinds


def test_both_in_parentheses_gives_the_unit_to_the_two_values_before_it() -> None:
    model = model_of(
        "# Gym\n\nEach workout has a title, the warm-up time and the cool-down time (both in minutes).\n"
        "Each climb has a name, an ascent and a descent (both in whole metres).\n"
    )
    workout = attribute_kinds(model, "workout")
    assert workout.get("warm_up_time_minutes") is Kind.DURATION, workout
    assert workout.get("cool_down_time_minutes") is Kind.DURATION, workout
    assert "title" in workout  # before the pair: no unit
    climb = attribute_kinds(model, "climb")
    assert climb.get("ascent_metres") is Kind.INTEGER, climb
    assert climb.get("descent_metres") is Kind.INTEGER, climb
    assert "name" in climb
