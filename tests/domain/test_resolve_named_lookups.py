"""A thing others refer to, with no values of its own and no reference of its own ("each dog belongs to one
breed"), gets a name: a table of keys alone is nothing anyone could choose from. The guess is listed among
the assumptions. Things with values, things that refer to others, and accounts are left as they are.
Examples written for this test."""

from __future__ import annotations

import pytest

from schemawright.domain.model import Kind
from tests.domain.patterns._helpers import attribute_kinds, attribute_names, model_of


@pytest.mark.parametrize(
    ("text", "lookup"),
    [
        (
            "## Key Entities\n\n- **Breed**: a recognised kind of dog.\n"
            "- **Dog**: a pet with a name and a date of birth; it belongs to one breed.\n",
            "breed",
        ),
        (
            "## Key Entities\n\n- **Genre**: a style of music.\n"
            "- **Album**: a record with a title and a release date; it is filed under one genre.\n",
            "genre",
        ),
        (
            "Each ticket is raised against one product. Products are listed on the help page, and a product "
            "can have many tickets. A ticket has a subject and a status.\n",
            "product",
        ),
    ],
)
def test_a_referred_thing_without_values_gets_a_name(text: str, lookup: str) -> None:
    model = model_of(f"# Spec\n\n{text}")
    assert attribute_kinds(model, lookup) == {"name": Kind.NAME}
    assert any(f"'{lookup}' is referred to" in a.text for a in model.assumptions), model.assumptions


def test_things_with_values_references_or_accounts_get_no_name() -> None:
    model = model_of(
        "# Spec\n\n## Key Entities\n\n- **Kennel Club**: an association with a website and a country.\n"
        "- **Dog**: a pet with a microchip number; it is registered with one kennel club.\n"
        "- **Like**: one member's like of one post.\n"
        "- **Member**: a person with a display name and an email.\n"
        "- **Post**: a message with a body, written by one user.\n"
    )
    assert attribute_names(model, "kennel_club") == ["website", "country"]
    assert "name" not in attribute_names(model, "like")
    assert model.entity("user") is None or "name" not in attribute_names(model, "user")
    assert not any("is referred to but" in a.text for a in model.assumptions)
