"""The resolver's kind decision for one attribute: declared type and name together.
Examples written for this test, not taken from any corpus."""

from __future__ import annotations

import pytest

from schemawright.domain.facts import AttributeFact, Provenance
from schemawright.domain.lexicon import load_lexicon
from schemawright.domain.model import Kind
from schemawright.domain.resolve import Resolver


def _kind(name: str, declared: str | None = None) -> Kind:
    fact = AttributeFact(
        prov=Provenance(rule="test", origin="structured"), entity="thing", name=name, declared_type=declared
    )
    return Resolver(load_lexicon()).kind(fact)


@pytest.mark.parametrize(
    ("name", "declared"),
    [
        ("quantity", "DECIMAL(10,2)"),  # hours billed on an invoice line
        ("max_wind_speed", "numeric(5,1)"),
        ("stock", "float"),  # litres of milk in a tank
        ("duration_minutes", "double precision"),
    ],
)
def test_a_declared_type_with_fractions_keeps_a_whole_number_name_decimal(name: str, declared: str) -> None:
    assert _kind(name, declared) is Kind.DECIMAL


@pytest.mark.parametrize(
    ("name", "declared", "kind"),
    [
        ("quantity", "DECIMAL(10,0)", Kind.COUNT),  # scale 0: whole units
        ("quantity", "number", Kind.COUNT),  # TypeScript's number says nothing about fractions
        ("unit_price", "DECIMAL(10,2)", Kind.MONEY),  # money is no whole number: refined as before
    ],
)
def test_a_type_that_says_nothing_about_fractions_lets_the_name_decide(
    name: str, declared: str, kind: Kind
) -> None:
    assert _kind(name, declared) is kind


@pytest.mark.parametrize(
    ("name", "declared", "kind"),
    [
        ("urgency", "1 | 2 | 3", Kind.INTEGER),
        ("stars", "1 | 2 | 3 | 4 | 5", Kind.RATING),
        ("priority", "0 | 1 | 2", Kind.INTEGER),  # a priority name alone would be a value list
        ("strength", "0.5 | 1 | 1.5", Kind.DECIMAL),
    ],
)
def test_a_union_of_number_literals_is_a_number(name: str, declared: str, kind: Kind) -> None:
    assert _kind(name, declared) is kind


def test_a_union_of_words_is_no_number() -> None:
    assert _kind("urgency", "'low' | 'high'") is not Kind.INTEGER


@pytest.mark.parametrize(
    ("name", "declared"),
    [
        ("tank_volume_l", "Int"),  # Prisma: whole litres, as declared
        ("relative_humidity_pct", "smallint"),
        ("cable_length_m", "INTEGER"),
    ],
)
def test_a_declared_integer_keeps_a_measured_name_whole(name: str, declared: str) -> None:
    assert _kind(name, declared) is Kind.INTEGER


def test_a_declared_integer_money_name_is_still_money() -> None:
    assert _kind("deposit", "int") is Kind.MONEY


@pytest.mark.parametrize(
    ("name", "declared", "kind"),
    [
        ("launch_at", "timestamp", Kind.TIMESTAMP),  # "planned launch time (sunrise or sunset)"
        ("opens_on", "date", Kind.DATE),
        ("is_hot", "boolean", Kind.BOOLEAN),
    ],
)
def test_a_declared_moment_date_or_flag_takes_no_value_list_from_its_notes(
    name: str, declared: str, kind: Kind
) -> None:
    fact = AttributeFact(
        prov=Provenance(rule="test", origin="structured"),
        entity="thing",
        name=name,
        declared_type=declared,
        kind=Kind.ENUM,
        enum_values=["sunrise", "sunset"],
    )
    assert Resolver(load_lexicon()).kind(fact) is kind


def test_a_javascript_date_named_as_a_moment_is_a_moment_and_a_day_stays_a_day() -> None:
    assert _kind("shipped_at", "Date") is Kind.TIMESTAMP
    assert _kind("due_date", "Date") is Kind.DATE


def test_free_text_written_in_the_plural_is_text_not_a_list() -> None:
    fact = AttributeFact(
        prov=Provenance(rule="test", origin="prose"),
        entity="stay",
        name="feeding_instruction",
        kind=Kind.LIST,
    )
    assert Resolver(load_lexicon()).kind(fact) is Kind.LONG_TEXT
