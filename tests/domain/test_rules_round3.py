"""Round-three rules (generalisation): one test each, on sentences written for these tests."""

from __future__ import annotations

from schemawright.domain.model import Kind
from tests.domain.test_rules import attrs, model, rels


def test_declared_entities_are_kept_even_when_their_word_is_generic() -> None:
    m = model(
        "# Forms\n\n## Key Entities\n\n- **Form**: a printed sheet a clerk files, with a serial.\n"
        "- **Version**: one revision of a form, with a label.\n\n"
        "```\n[Section] 1----* [List]\n```\n"
    )
    for name in ("form", "version", "section", "list"):
        assert m.entity(name) is not None, name
    assert ("version", "form", "") in rels(m)


def test_generic_words_in_prose_stay_filtered() -> None:
    m = model("# Notes\n\nA page has a heading and a footer. A memo has a subject and a body.\n")
    assert m.entity("page") is None and m.entity("memo") is not None


def test_purpose_only_tables_table_declares_entities() -> None:
    m = model("# Shop\n\n## Tables\n\n| Table | Purpose |\n|---|---|\n| Event | a thing that happened |\n")
    assert m.entity("event") is not None
    assert not attrs(m, "event")
