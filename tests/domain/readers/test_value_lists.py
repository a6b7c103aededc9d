"""Value lists laid out as markdown: a heading over a list, a table whose first column is the value, a
sentence ending in a colon over a list. Examples written for this test."""

from __future__ import annotations

import pytest

from tests.domain.patterns._helpers import model_of

_THING = "# Permits\n\n## Data\n\nEach permit has a number, an address and a status.\n\n"


def _values(text: str) -> list[str]:
    model = model_of(_THING + text)
    permit = model.entity("permit")
    assert permit is not None, [e.name for e in model.entities]
    return next((a.enum_values for a in permit.attributes if a.name == "status"), [])


@pytest.mark.parametrize(
    "text",
    [
        "### Permit statuses\n\n- `draft` — still being filled in\n- `issued` — valid\n"
        "- `revoked` — withdrawn\n",
        "| Status | Meaning |\n|---|---|\n| draft | still being filled in |\n| issued | valid |\n"
        "| revoked | withdrawn |\n",
        "The status of a permit is one of the following:\n\n1. Draft\n2. Issued\n3. Revoked\n",
        "### Status values\n\n- **Draft**: still being filled in\n- **Issued**: valid\n"
        "- **Revoked**: withdrawn\n",
    ],
)
def test_a_value_list_laid_out_in_markdown_gives_the_values(text: str) -> None:
    assert _values(text) == ["draft", "issued", "revoked"]


def test_a_heading_over_statements_is_no_value_list() -> None:
    text = (
        "### Permit statuses\n\n- The clerk must review every permit within ten days.\n"
        "- Applicants are told when anything changes.\n"
    )
    assert _values(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "- Permit status: draft → issued → revoked.\n",
        "- Permit status is one of: draft, issued, revoked.\n",
        "Permit status moves through draft, issued and revoked; a copy is kept.\n",
    ],
)
def test_a_sentence_naming_the_status_then_its_values(text: str) -> None:
    assert _values(text) == ["draft", "issued", "revoked"]


def test_a_type_named_with_its_owner_goes_to_whatever_holds_that_value() -> None:
    model = model_of(
        "# Gardens\n\n## Data\n\nEach bed has a code and a bed type.\n\n"
        "- Bed types: raised, sunken, wicking.\n"
    )
    bed = model.entity("bed")
    assert bed is not None
    bed_type = next(a for a in bed.attributes if a.name == "bed_type")
    assert bed_type.enum_values == ["raised", "sunken", "wicking"]


def test_a_label_over_words_that_are_not_values_lists_nothing() -> None:
    model = model_of("# Permits\n\nEach permit has a status.\n\n- Permit status: see the appendix.\n")
    permit = model.entity("permit")
    assert permit is not None
    assert all(not a.enum_values for a in permit.attributes)


def test_a_status_named_with_a_shorter_owner_goes_to_that_thing_and_makes_no_new_one() -> None:
    model = model_of(
        "# Workshop\n\n## Data\n\nEach job card has a number and a status.\n\n"
        "- Job status: open, waiting, done.\n"
    )
    assert [e.name for e in model.entities] == ["job_card"]
    status = next(a for a in model.entities[0].attributes if a.name == "status")
    assert status.enum_values == ["open", "waiting", "done"]
