""" "Only one open X" at a time means many Xs over time, each referring to the thing it is counted against;
a relative clause ("one rental that has not ended yet", "one hire which is still open") says "open" too.
An open word on the scope ("one invoice per active tenancy") counts nothing. Examples written for this
test."""

from __future__ import annotations

from tests.domain.patterns._helpers import data_spec, links, model_of


def test_one_open_thing_refers_to_what_it_is_counted_against() -> None:
    model = model_of(
        data_spec(
            "A unit has a number and a size. A rental has a start date and an end date. A unit can only "
            "have one rental that has not ended yet.\n\n"
            "A locker has a number. A hire has a start time and a return time. Each locker can have at most "
            "one hire which is still open.\n\n"
            "A boat has a sail number. A charter has a start date. A boat can only have one active charter "
            "at a time."
        )
    )
    found = links(model)
    for pair in [("rental", "unit"), ("hire", "locker"), ("charter", "boat")]:
        assert pair in found, found
    assert not {("unit", "rental"), ("locker", "hire"), ("boat", "charter")} & set(found), found
    rental = next(u for u in model.uniques if u.entity == "rental")
    assert rental.attributes == ["unit"] and rental.where == "end_date is null"


def test_an_open_word_on_the_scope_counts_nothing() -> None:
    model = model_of(
        data_spec(
            "A tenancy has a start date. An invoice has an amount and a due date. Each invoice is for one "
            "tenancy. Every year the council creates one invoice per active tenancy."
        )
    )
    assert ("tenancy", "invoice") not in links(model)
    assert not [u for u in model.uniques if u.entity == "tenancy"], model.uniques
