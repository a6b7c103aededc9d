"""Atlas runs each migration file in a transaction of its own unless the file's directives (comment lines
at the top, set apart by a blank line) say ``-- atlas:txmode none``; the plugin reads that, so replay and
review run a file as Atlas does, and what ``write`` marks reads back as marked."""

from __future__ import annotations

from pathlib import Path

from schemawright.project.detect import MigrationSet
from schemawright.project.migration import Step
from schemawright.project.transactions import runnable
from schemawright.review.engine import review_project
from schemawright.safe_files import SafeReader
from schemawright.tools.atlas import TOOL, transaction_mode

USERS = "CREATE TABLE users (\n    id BIGINT PRIMARY KEY,\n    email TEXT NOT NULL\n);\n"
INDEX = "CREATE INDEX CONCURRENTLY idx_users_email ON users (email);\n"


def atlas_folder(root: Path, files: dict[str, str]) -> Path:
    folder = root / "migrations"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "atlas.sum").write_text("")
    for name, text in files.items():
        (folder / name).write_text(text)
    return folder


def test_the_directive_is_a_file_directive_only_when_a_blank_line_sets_it_apart() -> None:
    assert transaction_mode("-- atlas:txmode none\n\n" + INDEX) == "none"
    assert transaction_mode("-- add an index\n-- atlas:txmode NONE\n\n" + INDEX) == "none"
    assert transaction_mode("-- atlas:txmode file\n\n" + INDEX) == "file"
    assert transaction_mode("-- atlas:txmode none\n" + INDEX) is None  # a comment on the statement
    assert transaction_mode(INDEX + "\n-- atlas:txmode none\n\nSELECT 1;\n") is None  # not at the top
    assert transaction_mode(USERS) is None


def test_each_file_runs_in_atlas_transaction_unless_it_says_none(tmp_path: Path) -> None:
    folder = atlas_folder(
        tmp_path,
        {"1_users.sql": USERS, "2_index.sql": "-- atlas:txmode none\n\n" + INDEX},
    )
    found = sorted(TOOL.read_history(folder, SafeReader(folder.resolve())), key=lambda m: m.key)
    assert [(m.name, m.transactional, m.no_transaction) for m in found] == [
        ("users", True, False),
        ("index", False, True),
    ]


def test_a_step_written_outside_a_transaction_reads_back_so(tmp_path: Path) -> None:
    folder = atlas_folder(tmp_path, {"1_users.sql": USERS})
    plan = [Step("2", "index", INDEX, "DROP INDEX idx_users_email;\n", transactional=False)]
    files, _ = TOOL.write(MigrationSet(directory=folder, format="atlas"), plan, "postgresql")
    for f in files:
        f.path.write_text(f.content)
    [written] = [m for m in TOOL.read_history(folder, SafeReader(folder.resolve())) if m.name == "index"]
    assert (written.transactional, written.no_transaction) == (False, True)


def test_the_review_finds_a_concurrent_index_inside_atlas_transaction(tmp_path: Path) -> None:
    # was: Atlas files were read as running outside any transaction, so this failing migration passed
    atlas_folder(tmp_path, {"1_users.sql": USERS, "2_index.sql": INDEX})
    [inside] = [f for f in review_project(tmp_path, engine=None).findings if f.code == "SW616"]
    assert "`-- atlas:txmode none`" in inside.fix
    atlas_folder(tmp_path, {"2_index.sql": "-- atlas:txmode none\n\n" + INDEX})
    assert "SW616" not in review_project(tmp_path, engine=None).codes()


def test_replay_runs_an_atlas_file_in_its_transaction(tmp_path: Path) -> None:
    lock = "LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE;\n"
    folder = atlas_folder(tmp_path, {"1_lock.sql": lock, "2_index.sql": "-- atlas:txmode none\n\n" + INDEX})
    found = sorted(TOOL.read_history(folder, SafeReader(folder.resolve())), key=lambda m: m.key)
    assert runnable(found[0], "postgresql").startswith("BEGIN")  # LOCK TABLE needs a transaction block
    assert runnable(found[1], "postgresql") == found[1].up
