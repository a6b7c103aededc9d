"""SW504: a statement that reaches outside its database (server programs, files, roles, settings, other
databases). The predicate is the one replay and verification refuse such statements with
(:func:`schemawright.verify.outside.reaches_outside`), so the review reports them even without replay."""

from __future__ import annotations

from schemawright.review.context import StatementContext
from schemawright.review.findings import finding
from schemawright.review.models import Location
from schemawright.review.parse import Statement
from schemawright.review.rules.common import FindingIter
from schemawright.verify.outside import reaches_outside


def check_statement(stmt: Statement, ctx: StatementContext) -> FindingIter:
    reason = reaches_outside(stmt.text, ctx.dialect)
    if reason is None:
        return
    yield finding(
        "SW504",
        f"{' '.join(stmt.text.split()[:4])} … acts outside the database: {reason}. Replay and verification "
        "refuse to run it.",
        at=Location(file=stmt.path, line=stmt.line),
        migration=ctx.migration,
        fix="-- remove it from the migration; server, role and file changes belong to operations, not schema",
    )
