"""The Alembic plugin reads revisions statically, never importing them: ``upgrade()`` / ``downgrade()`` as
SQL at their lines (``op.execute`` as written, other operations rendered by offline Alembic), in
``down_revision`` chain order, and a note on whatever only running the code would tell."""

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
    for name in names():
        op.create_table(name)
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


def test_code_only_running_would_tell_is_noted_and_a_revision_without_sql_has_an_empty_up(
    tmp_path: Path,
) -> None:
    paths = write(tmp_path / "versions", {"b2_age.py": AGE, "c3.py": "def upgrade():\n    pass\n"})
    m = revision(paths["b2_age.py"])
    assert m.unread == ("upgrade() line 5: not read: a for loop",)
    assert m.up.splitlines()[6] == "ALTER TABLE tags ADD COLUMN age INT;"
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


OPERATIONS = '''import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql
from app.types import GUID

revision = "c3"
down_revision = "b2"
POSTS = "posts"


def upgrade():
    op.create_table(
        POSTS,
        sa.Column("id", sa.BigInteger(), sa.Identity(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("token", GUID(), nullable=True),
        sa.Column("meta", postgresql.JSONB(), server_default=sa.text("'{}'::jsonb")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_posts_user_id"), POSTS, ["user_id"])
    with op.batch_alter_table("posts") as batch_op:
        batch_op.add_column(sa.Column("title", sa.String(length=200), nullable=True))
    conn = op.get_bind()
    op.alter_column("users", "email", new_column_name="mail")
'''


def test_operations_are_rendered_at_their_lines_and_run_time_values_are_noted(tmp_path: Path) -> None:
    paths = write(tmp_path / "versions", {"c3_posts.py": OPERATIONS})
    m = revision(paths["c3_posts.py"])
    lines = m.up.splitlines()
    assert lines[11].startswith("CREATE TABLE posts ( id BIGINT GENERATED BY DEFAULT AS IDENTITY,")
    assert "token TEXT" in lines[11]
    assert "FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE" in lines[11]
    assert lines[20] == "CREATE INDEX ix_posts_user_id ON posts (user_id);"
    assert lines[21] == "ALTER TABLE posts ADD COLUMN title VARCHAR(200);"  # the batch, at its `with` line
    assert lines[24] == "ALTER TABLE users RENAME email TO mail;"
    assert m.unread == (
        "upgrade() line 12: column token: type app.types.GUID is not SQLAlchemy's; read as text",
    )  # `conn = op.get_bind()` is read now: conn.execute(...) and Enum(...).create(conn) run their SQL


ENUMS = '''import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "d4"
down_revision = "c3"
kind = postgresql.ENUM("sdist", "wheel", name="package_type", create_type=False)


def upgrade():
    kind.create(op.get_bind(), checkfirst=False)
    op.add_column("files", sa.Column("kind", kind, nullable=True))
    with op.get_context().autocommit_block():
        op.create_index("files_kind_idx", "files", ["kind"], postgresql_concurrently=True)


def downgrade():
    op.drop_column("files", "kind")
    kind.drop(op.get_bind())
'''


def test_enum_types_created_on_the_bind_and_autocommit_blocks_are_read(tmp_path: Path) -> None:
    m = revision(write(tmp_path / "versions", {"d4_kind.py": ENUMS})["d4_kind.py"])
    lines = m.up.splitlines()
    assert lines[10] == "CREATE TYPE package_type AS ENUM ('sdist', 'wheel');"
    assert lines[11] == "ALTER TABLE files ADD COLUMN kind package_type;"
    assert lines[13] == "CREATE INDEX CONCURRENTLY files_kind_idx ON files (kind);"
    assert m.down is not None and m.down.splitlines()[18] == "DROP TYPE package_type;"
    assert m.unread == ()


ASSIGNED = '''import sqlalchemy as sa
from alembic import op

revision = "e5"
down_revision = None


def upgrade():
    roles = op.create_table("roles", sa.Column("id", sa.Integer(), primary_key=True))
    op.bulk_insert(roles, [{"id": 1}])
    try:
        op.add_column("roles", sa.Column("name", sa.Text()))
    except Exception:
        pass
'''


def test_an_operation_assigned_to_a_name_is_read_and_a_try_body_too(tmp_path: Path) -> None:
    m = revision(write(tmp_path / "versions", {"e5_roles.py": ASSIGNED})["e5_roles.py"])
    lines = m.up.splitlines()
    assert lines[8] == "CREATE TABLE roles ( id SERIAL NOT NULL, PRIMARY KEY (id) );"
    assert lines[11] == "ALTER TABLE roles ADD COLUMN name TEXT;"
    assert m.unread == (
        "upgrade() line 10: not read: op.bulk_insert(...) is not a schema operation read statically",
        "upgrade() line 11: a try block: its body was read, not its handlers",
    )
