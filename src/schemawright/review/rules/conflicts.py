"""Statements that would fail, or do damage, on the schema the earlier migrations built (SW618).

CREATE of an object that already exists and DROP of one that does not are checked per statement against
the schema just before it. A down that drops an object which existed before its up (an earlier migration's
table or shared trigger function) is checked per migration, with the schema after the down.
"""

from __future__ import annotations

from sqlglot import exp

from schemawright.emit.sql.dialects import dialect_for
from schemawright.review.apply import trigger_table, triggers_named
from schemawright.review.context import ParsedMigration, StatementContext
from schemawright.review.findings import finding
from schemawright.review.models import Location
from schemawright.review.parse import Statement
from schemawright.review.rules.common import FindingIter
from schemawright.review.schema import Schema, ident, index, key

_KINDS = ("TABLE", "INDEX", "VIEW", "TYPE", "FUNCTION", "PROCEDURE")


def _tracked(kind: str, dialect: str) -> bool:
    """Kinds the static model follows reliably (triggers: only PostgreSQL's single-statement form)."""
    return kind in _KINDS or (kind == "TRIGGER" and dialect_for(dialect).single_statement_triggers)


def check_statement(stmt: Statement, ctx: StatementContext) -> FindingIter:
    e = stmt.expr
    if isinstance(e, exp.Create) and not e.args.get("exists") and not e.args.get("replace"):
        kind = str(e.args.get("kind") or "").upper()
        name = _created_name(e, kind)
        if kind == "INDEX" and ctx.sql.index_names_per_table:  # MySQL
            table = ctx.schema.table(ident(e.this.args.get("table")))
            taken = table is not None and index(table, name) is not None
        else:
            taken = kind in ("TABLE", "INDEX", "VIEW", "TYPE") and _exists(ctx.schema, kind, name)
        if name and taken:
            yield finding(
                "SW618",
                f"{kind.capitalize()} {name} already exists when this {ctx.direction} runs: CREATE fails.",
                at=Location(file=stmt.path, line=stmt.line, table=name if kind == "TABLE" else None),
                migration=ctx.migration,
                fix=f"-- {name} was created by an earlier migration: reuse it, or pick another name",
            )
    elif isinstance(e, exp.Drop) and not e.args.get("exists"):
        kind = str(e.args.get("kind") or "").upper()
        for target in e.args.get("tables") or []:
            name = ident(target)
            if _tracked(kind, ctx.dialect) and not _exists(ctx.schema, kind, name, trigger_table(e)):
                yield finding(
                    "SW618",
                    f"{kind.capitalize()} {name} does not exist when this {ctx.direction} runs: DROP fails.",
                    at=Location(file=stmt.path, line=stmt.line),
                    migration=ctx.migration,
                    fix=f"-- drop only what exists here (nothing earlier creates {name}), or use IF EXISTS",
                )


def check_down(migration: ParsedMigration, before: Schema, after_down: Schema, dialect: str) -> FindingIter:
    """Down statements that remove an object the up did not create and do not put it back."""
    for stmt in migration.down or []:
        e = stmt.expr
        if not isinstance(e, exp.Drop):
            continue
        kind = str(e.args.get("kind") or "").upper()
        for target in e.args.get("tables") or []:
            name = ident(target)
            if (
                _tracked(kind, dialect)
                and _exists(before, kind, name, trigger_table(e))
                and not _exists(after_down, kind, name, trigger_table(e))
            ):
                yield finding(
                    "SW618",
                    f"The down of {migration.name} drops {kind.lower()} {name}, which an earlier migration "
                    "created (it existed before this up).",
                    at=Location(file=stmt.path, line=stmt.line, table=name if kind == "TABLE" else None),
                    migration=migration.name,
                    fix=f"-- remove this DROP: {name} belongs to an earlier migration and what it created "
                    "still uses it; the down drops only what its up created",
                )


def _created_name(e: exp.Create, kind: str) -> str:
    if kind == "INDEX":
        return ident(e.this.this) if isinstance(e.this, exp.Index) else ""
    return ident(e.this)


def _exists(schema: Schema, kind: str, name: str, on: str | None = None) -> bool:
    """Whether ``schema`` has the object (a trigger ``on`` its table, when the statement names one)."""
    k = key(name)
    if kind == "TABLE":
        table = schema.table(name)
        return table is not None and not table.stub
    if kind == "INDEX":
        return schema.index_owner(name) is not None
    if kind == "VIEW":
        return k in schema.views
    if kind == "TYPE":
        return k in schema.types
    if kind in ("FUNCTION", "PROCEDURE"):
        return k in schema.functions
    return bool(triggers_named(schema, name, on))
