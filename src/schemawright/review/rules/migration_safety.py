"""Migration safety: locks, rewrites, destructive and non-idempotent statements (SW6xx).

Each check looks at one statement with the schema as it was just before it; "existing" means a table not
created earlier in the same migration, so lock-heavy operations on brand-new tables are not reported.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from sqlglot import exp

from schemawright.emit.sql.dialects import dialect_for
from schemawright.review.context import StatementContext
from schemawright.review.findings import finding
from schemawright.review.models import Finding, Location
from schemawright.review.parse import Statement, on_only, to_sql
from schemawright.review.rules.common import FindingIter
from schemawright.review.schema import column as schema_column
from schemawright.review.schema import ident, key

VOLATILE_BATCH = re.compile(r"\bLIMIT\b|\bBETWEEN\b|[<>]=?|\bIN \(SELECT\b", re.I)


def check_statement(stmt: Statement, ctx: StatementContext) -> FindingIter:
    e = stmt.expr
    if ctx.direction == "down":
        yield from _idempotent(stmt, ctx)
        if isinstance(e, exp.Drop):
            yield from _drop_index(stmt, e, ctx)
        return
    if isinstance(e, exp.Alter):
        yield from _alter(stmt, e, ctx)
    elif isinstance(e, exp.Create) and str(e.args.get("kind")).upper() == "INDEX":
        yield from _create_index(stmt, e, ctx)
    elif isinstance(e, exp.Drop):
        yield from _drop(stmt, e, ctx)
        yield from _drop_index(stmt, e, ctx)
    elif isinstance(e, exp.TruncateTable):
        for target in e.expressions:
            yield _drop_table_finding(stmt, ident(target), ctx, "truncated")
    elif isinstance(e, exp.Update | exp.Delete):
        yield from _backfill(stmt, e, ctx)
    yield from _idempotent(stmt, ctx)


def _at(stmt: Statement, table: str | None = None, column: str | None = None) -> Location:
    return Location(file=stmt.path, line=stmt.line, table=table, column=column)


def _alter(stmt: Statement, e: exp.Alter, ctx: StatementContext) -> FindingIter:
    table = ident(e.this)
    if str(e.args.get("kind") or "TABLE").upper() != "TABLE" or not ctx.existing(table):
        return
    for action in e.args.get("actions") or []:
        if isinstance(action, exp.ColumnDef):
            yield from _add_column(stmt, table, action, ctx)
        elif isinstance(action, exp.AlterColumn):
            yield from _alter_column(stmt, table, action, ctx)
        elif isinstance(action, exp.AddConstraint):
            yield from _add_constraint(stmt, table, action, e, ctx)
        elif isinstance(action, exp.Drop) and str(action.args.get("kind")).upper() == "COLUMN":
            for target in action.args.get("tables") or []:
                col = ident(target)
                yield finding(
                    "SW604",
                    f"Column {table}.{col} is dropped.",
                    at=_at(stmt, table, col),
                    migration=ctx.migration,
                    fix=f"-- expand/contract: stop reading {table}.{col} in code, deploy, back up, then drop "
                    "it "
                    "in a later migration whose down re-adds it",
                )
        elif isinstance(action, exp.RenameColumn):
            old, new = ident(action.this), ident(action.args.get("to"))
            yield finding(
                "SW605",
                f"Column {table}.{old} is renamed to {new}.",
                at=_at(stmt, table, old),
                migration=ctx.migration,
                fix=f"ALTER TABLE {table} ADD COLUMN {new} <type>;  -- dual-write, backfill, switch reads,\n"
                f"-- then drop {old} in a later migration",
            )
        elif isinstance(action, exp.AlterRename):
            new = ident(action.this)
            yield finding(
                "SW605",
                f"Table {table} is renamed to {new}.",
                at=_at(stmt, table),
                migration=ctx.migration,
                fix=f"CREATE VIEW {table} AS SELECT * FROM {new};  -- keep the old name readable until "
                "all code uses the new one",
            )


def _add_column(stmt: Statement, table: str, cdef: exp.ColumnDef, ctx: StatementContext) -> FindingIter:
    column = ident(cdef.this)
    kinds = [c.args.get("kind") for c in cdef.args.get("constraints") or []]
    not_null = any(isinstance(k, exp.NotNullColumnConstraint) and not k.args.get("allow_null") for k in kinds)
    has_default = any(isinstance(k, exp.DefaultColumnConstraint) for k in kinds)
    generated = any(
        isinstance(
            k,
            exp.GeneratedAsIdentityColumnConstraint
            | exp.ComputedColumnConstraint
            | exp.AutoIncrementColumnConstraint,
        )
        for k in kinds
    )
    kind = cdef.args.get("kind")
    type_sql = to_sql(kind, "postgres") if kind is not None else "<type>"
    if not_null and not has_default and not generated:
        yield finding(
            "SW601",
            f"{table}.{column} is added NOT NULL without a default to an existing table.",
            at=_at(stmt, table, column),
            migration=ctx.migration,
            fix=f"ALTER TABLE {table} ADD COLUMN {column} {type_sql};\n"
            f"-- backfill {column} in batches, then:\n"
            f"ALTER TABLE {table} ALTER COLUMN {column} SET NOT NULL;",
        )
    inline = next(
        (k for k in kinds if isinstance(k, exp.UniqueColumnConstraint | exp.PrimaryKeyColumnConstraint)), None
    )
    if inline is not None:
        what = "PRIMARY KEY" if isinstance(inline, exp.PrimaryKeyColumnConstraint) else "UNIQUE"
        cname = f"{'pk' if what == 'PRIMARY KEY' else 'uq'}_{key(table)}_{key(column)}"
        yield finding(
            "SW610",
            f"{table}.{column} is added with an inline {what} constraint to an existing table: its index is "
            "built while the table is locked.",
            at=_at(stmt, table, column),
            migration=ctx.migration,
            fix=(
                f"ALTER TABLE {table} ADD COLUMN {column} {type_sql};\n"
                f"CREATE UNIQUE INDEX CONCURRENTLY {cname} ON {table} ({column});  -- its own migration\n"
                f"ALTER TABLE {table} ADD CONSTRAINT {cname} {what} USING INDEX {cname};"
            )
            if ctx.sql.supports_concurrent_index
            else "-- add the column, then the constraint off-peak",
        )
    references = any(isinstance(k, exp.Reference) for k in kinds)
    if ctx.sql.supports_not_valid and references and not _not_valid(stmt):
        yield finding(
            "SW607",
            f"{table}.{column} is added with a validated REFERENCES constraint.",
            at=_at(stmt, table, column),
            migration=ctx.migration,
            fix=f"ALTER TABLE {table} ADD COLUMN {column} {type_sql};\n"
            f"ALTER TABLE {table} ADD CONSTRAINT fk_{key(table)}_{key(column)} FOREIGN KEY ({column}) "
            "REFERENCES <parent> (id) NOT VALID;\n"
            f"ALTER TABLE {table} VALIDATE CONSTRAINT fk_{key(table)}_{key(column)};",
        )


def _alter_column(stmt: Statement, table: str, action: exp.AlterColumn, ctx: StatementContext) -> FindingIter:
    column = ident(action.this)
    dtype = action.args.get("dtype")
    if isinstance(dtype, exp.DataType):
        current = ctx.schema.table(table)
        col = schema_column(current, column) if current is not None else None
        was = f" from {col.type}" if col is not None else ""
        new_type = to_sql(dtype, "postgres")
        yield finding(
            "SW602",
            f"{table}.{column} changes type{was} to {new_type}.",
            at=_at(stmt, table, column),
            migration=ctx.migration,
            fix=f"ALTER TABLE {table} ADD COLUMN {column}_new {new_type};\n"
            f"-- dual-write, backfill {column}_new in batches, switch reads, then drop {column} later",
        )
    elif action.args.get("allow_null") is False and not action.args.get("drop"):
        nn = f"ck_{key(table)}_{key(column)}_nn"
        yield finding(
            "SW609",
            f"{table}.{column} is set NOT NULL on an existing table.",
            at=_at(stmt, table, column),
            migration=ctx.migration,
            fix=(
                f"ALTER TABLE {table} ADD CONSTRAINT {nn} CHECK ({column} IS NOT NULL) NOT VALID;\n"
                f"ALTER TABLE {table} VALIDATE CONSTRAINT {nn};\n"
                f"ALTER TABLE {table} ALTER COLUMN {column} SET NOT NULL;"
            )
            if ctx.sql.supports_not_valid
            else "-- run it off-peak after a batched backfill of NULLs",
        )


def _not_valid(stmt: Statement) -> bool:
    return "NOT VALID" in stmt.upper


def _add_constraint(
    stmt: Statement, table: str, action: exp.AddConstraint, alter: exp.Alter, ctx: StatementContext
) -> FindingIter:
    not_valid = bool(alter.args.get("not_valid")) or _not_valid(stmt)
    current = ctx.schema.table(table)
    partitioned = current is not None and current.partitioned
    for item in action.expressions:
        name = ident(item.this) if isinstance(item, exp.Constraint) else ""
        parts = list(item.expressions) if isinstance(item, exp.Constraint) else [item]
        for part in parts:
            if isinstance(part, exp.ForeignKey) and ctx.sql.supports_not_valid and partitioned:
                continue  # PostgreSQL (before 18) refuses NOT VALID on a partitioned table: no safer form
            if isinstance(part, exp.ForeignKey) and ctx.sql.supports_not_valid and not not_valid:
                cname = name or f"fk_{key(table)}"
                yield finding(
                    "SW607",
                    f"Foreign key {cname} is added to existing table {table} without NOT VALID.",
                    at=_at(stmt, table),
                    migration=ctx.migration,
                    fix=f"{stmt.text} NOT VALID;\nALTER TABLE {table} VALIDATE CONSTRAINT {cname};  "
                    "-- in a separate migration",
                )
            elif isinstance(part, exp.CheckColumnConstraint) and ctx.sql.supports_not_valid and not not_valid:
                cname = name or f"ck_{key(table)}"
                yield finding(
                    "SW608",
                    f"CHECK {cname} is added to existing table {table} without NOT VALID.",
                    at=_at(stmt, table),
                    migration=ctx.migration,
                    fix=f"{stmt.text} NOT VALID;\nALTER TABLE {table} VALIDATE CONSTRAINT {cname};",
                )
            elif (
                isinstance(part, exp.UniqueColumnConstraint | exp.PrimaryKey)
                and "USING INDEX" not in stmt.upper
            ):
                cname = name or f"uq_{key(table)}"
                cols = ", ".join(
                    ident(c)
                    for c in (
                        part.this.expressions if isinstance(part.this, exp.Schema) else part.expressions
                    )
                )
                kind = "PRIMARY KEY" if isinstance(part, exp.PrimaryKey) else "UNIQUE"
                yield finding(
                    "SW610",
                    f"{kind} constraint {cname} is added to existing table {table}.",
                    at=_at(stmt, table),
                    migration=ctx.migration,
                    fix=(
                        f"CREATE UNIQUE INDEX CONCURRENTLY {cname} ON {table} ({cols});\n"
                        f"ALTER TABLE {table} ADD CONSTRAINT {cname} {kind} USING INDEX {cname};"
                    )
                    if ctx.sql.supports_concurrent_index
                    else "-- check for duplicates first and run it off-peak",
                )


# Diesel's {version}_{name}/up.sql (the only tool whose up file is named up.sql) runs in a transaction of
# Diesel's own unless the migration's metadata.toml turns it off
_DIESEL_NO_TRANSACTION = (
    "-- run this migration outside a transaction: `run_in_transaction = false` in metadata.toml beside "
    "up.sql (Diesel), and no BEGIN/COMMIT"
)


def _create_index(stmt: Statement, e: exp.Create, ctx: StatementContext) -> FindingIter:
    index = e.this
    table = ident(index.args.get("table"))
    concurrent = bool(e.args.get("concurrently")) or " CONCURRENTLY " in f" {stmt.upper} "
    if not ctx.sql.supports_concurrent_index:
        return
    if concurrent and ctx.in_transaction:
        yield finding(
            "SW616",
            f"Index {ident(index.this)} is created CONCURRENTLY inside a transaction.",
            at=_at(stmt, table),
            migration=ctx.migration,
            fix=_DIESEL_NO_TRANSACTION
            if PurePath(stmt.path).name == "up.sql"
            else "-- run this migration outside a transaction: dbmate `-- migrate:up transaction:false`, "
            "goose `-- +goose NO TRANSACTION`, Atlas `-- atlas:txmode none` and a blank line at the top of "
            "the file, Liquibase `runInTransaction:false` on the changeset line, or remove BEGIN/COMMIT",
        )
    if not concurrent and ctx.existing(table) and not on_only(stmt.text):  # ON ONLY builds nothing
        fixed = re.sub(
            r"^CREATE\s+(UNIQUE\s+)?INDEX\s+(IF\s+NOT\s+EXISTS\s+)?",
            _concurrent,
            stmt.text,
            count=1,
            flags=re.I,
        )
        yield finding(
            "SW606",
            f"Index {ident(index.this)} is built on existing table {table} without CONCURRENTLY.",
            at=_at(stmt, table),
            migration=ctx.migration,
            fix=fixed + ";  -- outside a transaction",
        )


def _concurrent(m: re.Match[str]) -> str:
    return f"CREATE {(m.group(1) or '').upper()}INDEX CONCURRENTLY IF NOT EXISTS "


def _drop(stmt: Statement, e: exp.Drop, ctx: StatementContext) -> FindingIter:
    kind = str(e.args.get("kind") or "").upper()
    if kind not in ("TABLE", "SCHEMA", "DATABASE"):
        return
    for target in e.args.get("tables") or []:
        name = ident(target)
        if kind == "TABLE" and not ctx.existing(name):
            continue
        yield _drop_table_finding(stmt, name, ctx, "dropped", kind.lower())


def _drop_table_finding(
    stmt: Statement, table: str, ctx: StatementContext, verb: str, what: str = "table"
) -> Finding:
    return finding(
        "SW603",
        f"{what.capitalize()} {table} is {verb}.",
        at=_at(stmt, table),
        migration=ctx.migration,
        fix=f"-- stop using {table} in code first and take a backup; then, in a later contract migration:\n"
        f"-- schemawright:ignore SW603 <why it is safe>\n{stmt.text};",
    )


def _drop_index(stmt: Statement, e: exp.Drop, ctx: StatementContext) -> FindingIter:
    if str(e.args.get("kind") or "").upper() != "INDEX" or not ctx.sql.supports_concurrent_index:
        return
    names = [ident(t) for t in e.args.get("tables") or []]
    if e.args.get("concurrently"):
        if len(names) > 1:
            exists = "IF EXISTS " if e.args.get("exists") else ""
            yield finding(
                "SW617",
                f"DROP INDEX CONCURRENTLY names {len(names)} indexes ({', '.join(names)}): PostgreSQL "
                'rejects it ("DROP INDEX CONCURRENTLY does not support dropping multiple objects").',
                at=_at(stmt),
                migration=ctx.migration,
                fix="\n".join(f"DROP INDEX CONCURRENTLY {exists}{n};" for n in names),
            )
        return
    for target in e.args.get("tables") or []:
        name = ident(target)
        owner = ctx.schema.index_owner(name)
        if owner is not None and (not ctx.existing(owner.name) or owner.partitioned):
            continue  # PostgreSQL drops a partitioned table's index only without CONCURRENTLY
        if ctx.direction == "down" and owner is None:
            continue
        yield finding(
            "SW615",
            f"Index {name} is dropped without CONCURRENTLY.",
            at=_at(stmt, owner.name if owner else None),
            migration=ctx.migration,
            fix=f"DROP INDEX CONCURRENTLY IF EXISTS {name};  -- outside a transaction",
        )


def _backfill(stmt: Statement, e: exp.Update | exp.Delete, ctx: StatementContext) -> FindingIter:
    table = ident(e.this) if e.this is not None else ""
    if not table or not ctx.existing(table):
        return
    where = e.args.get("where")
    if (where is not None and VOLATILE_BATCH.search(stmt.render(where))) or e.args.get("limit") is not None:
        return
    if where is not None and _one_row(where.this, table, ctx):
        return
    verb = "UPDATE" if isinstance(e, exp.Update) else "DELETE"
    yield finding(
        "SW611",
        f"{verb} on {table} touches every matching row in one statement.",
        at=_at(stmt, table),
        migration=ctx.migration,
        fix=f"-- run it in batches outside the schema migration, e.g.\n{stmt.text} "
        f"{'AND' if where is not None else 'WHERE'} id IN (SELECT id FROM {table} "
        f"{'WHERE ' + stmt.render(where.this) + ' ' if where is not None else ''}LIMIT 1000);"
        "  -- repeat until 0 rows",
    )


def _one_row(cond: exp.Expression, table: str, ctx: StatementContext) -> bool:
    """A WHERE that pins one row: ``col = <literal>`` (alone or ANDed with more) on a column that is the
    table's primary key or unique on its own, e.g. ``WHERE table_name = 'packages'`` on a unique name."""
    model = ctx.schema.table(table)
    if model is None:
        return False
    single = {key(c) for u in model.uniques if len(u.columns) == 1 for c in u.columns}
    single |= {
        key(i.columns[0])
        for i in model.indexes
        if i.unique and len(i.keys) == 1 and i.columns and not i.where
    }
    if model.primary_key is not None and len(model.primary_key.columns) == 1:
        single.add(key(model.primary_key.columns[0]))
    terms = list(cond.flatten()) if isinstance(cond, exp.And) else [cond]
    for eq in terms:
        if not isinstance(eq, exp.EQ):
            continue
        col, value = eq.this, eq.expression
        if isinstance(value, exp.Column):
            col, value = value, col
        if isinstance(col, exp.Column) and isinstance(value, exp.Literal) and key(col.name) in single:
            return True
    return False


