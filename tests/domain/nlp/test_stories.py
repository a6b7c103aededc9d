"""User stories are restated as statements about the domain before they are parsed."""

from __future__ import annotations

from schemawright.domain.analyze import analyze
from schemawright.domain.analyzer import prose_facts
from schemawright.domain.facts import AttributeFact
from schemawright.domain.lexicon import load_lexicon
from schemawright.domain.nlp.stories import declarative
from schemawright.spec.parser import parse_spec


def test_role_becomes_the_subject_and_the_purpose_is_dropped() -> None:
    text, roles = declarative(
        "As a florist, I want to register a bouquet with its name and price, so that I can sell it."
    )
    assert text == "The florist registers a bouquet with its name and price."
    assert roles == ["florist"]


def test_first_person_words_name_the_role() -> None:
    text, _ = declarative("As a tenant I can report a defect in my flat.")
    assert text == "The tenant reports a defect in the tenant's flat."


def test_text_without_a_story_is_unchanged() -> None:
    assert declarative("Each bouquet has a name.") == ("Each bouquet has a name.", [])


def test_a_backlog_of_stories_yields_entities_and_attributes() -> None:
    units = [
        (
            "As a florist, I want to register a bouquet with a name, a price and a colour, so that it sells.",
            1,
            "",
        ),
        ("As a florist, I want to add stems to a bouquet with a quantity, so that stock is right.", 2, ""),
    ]
    facts, _ = prose_facts(units, load_lexicon(), set())
    attrs = {(f.entity, f.name) for f in facts if isinstance(f, AttributeFact)}
    assert {("bouquet", "name"), ("bouquet", "price"), ("bouquet", "colour")} <= attrs


def test_the_role_alone_is_no_entity_and_no_party_to_a_link() -> None:
    spec = (
        "# Bouquets\n\n"
        "- As a florist, I want to create bouquets with a name and a price, so that I can sell them.\n"
        "- As a florist, I want to list the stems of a bouquet with their colour, so that I can restock.\n"
    )
    model = analyze(parse_spec(spec), "001_bouquets", "Bouquets")
    assert "florist" not in {e.name for e in model.entities}
    assert "bouquet" in {e.name for e in model.entities}


def test_a_role_with_data_of_its_own_is_an_entity_and_owns_what_it_creates() -> None:
    spec = (
        "# Renovations\n\n"
        "- As a homeowner, I want to sign up with my name, my email and a password, so that I can log in.\n"
        "- As a homeowner, I want to create a project with a name and a budget, so that I can plan.\n"
        "- As a homeowner, I want to create a profile with my phone number and my city.\n"
    )
    model = analyze(parse_spec(spec), "001_renovations", "Renovations")
    homeowner = model.entity("homeowner")
    assert homeowner is not None
    assert {"email", "phone"} <= {a.name for a in homeowner.attributes}
    assert model.entity("profile") is None


def test_a_wish_about_a_thing_becomes_a_statement_about_it() -> None:
    text, roles = declarative(
        "As a chef, I want each menu to consist of dishes with a name and a price, so that guests can order."
    )
    assert text == "Each menu consists of dishes with a name and a price."
    assert roles == ["chef"]


def test_a_wish_in_the_plural_keeps_the_plural_verb_and_our_names_the_role() -> None:
    text, _ = declarative("As a crew, we want all our boats to carry a radio.")
    assert text == "All the crew's boats carry a radio."
    text, _ = declarative("As a club, we want exactly one of our members to be the treasurer.")
    assert text == "Exactly one of the club's members is the treasurer."


def test_a_wish_with_no_thing_is_left_to_the_first_shape() -> None:
    text, _ = declarative("As a chef, I want to print the menu, so that guests see it.")
    assert text == "The chef prints the menu."
