"""Parse split statements with sqlglot for one dialect; keep unparsable ones as raw text."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import cast

from sqlglot import exp
from sqlglot.dialects.dialect import Dialect, NormalizationStrategy
from sqlglot.errors import ParseError, TokenError
from sqlglot.helper import name_sequence
from sqlglot.optimizer.normalize_identifiers import normalize_identifiers

from schemawright.engines import splitter
from schemawright.engines.splitter import Comment, split_script

DIALECTS = {"postgresql": "postgres", "postgres": "postgres", "mysql": "mysql", "sqlite": "sqlite"}
_SQLGLOT_LOG = logging.getLogger("sqlglot")
# Deeper parentheses than any hand-written migration has: such a statement is reviewed as raw text, since
# sqlglot (and walking its tree) recurses once per level and would hit Python's recursion limit.
MAX_NESTING = 100


@dataclass(frozen=True)
class Statement:
    raw: splitter.Statement  # as the splitter cut it: lines, and the text with and without comments
    # None when sqlglot could not parse it, and for an INSERT (see _NO_TREE); rules then match on raw text
    expr: exp.Expr | None
    path: str
    dialect: str = ""  # sqlglot's name of the dialect it was parsed in ("" its default)

    def render(self, node: exp.Expr) -> str:
        """A part of the statement's tree as SQL of the statement's dialect (sqlglot's default dialect
        would log a warning for what it lacks, such as PostgreSQL's E'' strings)."""
        return to_sql(node, self.dialect)

    @property
    def text(self) -> str:
        """The statement without its comments (suppressions and notes are not SQL)."""
        return self.raw.code

    @property
    def line(self) -> int:
        return self.raw.line

    @cached_property  # rules ask for it 2-3 times per statement (a frozen dataclass's __dict__ takes it)
    def upper(self) -> str:
        """Whitespace-normalised upper-case text for keyword matching."""
        return re.sub(r"\s+", " ", self.raw.code).upper()


@lru_cache(maxsize=16)
def sqlglot_dialect(name: str) -> Dialect:
    """sqlglot's dialect object for its name (``postgres``, ``mysql``, ``sqlite``; "" its default), made
    once: given a name, every parse, identifier folding and ``.sql()`` made a new one (and its settings)
    each time, three times per statement. The object holds only its settings, so it is shared."""
    return Dialect.get_or_raise(name or None)


_THREAD = threading.local()  # each thread's sqlglot tokenizer, parser and generator per dialect (with state)


def to_sql(node: exp.Expr, dialect: str) -> str:
    """``node.sql(dialect=dialect)`` (sqlglot's name, "" its default) with a generator made once per thread
    and dialect: ``.sql()`` makes one for every call, half the time of rendering a column type. A generator
    starts each call afresh but for the names it makes up for unnamed aliases (``_t0``, ``_t1``, …), which
    start again here as in a new one."""
    generator = getattr(_THREAD, f"generator {dialect}", None)
    if generator is None:
        generator = sqlglot_dialect(dialect).generator()
        setattr(_THREAD, f"generator {dialect}", generator)
    generator._next_name = name_sequence("_t")
    return generator.generate(node, copy=True)


def _parse_one(text: str, dialect: str) -> exp.Expr:
    """``sqlglot.parse_one(text, read=dialect)`` with a tokenizer and parser made once per thread and
    dialect: ``parse_one`` makes both again for every statement (12 µs, more than sqlglot takes to read a
    short statement). Each resets itself at the start of every call, so the trees are the same."""
    tools = getattr(_THREAD, dialect, None)
    if tools is None:
        made = sqlglot_dialect(dialect)
        tools = (made.tokenizer(), made.parser())
        setattr(_THREAD, dialect, tools)
    tokenizer, parser = tools
    result = parser.parse(tokenizer.tokenize(text), text)
    if not result or result[0] is None:  # as parse_one says it
        raise ParseError(f"No expression was parsed from '{text}'")
    return exp.Block(expressions=result) if len(result) > 1 else result[0]


def normalise_dialect(dialect: str) -> str:
    key = dialect.lower()
    if key not in DIALECTS:
        raise ValueError(f"unsupported dialect {dialect!r}; use postgresql, mysql or sqlite")
    return "postgresql" if key == "postgres" else key


def parse_statement(raw: splitter.Statement, dialect: str, path: str) -> Statement:
    return Statement(raw, _parse_text(raw.code, dialect), path, DIALECTS[dialect])


@lru_cache(maxsize=8192)
def _parse_text(text: str, dialect: str) -> exp.Expr | None:
    """The statement's tree, remembered per text: a design's migration is parsed again as the next design's
    history, under another file name (trees are only read, so statements may share one)."""
    # sqlglot's parser and the rules' walks recurse per level (no deeper than its count of "(": most
    # statements need no scan)
    if text.count("(") > MAX_NESTING and _nesting(text) > MAX_NESTING:
        return None
    if _NO_TREE.match(text):
        return None
    with _quiet():  # sqlglot warns on every Command fallback
        try:
            expr: exp.Expr | None = _parse_one(text, DIALECTS[dialect])
        except (ParseError, TokenError, ValueError, RecursionError):
            expr = None
    if expr is None:
        expr = _drop_indexes(text) or _index_on_only(text, dialect)
    elif isinstance(expr, exp.Command) and _ALTER_WORD.search(text):  # (only an ALTER can become one)
        expr = _alter(text, dialect) or _alter_actions(text, dialect) or expr
    return _column_rename(_folded(expr, DIALECTS[dialect]))


# Statements no rule, nor the catalog, reads a tree of: every reader of ``Statement.expr`` asks for a
# CREATE, ALTER, DROP, COMMENT, UPDATE, DELETE or TRUNCATE and takes anything else as it takes None (an
# INSERT's raw text is still read). Parsing their rows was about a tenth of the parse time of a history
# that seeds data (lemmy: 273 INSERTs). A rule that needs an INSERT's tree takes it out of here.
_NO_TREE = re.compile(r"\s*INSERT\b", re.I)
_ALTER_WORD = re.compile(r"\bALTER\b", re.I)
_ALTER_TABLE = re.compile(
    r"^\s*(?P<head>ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(?:\"[^\"]+\"|[\w.$]+))\s+(?P<actions>.+)$",
    re.I | re.S,
)


def _alter_actions(text: str, dialect: str) -> exp.Expr | None:
    """An ``ALTER TABLE`` whose actions sqlglot reads one at a time but not together (``ADD COLUMN …
    UNIQUE REFERENCES …, DROP CONSTRAINT …, ADD CHECK (…)``): each action parsed on its own, joined back
    into one ALTER, so the rules see the actions it can read (was: the whole statement an opaque
    command)."""
    m = _ALTER_TABLE.match(text)
    if m is None:
        return None
    parts = _top_level_commas(m["actions"])
    if len(parts) < 2:
        return None
    merged: exp.Expr | None = None
    actions: list[exp.Expression] = []
    for part in parts:  # an action sqlglot cannot read (ALTER CONSTRAINT … NOT DEFERRABLE) is left out
        one = _alter(f"{m['head']} {part}", dialect)
        if one is not None:
            merged = merged or one
            actions += one.args.get("actions") or []
    if merged is None:
        return None
    merged.set("actions", actions)
    return merged


_ADD_CHECK = re.compile(r"\bADD\s+CHECK\b", re.I)
_UNNAMED = "sw_unnamed_check"


def _alter(text: str, dialect: str) -> exp.Alter | None:
    """``text`` as an ALTER TABLE, also when it adds a CHECK without naming it (``ADD CHECK (…)``, which
    sqlglot reads only with a name): the constraint gets the name PostgreSQL gives it,
    ``<table>_<column>_check`` for a check on one column, else ``<table>_check``."""
    named = _ADD_CHECK.sub(f"ADD CONSTRAINT {_UNNAMED} CHECK", text)
    try:
        with _quiet():
            one = _parse_one(named, DIALECTS[dialect])
    except (ParseError, TokenError, ValueError, RecursionError):
        return None
    if not isinstance(one, exp.Alter):
        return None
    table = one.this.name if isinstance(one.this, exp.Table) else ""
    for constraint in one.find_all(exp.Constraint):
        if isinstance(constraint.this, exp.Identifier) and constraint.this.name == _UNNAMED:
            columns = sorted({c.name for c in constraint.find_all(exp.Column)})
            name = "_".join([table, *columns[:1], "check"] if len(columns) == 1 else [table, "check"])
            constraint.set("this", exp.to_identifier(name))
    return one


def _top_level_commas(text: str) -> list[str]:
    """``text`` cut at the commas outside parentheses and quotes."""
    parts, depth, quote, start = [], 0, "", 0
    for i, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def _folded(expr: exp.Expr | None, dialect: str) -> exp.Expr | None:
    """Unquoted identifiers as an engine that folds them to lower case stores them (PostgreSQL: ``CREATE
    TABLE LANGUAGE`` makes ``language``); quoted ones, and every name on the other engines, as written."""
    if expr is None or not _folds_to_lower(dialect):
        return expr
    return normalize_identifiers(expr, dialect=sqlglot_dialect(dialect))


@lru_cache(maxsize=8)
def _folds_to_lower(dialect: str) -> bool:
    """Asked once per engine, not per statement: ``get_or_raise`` builds a new dialect object each call."""
    return sqlglot_dialect(dialect).NORMALIZATION_STRATEGY is NormalizationStrategy.LOWERCASE


def _column_rename(expr: exp.Expr | None) -> exp.Expr | None:
    """``ALTER TABLE t RENAME a TO b`` (COLUMN is optional in PostgreSQL) as the column rename it is:
    sqlglot reads it as a table rename to ``a`` with a stray ``TO b``, which took the table away from the
    model (and with it the findings about it)."""
    if not isinstance(expr, exp.Alter):
        return expr
    actions = expr.args.get("actions") or []
    to = [o for o in expr.args.get("options") or [] if isinstance(o, exp.ToTableProperty)]
    if len(actions) != 1 or not isinstance(actions[0], exp.AlterRename) or len(to) != 1:
        return expr
    old, new = actions[0].this, to[0].this
    if not (isinstance(old, exp.Table) and isinstance(new, exp.Table)) or old.db or new.db:
        return expr
    fixed = expr.copy()
    fixed.set(
        "options", [o for o in fixed.args.get("options") or [] if not isinstance(o, exp.ToTableProperty)]
    )
    fixed.set(
        "actions",
        [exp.RenameColumn(this=exp.column(old.this.copy()), to=exp.column(new.this.copy()), exists=False)],
    )
    return fixed


_ON_ONLY = re.compile(r"^(\s*CREATE\s+(?:UNIQUE\s+)?INDEX\b[^;]*?\bON)\s+ONLY\s+", re.I)


def on_only(text: str) -> bool:
    """Whether ``text`` is PostgreSQL's ``CREATE INDEX … ON ONLY parent``: a partitioned table's own index,
    a catalog entry that builds nothing (and cannot be CONCURRENTLY), valid once every partition's index
    is attached to it."""
    return _ON_ONLY.match(text) is not None


def _index_on_only(text: str, dialect: str) -> exp.Expr | None:
    """``CREATE INDEX … ON ONLY parent (…)``, which sqlglot does not parse, as the index on ``parent`` it
    is (rules that care that nothing is built ask :func:`on_only`)."""
    if not on_only(text):
        return None
    return _parse_text(_ON_ONLY.sub(r"\1 ", text, count=1), dialect)


_DROP_INDEXES = re.compile(
    r"^\s*DROP\s+INDEX\s+(?P<concurrently>CONCURRENTLY\s+)?(?P<exists>IF\s+EXISTS\s+)?"
    r"(?P<names>[\w.\"$]+(?:\s*,\s*[\w.\"$]+)+)\s*(?P<option>CASCADE|RESTRICT)?\s*;?\s*$",
    re.I,
)


def _drop_indexes(text: str) -> exp.Drop | None:
    """``DROP INDEX a, b`` (several names, which sqlglot does not parse) as one Drop naming each index, so
    every rule sees every name."""
    m = _DROP_INDEXES.match(text)
    if m is None:
        return None
    tables = []
    for name in m["names"].split(","):
        parts = [exp.to_identifier(p.strip('"'), quoted=p.startswith('"')) for p in name.strip().split(".")]
        tables.append(exp.Table(this=parts[-1], db=parts[-2] if len(parts) > 1 else None))
    option = (m["option"] or "").upper()
    return exp.Drop(
        kind="INDEX",
        tables=tables,
        exists=bool(m["exists"]),
        concurrently=bool(m["concurrently"]),
        cascade=option == "CASCADE",
        restrict=option == "RESTRICT",
    )


def parse_script(
    sql: str, dialect: str, path: str, first_line: int = 1
) -> tuple[list[Statement], list[Comment]]:
    """The script's statements, parsed, and its comments. Remembered per script (statements are frozen
    and the rules only read their trees), because ``design`` reviews its migration after every earlier one:
    ``design --all`` parsed the whole history again for each feature."""
    statements, comments = _parse_script(sql, dialect, path, first_line)
    return list(statements), list(comments)


@lru_cache(maxsize=2048)
def _parse_script(
    sql: str, dialect: str, path: str, first_line: int
) -> tuple[tuple[Statement, ...], tuple[Comment, ...]]:
    raws, comments = split_cached(sql, dialect, first_line)
    with _quiet():  # once for the script, not once per statement
        return tuple(parse_statement(raw, dialect, path) for raw in raws), comments


@contextmanager
def _quiet() -> Iterator[None]:
    """sqlglot's logger at ERROR for the block (as it was before, after it). Setting a logger's level
    clears every logger's cache, which cost as much as parsing a short statement: a nested block leaves
    the level alone."""
    level = _SQLGLOT_LOG.level
    if level == logging.ERROR:
        yield
        return
    _SQLGLOT_LOG.setLevel(logging.ERROR)
    try:
        yield
    finally:
        _SQLGLOT_LOG.setLevel(level)


@lru_cache(maxsize=4096)
def split_cached(
    sql: str, dialect: str, first_line: int
) -> tuple[tuple[splitter.Statement, ...], tuple[Comment, ...]]:
    """:func:`split_script` (the engine's own splitter, so the review sees the statements the engine
    runs), remembered for the same reason (statements and comments are frozen); the dialect guess reads
    the same splits."""
    engine = cast(splitter.Dialect, normalise_dialect(dialect))
    raws, comments = split_script(sql, engine, first_line=first_line)
    return tuple(raws), tuple(comments)


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
