"""The migration tool plugins: one per format, registered in detection order, each writing its own layout."""

from __future__ import annotations

import typing
from pathlib import Path

from schemawright.project.detect import ALL_FORMATS, FORMATS, Format, MigrationSet
from schemawright.project.migration import Migration, Step
from schemawright.safe_files import SafeReader
from schemawright.tools import REGISTRY, folder_tools, tool


def test_every_format_has_a_plugin_in_detection_order() -> None:
    assert set(REGISTRY) == set(ALL_FORMATS) == set(typing.get_args(Format))
    assert tuple(t.name for t in folder_tools()) == FORMATS
    assert tool("no-such-tool").name == "golang-migrate"  # a new project's default


def test_each_folder_tool_reads_back_what_it_writes(tmp_path: Path) -> None:
    for plugin in folder_tools():
        folder = tmp_path / plugin.name
        folder.mkdir()
        found = MigrationSet(directory=folder, format=plugin.name)  # type: ignore[arg-type]
        version = plugin.next_version([], "20260101000000")
        step = Step(version, "001_a", "CREATE TABLE a (id int);\n", "DROP TABLE a;\n")
        files, _ = plugin.write(found, [step], "postgresql")
        for f in files:
            f.path.parent.mkdir(parents=True, exist_ok=True)
            f.path.write_text(f.content, encoding="utf-8")
        read = plugin.read_history(folder, SafeReader(folder.resolve()))
        assert [m.name for m in read] == ["001_a"], plugin.name
        assert "CREATE TABLE a (id int);" in read[0].up, plugin.name
        assert isinstance(read[0], Migration)
        later = plugin.next_version(read, "20270101000000")
        assert later != version and read[0].key < Migration(later, "b", folder, "").key, plugin.name
