"""A glossary definition whose defining noun has an "of" complement ("a replacement of a brake or gear
cable on a Bike") still has one defining noun: the complement is no second one, so the phrases on the
defining noun name what the defined entity refers to. A definition that lists values ("position and
instruction text within a Recipe") still lists them. Examples written for this test."""

from __future__ import annotations

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
