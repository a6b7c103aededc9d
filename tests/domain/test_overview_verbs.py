"""An introduction tells the story of the feature ("Owners drop off their bikes, mechanics fix them and
owners collect them"): a bare verb there links nothing. The same verb in a data section, or a stated link
("belongs to") anywhere, still does. Examples written for this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import links, model_of

ENTITIES = """
## Data

A hiker has a name and an email. A hut has a name and an altitude. A guide has a name and a licence
number. A trail has a name and a length in kilometres.
"""


def test_a_verb_in_the_introduction_links_nothing() -> None:
    model = model_of(
        "# Hut bookings\n\n## Introduction\n\nHikers choose a hut, guides lead hikers along a trail, and "
        "wardens greet them at the door.\n" + ENTITIES
    )
    found = links(model)
    pairs = {("hut", "hiker"), ("hiker", "hut"), ("hiker", "guide"), ("guide", "hiker")}
    assert not pairs & set(found), found


def test_the_same_verb_in_a_data_section_links() -> None:
    model = model_of("# Hut bookings\n" + ENTITIES + "\nEach guide leads many hikers.\n")
    assert ("hiker", "guide") in links(model)


def test_a_stated_link_in_the_introduction_still_counts() -> None:
    model = model_of("# Hut bookings\n\n## Overview\n\nEvery trail belongs to exactly one hut.\n" + ENTITIES)
    assert ("trail", "hut") in links(model)
