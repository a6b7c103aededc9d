"""Naming: snake_case, reserved words, prefixes, plural consistency and length limits (SW4xx)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlglot import exp

from schemawright.catalog.models import Table
from schemawright.emit.sql.dialects import dialect_for
from schemawright.review.context import StatementContext
from schemawright.review.findings import finding
from schemawright.review.models import Location
from schemawright.review.parse import Statement
from schemawright.review.rules.common import FindingIter, col_at, reviewable, table_at, tokens
from schemawright.review.schema import Schema, ident, key

SNAKE = re.compile(r"^[a-z_][a-z0-9_]*$")
# reserved in SQL:2016 and in at least one of PostgreSQL/MySQL/SQLite, and common as table/column names;
# words only an engine reserves (KEY, INDEX on MySQL) count on that engine (``reserved_words``)
RESERVED = frozenset(
    {
        "all",
        "analyse",
        "analyze",
        "and",
        "any",
        "as",
        "asc",
        "between",
        "both",
        "case",
        "cast",
        "check",
        "column",
        "constraint",
        "create",
        "cross",
        "current_date",
        "current_time",
        "current_timestamp",
        "current_user",
        "default",
        "delete",
        "desc",
        "distinct",
        "do",
        "drop",
        "else",
        "end",
        "except",
        "exists",
        "false",
        "fetch",
        "for",
        "foreign",
        "from",
        "grant",
        "group",
        "having",
        "in",
        "inner",
        "insert",
        "intersect",
        "into",
        "is",
        "join",
        "leading",
        "left",
        "like",
        "limit",
        "natural",
        "not",
        "null",
        "offset",
        "on",
        "or",
        "order",
        "outer",
        "primary",
        "references",
        "right",
        "row",
        "rows",
        "select",
        "session_user",
        "table",
        "then",
        "to",
        "trailing",
        "true",
        "union",
        "unique",
        "update",
        "user",
        "using",
        "values",
        "when",
        "where",
        "window",
        "with",
    }
)
PREFIXES = ("tbl_", "tb_", "t_", "col_", "fld_", "str_", "int_", "vw_")
ABBREVIATIONS = frozenset(
    {
        "usr",
        "nm",
        "pwd",
        "qty",
        "amt",
        "addr",
        "dt",
        "desc",
        "num",
        "tmp",
        "cnt",
        "val",
        "txt",
        "msg",
        "cust",
        "prd",
        "ord",
        "inv",
        "trx",
        "acct",
    }
)
UNCOUNTABLE = frozenset(
    {
        "data",
        "metadata",
        "media",
        "news",
        "equipment",
        "information",
        "staff",
        "feedback",
        "history",
        "audit",
        "inventory",
        "software",
        "series",
        "analytics",
        "status",
        "access",
        "settings",
    }
)
IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women", "criteria", "mice", "geese", "feet"})


def check_table(table: Table, schema: Schema, dialect: str) -> FindingIter:
    if table.stub:
        return
    names: list[tuple[str, Location, str]] = [(table.name, table_at(table), "table")]
    if reviewable(table):
        names += [(c.name, col_at(table, c), "column") for c in table.columns]
    names += [
        (i.name or "", Location(file=i.path or "", line=i.line or 0, table=table.name), "index")
        for i in table.indexes
    ]
    for name, at, what in names:
        yield from _identifier(name, at, what, dialect)


def _identifier(name: str, at: Location, what: str, dialect: str) -> FindingIter:
    if not SNAKE.match(name):
        snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower().replace(" ", "_").replace("-", "_")
        yield finding(
            "SW401",
            f"{what.capitalize()} name {name!r} is not snake_case.",
            at=at,
            fix=f'ALTER ... RENAME "{name}" TO {snake};  -- and use {snake} in new DDL',
        )
    if key(name) in RESERVED or key(name) in dialect_for(dialect).reserved_words:
        better = {
            "user": "users",
            "order": "orders",
            "group": "groups",
            "desc": "description",
            "key": "key_name",
            "index": "position",
        }.get(key(name), f"{key(name)}_value")
        yield finding(
            "SW402",
            f"{what.capitalize()} name {name!r} is an SQL reserved word.",
            at=at,
            fix=f"-- rename to {better}",
        )
    words = tokens(name)
    prefix = next((p for p in PREFIXES if key(name).startswith(p)), None)
    abbreviations = [w for w in words if w in ABBREVIATIONS]
    if what != "index" and (prefix or abbreviations):
        reason = f"prefix {prefix!r}" if prefix else f"abbreviation(s) {', '.join(abbreviations)}"
        yield finding(
            "SW403",
            f"{what.capitalize()} name {name!r} uses {reason}.",
            at=at,
            fix=f"-- rename {name} to a plain descriptive snake_case name "
            f"(e.g. {key(name).removeprefix(prefix or '') if prefix else 'user_name'})",
        )


def number(name: str) -> str | None:
    """'plural', 'singular' or None for words that do not tell (data, news, status)."""
    words = tokens(name)
    if not words:
        return None
    last = words[-1]
    if last in UNCOUNTABLE:
        return None
    if last in IRREGULAR_PLURALS or (last.endswith("s") and not last.endswith(("ss", "us", "is"))):
        return "plural"
    return "singular"


def check_schema(tables: Iterable[Table], schema: Schema, dialect: str) -> FindingIter:
    """Table names should agree on plural or singular; flag the minority."""
    candidates = [t for t in schema.tables.values() if reviewable(t)]
    forms = {t.name: number(t.name) for t in candidates}
    plural = sum(f == "plural" for f in forms.values())
    singular = sum(f == "singular" for f in forms.values())
    if min(plural, singular) == 0 or plural == singular:
        return
    majority = "plural" if plural > singular else "singular"
    wanted = {key(t.name) for t in tables}
    for table in candidates:
        form = forms[table.name]
        if form and form != majority and key(table.name) in wanted:
            yield finding(
                "SW404",
                f"Table {table.name} is {form} while {max(plural, singular)} other tables are {majority}.",
                at=table_at(table),
                fix=f"-- rename to the {majority} form, e.g. ALTER TABLE {table.name} RENAME TO ...;",
            )


# objects whose names the table rules do not see (they check tables, columns and indexes)
_OTHER_KINDS = ("VIEW", "MATERIALIZED VIEW", "TRIGGER", "FUNCTION", "PROCEDURE", "TYPE", "SEQUENCE")
_RAW_NAME = re.compile(
    r"^\s*(?:CREATE\s+(?:OR\s+REPLACE\s+)?(?P<kind>FUNCTION|PROCEDURE|TYPE|SEQUENCE|TRIGGER|"
    r"(?:MATERIALIZED\s+)?VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:[\w\"$]+\.)?"
    r"|ALTER\s+(?P<akind>TYPE|VIEW|SEQUENCE|FUNCTION|PROCEDURE|TRIGGER|TABLE)\s+\S+(?:\s+ON\s+\S+)?\s+RENAME\s+"
    r"(?:(?P<constraint>CONSTRAINT)\s+\S+\s+)?TO\s+)"
    r"(?P<name>\"[^\"]+\"|[\w$]+)",
    re.I,
)


def check_statement(stmt: Statement, ctx: StatementContext) -> FindingIter:
    """SW405 for every name a statement gives (tables, columns, indexes, constraints, views, triggers,
    functions, types, sequences), where it gives it: PostgreSQL truncates every identifier to 63 bytes
    (MySQL rejects over 64), so the catalog a replay reflects only ever holds the truncated name, and an
    object a later migration drops was still created under a name the engine cut."""
    limit = ctx.sql.engine_identifier_limit
    if not limit:
        return
    for what, name in _defined_names(stmt):
        size = len(name.encode())
        if size > limit:
            yield finding(
                "SW405",
                f"{what.capitalize()} name {name[:40]}… is {size} bytes (limit {limit})"
                + (
                    f": PostgreSQL silently truncates it to {name.encode()[:limit].decode(errors='ignore')}."
                    if ctx.sql.truncates_long_identifiers
                    else "."
                ),
                at=Location(file=stmt.path, line=_line_of(stmt, name)),
                migration=ctx.migration,
                fix=f"-- shorten to at most {limit} bytes, e.g. {name[: limit - 8].rstrip('_')}",
            )


def _defined_names(stmt: Statement) -> list[tuple[str, str]]:
    """(kind, name) of the objects ``stmt`` names that the table rules do not check."""
    e = stmt.expr
    out: list[tuple[str, str]] = []
    if isinstance(e, exp.Create | exp.Alter):
        kind = str(e.args.get("kind") or "").upper()
        if isinstance(e, exp.Create) and kind in _OTHER_KINDS:
            target = e.this.this if isinstance(e.this, exp.UserDefinedFunction) else e.this
            out.append((kind.lower(), ident(target)))
        if isinstance(e, exp.Alter) and kind not in ("", "TABLE"):  # ALTER INDEX/VIEW … RENAME TO
            for action in e.args.get("actions") or []:
                if isinstance(action, exp.AlterRename):
                    out.append((kind.lower(), ident(action.this)))
        out += _table_names(e, kind)
        for node in e.find_all(exp.Constraint, exp.ColumnConstraint):
            if isinstance(node.this, exp.Identifier):
                out.append(("constraint", ident(node.this)))
    elif isinstance(e, exp.Drop):  # a long name in a DROP reaches whatever holds its first 63 bytes
        kind = str(e.args.get("kind") or "").lower()
        out += [(kind or "object", ident(t)) for t in e.args.get("tables") or []]
    elif m := _RAW_NAME.match(stmt.text):
        what = "constraint" if m["constraint"] else (m["kind"] or m["akind"] or "").lower()
        if what != "table":  # a renamed table is checked with the table
            name = m["name"]
            out.append((" ".join(what.split()), name[1:-1] if name.startswith('"') else name))
    return [(what, name) for what, name in out if name]


def _table_names(e: exp.Create | exp.Alter, kind: str) -> list[tuple[str, str]]:
    """The table, column and index names a CREATE TABLE / CREATE INDEX / ALTER TABLE gives."""
    out: list[tuple[str, str]] = []
    if isinstance(e, exp.Create) and kind == "TABLE":
        out.append(("table", ident(e.this)))
        if isinstance(e.this, exp.Schema):
            out += [("column", ident(c.this)) for c in e.this.expressions if isinstance(c, exp.ColumnDef)]
    elif isinstance(e, exp.Create) and kind == "INDEX" and isinstance(e.this, exp.Index):
        out.append(("index", ident(e.this.this)))
    elif isinstance(e, exp.Alter) and kind in ("", "TABLE"):
        for action in e.args.get("actions") or []:
            if isinstance(action, exp.ColumnDef):
                out.append(("column", ident(action.this)))
            elif isinstance(action, exp.AlterRename):
                out.append(("table", ident(action.this)))
            elif isinstance(action, exp.RenameColumn):
                out.append(("column", ident(action.args.get("to"))))
    return out


def _line_of(stmt: Statement, name: str) -> int:
    at = stmt.text.find(name)
    return stmt.line + stmt.text.count("\n", 0, at) if at >= 0 else stmt.line
