"""Semantic kinds the lexicon gives attribute names: each entry of lexicon.yaml is pinned by an example."""

from __future__ import annotations

import pytest

from schemawright.domain.lexicon import load_lexicon
from schemawright.domain.model import Kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("season_number", Kind.INTEGER),
        ("shirt_number", Kind.INTEGER),
        ("phone_number", Kind.PHONE),
        ("licence_number", Kind.IDENTIFIER),
        ("year_of_construction", Kind.YEAR),
        ("floor", Kind.INTEGER),
        ("monthly_rent", Kind.MONEY),
        ("per_km_rate", Kind.MONEY),
        ("salary_minimum", Kind.MONEY),
        ("tax_rate", Kind.PERCENTAGE),
        ("last_day", Kind.DATE),
        ("opening_day", Kind.DATE),
        ("pickup_deadline", Kind.TIMESTAMP),
        ("deadline", Kind.TIMESTAMP),
        ("volume", Kind.DECIMAL),
        ("wind_speed", Kind.DECIMAL),
        ("water_level", Kind.DECIMAL),
        ("volume_number", Kind.INTEGER),  # a place in a sequence, not a measure
        ("monthly_income", Kind.MONEY),
        ("tip", Kind.MONEY),
        ("vintage", Kind.INTEGER),
        ("calories", Kind.INTEGER),
        ("mileage", Kind.INTEGER),
        ("odometer_reading", Kind.INTEGER),
        ("abv", Kind.DECIMAL),
        ("weekday", Kind.INTEGER),
        ("dock_number", Kind.INTEGER),
        ("par", Kind.INTEGER),
        ("handicap_index", Kind.DECIMAL),
        ("amount_refunded", Kind.MONEY),  # money, not a "refunded" flag
        ("cash_taken", Kind.MONEY),
        ("price_per_bag", Kind.MONEY),
        ("prize_pool", Kind.MONEY),
        ("commission", Kind.MONEY),
        ("needs_ladder", Kind.BOOLEAN),
        ("forklift_certified", Kind.BOOLEAN),
        ("newsletter_opt_in", Kind.BOOLEAN),
        ("notice_weeks", Kind.DURATION),
        ("days_to_germination", Kind.DURATION),
        ("quantity_spoiled", Kind.COUNT),
        ("quantity_unit", Kind.ENUM),  # no count: the unit the quantity is in
        ("visits_remaining", Kind.COUNT),
        ("min_guests", Kind.COUNT),
        ("min_temperature", Kind.DECIMAL),
        ("moisture", Kind.DECIMAL),
        ("client_ip", Kind.IP_ADDRESS),
        ("ip_address", Kind.IP_ADDRESS),
    ],
)
def test_name_kind(name: str, kind: Kind) -> None:
    assert load_lexicon().kind_for_name(name) is kind


def test_a_bound_takes_the_kind_of_what_it_bounds() -> None:
    lexicon = load_lexicon()
    assert lexicon.kind_for_name("max_temperature") is lexicon.kind_for_name("temperature")
    assert lexicon.kind_for_name("max_price") is Kind.MONEY
    assert lexicon.kind_for_name("max_runners") is Kind.COUNT


@pytest.mark.parametrize("name", ["weekday", "day", "notice_days"])
def test_a_weekday_a_bare_day_and_a_number_of_days_are_no_calendar_day(name: str) -> None:
    assert load_lexicon().kind_for_name(name) is not Kind.DATE


def test_a_bare_number_takes_the_kind_of_its_owners_number() -> None:
    from tests.domain.patterns._helpers import attribute_kinds, model_of

    model = model_of(
        "# Quiz\n\nEach round has a number and a theme. Each invoice has a number and a total. "
        "Each round has a time limit. Each invoice has a due date.\n"
    )
    assert attribute_kinds(model, "round").get("number") is Kind.INTEGER
    assert attribute_kinds(model, "invoice").get("number") is Kind.IDENTIFIER


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("date_of_hire", Kind.DATE),
        ("date_of_last_inspection", Kind.DATE),
        ("date_of_birth", Kind.DATE),
        ("time_of_landing", Kind.TIMESTAMP),
        ("moment_of_impact", Kind.TIMESTAMP),
        ("time_of_day", Kind.TIME),  # a clock time, not a moment
    ],
)
def test_date_of_and_time_of_name_a_day_and_a_moment(name: str, kind: Kind) -> None:
    assert load_lexicon().kind_for_name(name) is kind


def test_a_date_elsewhere_in_a_name_is_no_date() -> None:
    assert load_lexicon().kind_for_name("update_of_policy") is not Kind.DATE


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("average_stars", Kind.DECIMAL),  # stars alone are a whole-number rating
        ("avg_wait_minutes", Kind.DECIMAL),  # minutes alone are a whole-number duration
        ("mean_guest_count", Kind.DECIMAL),
        ("median_fare", Kind.MONEY),  # an average of money is money
        ("average_discount_percentage", Kind.PERCENTAGE),
    ],
)
def test_an_average_holds_fractions(name: str, kind: Kind) -> None:
    assert load_lexicon().kind_for_name(name) is kind


def test_a_word_that_only_starts_like_average_is_no_average() -> None:
    assert load_lexicon().kind_for_name("meaning") is not Kind.DECIMAL


@pytest.mark.parametrize(
    "name", ["payload_tonnes", "wing_span_ft", "water_temp_f", "boat_length_m", "max_pressure_bar", "pool_ha"]
)
def test_a_name_ending_in_a_unit_is_a_measured_decimal(name: str) -> None:
    assert load_lexicon().kind_for_name(name) is Kind.DECIMAL


@pytest.mark.parametrize(
    ("name", "kind"), [("battery_pct", Kind.PERCENTAGE), ("moisture_pct", Kind.PERCENTAGE)]
)
def test_pct_is_a_percentage(name: str, kind: Kind) -> None:
    assert load_lexicon().kind_for_name(name) is kind


@pytest.mark.parametrize("name", ["loop_count", "sku", "colour"])
def test_a_name_without_a_unit_ending_is_no_measured_decimal(name: str) -> None:
    assert load_lexicon().kind_for_name(name) is not Kind.DECIMAL


@pytest.mark.parametrize("name", ["labour_hours", "flight_hours", "overtime_hours"])
def test_a_number_of_hours_holds_fractions(name: str) -> None:
    assert load_lexicon().kind_for_name(name) is Kind.DECIMAL


@pytest.mark.parametrize(
    ("name", "kind"), [("office_hours", None), ("visiting_hours", None), ("wait_minutes", Kind.DURATION)]
)
def test_a_schedule_of_hours_and_whole_minutes_are_no_decimal(name: str, kind: Kind | None) -> None:
    assert load_lexicon().kind_for_name(name) is kind


def test_a_value_in_hours_is_a_decimal_and_one_in_minutes_a_whole_duration() -> None:
    from tests.domain.patterns._helpers import attribute_kinds, model_of

    model = model_of(
        "# Jobs\n\nEach repair job has a title, an effort in hours and a setup in minutes. "
        "Each shift has a break in hours.\n"
    )
    assert attribute_kinds(model, "repair_job").get("effort_hours") is Kind.DECIMAL
    assert attribute_kinds(model, "repair_job").get("setup_minutes") is Kind.DURATION
