"""Words that usually name the software or its screens ("application", "request", "table") name domain
things when the spec counts them. Examples written for this test, not taken from any corpus."""

from __future__ import annotations

from schemawright.domain.analyze import analyze
from schemawright.spec.parser import parse_spec


def _names(text: str) -> set[str]:
    return {e.name for e in analyze(parse_spec(f"# Feature\n\n{text}\n"), "x", "x").entities}


def test_a_counted_application_is_a_thing() -> None:
    names = _names(
        "A grant application links one charity to one fund. Each application has a requested amount and a "
        "status. A charity has a name; a fund has a name and a budget."
    )
    assert "grant_application" in names or "application" in names


def test_requests_in_the_plural_are_things() -> None:
    names = _names(
        "Employees submit leave requests with a start date, an end date and a reason. An employee has a name."
    )
    assert "leave_request" in names


def test_the_application_itself_stays_the_software() -> None:
    names = _names("The application stores each customer with a name and an email address.")
    assert "application" not in names
    assert "customer" in names


def test_what_has_an_identity_is_evidence_of_a_thing() -> None:
    from schemawright.domain.analyzer import prose_facts
    from schemawright.domain.facts import EntityFact
    from schemawright.domain.lexicon import load_lexicon

    text = "Each season a club gets a fixture list, which is identified by the season code."
    facts, _ = prose_facts([(text, 1, "")], load_lexicon(), set())
    assert any(
        isinstance(f, EntityFact) and f.name == "fixture_list" and f.prov.rule == "identity.identified_by"
        for f in facts
    )
