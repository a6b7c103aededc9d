"""Run an existing migration the way its tool does: goose, dbmate, Diesel and Atlas wrap each migration in
a transaction of its own (unless the file opts out: ``-- +goose NO TRANSACTION``, ``-- migrate:up
transaction:false``, Diesel's ``run_in_transaction = false``, ``-- atlas:txmode none``), so statements
that need one (``LOCK TABLE``, ``SET LOCAL``) work, and a failing migration leaves nothing behind. goose
sends a ``-- +goose StatementBegin`` … ``StatementEnd`` block as one statement; on MySQL a block holding a
stored routine becomes a ``DELIMITER`` section, so the body's semicolons do not split it (the PostgreSQL
and SQLite splitters already keep dollar-quoted and ``BEGIN … END`` bodies whole, and several
statements sent at once run in the same transaction anyway)."""

from __future__ import annotations

import re

from schemawright.emit.sql.dialects import dialect_for
from schemawright.project.migration import Migration

_BLOCK = re.compile(
    r"^--\s*\+goose\s+StatementBegin\b[^\n]*\n(?P<body>.*?)^--\s*\+goose\s+StatementEnd\b[^\n]*$",
    re.M | re.S | re.I,
)
_TOKEN = "//goose//"
# A block that is one stored routine (its body's semicolons are not statement ends).
_ROUTINE = re.compile(r"^\s*(?:--[^\n]*\n\s*)*CREATE\b[^;]*?\b(?:PROCEDURE|FUNCTION|TRIGGER|EVENT)\b", re.I)


def runnable(migration: Migration, dialect: str) -> str:
    """The migration's up script as the scratch database should run it (line numbers unchanged)."""
    sql = dialect_for(dialect)
    body = migration.up
    if sql.delimiter_command:
        body = _BLOCK.sub(_delimited, body)
    if not migration.transactional:
        return body
    return sql.in_transaction(body)


def _delimited(m: re.Match[str]) -> str:
    if _ROUTINE.match(m["body"]) is None:  # plain statements (our own files): split them as usual
        return m[0]
    statement = m["body"].rstrip()
    statement = statement[:-1] if statement.endswith(";") else statement
    newlines = m["body"][len(statement) :].count("\n")  # keep the block's line count
    return f"DELIMITER {_TOKEN}\n{statement}{chr(10) * newlines}{_TOKEN} DELIMITER ;"
