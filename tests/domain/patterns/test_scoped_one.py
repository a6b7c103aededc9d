"""'At most one Y per Z' counts Y within a scope: the owner has many Y, each Y refers to Z, and the pair is
unique. It is never a to-one link. Examples written for this test, not taken from any corpus."""

from __future__ import annotations

from tests.domain.patterns._helpers import attribute_names, links, model_of

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


def test_the_system_keeping_one_per_scope_links_to_the_scope_only() -> None:
    """Whoever keeps the rows (the system, we) is not their owner; the things in the scope are."""
    model = model_of(
        "# Weather\n\nA station has a code and an altitude.\n"
        "A rainfall record has an amount in millimetres.\n\n"
        "The system keeps one rainfall record per station and calendar day.\n"
    )
    assert ("rainfall_record", "station") in links(model)
    assert not any(parent == "system" for _, parent in links(model))
    uniques = [u.attributes for u in model.uniques if u.entity == "rainfall_record"]
    assert any("station" in u or "station_id" in u for u in uniques), uniques


def test_we_keeping_one_per_scope_does_not_link_to_the_previous_subject() -> None:
    model = model_of(
        "# Canteen\n\nA pupil has a name and a class.\n\n"
        "A menu has a week number. We store one lunch order per pupil and school day.\n"
        "A lunch order has a main course and a dessert.\n"
    )
    assert ("lunch_order", "pupil") in links(model)
    assert ("lunch_order", "menu") not in links(model)


def test_a_value_in_the_scope_is_the_counted_things_own_column() -> None:
    model = model_of(
        "# Gym\n\nA member has a name and an email.\n\n"
        "The gym records one check-in per member and visit date. Each check-in has an arrival time.\n"
    )
    assert ("check_in", "member") in links(model)
    names = attribute_names(model, "check_in")
    assert any("date" in n for n in names), names


def test_no_one_per_scope_without_a_scope() -> None:
    """Negative: 'one X' with no 'per' is a plain count, not a scoped unique."""
    model = model_of("# Library\n\nA reader has a name. A reader may borrow one book at a time.\n")
    assert not [u for u in model.uniques if u.entity == "book" and "reader" in " ".join(u.attributes)]
