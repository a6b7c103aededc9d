"""Having many of a thing that many owners share by nature (tags, genres, allergens, skills, amenities) is a
many-to-many with that shared list; having many of anything else is owning them. Examples written for this
test."""

from __future__ import annotations

import pytest

from schemawright.domain.model import Cardinality, DomainModel
from tests.domain.patterns._helpers import model_of


def _pairs(model: DomainModel) -> set[tuple[str, str, Cardinality]]:
    return {(r.child, r.parent, r.cardinality) for r in model.relationships}


@pytest.mark.parametrize(
    ("text", "owner", "shared"),
    [
        (
            "Each album has a title, a release year and one or more genres, and each genre has a unique "
            "name. An album is played by presenters.",
            "album",
            "genre",
        ),
        (
            "Each allergen has a code and a name, and a dish contains any number of allergens. A dish has a "
            "name and a price.",
            "dish",
            "allergen",
        ),
        (
            "A volunteer has a name, an email and several skills. Each skill has a name and a description.",
            "volunteer",
            "skill",
        ),
    ],
)
def test_many_of_a_shared_thing_is_a_many_to_many(text: str, owner: str, shared: str) -> None:
    model = model_of(f"# Feature\n\n{text}\n")
    assert (owner, shared, Cardinality.MANY_TO_MANY) in _pairs(model)


def test_several_modules_of_a_course_are_its_own() -> None:
    model = model_of(
        "# Courses\n\nA course has a title, a price and several modules. Each module has a name and a "
        "duration in minutes.\n"
    )
    assert ("module", "course", Cardinality.MANY_TO_ONE) in _pairs(model)
