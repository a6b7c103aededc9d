"""Split migration scripts into statements the way each engine's command-line client does.

The one statement splitter: replay and verification run what it cuts, and the reviewer lints the same
statements. Drivers execute one statement at a time (or, when they accept several, cannot say which one
failed), so scripts are split here: respecting quotes, comments, PostgreSQL dollar quoting and
parentheses, ``BEGIN … END`` bodies of functions/triggers, SQLite's own completeness rule and MySQL's
``DELIMITER`` command.

Each statement keeps the exact lines where it starts and ends, and its text both as the client sends it
(comments inside kept) and as a linter reads it (:attr:`Statement.code`, comments taken out).
:func:`split_script` also returns every comment with its lines, for suppression comments such as
``-- schemawright:ignore SW613 <reason>``.
"""

from __future__ import annotations

import bisect
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from schemawright.verify.errors import MigrationError, excerpt

Dialect = Literal["postgresql", "mysql", "sqlite"]

# Identifier characters: a letter, "_" or any character from U+0080 to U+FFFF to start; digits and "$" too
# after. Written as the complement (everything but the other ASCII characters and U+10000 up), the same
# sets: a class of the range U+0080-U+FFFF took 7 ms to compile, 20 ms of every start-up for the three.
_NOT_ASCII_IDENT = r"\x00-\x23\x25-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f\U00010000-\U0010ffff"
_START = rf"[^{_NOT_ASCII_IDENT}\x24\x30-\x39]"  # [A-Za-z_\u0080-\uffff]
_PART = rf"[^{_NOT_ASCII_IDENT}]"  # [A-Za-z0-9_$\u0080-\uffff]
_PART_NO_DOLLAR = rf"[^{_NOT_ASCII_IDENT}\x24]"  # [A-Za-z0-9_\u0080-\uffff]
_WORD = re.compile(rf"{_START}{_PART}*")
_DOLLAR_TAG = re.compile(rf"\$(?:{_START}{_PART_NO_DOLLAR}*)?\$")
_IDENT_CHAR = re.compile(_PART)
# Runs the main loop may take whole outside MySQL (whose DELIMITER may be any text) and prose: whitespace,
# and characters that never start a comment, quote, word or statement end nor change the depth (each was a
# turn of the loop)
_SPACE = re.compile(r"\s+")
# once a statement is known not to be a routine (its first words say so), the words no longer matter: the
# loop may take everything up to the next character that can start a comment, quote or dollar quote, end
# the statement or change the depth
_SETTLED_RUN = {
    "postgresql": re.compile(r"[^-/'\"$\\;()]+"),
    "sqlite": re.compile(r"[^-/'\"`\[;()]+"),
}
_PLAIN = re.compile(r"[0-9!#%&*+,.:<=>?@\]^{|}~]+")
_PLAIN_CHARS = frozenset("0123456789!#%&*+,.:<=>?@]^{|}~")
_WORD_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_MYSQL_DELIMITER = re.compile(r"delimiter[ \t]+(\S+)[^\n]*", re.IGNORECASE)
_MYSQL_BLOCK_CLOSERS = {"if", "loop", "while", "repeat"}
_ROUTINE_WORDS = {"function", "procedure", "trigger", "event"}


@dataclass(frozen=True)
class Statement:
    """One statement of a script. ``end_line`` and ``code`` are filled by the splitter; a statement the
    tool builds itself for an error message (``Statement(sql, 1)``) leaves them at 0 and ``""``."""

    text: str  # as the client sends it: comments inside kept, without the terminating delimiter
    line: int  # 1-based line of the script where the statement starts (its first token)
    end_line: int = 0  # line of its terminating delimiter (of the script's end when it has none)
    code: str = ""  # the text without comments (a line comment dropped, a block comment one space)


@dataclass(frozen=True)
class Comment:
    """A comment (``--``, MySQL's ``#``, ``/* … */``), inside a statement or between statements."""

    line: int  # 1-based line where it starts
    end_line: int  # line where it ends (a block comment may span lines)
    text: str  # without its markers, stripped


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    block: bool  # a block comment leaves one space in the statement's code; a line comment nothing