_CREATE_HEAD = re.compile(r"^(CREATE\s+(?:UNIQUE\s+)?(?:TABLE|INDEX)(?:\s+CONCURRENTLY)?)\s+", re.I)
_DROP_HEAD = re.compile(
    r"^(DROP\s+(?:MATERIALIZED\s+VIEW|TABLE|INDEX|VIEW|FUNCTION|PROCEDURE|TRIGGER|TYPE|"
    r"SCHEMA|SEQUENCE)(?:\s+CONCURRENTLY)?)\s+",
    re.I,
)
_CREATE_REPLACEABLE = re.compile(r"^CREATE\s+(VIEW|FUNCTION|PROCEDURE)\b", re.I)


def _idempotent(stmt: Statement, ctx: StatementContext) -> FindingIter:
    """Statements that fail on a second run, where that matters: scripts that do not roll back as a whole
    (MySQL, CONCURRENTLY, no-transaction migrations). The fix is the statement rewritten to be re-runnable."""
    if ctx.atomic:
        return
    e = stmt.expr
    fixed = None
    if isinstance(e, exp.Create) and not e.args.get("exists") and not e.args.get("replace"):
        if _CREATE_HEAD.match(stmt.text):
            fixed = _CREATE_HEAD.sub(r"\1 IF NOT EXISTS ", stmt.text, count=1)
        elif _CREATE_REPLACEABLE.match(stmt.text) and ctx.sql.supports_create_or_replace:
            fixed = _CREATE_REPLACEABLE.sub(r"CREATE OR REPLACE \1", stmt.text, count=1)
    elif isinstance(e, exp.Drop) and not e.args.get("exists") and _DROP_HEAD.match(stmt.text):
        fixed = _DROP_HEAD.sub(r"\1 IF EXISTS ", stmt.text, count=1)
    if fixed:
        head = " ".join(stmt.text.split()[:3])
        yield finding(
            "SW614",
            f"{head} … fails when the migration is re-run.",
            at=_at(stmt),
            migration=ctx.migration,
            fix=fixed + ";",
        )


