"""The Alembic plugin reads revisions statically for the review (design runs them through Alembic): the
``op.execute`` SQL of ``upgrade()`` / ``downgrade()`` at its lines, in ``down_revision`` chain order, and a
note on every other ``op.*`` call (moved from the reviewer's own ``review/formats.py``)."""

from __future__ import annotations

from pathlib import Path

from schemawright.safe_files import SafeReader
from schemawright.tools import REGISTRY, project_tools
from schemawright.tools.alembic import chain_order, revision

BASE = '''"""tags"""
import sqlalchemy as sa
from alembic import op

revision: str = "a1"
down_revision = None


def upgrade():
    op.execute("""
        CREATE TABLE tags (
            id BIGINT PRIMARY KEY
        )
    """)
    op.execute(sa.text("CREATE INDEX idx_tags_id ON tags (id);"))


def downgrade():
    op.execute("DROP TABLE tags")
'''

AGE = """revision = "b2"
down_revision = "a1"

def upgrade():
    op.create_table("x")
    op.execute("ALTER TABLE tags ADD COLUMN age INT")
"""


def write(folder: Path, files: dict[str, str]) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text)
    return {name: folder / name for name in files}


def test_op_execute_sql_sits_at_its_line_of_the_revision(tmp_path: Path) -> None:
    paths = write(tmp_path / "versions", {"a1_tags.py": BASE})
    m = revision(paths["a1_tags.py"])
    assert (m.version, m.name, REGISTRY["alembic"].label(m)) == ("a1", "tags", "a1")
    lines = m.up.splitlines()
    assert lines[10].strip() == "CREATE TABLE tags ("  # line 11 of the file, below the opening quotes
    assert lines[14] == "CREATE INDEX idx_tags_id ON tags (id);"  # sa.text(...) on line 15
    assert m.down is not None and m.down.splitlines()[18] == "DROP TABLE tags;"  # line 19, ";" added
    assert m.down_path == m.path and m.unread == ()


def test_other_operations_are_noted_and_a_revision_without_sql_has_an_empty_up(tmp_path: Path) -> None:
    paths = write(
        tmp_path / "versions", {"b2_age.py": AGE, "c3.py": "def upgrade():\n    op.drop_table('t')\n"}
    )
    m = revision(paths["b2_age.py"])
    assert m.unread == (
        'upgrade() has 1 op.* call(s) other than op.execute("..."); Alembic operations are '
        "not read statically",
    )
    assert m.down is None and m.down_path is None
    empty = revision(paths["c3.py"])
    assert (empty.version, empty.up, empty.down) == ("c3", "", None)  # no revision assigned: the file's name


def test_revisions_follow_the_chain_and_unchained_files_come_last(tmp_path: Path) -> None:
    paths = write(
        tmp_path / "alembic" / "versions",
        {"b2_age.py": AGE, "a1_tags.py": BASE, "0_loop.py": 'revision = "x"\ndown_revision = "x"\n'},
    )
    assert chain_order(sorted(paths.values())) == [
        paths["a1_tags.py"],
        paths["b2_age.py"],
        paths["0_loop.py"],
    ]
    found = REGISTRY["alembic"].read_history(tmp_path, SafeReader(tmp_path.resolve()))
    assert [m.version for m in found] == ["a1", "b2", "x"]


def test_only_alembic_reads_a_history_among_the_tools_found_by_their_project_files(tmp_path: Path) -> None:
    write(tmp_path / "versions", {"a1_tags.py": BASE})
    read = {t.name: t.read_history(tmp_path, SafeReader(tmp_path.resolve())) for t in project_tools()}
    assert {name for name, found in read.items() if found} == {"alembic"}
    assert set(read) == {"alembic", "django", "knex"}


def test_a_merge_revision_comes_after_every_branch_it_joins(tmp_path: Path) -> None:
    # real histories merge branches: down_revision = ("b2", "c3") (was: read as no parent, so the merge
    # ran first, before the tables its branches create)
    files = {
        "a1_tags.py": BASE,
        "b2_age.py": AGE,
        "c3_name.py": 'revision = "c3"\ndown_revision = "a1"\n',
        "0d_merge.py": 'revision = "0d"\ndown_revision = ("b2", "c3")\n',  # its id sorts first
        "e5_after.py": 'revision: str = "e5"\ndown_revision: str | None = "0d"\n',
    }
    paths = write(tmp_path / "alembic" / "versions", files)
    order = [p.name for p in chain_order(sorted(paths.values()))]
    assert order == ["a1_tags.py", "b2_age.py", "c3_name.py", "0d_merge.py", "e5_after.py"]
