"""Reading migration files: which tables a script creates or drops, and existing column types.

The design JSON lists the files it wrote (``files`` with roles ``migration-up`` /
``migration-down``); the checks about existing tables must look at those scripts, not at the
design's own claims, because a correct table list can still come with a wrong script. Parsing is
deliberately shallow (regexes over comment-stripped SQL, plus Alembic's ``op.create_table``):
it only has to find table names and column types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.scoring.match import bare_table_name

_SQL_COMMENTS = re.compile(r"--[^\n]*|/\*.*?\*/", re.DOTALL)
_NAME = r"((?:[`\"\[]?[\w$]+[`\"\]]?\s*\.\s*)?[`\"\[]?[\w$]+[`\"\]]?)"
_CREATE_TABLE = re.compile(
    r"\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:(?:GLOBAL|LOCAL)\s+)?(?:TEMP(?:ORARY)?\s+|UNLOGGED\s+)?TABLE\s+"
    r"(?:IF\s+NOT\s+EXISTS\s+)?" + _NAME,
    re.IGNORECASE,
)
_DROP_TABLE = re.compile(
    r"\bDROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?((?:" + _NAME[1:-1] + r")(?:\s*,\s*" + _NAME[1:-1] + r")*)",
    re.IGNORECASE,
)
_ALEMBIC = re.compile(r"\b(create_table|drop_table)\(\s*['\"]([\w.]+)['\"]")
_CONSTRAINT_WORDS = {"constraint", "primary", "foreign", "unique", "check", "exclude", "key", "index", "like"}
_TYPE_END = re.compile(
    r"\s+(?:not\s+null|null|default|primary|references|unique|check|generated|constraint|collate|"
    r"auto_increment|autoincrement|on\s+update|comment)\b.*$",
    re.IGNORECASE | re.DOTALL,
)


@dataclass
class MigrationFiles:
    """Texts of the design's migration scripts, and the paths that could not be read."""

    up: list[tuple[str, str]] = field(default_factory=list)
    down: list[tuple[str, str]] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)


def _role(entry: dict[str, Any]) -> str:
    return str(entry.get("role", "")).lower()


def is_migration(entry: dict[str, Any]) -> bool:
    return _role(entry).startswith("migration")


def load_migrations(design: dict[str, Any], root: Path) -> MigrationFiles:
    """Read every ``migration-up``/``migration-down`` file of the design, relative to ``root``.

    A file entry may carry its text inline (``content``); otherwise it is read from disk.
    """
    out = MigrationFiles()
    for entry in design.get("files") or []:
        if not isinstance(entry, dict) or not is_migration(entry):
            continue
        role, path = _role(entry), str(entry.get("path", ""))
        text = entry.get("content")
        if not isinstance(text, str):
            file = Path(path) if Path(path).is_absolute() else root / path
            try:
                text = file.read_text(encoding="utf-8")
            except OSError:
                out.unreadable.append(path)
                continue
        if role.endswith("down"):
            out.down.append((path, text))
        elif role.endswith("up"):
            out.up.append((path, text))
    return out


def strip_sql_comments(sql: str) -> str:
    return _SQL_COMMENTS.sub(" ", sql)


def created_tables(script: str) -> list[str]:
    """Bare names of the tables a script creates (SQL ``CREATE TABLE`` or Alembic ``create_table``)."""
    text = strip_sql_comments(script)
    names = [bare_table_name(m.group(1).replace(" ", "")) for m in _CREATE_TABLE.finditer(text)]
    names += [bare_table_name(m.group(2)) for m in _ALEMBIC.finditer(script) if m.group(1) == "create_table"]
    return names


def dropped_tables(script: str) -> list[str]:
    """Bare names of the tables a script drops (``DROP TABLE a, b`` counts both)."""
    text = strip_sql_comments(script)
    names: list[str] = []
    for m in _DROP_TABLE.finditer(text):
        names += [bare_table_name(n.strip().replace(" ", "")) for n in m.group(1).split(",")]
    names += [bare_table_name(m.group(2)) for m in _ALEMBIC.finditer(script) if m.group(1) == "drop_table"]
    return names


def _body_after(text: str, start: int) -> str | None:
    """The text inside the parentheses that open at or after ``start`` (balanced)."""
    open_at = text.find("(", start)
    if open_at < 0:
        return None
    depth = 0
    for i in range(open_at, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return text[open_at + 1 : i]
    return None


def _split_top_level(body: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in body:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def column_types(script: str, table: str) -> dict[str, str]:
    """Column → declared type of ``table`` in a SQL script (empty when the script lacks it)."""
    text = strip_sql_comments(script)
    for m in _CREATE_TABLE.finditer(text):
        if bare_table_name(m.group(1).replace(" ", "")).lower() != table.lower():
            continue
        body = _body_after(text, m.end())
        if body is None:
            return {}
        types: dict[str, str] = {}
        for item in _split_top_level(body):
            first, _, rest = item.partition(" ")
            if first.lower() in _CONSTRAINT_WORDS or not rest:
                continue
            types[first.strip('`"[]')] = _TYPE_END.sub("", rest.strip()).strip()
        return types
    return {}


_TYPE_ALIASES = {
    "int8": "bigint",
    "bigserial": "bigint",
    "serial8": "bigint",
    "int": "integer",
    "int4": "integer",
    "serial": "integer",
    "serial4": "integer",
    "int2": "smallint",
    "smallserial": "smallint",
    "serial2": "smallint",
    "character varying": "varchar",
    "character": "char",
    "bool": "boolean",
    "timestamp with time zone": "timestamptz",
    "decimal": "numeric",
}


def canonical_type(declared: str) -> str:
    """A comparable form of a SQL type: aliases folded (``int8`` = ``bigint``), identity and
    constraints dropped, length/precision kept (``CHAR(36)`` ≠ ``CHAR(32)``)."""
    text = _TYPE_END.sub("", declared.strip().lower())
    text = re.sub(r"\s+", " ", text).strip()
    unsigned = " unsigned" if re.search(r"\bunsigned\b", text) else ""
    text = re.sub(r"\b(unsigned|signed|zerofill)\b", "", text).strip()
    m = re.match(r"([a-z_][a-z0-9_ ]*?)\s*(\([^)]*\))?\s*(\[\])?$", text)
    if not m:
        return text + unsigned
    base = _TYPE_ALIASES.get(m.group(1).strip(), m.group(1).strip())
    params = (m.group(2) or "").replace(" ", "")
    return base + params + (m.group(3) or "") + unsigned
