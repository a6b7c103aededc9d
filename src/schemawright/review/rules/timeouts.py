"""Lock and statement timeouts before lock-taking DDL on existing tables (SW619, SW620; PostgreSQL).

Reported once per migration, at the first statement that needs the setting, and only when an up locks a
table that existed before it: DDL on tables the same migration creates cannot block anyone.
"""

from __future__ import annotations

import re

from sqlglot import exp

from schemawright.emit.sql.dialects import dialect_for
from schemawright.review.context import ParsedMigration
from schemawright.review.findings import finding
from schemawright.review.models import Location
from schemawright.review.parse import Statement
from schemawright.review.rules.common import FindingIter
from schemawright.review.schema import Schema, ident, key

_SET = re.compile(r"^(?:SET\s+(?:LOCAL\s+|SESSION\s+)?|SELECT\s+SET_CONFIG\s*\(\s*')(\w+)", re.I)
_SETTINGS = {
    "lock_timeout": ("SW619", "SET lock_timeout = '5s';"),
    "statement_timeout": ("SW620", "SET statement_timeout = '60s';"),
}


def check_migration(migration: ParsedMigration, dialect: str, before: Schema | None = None) -> FindingIter:
    """``before``: the schema before the migration, which tells whose table a dropped index is on."""
    if not dialect_for(dialect).supports_lock_timeout:
        return
    created: set[str] = set()
    new_indexes: set[str] = set()
    settings: set[str] = set()
    for stmt in migration.up:
        if m := _SET.match(stmt.text):
            settings.add(key(m[1]))
        table = _locked_table(stmt)
        needs = list(_SETTINGS) if table and table not in created else []
        if not needs:  # a short lock that still queues behind long transactions: lock_timeout only
            brief = [*_briefly_locked(stmt), *_dropped_index_tables(stmt, before or Schema(), new_indexes)]
            table = next((t for t in brief if t not in created), "")
            needs = ["lock_timeout"] if table else []
        if needs:
            for name in [n for n in needs if n not in settings]:
                code, fix = _SETTINGS[name]
                what = table if table.startswith(_DEPENDENTS) else f"existing table {table}"
                yield finding(
                    code,
                    f"{' '.join(stmt.text.split()[:3])} … locks {what} with no {name} set "
                    f"earlier in {migration.name}.",
                    at=Location(
                        file=stmt.path, line=stmt.line, table=None if table.startswith(_DEPENDENTS) else table
                    ),
                    migration=migration.name,
                    fix=f"{fix}  -- first statement of the migration; retry the deploy on timeout",
                )
                settings.add(name)  # once per migration
        if isinstance(stmt.expr, exp.Create) and str(stmt.expr.args.get("kind")).upper() in (
            "TABLE",
            "VIEW",
            "MATERIALIZED VIEW",
        ):
            created.add(key(ident(stmt.expr.this)))
        if isinstance(stmt.expr, exp.Create) and str(stmt.expr.args.get("kind")).upper() == "INDEX":
            new_indexes.add(key(ident(stmt.expr.this)))


_DEPENDENTS = "the table"  # not a table name: a description of the tables locked


def _dropped_index_tables(stmt: Statement, before: Schema, new_indexes: set[str]) -> list[str]:
    """The tables of the indexes a ``DROP INDEX`` without CONCURRENTLY drops: it holds ACCESS EXCLUSIVE on
    each table while it runs (brief, but it queues behind every running transaction and every reader
    queues behind it). An index the history does not show (made outside it) counts, as for SW615; one
    this migration made on a table it made does not."""
    e = stmt.expr
    if not isinstance(e, exp.Drop) or str(e.args.get("kind") or "").upper() != "INDEX":
        return []
    if e.args.get("concurrently"):
        return []
    out = []
    for target in e.args.get("tables") or []:
        name = key(ident(target))
        owner = before.index_owner(name)
        if owner is not None:
            out.append(key(owner.name))
        elif name not in new_indexes:
            out.append(f"{_DEPENDENTS} of index {ident(target)}")
    return out


def _briefly_locked(stmt: Statement) -> list[str]:
    """Existing tables (and views) a statement locks only briefly, but in a mode that waits for every
    running transaction and blocks writes (or more) while it waits: the tables a new foreign key
    references (SHARE ROW EXCLUSIVE), the table of a DROP TRIGGER, a view dropped or replaced (ACCESS
    EXCLUSIVE: its readers queue)."""
    e = stmt.expr
    kind = str(e.args.get("kind") or "").upper() if isinstance(e, exp.Create | exp.Drop) else ""
    if isinstance(e, exp.Create) and kind in ("VIEW", "MATERIALIZED VIEW") and e.args.get("replace"):
        return [key(ident(e.this))]  # replacing a view locks it (ACCESS EXCLUSIVE) against its readers
    if isinstance(e, exp.Create | exp.Alter):
        return [key(ident(ref.this)) for ref in e.find_all(exp.Reference)]
    if isinstance(e, exp.Drop) and kind in ("VIEW", "MATERIALIZED VIEW"):
        return [key(ident(t)) for t in e.args.get("tables") or []]
    if isinstance(e, exp.Drop) and kind == "SCHEMA" and e.args.get("cascade"):
        # CASCADE drops the triggers (ACCESS EXCLUSIVE on their tables) and views the schema's functions
        # and tables have elsewhere; what it holds may have been made outside the history
        names = [ident(t.args.get("db") or t.this) for t in e.args.get("tables") or []]
        return [f"{_DEPENDENTS}s whose triggers or views depend on schema {n}" for n in names if n]
    if isinstance(e, exp.Drop) and kind == "TRIGGER":
        on = e.args.get("cluster")
        return [key(ident(on.this))] if isinstance(on, exp.OnProperty) else []
    return []


def _locked_table(stmt: Statement) -> str:
    """The table a statement locks in a blocking mode (ACCESS EXCLUSIVE or SHARE), or ""."""
    e = stmt.expr
    if isinstance(e, exp.Alter) and str(e.args.get("kind") or "TABLE").upper() == "TABLE":
        return key(ident(e.this))
    if isinstance(e, exp.Create):
        kind = str(e.args.get("kind") or "").upper()
        if kind == "INDEX" and not e.args.get("concurrently") and " CONCURRENTLY " not in f" {stmt.upper} ":
            return key(ident(e.this.args.get("table")))
        if kind == "TRIGGER":
            props = e.args.get("properties")
            trig = props.find(exp.TriggerProperties) if props is not None else None
            return key(ident(trig.args.get("table"))) if trig is not None else ""
    if isinstance(e, exp.Drop) and str(e.args.get("kind") or "").upper() == "TABLE":
        targets = e.args.get("tables") or []
        return key(ident(targets[0])) if targets else ""
    if isinstance(e, exp.TruncateTable) and e.expressions:
        return key(ident(e.expressions[0]))
    return ""
