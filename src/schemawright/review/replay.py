"""Replay the chain on a real engine: rejected statements become findings, the result is reflected.

The ups run in version order on a scratch database; the catalog is reflected after the last one. Then the
downs run from the newest migration back to the oldest reviewed one, so a down that the engine refuses
(e.g. dropping a function earlier tables still use) is reported too. Each runs in the transaction its tool
gives it (goose, dbmate, Diesel, Atlas, Liquibase: one per migration unless it opts out), so a statement
that needs one (``LOCK TABLE``) runs as with the tool. A migration using ``CONCURRENTLY``, which no
transaction block allows, runs outside it: the static rules report that it fails in the tool's
transaction (SW616), and it is replayed as their fix runs it, so the review goes on with the reflected
catalog. Any other failure stops the replay at that point, like the migration tool would.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, cast

from schemawright.emit.sql.dialects import dialect_for
from schemawright.review.chain import Migration, Section
from schemawright.review.findings import finding
from schemawright.review.models import Finding, Location
from schemawright.review.schema import Schema
from schemawright.verify.errors import EngineUnavailable, MigrationError, RefusedStatement, ServerUnusable

if TYPE_CHECKING:  # the drivers and the reflector are imported by replay_chain: --no-replay needs neither
    from schemawright.engines.scratch import ScratchDatabase

_CONCURRENTLY = re.compile(r"\bCONCURRENTLY\b", re.I)


@dataclass(frozen=True)
class EngineChoice:
    """Which engine to replay on: ``url`` (else the environment's), or the embedded PostgreSQL."""

    url: str | None = None
    embedded: bool = False


@dataclass
class ReplayOutcome:
    target: str = ""  # e.g. "server 127.0.0.1:5432 (PostgreSQL 18.0)"; "" when no engine ran
    schema: Schema | None = None  # reflected after every up; None when an up failed or no engine ran
    findings: list[Finding] = field(default_factory=list)
    note: str = ""


def replay_chain(
    migrations: Sequence[Migration],
    dialect: str,
    static: Schema,
    focus: set[str] | None,
    engine: EngineChoice,
) -> ReplayOutcome:
    """Apply the chain on a scratch ``dialect`` database. Without an engine the static catalog is used (a
    note says why); a configured server that cannot be used raises :class:`ServerUnusable`."""
    from schemawright.engines.scratch import scratch_database

    outcome = ReplayOutcome()
    try:
        with scratch_database(
            cast(Literal["postgresql", "mysql", "sqlite"], dialect), engine.url, embedded=engine.embedded
        ) as db:
            outcome.target = db.target
            _run(db, migrations, static, focus, outcome)
    except ServerUnusable:
        raise  # a configured server that cannot be used fails closed; only no server means static
    except EngineUnavailable as exc:
        outcome.note = f"no {dialect} engine for replay ({exc}); the static catalog was used"
    return outcome


def _run(
    db: ScratchDatabase,
    migrations: Sequence[Migration],
    static: Schema,
    focus: set[str] | None,
    outcome: ReplayOutcome,
) -> None:
    from schemawright.review.reflect import reflect_schema, table_names

    appeared: dict[str, str] = {}
    for migration in migrations:
        if not _apply(db, migration, migration.up, "up", outcome):
            failed = f"{migration.up.path} failed on {db.target}; the static catalog was used"
            outcome.note = outcome.note or failed
            return
        for table in table_names(db) - set(appeared):
            appeared[table] = migration.up.path
    outcome.schema = reflect_schema(db, static, appeared)
    first_reviewed = next((i for i, m in enumerate(migrations) if focus is None or m.name in focus), None)
    if first_reviewed is None:
        return
    for migration in reversed(migrations[first_reviewed:]):
        if migration.down is None or not _apply(db, migration, migration.down, "down", outcome):
            return


def _apply(
    db: ScratchDatabase, migration: Migration, section: Section, direction: str, out: ReplayOutcome
) -> bool:
    sql = section.sql
    # the tool's own transaction, opened on the script's first line (lines unchanged)
    if migration.implicit_transaction and not _CONCURRENTLY.search(sql):
        sql = dialect_for(db.dialect).in_transaction(sql)
    try:
        db.execute_script(sql)
    except RefusedStatement:  # reported as SW504 by the static rule; nothing of the script ran
        out.note = (
            f"{section.path} was not replayed: a statement acts outside the database (SW504); "
            "the static catalog was used"
        )
        return False
    except MigrationError as exc:
        line = section.first_line - 1 + exc.line
        out.findings.append(
            finding(
                "SW617",
                f"The {direction} of {migration.name} fails on {db.target}: {exc.engine_message}.",
                at=Location(file=section.path, line=line),
                migration=migration.name,
                fix=f"-- the engine rejected: {exc.statement_excerpt}\n"
                "-- fix the statement (or what it depends on) so the chain applies in order",
            )
        )
        return False
    return True
