"""A part noun ("items", "entries", "lines") held by exactly one whole is named for that whole, as an
engineer names the table (playlist_entries, not entries); a part that other things refer to as well keeps its
own name. Examples written for this test, not taken from any corpus."""

from __future__ import annotations

from schemawright.domain.analyze import analyze
from schemawright.spec.parser import parse_spec


def _model(text: str) -> tuple[set[str], set[tuple[str, str]]]:
    model = analyze(parse_spec(f"# Feature\n\n{text}\n"), "x", "x")
    return {e.name for e in model.entities}, {(r.child, r.parent) for r in model.relationships}


def test_entries_of_one_playlist_are_playlist_entries() -> None:
    names, rels = _model(
        "A playlist has a title and a genre.\n\nEach playlist consists of entries, and every entry has a "
        "position and a note."
    )
    assert "playlist_entry" in names and "entry" not in names
    assert ("playlist_entry", "playlist") in rels


def test_lines_of_one_delivery_note_are_named_for_it() -> None:
    names, _ = _model(
        "A delivery note has a number and a delivery date.\n\nA delivery note contains lines; each line "
        "has a product code and a quantity."
    )
    assert "delivery_note_line" in names and "line" not in names


def test_items_of_a_packing_crate_are_named_for_it() -> None:
    names, _ = _model(
        "A packing crate has a label and a weight limit.\n\nA packing crate is made up of items, and an item "
        "has a description and a weight."
    )
    assert "packing_crate_item" in names


def test_a_part_noun_that_other_things_refer_to_keeps_its_own_name() -> None:
    names, _ = _model(
        "A locker has a number and a size.\n\nA locker holds many items. Each item has a tag and a weight, "
        "and every item belongs to one owner.\n\nAn owner has a name and a phone number."
    )
    assert "item" in names
    assert "locker_item" not in names
