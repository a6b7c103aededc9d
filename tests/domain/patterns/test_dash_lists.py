"""A list between dashes after a thing the spec talks about gives it values, also when the spec introduces
it by a longer name ("a new conference edition — name, year …", "edition" everywhere else). An exam's
"write down the relational schema — primary keys, foreign keys …" is no table. Examples written for this
test."""

from __future__ import annotations

from tests.domain.patterns._helpers import attribute_names, model_of


def test_a_dash_list_after_a_longer_name_for_a_known_thing() -> None:
    model = model_of(
        "# Fairs\n\n"
        "1. As an organiser, I want to set up a new trade fair edition — name, year, host city and opening "
        "day — so that exhibitors can apply.\n"
        "2. As an exhibitor, I want to apply for an edition, so that I get a stand.\n"
        "3. As a visitor, I want to see each edition's halls, so that I can plan my day.\n"
    )
    names = {n for e in model.entities for n in attribute_names(model, e.name)}
    assert {"name", "year", "host_city"} <= names


def test_the_relational_schema_an_exercise_asks_for_is_no_table() -> None:
    model = model_of(
        "# Exercise\n\nA museum keeps objects. Each object has an inventory number and a title.\n\n"
        "Write down the relational schema — primary keys, foreign keys and check constraints — and explain "
        "how the schema enforces the rules.\n"
    )
    assert model.entity("relational_schema") is None
    assert model.entity("object") is not None