_BEGIN = re.compile(r"^(BEGIN|START TRANSACTION)\b", re.I)
_END = re.compile(r"^(COMMIT|END|ROLLBACK)\b", re.I)
_VALIDATE = re.compile(
    r"^ALTER TABLE (?:IF EXISTS )?(?:ONLY )?(?P<table>[\w.\"]+) VALIDATE CONSTRAINT (?P<name>[\w\"]+)"
)


def check_validation(
    migration: str, statements: list[Statement], atomic: bool, dialect: str, created: set[str]
) -> FindingIter:
    """SW621: a constraint added NOT VALID and validated in the same transaction. ``atomic``: the script
    runs as one transaction (PostgreSQL without CONCURRENTLY or a no-transaction marker); otherwise only an
    explicit BEGIN … COMMIT block groups statements. Tables in ``created`` are new in this migration."""
    if not dialect_for(dialect).supports_not_valid:
        return
    pending: dict[str, str] = {}  # constraint key -> its table, added NOT VALID in the open transaction
    explicit = False
    for stmt in statements:
        if _BEGIN.match(stmt.text) or _END.match(stmt.text):
            explicit = bool(_BEGIN.match(stmt.text))
            pending.clear()
            continue
        if not (explicit or atomic):
            pending.clear()  # each statement commits on its own
            continue
        e = stmt.expr
        if isinstance(e, exp.Alter) and (e.args.get("not_valid") or _not_valid(stmt)):
            table = ident(e.this)
            for action in e.args.get("actions") or []:
                if isinstance(action, exp.AddConstraint):
                    for item in action.expressions:
                        if isinstance(item, exp.Constraint) and key(table) not in created:
                            pending[key(ident(item.this))] = table
        elif (m := _VALIDATE.match(stmt.upper)) and (name := key(m["name"].strip('"'))) in pending:
            table = pending[name]
            validate = " ".join(stmt.text.split())
            yield finding(
                "SW621",
                f"Constraint {name} on {table} is added NOT VALID and validated in the same transaction: "
                "the validation scan runs while the lock the ADD CONSTRAINT took is still held.",
                at=_at(stmt, table),
                migration=migration,
                fix=f"-- move this statement to a migration of its own (or after a COMMIT):\n{validate};",
            )
