"""An index a design adds to a project's existing table keeps its whole definition — its WHERE predicate,
its method and its expressions — in the safe form alter.py writes (CONCURRENTLY, or ON ONLY the parent of
a partitioned table, then each partition's index and ATTACH). A partial or ``lower()`` unique index made
plain would be a different constraint. Each migration goes up, down and up again on the real engine, on
top of the project's own replayed migrations."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from schemawright.cli import app
from schemawright.design.models import Column, Index, LogicalType, RelationalDesign, Table
from schemawright.engines.scratch import MigrationError, ScratchDatabase
from schemawright.ops.feature import plan_feature, render_feature
from schemawright.pipeline import DesignRequest, design, write_outputs
from schemawright.project.detect import detect
from schemawright.project.load import ExistingProject, load_project
from schemawright.verify.engines import scratch_database
from tests.corpus_paths import EXAMPLES
from tests.round_trips import up_down_up
from tests.services import service_url

SPECS = Path(__file__).parent / "specs"
STAMP = LogicalType(name="timestamptz")
TEXT = LogicalType(name="text")

# the user's handle is unique case-insensitively among users not deleted: a partial expression index
HANDLE = Index(
    name="uq_users_handle",
    columns=["handle"],
    unique=True,
    expressions={"handle": "lower"},
    where="deleted_at IS NULL",
)
EMAIL_HASH = Index(name="idx_users_email_hash", columns=["email"], method="hash")
# on the partitioned page_views: only signed-in views, by path case-insensitively
PATHS = Index(
    name="idx_page_views_path", columns=["path"], expressions={"path": "lower"}, where="user_id IS NOT NULL"
)


def _project(root: Path, dialect: str, url: str | None) -> ExistingProject:
    return load_project(detect(root), dialect, url=url)  # type: ignore[arg-type]


def _gains(project: ExistingProject, name: str, columns: list[Column], indexes: list[Index]) -> Table:
    """The existing table ``name`` as a design that adds ``columns`` and ``indexes`` to it."""
    table = project.schema.table(name)
    assert table is not None, name
    return table.model_copy(
        update={"existing": True, "columns": table.columns + columns, "indexes": table.indexes + indexes}
    )


def _handles(dialect: str) -> list[Column]:
    stamp = "TIMESTAMPTZ" if dialect == "postgresql" else "TEXT"
    return [
        Column(name="deleted_at", type=stamp, logical=STAMP, nullable=True),
        Column(name="handle", type="TEXT", logical=TEXT, nullable=True),
    ]


def _handle_is_unique_among_live_users(db: ScratchDatabase, insert: str) -> None:
    """'Ann' and 'ann' collide while both are live (lower()), not once one is deleted (WHERE).
    ``insert`` is the table's INSERT with ``{email}`` and ``{handle}`` to fill."""
    db.execute(insert.format(email="'a@example.com'", handle="'Ann'"))
    with pytest.raises(MigrationError, match=r"(?i)unique"):
        db.execute(insert.format(email="'b@example.com'", handle="'ann'"))
    db.execute("UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE handle = 'Ann'")
    db.execute(insert.format(email="'c@example.com'", handle="'ann'"))


def test_postgresql_keeps_predicate_method_and_expressions_concurrently_and_on_only(
    tmp_path: Path, pg_url: str
) -> None:
    shutil.copytree(SPECS / "partitioned_existing", tmp_path, dirs_exist_ok=True)  # users, page_views
    project = _project(tmp_path, "postgresql", pg_url)
    users = _gains(project, "users", _handles("postgresql"), [HANDLE, EMAIL_HASH])
    page_views = _gains(project, "page_views", [], [PATHS])
    feature = RelationalDesign(dialect="postgresql", tables=[users, page_views])
    sql, separate = render_feature(plan_feature(feature, project.schema), feature, "-- test")
    text = "\n".join([sql.up, *(s.up for s in separate)])
    assert (
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS uq_users_handle ON users (lower(handle)) "
        "WHERE deleted_at IS NULL;" in text
    )
    assert "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_users_email_hash ON users USING hash (email);" in text
    assert (
        "CREATE INDEX IF NOT EXISTS idx_page_views_path ON ONLY page_views (lower(path)) "
        "WHERE user_id IS NOT NULL;" in sql.up
    )
    assert "ON page_views_2025_h1 (lower(path)) WHERE user_id IS NOT NULL;" in text  # a leaf, CONCURRENTLY

    with scratch_database("postgresql", pg_url) as db:
        for prior in project.prior_sql:
            db.execute_script(prior)
        up_down_up(db, [sql.up, *(s.up for s in separate)], [sql.down, *(s.down for s in separate)])
        rows = db.query(
            "SELECT c.relname AS name, i.indisvalid AS valid, pg_get_indexdef(i.indexrelid) AS def "
            "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE c.relname LIKE 'idx_page_views_path%'"
        )
        assert len(rows) == 6 and all(r["valid"] for r in rows), rows  # attached: same definition everywhere
        assert all("lower(path)" in r["def"] and "WHERE (user_id IS NOT NULL)" in r["def"] for r in rows), (
            rows
        )
        _handle_is_unique_among_live_users(db, "INSERT INTO users (email, handle) VALUES ({email}, {handle})")


