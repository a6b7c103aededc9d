"""What someone picks for their own thing belongs to that thing, not to them. Examples written for this
test, not taken from any corpus."""

from __future__ import annotations

from tests.domain.patterns._helpers import links, model_of


def test_a_pick_for_the_actors_own_thing_links_that_thing() -> None:
    for text, (actor, own, picked) in (
        (
            "A speaker picks one track for their talk. Each talk has a title and an abstract. "
            "Each track has a name and a colour. A speaker has a name and an email.",
            ("speaker", "talk", "track"),
        ),
        (
            "A gardener picks one soil type for her plot. Each plot has a number and a size. "
            "Each soil type has a name and a drainage rating. A gardener has a name and a phone.",
            ("gardener", "plot", "soil_type"),
        ),
        (
            "A driver selects one depot for his van. Each van has a plate and a capacity. "
            "Each depot has a name and an address. A driver has a name and a licence number.",
            ("driver", "van", "depot"),
        ),
    ):
        found = links(model_of("# Spec\n\n" + text))
        assert (own, picked) in found, (text, found)
        assert (actor, picked) not in found, (text, found)


def test_a_pick_for_someone_elses_thing_keeps_the_actors_link() -> None:
    text = (
        "A customer picks one courier for the shipment. Each shipment has a weight and a reference. "
        "Each courier has a name and a phone. A customer has a name and an email."
    )
    assert ("shipment", "courier") not in links(model_of("# Spec\n\n" + text))


def test_many_picked_for_the_actors_own_thing_are_many_to_many() -> None:
    text = (
        "A cook chooses several tags for his recipe. Each recipe has a title and a method. "
        "Each tag has a label and a colour. A cook has a name and an email."
    )
    model = model_of("# Spec\n\n" + text)
    assert any(
        {r.child, r.parent} == {"recipe", "tag"} and r.cardinality.value == "many_to_many"
        for r in model.relationships
    ), model.relationships
