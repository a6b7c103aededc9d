"""Write a new migration in the project's own format, with the tool's naming and versioning rules.

Statements that must run outside a transaction (``CREATE INDEX CONCURRENTLY``) go in migrations of
their own, marked the way each tool expects (dbmate ``transaction:false``, goose ``NO TRANSACTION``,
Atlas ``txmode none``, Diesel ``metadata.toml`` ``run_in_transaction = false``); golang-migrate and
Flyway run a lone statement outside a transaction.
"""

from __future__ import annotations

from dataclasses import replace

from schemawright.emit.sql.dialects import DialectName
from schemawright.project.alter import Separate
from schemawright.project.detect import MigrationSet
from schemawright.project.foreign import notes as foreign_notes
from schemawright.project.migration import NewFile, Role, Step
from schemawright.tools import diesel, tool
from schemawright.tools.alembic import VERIFIED_BY_ALEMBIC
from schemawright.tools.atlas import atlas_sum

NO_TX_NOTE = (
    "-- Runs outside a transaction (a lone statement; marked for the tools that need it).\n"
    "-- squawk-ignore ban-concurrent-index-creation-in-transaction"
)
__all__ = ["NO_TX_NOTE", "NewFile", "Role", "Step", "atlas_sum", "render", "steps"]


def steps(
    version: str, feature_id: str, up: str, down: str, separate: list[Separate], header: str
) -> list[Step]:
    """The feature's migration and one per separate statement, with consecutive versions."""
    head = f"{header}\n" if header else ""
    out = [Step(version, feature_id, up, down)]
    for i, sep in enumerate(separate, 1):
        if not sep.transactional:  # the tool runs this migration's lone statement outside a transaction
            *before, statement = sep.up.split("\n")  # squawk reads the ignore on the statement's line above
            sep = replace(sep, up="\n".join([*before, NO_TX_NOTE, statement]))
        out.append(
            Step(
                _bump(version, i),
                f"{feature_id}_{sep.suffix}",
                f"{head}{sep.up}\n",
                f"{head}{sep.down}\n",
                sep.transactional,
            )
        )
    return out


def _bump(version: str, by: int) -> str:
    return diesel.bump(version, by)  # numbers keep their width; Diesel's dashed timestamps add seconds


def render(
    found: MigrationSet, plan: list[Step], dialect: DialectName = "postgresql", *, tool_ran: bool = True
) -> tuple[list[NewFile], list[str]]:
    """(files, notes) for ``plan`` in ``found``'s format (its plugin's ``write``); notes go to the
    Assumptions. ``tool_ran``: the project's own tool (Alembic, Django) replayed and verifies the chain;
    False when its migrations were read statically, so no note says it did."""
    notes: list[str] = []
    if found.foreign is not None:
        latest = found.migrations[-1].path.stem if found.format == "django" and found.migrations else None
        notes += foreign_notes(found.foreign, latest, tool_ran=tool_ran)
    files, tool_notes = tool(found.format).write(found, plan, dialect)
    if not tool_ran:
        tool_notes = [n.replace(VERIFIED_BY_ALEMBIC, "") for n in tool_notes]
    return files, notes + tool_notes
