"""Replay a project's up migrations, in version order, on a scratch database.

The result is the schema the project has today, built by the engine itself rather than by parsing SQL,
so anything the engine accepts (functions, triggers, DO blocks) is understood.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.schema import CreateIndex, CreateTable

from schemawright.engines.scratch import ScratchDatabase
from schemawright.project.alembic_chain import AlembicLayout, AlembicRunError, run
from schemawright.project.detect import Migration, MigrationSet
from schemawright.project.knex import KnexRuntime
from schemawright.project.tool_tables import TOOL_TABLES
from schemawright.project.transactions import runnable
from schemawright.tools.goose import go_hint
from schemawright.verify.errors import MigrationError, RefusedStatement


def replay(db: ScratchDatabase, migrations: Sequence[Migration]) -> None:
    """Run every up migration, each in its own transaction when its tool gives it one (see
    :mod:`~schemawright.project.transactions`); a rejected statement raises :class:`ProjectError` naming
    the file, line and statement."""
    from schemawright.project.errors import ProjectError

    for migration in migrations:
        try:
            db.execute_script(runnable(migration, db.dialect))
        except RefusedStatement as exc:
            raise ProjectError(
                f"{migration.path}: line {exc.line}: an existing migration acts outside its database and was "
                f"{exc.engine_message} — in: {exc.statement_excerpt}. Nothing of that migration ran; remove "
                "the statement, or pass --no-replay to design without running the existing migrations."
            ) from exc
        except MigrationError as exc:
            raise ProjectError(
                f"{migration.path}: line {exc.line}: the {db.dialect} engine rejected an existing migration: "
                f"{exc.engine_message} — in: {exc.statement_excerpt}. Fix the migration (or point "
                "--migrations-dir elsewhere) so the current schema can be reconstructed."
                + go_hint(migration.path, migration.version)
            ) from exc


def replay_lenient(db: ScratchDatabase, migrations: Sequence[Migration]) -> tuple[str, list[str]]:
    """Run every up migration statement by statement, going on past a statement the engine rejects:
    the statements that ran (as one script, which rebuilds the same schema: the chain's prior for
    verification) and the rejections, one line each (file, line, the engine's complaint). For histories
    read statically, where a rejection usually means the history changes what it never created (a base
    schema made by the application's ``create_all``) or what the reader could not read, not that the
    migration is broken. ``LOCK TABLE`` changes no schema and needs the tool's transaction: skipped. A
    statement that acts outside the database still stops the run."""
    from schemawright.engines.splitter import split_statements
    from schemawright.project.errors import ProjectError

    ran: list[str] = []
    rejected: list[str] = []
    for migration in migrations:
        for statement in split_statements(runnable(migration, db.dialect), db.dialect):
            if statement.text.lstrip().upper().startswith("LOCK "):
                continue
            try:
                db.execute_script(statement.text)
                ran.append(statement.text.strip().rstrip(";") + ";")
            except RefusedStatement as exc:
                raise ProjectError(
                    f"{migration.path}: line {statement.line}: an existing migration acts outside its "
                    f"database and was {exc.engine_message} — in: {exc.statement_excerpt}."
                ) from exc
            except MigrationError as exc:
                rejected.append(f"{migration.path.name}: line {statement.line}: {exc.engine_message}")
    return "\n\n".join(ran) + "\n" if ran else "", rejected


def replay_alembic(db: ScratchDatabase, layout: AlembicLayout, head: str) -> None:
    """``alembic upgrade {head}`` on the scratch database, through Alembic's runtime."""
    from schemawright.project.errors import ProjectError

    try:
        run(db.sqlalchemy_url, layout, head)
    except AlembicRunError as exc:
        raise ProjectError(
            f"{layout.versions}: {exc}. Fix the revision (or pass --migrations-dir) so the current schema "
            "can be reconstructed."
        ) from exc


def replay_django(db: ScratchDatabase, found: MigrationSet) -> None:
    """``manage.py migrate`` (every app) on the scratch database, through Django itself, with a generated
    minimal settings module; the extended app's migrations are ``found.migrations`` (a regenerated
    feature's own are left out)."""
    import tempfile
    from pathlib import Path

    from schemawright.project.django_run import apps_of, migrate, stage

    assert found.foreign is not None
    apps, target = apps_of(found.directory, found.foreign.apps)
    with tempfile.TemporaryDirectory(prefix="schemawright-django-") as tmp:
        work = stage(Path(tmp), apps, target, db.sqlalchemy_url, [m.path for m in found.migrations])
        migrate(work, apps, [(None, None)])


def replay_knex(db: ScratchDatabase, runtime: KnexRuntime, found: MigrationSet) -> None:
    """``knex migrate:latest`` on the scratch database with the real Knex, from a staged copy of the
    migrations folder (a regenerated feature's own files left out)."""
    import tempfile
    from pathlib import Path

    from schemawright.project.knex import run, stage

    with tempfile.TemporaryDirectory(prefix="schemawright-knex-") as tmp:
        staged = stage(Path(tmp) / "migrations", [m.path for m in found.migrations])
        run(runtime, staged, db.sqlalchemy_url, ["latest"])


def dump_ddl(db: ScratchDatabase) -> str:
    """The database's application tables and indexes as CREATE statements (reflected by SQLAlchemy)."""
    engine = sa.create_engine(db.sqlalchemy_url)
    try:
        meta = sa.MetaData()
        meta.reflect(engine)
        parts = []
        for table in meta.sorted_tables:
            if table.name in TOOL_TABLES:
                continue
            parts.append(str(CreateTable(table).compile(engine)).strip() + ";")
            parts += [str(CreateIndex(ix).compile(engine)).strip() + ";" for ix in table.indexes]
        return "\n\n".join(parts) + "\n" if parts else ""
    finally:
        engine.dispose()
