"""Round-4 rules: BMAD link-table phrasing, owned children listed by their parent, and parenthesised lists
that enumerate values rather than attributes. Each sentence is written for its test."""

from __future__ import annotations

from schemawright.domain.analyze import analyze
from schemawright.domain.model import Cardinality, DomainModel, Kind
from schemawright.spec.parser import parse_spec


def _model(text: str) -> DomainModel:
    return analyze(parse_spec(text), "t", "t")


RECIPES = """# Cookbook — Architecture

## Data Models

### Dish

**Key Attributes:**
- title: string

**Relationships:**
- Filed under many cuisines
- Has many reviews

### Cuisine

**Key Attributes:**
- label: string - unique

### Review

**Key Attributes:**
- stars: integer

**Relationships:**
- Belongs to one dish
"""


def test_participle_with_many_is_a_many_to_many_link() -> None:
    model = _model(RECIPES)
    links = {(r.child, r.parent, r.cardinality) for r in model.relationships}
    assert ("dish", "cuisine", Cardinality.MANY_TO_MANY) in links
    assert not any(r.child == "cuisine" and r.parent == "dish" for r in model.relationships)


def test_children_a_parent_has_many_of_are_owned() -> None:
    model = _model(RECIPES)
    [review] = [r for r in model.relationships if r.child == "review"]
    assert review.parent == "dish" and review.ownership == "owned"


def test_parenthesised_single_words_after_a_free_text_noun_are_enum_values() -> None:
    model = _model(
        "# Returns\n\n## Glossary\n\n- **Refund**: money given back, with an amount and a reason "
        "(damaged, late, unwanted).\n"
    )
    refund = model.entity("refund")
    assert refund is not None
    reason = refund.attribute("reason")
    assert reason is not None and reason.kind is Kind.ENUM
    assert reason.enum_values == ["damaged", "late", "unwanted"]
    assert refund.attribute("damaged") is None


def test_parenthesised_attribute_names_stay_attributes() -> None:
    model = _model(
        "# Gym\n\n## Glossary\n\n- **Member**: a person with a membership card (card number, email, phone).\n"
    )
    member = model.entity("member")
    assert member is not None
    assert {a.name for a in member.attributes} >= {"card_number", "email", "phone"}
