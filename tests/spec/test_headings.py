"""Section matching: headings with typos still count; short or merely similar names do not match."""

from __future__ import annotations

import pytest

from schemawright.spec.document import heading_matches
from schemawright.spec.parser import parse_spec


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("## Key Entites", "key entities"),
        ("## Glosary", "glossary"),
        ("### Buisness Logic", "business logic"),
        ("## Out of Scpe", "out of scope"),
        ("### Databse Type", "database type"),
        ("## 3. Key Entitties *(include if feature involves data)*", "key entities"),
        ("## Non goals", "non-goals"),
        ("## Domian Model", "domain model"),
    ],
)
def test_misspelt_headings_still_count(heading: str, name: str) -> None:
    doc = parse_spec(f"# Feature\n\n{heading}\n\n- an item\n")
    bullet = next(b for b in doc.blocks if b.kind == "bullet")
    assert bullet.in_section(name)
    assert doc.blocks_in(name) == [bullet]


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("indent rules", "index"),  # short names match exactly only
        ("schema definitions", "schemas"),  # another ending of the word, not a typo
        ("data mode", "data model"),
        ("data requirements", "ui requirements"),  # a different first word
        ("product requirements — overview", "ui requirements"),
        ("— requirements", "ui requirements"),
        ("entries", "entities"),
        ("glossaries", "glossary"),
        ("included features", "excluded"),
        ("key events", "key entities"),
    ],
)
def test_similar_but_different_headings_do_not_match(title: str, name: str) -> None:
    assert not heading_matches(title, name)


def test_substring_match_is_unchanged() -> None:
    assert heading_matches("key entities (include if feature involves data)", "key entities")
    assert heading_matches("indexes required", "index")


def test_entities_under_a_misspelt_heading_are_read() -> None:
    from schemawright.analysis import analyze_text

    text = "# Fleet\n\n## Key Entites\n\n- **Vessel**: a ship with a name and a flag.\n"
    model, _ = analyze_text(text, source="x.md", feature_id="001_fleet")
    assert "vessel" in [e.name for e in model.entities]
