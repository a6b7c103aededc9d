"""Many on both sides, with the verb's gerund counted in the same sentence ("a buyer may view many
properties and a property is viewed by many buyers; for each viewing we record …"), is the event between
the two: the gerund refers to each side. Without it the pair stays a many-to-many. Examples written for
this test."""

from __future__ import annotations

from schemawright.domain.model import Cardinality
from tests.domain.patterns._helpers import data_spec, links, model_of


def test_the_counted_gerund_is_the_pairing() -> None:
    model = model_of(
        data_spec(
            "A visitor has a name. A flat has an address. A visitor may view many flats and a flat is viewed "
            "by many visitors; for each viewing we note the time and the feedback.\n\n"
            "A birder has a name. A species has a name. A birder may spot many species and a species is "
            "spotted by many birders; for each spotting we record the place and the date.\n\n"
            "A tailor has a name. A client has a name. A tailor may fit many clients and a client is fitted "
            "by many tailors; for each fitting we record the date and the notes."
        )
    )
    found = set(links(model))
    for event, ends in [("viewing", ("visitor", "flat")), ("spotting", ("birder", "species"))]:
        assert {(event, ends[0]), (event, ends[1])} <= found, found
    assert {("fitting", "tailor"), ("fitting", "client")} <= found, found
    assert not [r for r in model.relationships if r.cardinality is Cardinality.MANY_TO_MANY]


def test_without_the_gerund_the_pair_is_many_to_many() -> None:
    model = model_of(
        data_spec(
            "A doctor has a name. A patient has a name. A doctor may treat many patients and a patient is "
            "treated by many doctors."
        )
    )
    assert [r.cardinality for r in model.relationships] == [Cardinality.MANY_TO_MANY]
