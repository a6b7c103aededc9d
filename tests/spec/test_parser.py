from schemawright.spec.document import normalise_heading
from schemawright.spec.parser import parse_spec


def test_headings_match_loosely() -> None:
    assert normalise_heading("2.1. Functional Requirements *(mandatory)*") == "functional requirements"
    assert normalise_heading("### Key Entities *(include if feature involves data)*") == "key entities"
    assert normalise_heading("**Data Models**:") == "data models"


def test_blocks_keep_line_numbers_and_sections() -> None:
    doc = parse_spec("# Title\n\n## Glossary\n\n- **Vessel**: a ship with a name\n- **Voyage**: a trip\n")
    bullets = [b for b in doc.blocks if b.kind == "bullet"]
    assert [(b.line, b.text) for b in bullets] == [(5, "Vessel: a ship with a name"), (6, "Voyage: a trip")]
    assert bullets[0].section == ["title", "glossary"]


def test_tables_code_and_comments_are_blocks() -> None:
    text = (
        "## Data\n\n| Field | Type |\n|---|---|\n| name | string |\n\n"
        '```json\n{"a": 1}\n```\n\n<!-- TBD: limits -->\n'
    )
    doc = parse_spec(text)
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["table", "code", "comment"]
    table = doc.blocks[0]
    assert table.rows == [["Field", "Type"], ["name", "string"]]
    assert doc.blocks[1].lang == "json" and doc.blocks[1].line == 7
    assert doc.blocks[2].text == "TBD: limits"
