"""A bare plural defined by another bare plural is a definition like the singular one: "Translators are
freelancers with a full name and an email" gives the translators those values, and the next sentence's
pronouns are the translators'. Examples written for this test."""

from __future__ import annotations

from tests.domain.patterns._helpers import attribute_names, links, model_of


def test_values_of_a_plural_definition_belong_to_the_subject() -> None:
    model = model_of(
        "# Agency\n\nTranslators are freelancers with a full name, an email address and a phone number.\n"
    )
    assert {"full_name", "email", "phone"} <= set(attribute_names(model, "translator"))
    assert model.entity("freelancer") is None


def test_the_defined_subject_takes_part_in_later_links() -> None:
    model = model_of(
        "# Club\n\nVolunteers are local residents with a name, an email and a postcode. Each volunteer joins "
        "one team. A team has a name.\n"
    )
    assert {"name", "email", "postcode"} <= set(attribute_names(model, "volunteer"))
    assert ("volunteer", "team") in links(model)


def test_the_next_sentence_speaks_of_the_defined_things() -> None:
    model = model_of(
        "# Rounds\n\n## Customers\n\nCustomers are the people who pay us. We hold their name and a phone "
        "number.\n\n## Payments\n\nPayments are recorded against a customer with the amount and the date "
        "received.\n"
    )
    assert {"name", "phone"} <= set(attribute_names(model, "customer"))
    assert "name" not in attribute_names(model, "payment")


def test_a_plural_said_to_be_a_kind_of_value_defines_nothing() -> None:
    model = model_of("# Pets\n\nDogs are animals. A dog has a name and a breed.\n")
    assert model.entity("animal") is None
    assert {"name", "breed"} <= set(attribute_names(model, "dog"))
