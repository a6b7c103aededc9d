"""Which tables a PostgreSQL script can change, as the catalog reader sees them: what lets ``design --all``
read back only those tables after the batch's own migration ran on its chain template
(:func:`schemawright.catalog.reflect.reflect_changed`) instead of the whole schema again.

The answer is a set of tables such that every *other* table reads back exactly as before the script, or
None when that cannot be told from the script's text. Only a short list of statements is understood, each
changing the one table it names and nothing another table's read-back shows:

- ``CREATE TABLE t``, ``ALTER TABLE t …`` (no RENAME, SET SCHEMA, inheritance, partition of another
  table, ATTACH/DETACH or a CASCADE other than a foreign key's action),
  ``CREATE [UNIQUE] INDEX … ON t``, ``COMMENT ON TABLE t`` / ``COMMENT ON COLUMN t.c``: ``t``;
- ``CREATE TRIGGER … ON t``, ``CREATE POLICY … ON t``: ``t`` too (both are read catalog-wide anyway);
- ``CREATE [OR REPLACE] FUNCTION`` (read catalog-wide), ``SET`` of a timeout, ``BEGIN``, ``COMMIT``: none;

Anything else — a DROP, a RENAME, a type, a sequence, an extension, a schema, a DO block, a statement that
names a schema the catalog does not know — is None: the whole schema is read again. A table in an
inheritance or partition tree can change with its parent; :func:`reflect_changed` reads everything again
when one of the named tables is in such a tree (the script's text cannot tell).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from schemawright.catalog.models import Catalog
from schemawright.engines.splitter import split_statements

TableKey = tuple[str | None, str]  # (schema, name) as the catalog names them: schema None is the default

_ID = r'(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)'
_NAME = rf"({_ID}(?:\s*\.\s*{_ID})?)"
_IF_EXISTS = r"(?:IF\s+EXISTS\s+)?"
_IF_NOT_EXISTS = r"(?:IF\s+NOT\s+EXISTS\s+)?"

_CREATE_TABLE = re.compile(rf"CREATE\s+TABLE\s+{_IF_NOT_EXISTS}{_NAME}\s*\(", re.I)
_ALTER_TABLE = re.compile(rf"ALTER\s+TABLE\s+{_IF_EXISTS}(?:ONLY\s+)?{_NAME}\s", re.I)
_CREATE_INDEX = re.compile(
    rf"CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:{_IF_NOT_EXISTS}{_ID}\s+)?ON\s+(?:ONLY\s+)?{_NAME}"
    r"[\s(]",
    re.I,
)
_COMMENT_TABLE = re.compile(rf"COMMENT\s+ON\s+TABLE\s+{_NAME}\s+IS\s", re.I)
_COMMENT_COLUMN = re.compile(rf"COMMENT\s+ON\s+COLUMN\s+{_NAME}\s*\.\s*{_ID}\s+IS\s", re.I)
_TRIGGER = re.compile(
    rf"CREATE\s+(?:OR\s+REPLACE\s+)?TRIGGER\s+{_ID}\s+(?:BEFORE|AFTER|INSTEAD\s+OF)\s[^;]*?\sON\s+{_NAME}\s",
    re.I | re.S,
)
_POLICY = re.compile(rf"CREATE\s+POLICY\s+{_ID}\s+ON\s+{_NAME}(?:\s|$)", re.I)
_FUNCTION = re.compile(r"CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\s", re.I)
_NOTHING = re.compile(
    r"(?:BEGIN|COMMIT|START\s+TRANSACTION|END)(?:\s+(?:TRANSACTION|WORK))?\s*$|"
    r"SET\s+(?:SESSION\s+|LOCAL\s+)?(?:lock_timeout|statement_timeout|idle_in_transaction_session_timeout)"
    r"\s*(?:=|TO)\s*[^;]*$",
    re.I,
)
# What a table statement may not do for the other tables to stay as they were (a foreign key's ON DELETE
# CASCADE is not a CASCADE that drops another table's objects; PARTITION BY makes a parent of the table).
_REACHES_OTHERS = re.compile(
    r"\b(?:RENAME|CASCADE|INHERITS?|PARTITION\s+OF|ATTACH|DETACH|SET\s+SCHEMA)\b", re.I
)
_REFERENTIAL_ACTION = re.compile(r"\bON\s+(?:DELETE|UPDATE)\s+CASCADE\b", re.I)


def tables_changed(scripts: Iterable[str], before: Catalog) -> set[TableKey] | None:
    """The tables ``scripts`` (run in order on the database ``before`` was read from) can change — create,
    alter, index, comment — or None when anything else might change (see the module docstring)."""
    changed: set[TableKey] = set()
    for script in scripts:
        try:
            statements = split_statements(script, "postgresql")
        except Exception:  # a psql meta-command: not understood here
            return None
        for statement in statements:
            found = _statement(" ".join(statement.code.split()), before)
            if found is None:
                return None
            changed |= found
    return changed


def _statement(code: str, before: Catalog) -> set[TableKey] | None:
    if not code or _NOTHING.match(code):
        return set()
    if _FUNCTION.match(code):
        return set()
    for pattern in (_CREATE_TABLE, _ALTER_TABLE):
        match = pattern.match(code)
        if match:
            if _REACHES_OTHERS.search(_REFERENTIAL_ACTION.sub(" ", code[match.end(1) :])):
                return None
            key = _key(match.group(1), before)
            return None if key is None else {key}
    for pattern in (_CREATE_INDEX, _COMMENT_TABLE, _COMMENT_COLUMN, _TRIGGER, _POLICY):
        match = pattern.match(code)
        if match:
            key = _key(match.group(1), before)
            return None if key is None else {key}
    return None


def _key(name: str, before: Catalog) -> TableKey | None:
    """``name`` (``t``, ``"T"``, ``s.t``) as the catalog's (schema, table); None for a schema it does not
    know. An unqualified name is the default schema's (the chain template's search path has no other)."""
    parts = re.findall(_ID, name)
    names = [p[1:-1].replace('""', '"') if p.startswith('"') else p.lower() for p in parts]
    if len(names) == 1:
        return None, names[0]
    schema, table = names
    if schema == before.default_schema:
        return None, table
    return (schema, table) if schema in before.schemas else None
