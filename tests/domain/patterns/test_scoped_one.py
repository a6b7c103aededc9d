"""'At most one Y per Z' counts Y within a scope: the owner has many Y, each Y refers to Z, and the pair is
unique. It is never a to-one link. Examples written for this test, not taken from any corpus."""

from __future__ import annotations

from tests.domain.patterns._helpers import model_of

SPEC = (
    "# Allotments\n\n"
    "A gardener has a name and a phone number. A season has a year and a start date. "
    "A tenancy has a plot number and a rent.\n\n"
    "A gardener may hold at most one tenancy per season.\n"
)


def test_one_per_scope_links_the_counted_thing_to_both() -> None:
    model = model_of(SPEC)
    links = {(r.child, r.parent) for r in model.relationships}
    assert {("tenancy", "gardener"), ("tenancy", "season")} <= links
    assert ("gardener", "tenancy") not in links


def test_one_per_scope_is_a_unique_pair() -> None:
    model = model_of(SPEC)
    tenancy = model.entity("tenancy")
    assert tenancy is not None
    uniques = [set(u.attributes) for u in model.uniques if u.entity == "tenancy"]
    assert any({"gardener", "season"} <= u or {"gardener_id", "season_id"} <= u for u in uniques), uniques
