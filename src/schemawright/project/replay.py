"""Replay a project's up migrations, in version order, on a scratch database.

The result is the schema the project has today, built by the engine itself rather than by parsing SQL,
so anything the engine accepts (functions, triggers, DO blocks) is understood.
"""

from __future__ import annotations

from collections.abc import Sequence

from schemawright.project.detect import Migration
from schemawright.verify.engines import ScratchDatabase
from schemawright.verify.errors import MigrationError


def replay(db: ScratchDatabase, migrations: Sequence[Migration]) -> None:
    """Run every up migration; a rejected statement raises :class:`ProjectError` naming the file,
    line and statement."""
    from schemawright.project.errors import ProjectError

    for migration in migrations:
        try:
            db.execute_script(migration.up)
        except MigrationError as exc:
            raise ProjectError(
                f"{migration.path}: line {exc.line}: the {db.dialect} engine rejected an existing migration: "
                f"{exc.engine_message} — in: {exc.statement_excerpt}. Fix the migration (or point "
                "--migrations-dir elsewhere) so the current schema can be reconstructed."
            ) from exc