def test_sqlite_keeps_predicate_and_expressions(tmp_path: Path) -> None:
    outcome = design(DesignRequest(spec_path=EXAMPLES / "001_login.md", root=tmp_path, db="sqlite"))
    assert outcome.result.verification.status == "passed", outcome.result.verification
    write_outputs(outcome, tmp_path)
    project = _project(tmp_path, "sqlite", None)
    users = _gains(project, "users", _handles("sqlite"), [HANDLE])
    feature = RelationalDesign(dialect="sqlite", tables=[users])
    plan = plan_feature(feature, project.schema)
    sql, separate = render_feature(plan, feature, "-- test")
    assert not separate and not plan.notes
    assert "CREATE UNIQUE INDEX uq_users_handle ON users (lower(handle)) WHERE deleted_at IS NULL;" in sql.up
    with scratch_database("sqlite") as db:
        for prior in project.prior_sql:
            db.execute_script(prior)
        up_down_up(db, [sql.up], [sql.down])
        _handle_is_unique_among_live_users(
            db,
            "INSERT INTO users (id, email, password_hash, display_name, handle) "
            "VALUES (lower(hex(randomblob(16))), {email}, 'hash', 'A', {handle})",
        )


def test_mysql_states_what_it_cannot_build_and_relies_on_the_collation(tmp_path: Path) -> None:
    """MySQL has no partial index (a new table's is emulated with a generated column, not added to an
    existing one) and MariaDB no functional one: the partial index is left out and said so, the lower()
    one indexes the column, whose _ci collation makes it case-insensitive (and the Assumptions say so)."""
    url = service_url("SCHEMAWRIGHT_MYSQL_URL")
    outcome = design(DesignRequest(spec_path=EXAMPLES / "001_login.md", root=tmp_path, db="mysql"))
    assert outcome.result.verification.status == "passed", outcome.result.verification
    write_outputs(outcome, tmp_path)
    project = _project(tmp_path, "mysql", url)
    handle_ci = Index(
        name="uq_users_handle_ci", columns=["handle"], unique=True, expressions={"handle": "lower"}
    )
    handle = Column(
        name="handle", type="VARCHAR(255)", logical=LogicalType(name="varchar", length=255), nullable=True
    )
    users = _gains(project, "users", [handle], [HANDLE, handle_ci])
    feature = RelationalDesign(dialect="mysql", tables=[users])
    plan = plan_feature(feature, project.schema)
    sql, separate = render_feature(plan, feature, "-- test")
    assert not separate
    assert "uq_users_handle " not in sql.up and "_active" not in sql.up  # no plain stand-in, no marker column
    assert "CREATE UNIQUE INDEX uq_users_handle_ci ON users (handle);" in sql.up
    notes = " ".join(plan.notes)
    assert "uq_users_handle (handle WHERE deleted_at IS NULL) is not in the migration" in notes
    assert "uq_users_handle_ci indexes handle instead of lower(handle)" in notes
    with scratch_database("mysql", url) as db:
        for prior in project.prior_sql:
            db.execute_script(prior)
        up_down_up(db, [sql.up], [sql.down])
        insert = (
            "INSERT INTO users (email, password_hash, display_name, handle) VALUES ('{0}', 'h', 'A', '{1}')"
        )
        db.execute(insert.format("a@example.com", "Ann"))
        with pytest.raises(MigrationError, match=r"(?i)duplicate"):
            db.execute(insert.format("b@example.com", "ann"))


def test_a_partitioned_index_migrations_pass_their_own_review(tmp_path: Path, pg_url: str) -> None:
    """PostgreSQL cannot detach an attached index, so the down of the migration that attaches the
    partitions' indexes drops the whole index — what the feature's earlier migrations created. The
    migration says so with a suppression the reviewer honours, and review --fail-on error passes."""
    shutil.copytree(SPECS / "partitioned_existing", tmp_path, dirs_exist_ok=True)
    outcome = design(DesignRequest(spec_path=SPECS / "005_campaigns.md", root=tmp_path, postgres_url=pg_url))
    assert outcome.result.verification.status == "passed", outcome.result.verification
    write_outputs(outcome, tmp_path)
    migrations = tmp_path / "backend" / "migrations"
    review = CliRunner().invoke(app, ["review", "--root", str(tmp_path), "--fail-on", "error"])
    assert review.exit_code == 0, review.output
    attach = next(
        f for f in migrations.glob("*_005_campaigns_index_*.down.sql") if "DROP INDEX IF" in f.read_text()
    )
    assert (
        "-- schemawright:ignore SW613, SW618 PostgreSQL cannot detach an attached index" in attach.read_text()
    )

    ups = sorted(migrations.glob("*.up.sql"))
    downs = [f.with_name(f.name.replace(".up.sql", ".down.sql")) for f in ups]
    with scratch_database("postgresql", pg_url) as db:
        db.execute_script(ups[0].read_text())  # the project's own migration
        up_down_up(db, [f.read_text() for f in ups[1:]], [f.read_text() for f in downs[1:]])
