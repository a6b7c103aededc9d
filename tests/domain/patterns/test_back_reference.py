"""A plural pronoun after "for each of" points back to the plural things of the sentence before."""

from __future__ import annotations

from tests.domain.patterns._helpers import attribute_names, model_of


def test_for_each_of_them_records_values_of_the_things_named_before() -> None:
    for text, owner, values in (
        (
            "Everything starts with the landlords we serve. For each of them the agency keeps a name and "
            "an email address.",
            "landlord",
            {"name", "email"},
        ),
        (
            "Our shop sells bicycles. For every one of these we store a colour and a price.",
            "bicycle",
            {"colour", "price"},
        ),
        (
            "Volunteers staff the stalls. For each of them we record a name and a phone number.",
            "volunteer",
            {"name", "phone"},
        ),
    ):
        model = model_of(text)
        assert values <= set(attribute_names(model, owner)), text
        others = [e.name for e in model.entities if e.name != owner]
        assert all(values.isdisjoint(attribute_names(model, name)) for name in others), text


def test_them_with_nothing_plural_before_names_no_owner() -> None:
    model = model_of("The agency is small. For each of them we record a name and a phone number.")
    assert [e.name for e in model.entities] in ([], ["agency"])
