"""A plural whose name alone would be a value ("notes", "questions", "comments") is a thing when the
sentence lists fields of its own after it. Examples written for this test, not taken from any corpus."""

from __future__ import annotations

from schemawright.domain.analyze import analyze
from schemawright.spec.parser import parse_spec
from tests.domain.patterns._helpers import attribute_names, model_of


def _entities(text: str) -> dict[str, list[str]]:
    model = analyze(parse_spec(f"# Feature\n\n{text}\n"), "x", "x")
    return {e.name: [a.name for a in e.attributes] for e in model.entities}


def test_a_plural_value_noun_with_its_own_fields_is_a_child_table() -> None:
    found = _entities(
        "An exam has a title and a date. Each exam consists of questions with their number, the question "
        "text and the marks available."
    )
    assert "question" in found
    assert "number" in found["question"] and any(a.startswith("mark") for a in found["question"])
    assert "question_text" not in found["exam"]


def test_comments_with_fields_hang_on_their_owner() -> None:
    model = analyze(
        parse_spec(
            "# Feature\n\nA ticket has a subject and a priority. A ticket holds comments with an author, "
            "the body and the time posted.\n"
        ),
        "x",
        "x",
    )
    assert model.entity("comment") is not None
    assert any(r.child == "comment" and r.parent == "ticket" for r in model.relationships)


def test_a_single_value_noun_with_one_detail_stays_a_value() -> None:
    found = _entities("A ticket has a subject, a priority and a note with the date.")
    assert "note" not in found


def test_a_with_phrase_after_of_the_describes_the_thing_it_is_of() -> None:
    found = _entities(
        "The organiser opens a new season of the league with its name, a start date and an end date. "
        "A season has many fixtures."
    )
    assert {"name", "start_date", "end_date"} <= set(found.get("season", []))
    assert "league" not in found or "start_date" not in found["league"]


def test_a_with_list_after_a_passive_recording_describes_what_is_recorded() -> None:
    for text, recorded, other in (
        (
            "A suspension is recorded against one member with a reason and a start date. "
            "Each member has a name and an email. Each suspension has a length.",
            "suspension",
            "member",
        ),
        (
            "A complaint is logged for one apartment with a category and a description. "
            "Each apartment has a number and a floor. Each complaint has a status.",
            "complaint",
            "apartment",
        ),
    ):
        model = model_of(f"# Spec\n\n{text}\n")
        assert "reason" in attribute_names(model, recorded) or "category" in attribute_names(model, recorded)
        assert not {"reason", "category"} & set(attribute_names(model, other)), attribute_names(model, other)
