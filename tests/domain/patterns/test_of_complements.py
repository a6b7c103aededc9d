""""date of birth", "country of origin": a value noun completed by a bare noun is one name, read from the
surface even when the parser hangs the of-phrase on another item of the list. Examples written for this
test."""

from __future__ import annotations

from tests.domain.patterns._helpers import attribute_names, model_of


def test_of_phrase_hung_on_the_previous_item() -> None:
    model = model_of(
        "# Club\n\nRiders have a unique licence; we also record real name, country and date of birth.\n"
    )
    names = attribute_names(model, "rider")
    assert "date" not in names and any(n in names for n in ("date_of_birth", "birth_date"))


def test_country_of_origin_after_a_list() -> None:
    model = model_of("# Wine\n\nFor each wine we keep the label, the vintage and the country of origin.\n")
    names = attribute_names(model, "wine")
    assert "country" not in names and any("origin" in n for n in names)


def test_of_the_thing_names_the_owner_not_a_complement() -> None:
    model = model_of("# Loans\n\nA loan has a due date. We record the date of the loan.\n")
    assert "date_of_loan" not in attribute_names(model, "loan")
