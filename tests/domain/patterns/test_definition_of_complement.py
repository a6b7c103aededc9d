"""A glossary definition whose defining noun has an "of" complement ("a replacement of a brake or gear
cable on a Bike") still has one defining noun: the complement is no second one, so the phrases on the
defining noun name what the defined entity refers to. A definition that lists values ("position and
instruction text within a Recipe") still lists them. Things a definition places on the defined thing by a
pronoun ("a floating walkway with berths along it") refer to it. Examples written for this test."""

from __future__ import annotations

import pytest

from tests.domain.patterns._helpers import attribute_names, links, model_of

_GLOSSARY = """# Works

## Glossary

- **Kitchen**: a room we refit, with a floor area.
- **Depot**: a warehouse with an address.
- **Bike**: a bicycle with a frame number.
- **Recipe**: a dish with a title.
- **Repair**: a replacement of a brake or gear cable on a Bike.
- **Fitting**: an installation of a hot or cold tap in a Kitchen.
- **Delivery**: a drop of a pallet or parcel at a Depot.
- **Step**: position and instruction text within a Recipe.
"""


def test_the_of_complement_of_a_defining_noun_is_no_second_defining_noun() -> None:
    found = links(model_of(_GLOSSARY))
    assert {("repair", "bike"), ("fitting", "kitchen"), ("delivery", "depot")} <= set(found)


def test_a_definition_that_lists_values_still_lists_them() -> None:
    model = model_of(_GLOSSARY)
    assert {"position", "instruction_text"} <= set(attribute_names(model, "step"))
    assert ("step", "recipe") in links(model)


def test_things_placed_on_the_defined_thing_refer_to_it() -> None:
    model = model_of(
        "# Yard\n\n## Glossary\n\n"
        "- **Berth**: a numbered mooring place with a length and a width.\n"
        "- **Pontoon**: a floating walkway with berths along it.\n"
        "- **Jar**: a glass container with a label and a volume.\n"
        "- **Shelf**: a wooden board with jars on it.\n"
        "- **Bike**: a bicycle with a frame number.\n"
        "- **Rack**: a metal frame with bikes in it.\n"
        "- **Song**: a recording with a title.\n"
        "- **Playlist**: a named list with songs.\n"
    )
    found = set(links(model))
    assert {("berth", "pontoon"), ("jar", "shelf"), ("bike", "rack")} <= found
    assert ("song", "playlist") not in found  # no pronoun places the songs on the list


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A route has a code. A ship has a name. A sailing is a single crossing of a route by a ship at a "
            "given departure date and time. Each sailing has a status.",
            {("sailing", "route"), ("sailing", "ship")},
        ),
        (
            "A court has a number. A member has a name. A booking is a reservation of a court by a member "
            "for one hour. Each booking has a start time.",
            {("booking", "court"), ("booking", "member")},
        ),
        (
            "A bike has a frame number. A mechanic has a name. A repair is a fix of a bike by a mechanic "
            "on a given day. Each repair has a cost.",
            {("repair", "bike"), ("repair", "mechanic")},
        ),
    ],
)
def test_a_prose_definition_links_the_things_it_names_that_the_spec_talks_about(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert expected <= set(links(model_of(f"# Spec\n\n{text}\n")))
