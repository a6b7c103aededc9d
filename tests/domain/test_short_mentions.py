"""A short mention ("the list") stands for the one noun compound with that head ("price list"); a mention
with an adjective ("a second list", "a weekly challenge") describes one instance and does not make the
short mention ambiguous. Examples written for this test, not taken from any corpus."""

from __future__ import annotations

from schemawright.domain.analyze import analyze
from schemawright.domain.model import DomainModel
from schemawright.spec.parser import parse_spec


def _model(text: str) -> DomainModel:
    return analyze(parse_spec(f"# Feature\n\n{text}\n"), "x", "x")


def _links(model: DomainModel) -> set[tuple[str, str]]:
    return {(r.child, r.parent) for r in model.relationships}


def test_an_adjective_mention_leaves_the_compound_the_only_long_name() -> None:
    model = _model(
        "Each clinic publishes a price list. The price list is reviewed every year. The list contains items; "
        "every item has a name and a price. A second list is never kept."
    )
    assert ("price_list_item", "price_list") in _links(model)  # the list's items, named for the list


def test_a_gerund_compound_is_a_kind_of_the_head() -> None:
    model = _model(
        "Every school runs a reading challenge. The reading challenge opens in May. The challenge "
        "consists of stages; each stage has a title and a deadline. A weekly challenge is archived."
    )
    assert ("stage", "reading_challenge") in _links(model)


def test_two_compounds_with_one_head_keep_the_short_mention_ambiguous() -> None:
    model = _model(
        "Each clinic publishes a price list and a waiting list. The price list is reviewed every year. The "
        "list contains items; every item has a name and a price."
    )
    assert ("item", "price_list") not in _links(model)
    assert ("item", "waiting_list") not in _links(model)
