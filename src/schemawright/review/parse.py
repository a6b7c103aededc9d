"""Parse split statements with sqlglot for one dialect; keep unparsable ones as raw text."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError

from schemawright.review.sqlsplit import Comment, RawStatement, split_sql

DIALECTS = {"postgresql": "postgres", "postgres": "postgres", "mysql": "mysql", "sqlite": "sqlite"}
_SQLGLOT_LOG = logging.getLogger("sqlglot")
# Deeper parentheses than any hand-written migration has: such a statement is reviewed as raw text, since
# sqlglot (and walking its tree) recurses once per level and would hit Python's recursion limit.
MAX_NESTING = 100


@dataclass(frozen=True)
class Statement:
    raw: RawStatement
    expr: exp.Expr | None  # None when sqlglot could not parse it; rules then match on raw text
    path: str

    @property
    def text(self) -> str:
        return self.raw.text

    @property
    def line(self) -> int:
        return self.raw.line

    @property
    def upper(self) -> str:
        """Whitespace-normalised upper-case text for keyword matching."""
        return re.sub(r"\s+", " ", self.raw.text).upper()


def normalise_dialect(dialect: str) -> str:
    key = dialect.lower()
    if key not in DIALECTS:
        raise ValueError(f"unsupported dialect {dialect!r}; use postgresql, mysql or sqlite")
    return "postgresql" if key == "postgres" else key


def parse_statement(raw: RawStatement, dialect: str, path: str) -> Statement:
    if _nesting(raw.text) > MAX_NESTING:  # sqlglot's parser and the rules' walks recurse per level
        return Statement(raw, None, path)
    level = _SQLGLOT_LOG.level
    _SQLGLOT_LOG.setLevel(logging.ERROR)  # sqlglot warns on every Command fallback
    try:
        expr: exp.Expr | None = sqlglot.parse_one(raw.text, read=DIALECTS[dialect])
    except (ParseError, TokenError, ValueError, RecursionError):
        expr = None
    finally:
        _SQLGLOT_LOG.setLevel(level)
    return Statement(raw, expr, path)


def parse_script(
    sql: str, dialect: str, path: str, first_line: int = 1
) -> tuple[list[Statement], list[Comment]]:
    raws, comments = split_sql(sql, first_line=first_line)
    return [parse_statement(raw, dialect, path) for raw in raws], comments


def _nesting(text: str) -> int:
    """The deepest parenthesis nesting in ``text`` (quotes not considered: an over-estimate is harmless)."""
    depth = deepest = 0
    for char in text:
        if char == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif char == ")":
            depth = max(depth - 1, 0)
    return deepest
