"""The Liquibase plugin reads a formatted-SQL changelog wherever it lies: one migration per changeset, its
``--rollback`` lines the down, both keeping the changelog's line numbers (moved from the reviewer's own
``review/formats.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemawright.project.errors import ProjectError
from schemawright.project.migration import Step
from schemawright.review.engine import review_project
from schemawright.tools import READ_ONLY, REGISTRY, file_tools
from schemawright.tools.liquibase import TOOL, read_file

CHANGELOG = """--liquibase formatted sql

--changeset ann:1
CREATE TABLE tags (id BIGINT PRIMARY KEY);
--rollback DROP TABLE tags;

--changeset ann:2
CREATE INDEX idx_tags_id ON tags (id);
--rollback not required

--changeset bob:3
ALTER TABLE tags ADD COLUMN slug TEXT;
--rollback ALTER TABLE tags
--rollback   DROP COLUMN slug;
"""


def test_one_migration_per_changeset_at_the_changelogs_lines() -> None:
    path = Path("db/changelog.sql")
    found = read_file(path, CHANGELOG)
    assert found is not None
    assert [(TOOL.label(m), m.version) for m in found] == [("ann:1", "1"), ("ann:2", "2"), ("bob:3", "3")]
    first = found[0]
    assert first.up.splitlines()[3] == "CREATE TABLE tags (id BIGINT PRIMARY KEY);"  # line 4 of the file
    assert first.up.strip() == "CREATE TABLE tags (id BIGINT PRIMARY KEY);"  # the rollback is not in the up
    assert first.down is not None and first.down.splitlines()[4] == "DROP TABLE tags;"  # line 5
    assert first.down_path == path and first.up_line == first.down_line == 1
    assert found[1].down is None and found[1].down_path is None  # "not required" is no down
    down = found[2].down  # two rollback lines, at lines 13 and 14
    assert down is not None and down.splitlines()[12:] == ["ALTER TABLE tags", "DROP COLUMN slug;"]
    assert found[2].up.splitlines()[11] == "ALTER TABLE tags ADD COLUMN slug TEXT;"


def test_a_file_is_a_changelog_by_its_first_line_only() -> None:
    assert read_file(Path("a.sql"), "CREATE TABLE t (id INT);\n-- changeset ann:1\n") is None
    assert read_file(Path("a.sql"), "  --Liquibase formatted SQL\n--changeset a:1\nSELECT 1;\n") is not None
    assert read_file(Path("a.sql"), "--liquibase formatted sql\n-- no changeset yet\n") == []


def test_liquibase_is_read_but_not_a_design_format(tmp_path: Path) -> None:
    assert "liquibase" in READ_ONLY and "liquibase" not in REGISTRY
    assert TOOL in file_tools() and not TOOL.folder
    with pytest.raises(ProjectError, match="does not write Liquibase"):
        TOOL.write(None, [Step("1", "a", "SELECT 1;", "SELECT 1;")], "postgresql")  # type: ignore[arg-type]


def test_each_changeset_runs_in_a_transaction_unless_it_says_not() -> None:
    text = (
        "--liquibase formatted sql\n--changeset ann:1\nLOCK TABLE tags;\n"
        "--changeset ann:2 runInTransaction:false splitStatements:true\n"
        "CREATE INDEX CONCURRENTLY idx_tags_name ON tags (name);\n"
    )
    found = read_file(Path("c.sql"), text)
    assert found is not None
    assert [(m.transactional, m.no_transaction) for m in found] == [(True, False), (False, True)]


def test_the_review_finds_a_concurrent_index_inside_liquibase_transaction(tmp_path: Path) -> None:
    # was: a changeset was read as running outside any transaction, so this failing change passed
    folder = tmp_path / "db" / "changelog"
    folder.mkdir(parents=True)
    index = "CREATE INDEX CONCURRENTLY idx_tags_name ON tags (name);\n--rollback DROP INDEX idx_tags_name;\n"
    changelog = (
        "--liquibase formatted sql\n--changeset ann:1\nCREATE TABLE tags (id INT PRIMARY KEY, name TEXT);\n"
    )
    (folder / "changelog.sql").write_text(changelog + "--changeset ann:2\n" + index)
    [inside] = [f for f in review_project(tmp_path, engine=None).findings if f.code == "SW616"]
    assert "`runInTransaction:false`" in inside.fix and inside.location.line == 5
    (folder / "changelog.sql").write_text(changelog + "--changeset ann:2 runInTransaction:false\n" + index)
    assert "SW616" not in review_project(tmp_path, engine=None).codes()