class _Scanner:
    def __init__(
        self,
        script: str,
        dialect: Dialect,
        *,
        first_line: int = 1,
        lenient: bool = False,
        restart: Callable[[str, int], bool] | None = None,
    ) -> None:
        self.s = script
        self.dialect = dialect
        self.offset = first_line - 1
        self.lenient = lenient
        # prose mode (split_prose): SQL quoted in a document, not a script a client runs
        self.restart = restart
        self.prose = restart is not None
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", script)]
        self.out: list[Statement] = []
        self.comments: list[Comment] = []
        self.delimiter = ";"
        self._reset()

    def _reset(self) -> None:
        self.first: int | None = None  # index of the first significant character
        self.paren = 0
        self.begin_depth = 0
        self.words: list[str] = []
        self.settled = False  # the words so far say the statement is no routine (see _settle)
        self.spans: list[_Span] = []  # comments inside the current statement

    def line_of(self, index: int) -> int:
        return bisect.bisect_right(self.line_starts, index) + self.offset

    def _emit(self, end: int) -> None:
        if self.first is not None:
            text = self.s[self.first : end].rstrip()
            if text:
                code = self._code(self.first, end)
                self.out.append(Statement(text, self.line_of(self.first), self.line_of(end), code))
        self._reset()

    def _code(self, start: int, end: int) -> str:
        parts, at = [], start
        for span in self.spans:
            if span.start >= end:
                break
            parts += [self.s[at : span.start], " " if span.block else ""]
            at = span.end
        parts.append(self.s[at:end])
        return "".join(parts).strip()

    def _mark(self, i: int) -> None:
        if self.first is None:
            self.first = i

    def _comment(self, start: int, end: int, text: str, block: bool) -> None:
        line = self.line_of(start)
        self.comments.append(Comment(line, line + self.s.count("\n", start, end), text.strip()))
        if self.first is not None:
            self.spans.append(_Span(start, end, block))

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
        return self._line_end(i) if self.prose else n  # prose: an unterminated quote ends at its line

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
                ["or", "replace", "function"],
                ["or", "replace", "procedure"],
            )
        return any(w in _ROUTINE_WORDS for w in head)

    def _settle(self) -> bool:
        """Whether the words so far already make :meth:`_in_routine` false for the rest of the statement:
        it reads only the first word and the next three (PostgreSQL) or seven."""
        words = self.words
        if not words:
            return False
        if words[0] != "create":
            return True
        return len(words) >= (4 if self.dialect == "postgresql" else 8) and not self._in_routine()

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

    def _meta_command(self, i: int) -> int:
        """A psql meta-command (``\\connect``): an error for the engine, which cannot run it; in lenient
        mode (the reviewer) a statement of its own up to the end of its line, as psql reads it."""
        end = self._line_end(i)
        if not self.lenient:
            raise MigrationError(
                excerpt(self.s[i:end]),
                "psql meta-commands are not supported in migration scripts; use plain SQL statements instead",
                self.line_of(i),
            )
        self._emit(i)
        self._mark(i)
        self._emit(end)
        return end

    # -- main loop ---------------------------------------------------------------------------
    def run(self) -> list[Statement]:
        s, n, d = self.s, len(self.s), self.dialect
        fast = d != "mysql" and not self.prose
        settled_run = _SETTLED_RUN.get(d)
        i = 0
        while i < n:
            c = s[i]
            if fast:  # the branches below would take these too, one character at a time
                if self.settled and (m := settled_run.match(s, i)):  # type: ignore[union-attr]
                    i = m.end()
                    continue
                if c.isspace():
                    i = _SPACE.match(s, i).end()  # type: ignore[union-attr]
                    continue
                if c in _PLAIN_CHARS:
                    self._mark(i)
                    i = _PLAIN.match(s, i).end()  # type: ignore[union-attr]
                    continue
                if c in _WORD_START and (i == 0 or not _IDENT_CHAR.match(s[i - 1])):
                    m = _WORD.match(s, i)
                    assert m is not None
                    self._mark(i)
                    self._word(i, m.group())
                    self.settled = self._settle()
                    i = m.end()
                    continue
            if c == "\n" and self.restart is not None and self.first is not None:
                rest = s[i + 1 : i + 40].lstrip(" \t")
                if self.restart(rest, self.paren):  # the line starts another statement: a ";" forgotten
                    self._emit(i)
                i += 1
            elif c.isspace():
                i += 1
            elif d == "mysql" and self.first is None and _MYSQL_DELIMITER.match(s, i):
                m = _MYSQL_DELIMITER.match(s, i)
                assert m is not None
                self.delimiter = m.group(1)
                i = m.end()
            elif (
                d == "mysql"
                and s.startswith(self.delimiter, i)
                and (self.delimiter != ";" or (self.begin_depth == 0))
            ):
                self._emit(i)
                i += len(self.delimiter)
            elif c == "-" and s.startswith("--", i) and (d != "mysql" or i + 2 >= n or s[i + 2].isspace()):
                end = self._line_end(i)
                self._comment(i, end, s[i + 2 : end], block=False)
                i = end
            elif c == "#" and d == "mysql":
                end = self._line_end(i)
                self._comment(i, end, s[i + 1 : end], block=False)
                i = end
            elif c == "/" and s.startswith("/*", i):
                if d == "mysql" and s.startswith(("/*!", "/*+", "/*M!"), i):
                    self._mark(i)  # executable comment: the client sends it, MySQL runs it
                end = self._skip_block_comment(i, nested=d == "postgresql" and not self.prose)
                closed = end - i >= 4 and s.startswith("*/", end - 2)
                self._comment(i, end, s[i + 2 : end - 2 if closed else end], block=True)
                i = end
            elif c == "'":
                self._mark(i)
                e_string = (
                    d == "postgresql"
                    and not self.prose
                    and i > 0
                    and s[i - 1] in "eE"
                    and (i < 2 or not _IDENT_CHAR.match(s[i - 2]))
                )
                i = self._skip_quoted(i, "'", backslash=d == "mysql" or e_string)
            elif c == '"':
                self._mark(i)
                i = self._skip_quoted(i, '"', backslash=d == "mysql")
            elif c == "`" and (d != "postgresql" or self.prose):
                self._mark(i)
                i = self._skip_quoted(i, "`", backslash=False)
            elif c == "[" and d == "sqlite":
                self._mark(i)
                j = s.find("]", i + 1)
                i = n if j < 0 else j + 1
            elif (
                c == "$"
                and d == "postgresql"
                and (i == 0 or not _IDENT_CHAR.match(s[i - 1]))
                and (m := _DOLLAR_TAG.match(s, i))
            ):
                self._mark(i)
                j = s.find(m.group(), m.end())
                i = n if j < 0 else j + len(m.group())
            elif c == "\\" and d == "postgresql" and not self.prose:
                i = self._meta_command(i)
            elif c == ";" and d != "mysql":
                if d == "postgresql" and (self.paren or self.begin_depth) and not self.prose:
                    i += 1
                    continue
                if (
                    d == "sqlite"
                    and self.first is not None
                    and not sqlite3.complete_statement(s[self.first : i + 1])
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
    """Statements of ``script`` in order, as the engine's client sends them; comment-only fragments are
    dropped. A psql meta-command raises :class:`MigrationError` with its line."""
    return _Scanner(script, dialect).run()


def split_prose(text: str, restart: Callable[[str, int], bool]) -> list[Statement]:
    """Statements of SQL quoted in a document (a spec's DDL), which no client will run and which may be
    sloppy: PostgreSQL's quoting, dollar quoting and comments (backticks quote too; no psql meta-commands,
    no E'' escapes, block comments do not nest), but every ``;`` ends a statement, an unterminated quote
    ends at its line's end (it cannot swallow the statements after it), and a statement also ends before
    a line for which ``restart(the line's start, parenthesis depth)`` is true (a ``;`` forgotten before
    the next ``CREATE``). Never raises."""
    return _Scanner(text, "postgresql", lenient=True, restart=restart).run()


def split_script(
    script: str, dialect: Dialect, *, first_line: int = 1
) -> tuple[list[Statement], list[Comment]]:
    """What a linter reads of ``script``: the statements that hold code (a MySQL executable comment
    alone is a comment), and every comment, with lines counted from ``first_line`` (a section that starts
    inside its file). Never raises: a psql meta-command is a statement of its own line."""
    scanner = _Scanner(script, dialect, first_line=first_line, lenient=True)
    statements = [s for s in scanner.run() if s.code]
    return statements, scanner.comments
