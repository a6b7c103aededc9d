"""A definition that counts the other side as many ("home to many ringers", "the base for several vans")
says each of the many refers to the defined thing, not the other way round; when the other side also says
it has many of the defined thing, the pair is a many-to-many. One counted ("one call-out of one inspector")
and bare plurals ("working at events") read as before. Examples written for this test."""

from __future__ import annotations

from schemawright.domain.model import Cardinality
from tests.domain.patterns._helpers import links, model_of

GLOSSARY = """# Spec

## Glossary

- **Tower**: a church tower that is home to many ringers.
- **Ringer**: a person who rings, with a name and an email.
- **Depot**: the base for several vans, with an address.
- **Van**: a vehicle with a registration and a capacity.
- **Studio**: a room with a name, the workplace of many engineers.
- **Engineer**: a staff member with a name and a phone number.
"""


def test_the_counted_many_refer_to_the_defined_thing() -> None:
    found = links(model_of(GLOSSARY))
    assert found == [("engineer", "studio"), ("ringer", "tower"), ("van", "depot")]


def test_many_counted_on_both_sides_is_a_many_to_many() -> None:
    model = model_of(
        "# Spec\n\n## Glossary\n\n"
        "- **Inspector**: a staff member with a name, licensed for several boiler types; a boiler type has "
        "many licensed inspectors.\n"
        "- **Boiler Type**: a model of boiler with a maker and a code.\n"
        "- **Visit**: one call-out of one inspector, with a date.\n"
    )
    kinds = {(r.child, r.parent): r.cardinality for r in model.relationships}
    pair = next(k for k in kinds if set(k) == {"boiler_type", "inspector"})
    assert kinds[pair] is Cardinality.MANY_TO_MANY
    assert kinds[("visit", "inspector")] is Cardinality.MANY_TO_ONE


def test_a_bare_plural_in_a_definition_stays_a_many_to_many() -> None:
    model = model_of(
        "# Spec\n\n## Glossary\n\n- **Volunteer**: a helper with a name, working at events.\n"
        "- **Event**: a fundraiser with a title and a date.\n"
    )
    assert [(r.child, r.parent, r.cardinality) for r in model.relationships] == [
        ("volunteer", "event", Cardinality.MANY_TO_MANY)
    ]
