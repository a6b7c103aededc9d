"""A `parent_id` among a table's fields makes a tree: each row hangs under another row of the same table,
unless the spec has a "parent" entity of its own. Examples written for this test, not from any corpus."""

from __future__ import annotations

from schemawright.domain.analyze import analyze
from schemawright.spec.parser import parse_spec


def _links(rows: str) -> set[tuple[str, str, str]]:
    text = f"# Feature\n\n## Tables\n\n| Table | Purpose | Key fields |\n|---|---|---|\n{rows}"
    model = analyze(parse_spec(text), "x", "x")
    return {(r.child, r.parent, r.role) for r in model.relationships}


def test_a_folder_with_parent_id_hangs_under_another_folder() -> None:
    links = _links("| folders | folder tree | name, parent_id |\n| documents | files | title, folder_id |\n")
    assert ("folder", "folder", "parent") in links
    assert ("document", "folder", "") in links


def test_parent_named_for_the_table_is_the_same_tree() -> None:
    links = _links("| regions | sales regions | code, parent_region_id |\n")
    assert ("region", "region", "parent_region") in links


def test_a_department_tree_keeps_its_other_fields() -> None:
    links = _links(
        "| departments | org chart | name, cost_centre, parent_id |\n"
        "| employees | staff | name, department_id |\n"
    )
    assert ("department", "department", "parent") in links
    assert ("employee", "department", "") in links


def test_parent_id_refers_to_a_parent_entity_when_the_spec_has_one() -> None:
    links = _links("| parents | guardians | name, phone |\n| pupils | children | name, parent_id |\n")
    assert ("pupil", "parent", "") in links
    assert not any(child == parent for child, parent, _ in links)
