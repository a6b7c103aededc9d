"""An Alembic project with two revisions is detected, rebuilt by Alembic, extended with a chained revision
file, and the chain verifies through Alembic — also through the project's own env.py and alembic.ini."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import URL

from schemawright.pipeline import DesignRequest, design, write_outputs
from schemawright.project.detect import detect

SPECS = Path(__file__).parent / "specs"

INI = "[alembic]\nscript_location = %(here)s/alembic\nsqlalchemy.url = driver://user:pass@localhost/dbname\n"
ENV = """from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config
connectable = engine_from_config(
    config.get_section(config.config_ini_section, {}), prefix="sqlalchemy.", poolclass=pool.NullPool
)
with connectable.connect() as connection:
    context.configure(connection=connection, target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()
"""
REV_USERS = '''"""users"""
import sqlalchemy as sa
from alembic import op

revision = "1a2b3c4d5e6f"
down_revision = None


def upgrade():
    op.create_table(
        "users",
        sa.Column("id", sa.BigInteger, sa.Identity(always=True), primary_key=True),
        sa.Column("email", sa.Text, nullable=False),
    )
    op.create_index("users_email_idx", "users", ["email"], unique=True)


def downgrade():
    op.drop_table("users")
'''
REV_NAME = '''"""user name"""
import sqlalchemy as sa
from alembic import op

revision = "9f8e7d6c5b4a"
down_revision = "1a2b3c4d5e6f"


def upgrade():
    op.add_column("users", sa.Column("display_name", sa.String(80)))


def downgrade():
    op.drop_column("users", "display_name")
'''


def _project(root: Path) -> None:
    versions = root / "alembic" / "versions"
    versions.mkdir(parents=True)
    (root / "alembic.ini").write_text(INI, encoding="utf-8")
    (root / "alembic" / "env.py").write_text(ENV, encoding="utf-8")
    (versions / "1a2b3c4d5e6f_users.py").write_text(REV_USERS, encoding="utf-8")
    (versions / "9f8e7d6c5b4a_user_name.py").write_text(REV_NAME, encoding="utf-8")


@pytest.fixture
def scratch_url(pg_url: str) -> Iterator[str]:
    """An empty database on the configured server, for running the project's own alembic.ini."""
    name = f"sw_alembic_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}".encode())
    info = psycopg.conninfo.conninfo_to_dict(pg_url)
    host, port, user = info.get("host", "127.0.0.1"), info.get("port", "5432"), info.get("user", "postgres")
    socket = str(host).startswith("/")  # the embedded PostgreSQL listens on a Unix socket
    url = URL.create(
        "postgresql+psycopg", username=str(user), host=None if socket else str(host), port=int(port),
        database=name, query={"host": str(host)} if socket else {},
    )
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)".encode())



def _trusted(root: Path, pg_url: str) -> DesignRequest:
    """The project's migrations are Python: replaying them needs --trust-python-migrations."""
    return DesignRequest(spec_path=SPECS / "002_notes.md", root=root, postgres_url=pg_url, trust_python=True)

def test_alembic_project_is_detected_replayed_extended_and_verified(tmp_path: Path, pg_url: str) -> None:
    _project(tmp_path)
    before = detect(tmp_path)
    assert before.format == "alembic" and [m.version for m in before.migrations] == [
        "1a2b3c4d5e6f",
        "9f8e7d6c5b4a",
    ]
    outcome = design(_trusted(tmp_path, pg_url))
    result = outcome.result
    assert result.verification.status == "passed", result.verification
    steps = [s.name for s in result.verification.reports[0].steps]
    assert steps[0].startswith("prior-1 alembic upgrade 9f8e7d6c5b4a") and "snapshot-compare" in steps
    assert any("BIGINT identity" in a.text for a in result.assumptions)  # learned from Alembic's schema
    write_outputs(outcome, tmp_path)
    after = detect(tmp_path)
    assert after.format == "alembic" and len(after.migrations) == 3
    new = after.migrations[-1]
    text = new.path.read_text()
    assert new.path.name == f"{new.version}_002_notes.py"
    assert "down_revision = '9f8e7d6c5b4a'" in text and "op.execute(sa.text(" in text
    assert "REFERENCES users (id)" in text and "BIGINT" in text


def test_new_revision_runs_under_the_projects_own_alembic(
    tmp_path: Path, pg_url: str, scratch_url: str
) -> None:
    _project(tmp_path)
    outcome = design(_trusted(tmp_path, pg_url))
    write_outputs(outcome, tmp_path)
    config = Config(str(tmp_path / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", scratch_url.replace("%", "%%"))  # configparser interpolation
    command.upgrade(config, "head")
    command.downgrade(config, "-1")
    command.upgrade(config, "head")
    with psycopg.connect(scratch_url.replace("+psycopg", "")) as conn:
        tables = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
    assert {"users", "notes", "alembic_version"} <= tables


def test_rerun_with_force_replaces_the_features_revision(tmp_path: Path, pg_url: str) -> None:
    _project(tmp_path)
    write_outputs(
        design(_trusted(tmp_path, pg_url)), tmp_path
    )
    again = design(_trusted(tmp_path, pg_url))
    assert again.result.verification.status == "passed", again.result.verification
    write_outputs(again, tmp_path)
    assert len(detect(tmp_path).migrations) == 3


def test_index_naming_and_text_habits_are_learned_and_followed(tmp_path: Path, pg_url: str) -> None:
    _project(tmp_path)  # its only index is users_email_idx
    outcome = design(_trusted(tmp_path, pg_url))
    learned = " ".join(a.text for a in outcome.result.assumptions)
    assert "{table}_{columns}_idx" in learned and "Text columns are TEXT" in learned
    text = next(f.content for f in outcome.result.files if f.path.endswith("_002_notes.py"))
    assert "notes_user_id_idx" in text and "idx_notes_user_id" not in text
    assert outcome.result.verification.status == "passed", outcome.result.verification
