"""Split migration scripts into statements the way each engine's command-line client does.

Drivers execute one statement at a time (or, when they accept several, cannot say which one
failed), so scripts are split here: respecting quotes, comments, PostgreSQL dollar quoting,
``BEGIN … END`` bodies of functions/triggers, SQLite's own completeness rule and MySQL's
``DELIMITER`` command. Each statement keeps the line where it starts for error messages.
"""

from __future__ import annotations

import bisect
import re
import sqlite3
from dataclasses import dataclass
from typing import Literal

from schemawright.verify.errors import MigrationError, excerpt

Dialect = Literal["postgresql", "mysql", "sqlite"]

_WORD = re.compile(r"[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*")
_DOLLAR_TAG = re.compile(r"\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$")
_IDENT_CHAR = re.compile(r"[A-Za-z0-9_$\u0080-\uffff]")
_MYSQL_DELIMITER = re.compile(r"delimiter[ \t]+(\S+)[^\n]*", re.IGNORECASE)
_MYSQL_BLOCK_CLOSERS = {"if", "loop", "while", "repeat"}
_ROUTINE_WORDS = {"function", "procedure", "trigger", "event"}


@dataclass(frozen=True)
class Statement:
    text: str  # without the terminating delimiter
    line: int  # 1-based line of the script where the statement starts


class _Scanner:
    def __init__(self, script: str, dialect: Dialect) -> None:
        self.s = script
        self.dialect = dialect
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", script)]
        self.out: list[Statement] = []
        self.delimiter = ";"
        self._reset()

    def _reset(self) -> None:
        self.first: int | None = None  # index of the first significant character
        self.paren = 0
        self.begin_depth = 0
        self.words: list[str] = []

    def line_of(self, index: int) -> int:
        return bisect.bisect_right(self.line_starts, index)

    def _emit(self, end: int) -> None:
        if self.first is not None:
            text = self.s[self.first : end].rstrip()
            if text:
                self.out.append(Statement(text, self.line_of(self.first)))
        self._reset()

    def _mark(self, i: int) -> None:
        if self.first is None:
            self.first = i

    # -- skipping quoted regions; each returns the index just past the region ------------------
    def _skip_quoted(self, i: int, quote: str, backslash: bool) -> int:
        s, n = self.s, len(self.s)
        j = i + 1
        while j < n:
            c = s[j]
            if backslash and c == "\\":
                j += 2
                continue
            if c == quote:
                if j + 1 < n and s[j + 1] == quote:
                    j += 2
                    continue
                return j + 1
            j += 1
        return n

    def _skip_block_comment(self, i: int, nested: bool) -> int:
        s, n = self.s, len(self.s)
        depth, j = 1, i + 2
        while j < n and depth:
            if nested and s.startswith("/*", j):
                depth, j = depth + 1, j + 2
            elif s.startswith("*/", j):
                depth, j = depth - 1, j + 2
            else:
                j += 1
        return j

    def _line_end(self, i: int) -> int:
        j = self.s.find("\n", i)
        return len(self.s) if j < 0 else j

    # -- BEGIN … END tracking so semicolons inside routine bodies do not split them ------------
    def _in_routine(self) -> bool:
        if not self.words or self.words[0] != "create":
            return False
        head = self.words[1:8]
        if self.dialect == "postgresql":  # psql's rule: CREATE [OR REPLACE] FUNCTION|PROCEDURE
            return head[:1] in (["function"], ["procedure"]) or head[:3] in (
                ["or", "replace", "function"], ["or", "replace", "procedure"])
        return any(w in _ROUTINE_WORDS for w in head)

    def _word(self, i: int, word: str) -> None:
        w = word.lower()
        self.words.append(w)
        if self.paren or not self._in_routine():
            return
        if w == "begin":
            self.begin_depth += 1
        elif w == "case" and self.begin_depth:
            if not (self.dialect == "mysql" and len(self.words) > 1 and self.words[-2] == "end"):
                self.begin_depth += 1
        elif w == "end" and self.begin_depth:
            nxt = _WORD.match(self.s, len(self.s) - len(self.s[i + 3 :].lstrip()))
            if self.dialect == "mysql" and nxt and nxt.group().lower() in _MYSQL_BLOCK_CLOSERS:
                return  # END IF / END LOOP …: we never counted their openers
            self.begin_depth -= 1

    # -- main loop ---------------------------------------------------------------------------
    def run(self) -> list[Statement]:
        s, n, d = self.s, len(self.s), self.dialect
        i = 0
        while i < n:
            c = s[i]
            if c.isspace():
                i += 1
            elif d == "mysql" and self.first is None and _MYSQL_DELIMITER.match(s, i):
                m = _MYSQL_DELIMITER.match(s, i)
                assert m is not None
                self.delimiter = m.group(1)
                i = m.end()
            elif d == "mysql" and s.startswith(self.delimiter, i) and (
                self.delimiter != ";" or (self.begin_depth == 0)
            ):
                self._emit(i)
                i += len(self.delimiter)
            elif (c == "-" and s.startswith("--", i) and (d != "mysql" or i + 2 >= n or s[i + 2].isspace())
                  ) or (c == "#" and d == "mysql"):
                i = self._line_end(i)
            elif c == "/" and s.startswith("/*", i):
                executable = d == "mysql" and (s.startswith(("/*!", "/*+", "/*M!"), i))
                if executable:
                    self._mark(i)
                i = self._skip_block_comment(i, nested=d == "postgresql")
            elif c == "'":
                self._mark(i)
                e_string = d == "postgresql" and i > 0 and s[i - 1] in "eE" and (
                    i < 2 or not _IDENT_CHAR.match(s[i - 2]))
                i = self._skip_quoted(i, "'", backslash=d == "mysql" or e_string)
            elif c == '"':
                self._mark(i)
                i = self._skip_quoted(i, '"', backslash=d == "mysql")
            elif c == "`" and d != "postgresql":
                self._mark(i)
                i = self._skip_quoted(i, "`", backslash=False)
            elif c == "[" and d == "sqlite":
                self._mark(i)
                j = s.find("]", i + 1)
                i = n if j < 0 else j + 1
            elif c == "$" and d == "postgresql" and (i == 0 or not _IDENT_CHAR.match(s[i - 1])) and (
                m := _DOLLAR_TAG.match(s, i)
            ):
                self._mark(i)
                j = s.find(m.group(), m.end())
                i = n if j < 0 else j + len(m.group())
            elif c == "\\" and d == "postgresql":
                line = self.line_of(i)
                raise MigrationError(
                    excerpt(s[i : self._line_end(i)]),
                    "psql meta-commands are not supported in migration scripts; "
                    "use plain SQL statements instead",
                    line,
                )
            elif c == ";" and d != "mysql":
                if d == "postgresql" and (self.paren or self.begin_depth):
                    i += 1
                    continue
                if d == "sqlite" and self.first is not None and not sqlite3.complete_statement(
                    s[self.first : i + 1]
                ):
                    i += 1
                    continue
                self._emit(i)
                i += 1
            elif (m := _WORD.match(s, i)) and (i == 0 or not _IDENT_CHAR.match(s[i - 1])):
                self._mark(i)
                self._word(i, m.group())
                i = m.end()
            else:
                self._mark(i)
                if c == "(":
                    self.paren += 1
                elif c == ")":
                    self.paren = max(0, self.paren - 1)
                i += 1
        self._emit(n)
        return self.out


def split_statements(script: str, dialect: Dialect) -> list[Statement]:
    """Statements of ``script`` in order; comment-only fragments are dropped."""
    return _Scanner(script, dialect).run()
