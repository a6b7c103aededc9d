"""One subject taking part in many things that exist apart from the act ("a member can borrow many books",
"each student may attend several workshops") is many-to-many: others take part in them too. A thing the
act makes ("an author writes many books") belongs to its maker. Examples written for this test."""

from __future__ import annotations

import pytest

from tests.domain.patterns._helpers import model_of


@pytest.mark.parametrize(
    ("sentence", "cardinality"),
    [
        ("A member can borrow many books.", "many_to_many"),
        ("Each student may attend several workshops.", "many_to_many"),
        ("An author writes many books.", "many_to_one"),
    ],
)
def test_the_verb_decides_whether_the_many_are_shared(sentence: str, cardinality: str) -> None:
    model = model_of(
        "# Club\n\nMembers have a name. Students have a name. Authors have a name. Books have a title. "
        f"Workshops have a date. {sentence}\n"
    )
    assert [r.cardinality.value for r in model.relationships] == [cardinality], sentence
