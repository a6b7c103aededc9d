"""Two clauses of one sentence that each count the other's subject as many state a many-to-many, whatever
the verbs. Examples written for this test, not taken from any corpus."""

from __future__ import annotations

from schemawright.domain.analyze import analyze
from schemawright.domain.model import Cardinality
from schemawright.spec.parser import parse_spec
from tests.domain.patterns._helpers import model_of


def _links(text: str) -> set[tuple[str, ...]]:
    model = analyze(parse_spec(f"# Feature\n\n{text}\n"), "x", "x")
    return {
        ("m2m", *sorted((r.child, r.parent)))
        if r.cardinality is Cardinality.MANY_TO_MANY
        else (r.child, r.parent)
        for r in model.relationships
    }


def test_many_both_ways_is_many_to_many() -> None:
    links = _links(
        "A recipe has a title and a cooking time. A spice has a name and a heat level. "
        "One recipe can call for many spices, and each spice turns up in many recipes."
    )
    assert ("m2m", "recipe", "spice") in links


def test_any_verbs_will_do() -> None:
    links = _links(
        "A volunteer has a name and a phone. An event has a title and a date. "
        "Each volunteer helps at many events while each event needs many volunteers."
    )
    assert ("m2m", "event", "volunteer") in links


def test_many_one_way_and_one_the_other_is_no_many_to_many() -> None:
    links = _links(
        "A choir has a name and a city. A song has a title and a composer name. "
        "A choir sings many songs, and a song has one arranger."
    )
    assert ("m2m", "choir", "song") not in links


def test_what_connects_the_two_names_the_link_table() -> None:
    model = model_of(
        "A volunteer can help at many events, and each event needs many volunteers. "
        "What connects the two is the shift, and it records a role (driver, cook or steward) "
        "and a start time. "
        "Volunteers have a name. Events have a date.\n"
    )
    m2m = [r for r in model.relationships if r.cardinality.value == "many_to_many"]
    assert [(r.child, r.parent, r.through) for r in m2m] == [("volunteer", "event", "shift")]
