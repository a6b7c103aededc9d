"""SQL DDL → facts, through sqlglot (PostgreSQL, MySQL, SQLite, with a fall back across dialects).

Every ``CREATE TABLE`` column keeps its declared type, ``NOT NULL``, ``DEFAULT``, key and ``UNIQUE``;
``REFERENCES`` and ``FOREIGN KEY`` become relationships; ``CHECK`` constraints become structured checks,
and one that is not a simple form is reported as an assumption, never dropped. ``CREATE [UNIQUE] INDEX``,
``CREATE TYPE … AS ENUM``, ``ALTER TABLE … ADD`` and ``COMMENT ON`` are read too.

A statement sqlglot cannot parse never raises: the offending line is skipped (and reported) and the rest
of the statement is read; a statement that still fails is reported as skipped.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal

import sqlglot
from sqlglot import exp

from schemawright.domain.facts import (
    AssumptionFact,
    AttributeFact,
    CheckFact,
    EntityFact,
    Fact,
    IndexFact,
    Provenance,
    RelationshipFact,
    UniqueFact,
)
from schemawright.domain.model import Cardinality, Kind
from schemawright.domain.readers.sniff import prov, schema_blocks
from schemawright.engines.splitter import split_prose
from schemawright.spec.document import SpecDocument

PRIORITY = 3  # DDL is the most exact thing a spec can say about a table
_DIALECTS = ("postgres", "mysql", "sqlite", "tsql")
_MAX_SKIPPED_LINES = 3
_STARTS = re.compile(r"(?:create|alter|drop|insert|comment|grant|truncate)\b", re.I)
_STARTS_ANYWHERE = re.compile(r"(?:create\s+(?:unique\s+)?(?:table|index|type)|alter\s+table)\b", re.I)
_RELEVANT = re.compile(r"^\s*(?:create|alter|comment)\b", re.I)
_IGNORED_CREATE = re.compile(
    r"^\s*create\s+(?:or\s+replace\s+)?(?:extension|schema|sequence|database|role|user|domain)\b", re.I
)
_NOT_MODELLED = re.compile(
    r"^\s*create\s+(?:or\s+replace\s+)?(?:(?:materialized\s+)?view|trigger|function|procedure|policy|rule)\b",
    re.I,
)
_PLACEHOLDER_LINE = re.compile(r"^[ \t]*(?:\.\.\.|…)[ \t]*,?[ \t]*(?:--[^\n]*)?$", re.M)
_LEADING_COMMENTS = re.compile(r"^(?:\s+|--[^\n]*|/\*.*?\*/)*", re.S)
_INLINE_PLACEHOLDER = re.compile(r",\s*(?:\.\.\.|…)(?=\s*\))")
_TRAILING_COMMA = re.compile(r",(?=(?:\s|--[^\n]*\n)*\))")
_ON_DELETE: dict[str, Literal["cascade", "restrict", "set_null", "no_action"]] = {
    "CASCADE": "cascade",
    "RESTRICT": "restrict",
    "SET NULL": "set_null",
    "NO ACTION": "no_action",
}
_LENGTH_TYPES = {
    exp.DataType.Type.VARCHAR,
    exp.DataType.Type.CHAR,
    exp.DataType.Type.NVARCHAR,
    exp.DataType.Type.NCHAR,
}
_INTEGER = re.compile(
    r"\b(?:u?(?:tiny|small|medium|big)?int\w*|integer|serial\w*|bigserial|smallserial)\b", re.I
)

Bound = tuple[float, bool]  # (value, inclusive)


def read(doc: SpecDocument) -> list[Fact]:
    """Facts from every SQL block of ``doc`` (labelled ``sql``/``postgres``/… or sniffed by content).
    Blocks are read together, so an enum type declared in one block types a column in another."""
    reader = _Reader()
    for text, line in schema_blocks(doc, "sql"):
        reader.add(text, line)
    return reader.facts()


def read_text(text: str, line: int = 1) -> list[Fact]:
    """Facts from SQL ``text`` whose first line is spec line ``line`` (a whole ``schema.sql`` file too)."""
    reader = _Reader()
    reader.add(text, line)
    return reader.facts()


# -- statements --------------------------------------------------------------------------------------


@dataclass
class _Statement:
    text: str
    base: int  # spec line of the statement text's first line
    source: list[str]  # the spec lines of the block it comes from
    source_base: int  # spec line of source[0]
    tree: exp.Expression | None = None
    dialect: str = "postgres"
    skipped: list[int] = field(default_factory=list)  # spec lines left out so the rest could be read
    parsed: str = ""  # the text sqlglot read (same offsets as ``text``)
    note: str = ""  # why the statement was not read

    @property
    def line(self) -> int:
        lead = len(self.text) - len(_head(self.text))
        return self.base + self.text.count("\n", 0, lead)

    def line_text(self, line: int) -> str:
        i = line - self.source_base
        return self.source[i] if 0 <= i < len(self.source) else ""


def _restarts(rest: str, depth: int) -> bool:
    """Whether a line starting ``rest`` begins a new statement although the previous one forgot its ``;``
    (inside parentheses only ``CREATE TABLE/INDEX/TYPE`` and ``ALTER TABLE`` count)."""
    return bool(_STARTS.match(rest) if depth == 0 else _STARTS_ANYWHERE.match(rest))


@contextmanager
def _quiet() -> Iterator[None]:
    """sqlglot logs a warning when it falls back to an opaque command; we report those ourselves."""
    logger = logging.getLogger("sqlglot")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _parse_one(text: str) -> tuple[exp.Expression | None, str, int | None]:
    """The tree and dialect of the first dialect that reads ``text``, else the 1-based line of the error."""
    error_line: int | None = None
    for dialect in _DIALECTS:
        try:
            tree = sqlglot.parse_one(text, read=dialect)
        except sqlglot.errors.ParseError as e:
            if error_line is None and e.errors and isinstance(e.errors[0].get("line"), int):
                error_line = e.errors[0]["line"]
            continue
        except Exception:  # tokenizer errors and anything else sqlglot raises on hostile input
            continue
        if isinstance(tree, exp.Expression) and not isinstance(tree, exp.Command):
            return tree, dialect, None
    if error_line is None:
        error_line = _unbalanced_quote_line(text)
    return None, "", error_line


def _unbalanced_quote_line(text: str) -> int | None:
    for i, line in enumerate(text.split("\n"), start=1):
        code = line.split("--", 1)[0]
        if code.count("'") % 2 or code.count('"') % 2:
            return i
    return None


def _parse(stmt: _Statement) -> None:
    """Parse ``stmt``; when no dialect can, blank the line sqlglot stopped at and try again (a few times).
    Every edit keeps character offsets, so identifier positions still point into ``stmt.text``."""
    text = _PLACEHOLDER_LINE.sub(lambda m: " " * len(m.group(0)), stmt.text)
    text = _INLINE_PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), text)
    text = _TRAILING_COMMA.sub(" ", text)
    for _ in range(_MAX_SKIPPED_LINES + 1):
        tree, dialect, error_line = _parse_one(text)
        if tree is not None:
            stmt.tree, stmt.dialect, stmt.parsed = tree, dialect, text
            return
        lines = text.split("\n")
        if error_line is None or not 0 < error_line <= len(lines) or not lines[error_line - 1].strip():
            return
        if _RELEVANT.match(_head(lines[error_line - 1])):
            return  # the statement's own first line: nothing left to read
        stmt.skipped.append(stmt.base + error_line - 1)
        lines[error_line - 1] = " " * len(lines[error_line - 1])
        text = "\n".join(lines)


# -- reading -----------------------------------------------------------------------------------------


@dataclass
class _Table:
    name: str
    columns: dict[str, str] = field(default_factory=dict)  # column → declared type


class _Reader:
    def __init__(self) -> None:
        self.statements: list[_Statement] = []
        self.out: list[Fact] = []
        self.enums: dict[str, list[str]] = {}
        self.fk_columns: set[tuple[str, str]] = set()
        self.tables: dict[str, _Table] = {}

    def add(self, text: str, line: int) -> None:
        source = text.split("\n")
        for stmt in split_prose(text, _restarts):
            self.statements.append(_Statement(stmt.text, line + stmt.line - 1, source, line))

    def facts(self) -> list[Fact]:
        with _quiet():
            for stmt in self.statements:
                head = _head(stmt.text)
                if not _RELEVANT.match(head) or _IGNORED_CREATE.match(head):
                    continue
                if _NOT_MODELLED.match(head):
                    stmt.note = (
                        "SQL statement not modelled (views, triggers and functions are not part of the "
                        f"design): {head.split(chr(10), 1)[0][:80]}"
                    )
                    continue
                _parse(stmt)
                if stmt.tree is None:
                    stmt.note = f"SQL statement skipped (could not parse): {head.split(chr(10), 1)[0][:80]}"
        for stmt in self.statements:
            self._collect(stmt)
        for stmt in self.statements:
            if stmt.note:
                self._assume("sql.skipped", stmt, stmt.line, stmt.note)
            if stmt.tree is not None:
                self._statement(stmt, stmt.tree)
            for line in stmt.skipped:
                text = stmt.line_text(line).strip()
                self._assume("sql.skipped", stmt, line, f"SQL line skipped (could not parse): {text}")
        return self.out

    # pass 1: enum types and foreign-key columns, wherever they are declared

    def _collect(self, stmt: _Statement) -> None:
        tree = stmt.tree
        if isinstance(tree, exp.Create) and str(tree.args.get("kind", "")).upper() == "TYPE":
            values = _enum_literal_values(tree.expression)
            if values is not None:
                self.enums[_key(tree.this.name)] = values
        elif isinstance(tree, exp.Create) and isinstance(tree.this, exp.Schema):
            table = _key(tree.this.this.name)
            for item in tree.this.expressions:
                if isinstance(item, exp.ColumnDef) and _constraint(item, exp.Reference) is not None:
                    self.fk_columns.add((table, _key(item.name)))
                for fk in _foreign_keys(item):
                    cols = _names(fk.expressions)
                    if len(cols) == 1:
                        self.fk_columns.add((table, _key(cols[0])))
        elif isinstance(tree, exp.Alter):
            table = _key(tree.this.name)
            for action in tree.args.get("actions") or []:
                for fk in _foreign_keys(action):
                    cols = _names(fk.expressions)
                    if len(cols) == 1:
                        self.fk_columns.add((table, _key(cols[0])))
                if isinstance(action, exp.ColumnDef) and _constraint(action, exp.Reference) is not None:
                    self.fk_columns.add((table, _key(action.name)))

    # pass 2: facts

    def _statement(self, stmt: _Statement, tree: exp.Expression) -> None:
        if isinstance(tree, exp.Create):
            kind = str(tree.args.get("kind", "")).upper()
            if kind == "TABLE":
                self._create_table(stmt, tree)
            elif kind == "INDEX" and isinstance(tree.this, exp.Index):
                self._create_index(stmt, tree.this, unique=bool(tree.args.get("unique")))
            elif kind == "TYPE" and _enum_literal_values(tree.expression) is None:
                self._assume(
                    "sql.skipped", stmt, stmt.line, f"SQL type {tree.this.name} is not an enum: ignored"
                )
        elif isinstance(tree, exp.Alter) and str(tree.args.get("kind", "TABLE")).upper() == "TABLE":
            self._alter_table(stmt, tree)
        elif isinstance(tree, exp.Comment):
            self._comment(stmt, tree)

    def _create_table(self, stmt: _Statement, tree: exp.Create) -> None:
        schema = tree.this
        target = schema.this if isinstance(schema, exp.Schema) else schema
        name = target.name
        line = _line(target, stmt)
        self.out.append(
            EntityFact(
                name=name, table_name=name, prov=self._prov("sql.table", stmt, line), evidence="declared"
            )
        )
        table = self.tables.setdefault(_key(name), _Table(name))
        if not isinstance(schema, exp.Schema):
            self._assume(
                "sql.table", stmt, line, f"Table {name} is created from a query: its columns are unknown"
            )
            return
        columns = [c for c in schema.expressions if isinstance(c, exp.ColumnDef)]
        others = [c for c in schema.expressions if not isinstance(c, exp.ColumnDef)]
        for col in columns:
            table.columns[_key(col.name)] = _declared(col, stmt) or ""
        primary = _table_primary_key(others)
        single_unique = {
            _key(cols[0])
            for cols in (_unique_columns(o) for o in others)
            if cols is not None and len(cols) == 1
        }
        # Checks first: an IN (...) check gives its column's enum values.
        enum_values: dict[str, list[str]] = {}
        pending: list[Fact] = []
        for col in columns:
            for check in _constraints(col, exp.CheckColumnConstraint):
                pending += self._check(stmt, table, check.this, _line(col, stmt), enum_values)
        for item in others:
            for check in _unwrap(item, exp.CheckColumnConstraint):
                pending += self._check(stmt, table, check.this, _line(item, stmt), enum_values)
        for col in columns:
            self._column(stmt, table, col, primary, single_unique, enum_values)
        if len(primary) > 1:
            self.out.append(
                UniqueFact(
                    entity=name,
                    attributes=primary,
                    prov=self._prov("sql.primary_key", stmt, _pk_line(others, stmt)),
                )
            )
        for item in others:
            self._table_constraint(stmt, table, item)
        self.out += pending

    def _column(
        self,
        stmt: _Statement,
        table: _Table,
        col: exp.ColumnDef,
        primary: list[str],
        single_unique: set[str],
        enum_values: dict[str, list[str]],
    ) -> None:
        name = col.name
        line = _line(col, stmt)
        is_pk = _constraint(col, exp.PrimaryKeyColumnConstraint) is not None or primary == [name]
        not_null = _not_null(col)
        required = True if is_pk or _key(name) in {_key(p) for p in primary} else not_null
        unique = _constraint(col, exp.UniqueColumnConstraint) is not None or _key(name) in single_unique
        ref = _constraint(col, exp.Reference)
        if isinstance(ref, exp.Reference):
            self._relationship(stmt, table, [name], ref, line, required=required, unique=unique or is_pk)
            if not is_pk:
                return  # a shared primary key (``id … PRIMARY KEY REFERENCES users``) stays the key too
        if (_key(table.name), _key(name)) in self.fk_columns and not is_pk:
            return  # a table-level or ALTER TABLE foreign key: read as a relationship
        declared = _declared(col, stmt)
        values = _enum_literal_values(col.args.get("kind")) or self.enums.get(_key(_type_name(col)))
        values = values or enum_values.get(_key(name))
        comment = _constraint(col, exp.CommentColumnConstraint)
        self.out.append(
            AttributeFact(
                entity=table.name,
                name=name,
                kind=Kind.ENUM if values else None,
                declared_type=declared,
                required=required,
                unique=True if unique else None,
                primary_key=is_pk,
                case_insensitive=True if _case_insensitive(col) else None,
                enum_values=list(values or []),
                max_length=_max_length(col),
                default=_default(col, stmt.dialect),
                description=_string(comment.this) if comment is not None else "",
                prov=self._prov("sql.column", stmt, line),
            )
        )

    def _table_constraint(self, stmt: _Statement, table: _Table, item: exp.Expression) -> None:
        line = _line(item, stmt)
        for fk in _foreign_keys(item):
            ref = fk.args.get("reference")
            cols = _names(fk.expressions)
            if isinstance(ref, exp.Reference) and cols:
                required = all(self._column_not_null(stmt, table, c) for c in cols)
                self._relationship(stmt, table, cols, ref, line, required=required, unique=False)
        cols_u = _unique_columns(item)
        if cols_u is not None and len(cols_u) > 1:
            self.out.append(
                UniqueFact(entity=table.name, attributes=cols_u, prov=self._prov("sql.unique", stmt, line))
            )
        for index in _unwrap(item, exp.IndexColumnConstraint):
            cols = _names(index.expressions)
            kind = str(index.args.get("kind") or "").upper()
            if kind == "UNIQUE":
                self.out.append(
                    UniqueFact(entity=table.name, attributes=cols, prov=self._prov("sql.unique", stmt, line))
                )
            elif cols:
                self.out.append(
                    IndexFact(
                        entity=table.name,
                        equality=cols,
                        text_search=kind == "FULLTEXT",
                        description=f"index {index.name or ''} declared in the spec's SQL".replace("  ", " "),
                        prov=self._prov("sql.index", stmt, line),
                    )
                )

    def _column_not_null(self, stmt: _Statement, table: _Table, column: str) -> bool:
        tree = stmt.tree
        if isinstance(tree, exp.Create) and isinstance(tree.this, exp.Schema):
            for item in tree.this.expressions:
                if isinstance(item, exp.ColumnDef) and _key(item.name) == _key(column):
                    return _not_null(item) or _constraint(item, exp.PrimaryKeyColumnConstraint) is not None
            if _key(column) in {_key(c) for c in _table_primary_key(tree.this.expressions)}:
                return True
        return False

    def _relationship(
        self,
        stmt: _Statement,
        table: _Table,
        columns: list[str],
        ref: exp.Reference,
        line: int,
        *,
        required: bool,
        unique: bool,
    ) -> None:
        target = ref.this
        parent_table = target.this if isinstance(target, exp.Schema) else target
        parent = parent_table.name
        ref_cols = _names(target.expressions) if isinstance(target, exp.Schema) else []
        options = " ".join(str(o).upper() for o in ref.args.get("options") or [])
        on_delete = next(
            (v for k, v in _ON_DELETE.items() if re.search(rf"\bON DELETE {k}\b", options)), None
        )
        composite = len(columns) > 1
        self.out.append(
            RelationshipFact(
                child=table.name,
                parent=parent,
                via="" if composite or (unique and _key(columns[0]) == "id") else columns[0],
                cardinality=Cardinality.ONE_TO_ONE if unique and not composite else Cardinality.MANY_TO_ONE,
                required=required,
                on_delete=on_delete,
                prov=self._prov("sql.foreign_key", stmt, line),
            )
        )
        if composite:
            refs = f"({', '.join(ref_cols)})" if ref_cols else ""
            self._assume(
                "sql.foreign_key",
                stmt,
                line,
                f"Composite foreign key {table.name} ({', '.join(columns)}) → {parent} {refs}".rstrip()
                + ": kept as one relationship to "
                + parent,
            )

    def _check(
        self,
        stmt: _Statement,
        table: _Table,
        condition: exp.Expression,
        line: int,
        enum_values: dict[str, list[str]],
    ) -> list[Fact]:
        where = self._prov("sql.check", stmt, line)
        checks = _simple_checks(condition, table, where)
        if checks is None:
            return [
                AssumptionFact(
                    text=f"CHECK ({condition.sql()}) on {table.name} kept as written: "
                    "not a range, comparison, length or list of values",
                    prov=where,
                )
            ]
        for c in checks:
            if c.kind == "enum":
                enum_values.setdefault(_key(c.attribute), list(c.values))
        return list(checks)

    def _create_index(self, stmt: _Statement, index: exp.Index, *, unique: bool) -> None:
        table_node = index.args.get("table")
        if not isinstance(table_node, exp.Table):
            return
        table = table_node.name
        line = _line(index, stmt)
        params = index.args.get("params")
        columns = params.args.get("columns") or [] if isinstance(params, exp.IndexParameters) else []
        using = str(params.args.get("using") or "").lower() if isinstance(params, exp.IndexParameters) else ""
        where = params.args.get("where") if isinstance(params, exp.IndexParameters) else None
        condition = where.this.sql() if isinstance(where, exp.Where) else ""
        names: list[str] = []
        sort: list[str] = []
        text_search = using in ("gin", "gist") and any(
            isinstance(f, exp.Anonymous) and "tsvector" in str(f.this).lower()
            for c in columns
            for f in c.walk()
        )
        for c in columns:
            inner = c.this if isinstance(c, exp.Ordered) else c
            col = inner if isinstance(inner, exp.Column) else inner.find(exp.Column)
            if col is None:
                continue
            if unique and isinstance(inner, exp.Lower | exp.Upper):
                self.out.append(
                    AttributeFact(
                        entity=table,
                        name=col.name,
                        case_insensitive=True,
                        prov=self._prov("sql.unique_index", stmt, line),
                    )
                )
            if isinstance(c, exp.Ordered) and c.args.get("desc"):
                sort.append("-" + col.name)
            else:
                names.append(col.name)
        if unique:
            self.out.append(
                UniqueFact(
                    entity=table,
                    attributes=names + [s[1:] for s in sort],
                    where=condition,
                    prov=self._prov("sql.unique_index", stmt, line),
                )
            )
            return
        description = f"index {index.name} declared in the spec's SQL" + (
            f" (where {condition})" if condition else ""
        )
        self.out.append(
            IndexFact(
                entity=table,
                equality=names,
                sort=sort,
                text_search=text_search,
                description=description,
                prov=self._prov("sql.index", stmt, line),
            )
        )

    def _alter_table(self, stmt: _Statement, tree: exp.Alter) -> None:
        name = tree.this.name
        table = self.tables.setdefault(_key(name), _Table(name))
        for action in tree.args.get("actions") or []:
            line = _line(action, stmt) if _line(action, stmt) != stmt.line else stmt.line
            if isinstance(action, exp.ColumnDef):
                table.columns[_key(action.name)] = _declared(action, stmt) or ""
                enum_values: dict[str, list[str]] = {}
                pending: list[Fact] = []
                for check in _constraints(action, exp.CheckColumnConstraint):
                    pending += self._check(stmt, table, check.this, line, enum_values)
                self._column(stmt, table, action, [], set(), enum_values)
                self.out += pending
            elif isinstance(action, exp.AlterColumn):
                allow_null = action.args.get("allow_null")
                default = action.args.get("default")
                if allow_null is None and default is None:
                    continue
                self.out.append(
                    AttributeFact(
                        entity=name,
                        name=action.name,
                        required=None if allow_null is None else not allow_null,
                        default=_default_value(default, stmt.dialect)
                        if isinstance(default, exp.Expression)
                        else None,
                        prov=self._prov("sql.column", stmt, line),
                    )
                )
            else:
                for item in _unwrap(action, exp.Expression):
                    for check in _unwrap(item, exp.CheckColumnConstraint):
                        enum_values = {}
                        self.out += self._check(stmt, table, check.this, line, enum_values)
                        for attr, values in enum_values.items():
                            self.out.append(
                                AttributeFact(
                                    entity=name,
                                    name=attr,
                                    kind=Kind.ENUM,
                                    enum_values=values,
                                    prov=self._prov("sql.check", stmt, line),
                                )
                            )
                    cols = _unique_columns(item)
                    if cols:
                        self.out.append(
                            UniqueFact(
                                entity=name, attributes=cols, prov=self._prov("sql.unique", stmt, line)
                            )
                        )
                    for fk in _foreign_keys(item):
                        ref = fk.args.get("reference")
                        fk_cols = _names(fk.expressions)
                        if isinstance(ref, exp.Reference) and fk_cols:
                            self._relationship(
                                stmt,
                                table,
                                fk_cols,
                                ref,
                                line,
                                required=all(self._known_not_null(table, c) for c in fk_cols),
                                unique=False,
                            )
                    if isinstance(item, exp.PrimaryKey) and len(item.expressions) > 1:
                        self.out.append(
                            UniqueFact(
                                entity=name,
                                attributes=_names(item.expressions),
                                prov=self._prov("sql.primary_key", stmt, line),
                            )
                        )

    def _known_not_null(self, table: _Table, column: str) -> bool:
        for stmt in self.statements:
            tree = stmt.tree
            if (
                isinstance(tree, exp.Create)
                and isinstance(tree.this, exp.Schema)
                and _key(tree.this.this.name) == _key(table.name)
            ):
                return self._column_not_null(stmt, table, column)
        return False

    def _comment(self, stmt: _Statement, tree: exp.Comment) -> None:
        kind = str(tree.args.get("kind", "")).upper()
        text = _string(tree.expression)
        target = tree.this
        if kind == "TABLE" and isinstance(target, exp.Table):
            self.out.append(
                EntityFact(
                    name=target.name,
                    table_name=target.name,
                    description=text,
                    prov=self._prov("sql.comment", stmt, stmt.line),
                )
            )
        elif kind == "COLUMN" and isinstance(target, exp.Column) and target.table:
            self.out.append(
                AttributeFact(
                    entity=target.table,
                    name=target.name,
                    description=text,
                    prov=self._prov("sql.comment", stmt, stmt.line),
                )
            )

    def _prov(self, rule: str, stmt: _Statement, line: int) -> Provenance:
        return prov(rule, line, stmt.line_text(line), PRIORITY)

    def _assume(self, rule: str, stmt: _Statement, line: int, text: str) -> None:
        self.out.append(AssumptionFact(text=text, prov=self._prov(rule, stmt, line)))


# -- helpers over sqlglot trees ------------------------------------------------------------------------


def _key(name: str) -> str:
    return name.strip('"`[]').lower()


def _names(nodes: list[exp.Expression]) -> list[str]:
    return [n.name for n in nodes if n.name]


def _line(node: exp.Expression, stmt: _Statement) -> int:
    """The spec line of ``node``: the first identifier sqlglot recorded a position for."""
    for ident in node.find_all(exp.Identifier):
        line = ident.meta.get("line") if ident.meta else None
        if isinstance(line, int):
            return stmt.base + line - 1
    return stmt.line


def _pk_line(items: list[exp.Expression], stmt: _Statement) -> int:
    for item in items:
        if _unwrap(item, exp.PrimaryKey):
            return _line(item, stmt)
    return stmt.line


def _unwrap(item: exp.Expression, kind: type[exp.Expression]) -> list[exp.Expression]:
    """``item`` itself, or the constraints inside ``CONSTRAINT name …`` / ``ADD CONSTRAINT``, of ``kind``."""
    if isinstance(item, exp.Constraint | exp.AddConstraint):
        return [e for sub in item.expressions for e in _unwrap(sub, kind)]
    return [item] if isinstance(item, kind) else []


def _foreign_keys(item: exp.Expression) -> list[exp.ForeignKey]:
    return [fk for fk in _unwrap(item, exp.ForeignKey) if isinstance(fk, exp.ForeignKey)]


def _unique_columns(item: exp.Expression) -> list[str] | None:
    for u in _unwrap(item, exp.UniqueColumnConstraint):
        schema = u.this
        if isinstance(schema, exp.Schema):
            return _names(schema.expressions)
    return None


def _table_primary_key(items: list[exp.Expression]) -> list[str]:
    for item in items:
        for pk in _unwrap(item, exp.PrimaryKey):
            return _names(pk.expressions)
    return []


def _constraints(col: exp.ColumnDef, kind: type[exp.Expression]) -> list[exp.Expression]:
    found: list[exp.Expression] = []
    for c in col.args.get("constraints") or []:
        k = c.args.get("kind") if isinstance(c, exp.ColumnConstraint) else c
        if isinstance(k, kind):
            found.append(k)
    return found


def _constraint(col: exp.ColumnDef, kind: type[exp.Expression]) -> exp.Expression | None:
    found = _constraints(col, kind)
    return found[0] if found else None


def _not_null(col: exp.ColumnDef) -> bool:
    return any(not c.args.get("allow_null") for c in _constraints(col, exp.NotNullColumnConstraint))


def _declared(col: exp.ColumnDef, stmt: _Statement) -> str | None:
    """The column's type as the spec wrote it (``NUMERIC(12,2)``, ``timestamp with time zone``), or as
    sqlglot writes it when the written text cannot be matched back to the parsed type."""
    kind = col.args.get("kind")
    if not isinstance(kind, exp.DataType):
        return None
    ident = col.this
    end = ident.meta.get("end") if isinstance(ident, exp.Identifier) and ident.meta else None
    if isinstance(end, int) and stmt.parsed:
        raw = _raw_type(stmt.parsed[end + 1 :])
        if raw and _same_type(raw, kind, stmt.dialect):
            return raw
    try:
        return kind.sql(dialect=stmt.dialect)
    except Exception:
        return kind.sql()


_TYPE_END = re.compile(
    r"\s+(?:not|null|primary|unique|default|references|check|constraint|collate|generated|auto_?increment"
    r"|comment|identity|character\s+set|charset|on\s+update|as)\b|\s*--",
    re.I,
)


def _raw_type(rest: str) -> str:
    rest = rest.lstrip('"`]')
    depth = 0
    for i, c in enumerate(rest):
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                rest = rest[:i]
                break
            depth -= 1
        elif (c == "," and depth == 0) or c == "\n":
            rest = rest[:i]
            break
    return _TYPE_END.split(rest, maxsplit=1)[0].strip()


def _same_type(raw: str, kind: exp.DataType, dialect: str) -> bool:
    if kind.this == exp.DataType.Type.USERDEFINED:
        return _key(raw) == _key(str(kind.args.get("kind") or ""))
    try:
        return bool(exp.DataType.build(raw, dialect=dialect, udt=True) == kind)
    except Exception:
        return False


def _type_name(col: exp.ColumnDef) -> str:
    kind = col.args.get("kind")
    if isinstance(kind, exp.DataType) and kind.this == exp.DataType.Type.USERDEFINED:
        return str(kind.args.get("kind") or "")
    return ""


def _max_length(col: exp.ColumnDef) -> int | None:
    kind = col.args.get("kind")
    if isinstance(kind, exp.DataType) and kind.this in _LENGTH_TYPES and kind.expressions:
        literal = kind.expressions[0].find(exp.Literal)
        if literal is not None and literal.is_int:
            return int(literal.this)
    return None


def _case_insensitive(col: exp.ColumnDef) -> bool:
    collate = _constraint(col, exp.CollateColumnConstraint)
    if collate is not None and re.search(r"nocase|_ci\b|case_insensitive", collate.sql(), re.I):
        return True
    return _type_name(col).lower() == "citext"


def _string(node: object) -> str:
    if isinstance(node, exp.Literal):
        return str(node.this)
    return node.sql() if isinstance(node, exp.Expression) else ""


def _default(col: exp.ColumnDef, dialect: str) -> str | None:
    default = _constraint(col, exp.DefaultColumnConstraint)
    return _default_value(default.this, dialect) if default is not None else None


def _default_value(value: exp.Expression, dialect: str) -> str | None:
    """A dialect-neutral default: ``'open'``, ``0``, ``-1``, ``true``, ``CURRENT_TIMESTAMP``, or the
    expression as SQL. ``DEFAULT NULL`` says nothing."""
    if isinstance(value, exp.Null):
        return None
    if isinstance(value, exp.Literal):
        return "'" + str(value.this).replace("'", "''") + "'" if value.is_string else str(value.this)
    if isinstance(value, exp.Boolean):
        return "true" if value.this else "false"
    if isinstance(value, exp.CurrentTimestamp | exp.CurrentDate | exp.CurrentTime):
        return {exp.CurrentTimestamp: "CURRENT_TIMESTAMP", exp.CurrentDate: "CURRENT_DATE"}.get(
            type(value), "CURRENT_TIME"
        )
    if isinstance(value, exp.Neg) and isinstance(value.this, exp.Literal):
        return "-" + str(value.this.this)
    try:
        return value.sql(dialect=dialect)
    except Exception:
        return value.sql()


def _enum_literal_values(node: object) -> list[str] | None:
    """``ENUM('a', 'b')`` (MySQL column type, PostgreSQL ``CREATE TYPE``) → ``['a', 'b']``."""
    if isinstance(node, exp.DataType) and node.this == exp.DataType.Type.ENUM:
        values = [e.this for e in node.expressions if isinstance(e, exp.Literal)]
        return [str(v) for v in values] or None
    return None


def _number(node: exp.Expression) -> float | None:
    if isinstance(node, exp.Paren):
        return _number(node.this)
    if isinstance(node, exp.Cast):
        return _number(node.this)
    if isinstance(node, exp.Neg):
        inner = _number(node.this)
        return -inner if inner is not None else None
    if isinstance(node, exp.Literal) and not node.is_string:
        try:
            return float(node.this)
        except ValueError:
            return None
    return None


def _column_of(node: exp.Expression) -> tuple[str, bool] | None:
    """``(column, is_length)`` for ``col`` or ``length(col)`` / ``char_length(col)``."""
    while isinstance(node, exp.Paren | exp.Cast):
        node = node.this
    if isinstance(node, exp.Column):
        return node.name, False
    if isinstance(node, exp.Length) and isinstance(node.this, exp.Column):
        return node.this.name, True
    if isinstance(node, exp.Anonymous) and str(node.this).lower() in (
        "char_length",
        "character_length",
        "len",
    ):
        args = node.expressions
        if len(args) == 1 and isinstance(args[0], exp.Column):
            return args[0].name, True
    return None


def _literal_values(nodes: list[exp.Expression]) -> list[str] | None:
    values: list[str] = []
    for node in nodes:
        while isinstance(node, exp.Cast | exp.Paren):
            node = node.this
        if not isinstance(node, exp.Literal):
            return None
        values.append(str(node.this))
    return values or None


_FLIP: dict[type[exp.Expression], type[exp.Expression]] = {
    exp.GT: exp.LT,
    exp.GTE: exp.LTE,
    exp.LT: exp.GT,
    exp.LTE: exp.GTE,
}
_OPS: dict[type[exp.Expression], Literal[">", ">=", "<", "<="]] = {
    exp.GT: ">",
    exp.GTE: ">=",
    exp.LT: "<",
    exp.LTE: "<=",
}


def _conjuncts(node: exp.Expression) -> list[exp.Expression]:
    while isinstance(node, exp.Paren):
        node = node.this
    if isinstance(node, exp.And):
        return _conjuncts(node.this) + _conjuncts(node.expression)
    return [node]


def _simple_checks(condition: exp.Expression, table: _Table, where: Provenance) -> list[CheckFact] | None:
    """The CheckFact fields for a condition made only of simple forms (joined by AND), else ``None``.

    ``x >= 0`` → non_negative; ``x > 0``, ``x BETWEEN a AND b``, ``x >= a AND x <= b`` → range (a strict
    bound on an integer column becomes the next integer; on others it stays strict in ``op``);
    ``length(x) <= n`` → length; ``x IN ('a', 'b')`` / ``x = ANY (ARRAY[…])`` → enum; ``a > b`` → compare.
    """
    entity = table.name
    bounds: dict[tuple[str, bool], dict[str, Bound]] = {}
    out: list[CheckFact] = []
    for part in _conjuncts(condition):
        if isinstance(part, exp.Between):
            target = _column_of(part.this)
            low, high = _number(part.args["low"]), _number(part.args["high"])
            if target is None or low is None or high is None:
                return None
            slot = bounds.setdefault(target, {})
            slot["min"], slot["max"] = (low, True), (high, True)
        elif isinstance(part, exp.In) and not part.args.get("query"):
            target = _column_of(part.this)
            values = _literal_values(part.expressions)
            if target is None or target[1] or values is None:
                return None
            out.append(CheckFact(entity=entity, kind="enum", attribute=target[0], values=values, prov=where))
        elif isinstance(part, exp.EQ) and isinstance(part.expression, exp.Any):
            target = _column_of(part.this)
            array = part.expression.find(exp.Array)
            values = _literal_values(array.expressions) if array is not None else None
            if target is None or target[1] or values is None:
                return None
            out.append(CheckFact(entity=entity, kind="enum", attribute=target[0], values=values, prov=where))
        elif type(part) in _OPS:
            left, right = _column_of(part.this), _column_of(part.expression)
            op_type: type[exp.Expression] = type(part)
            if left and right and not left[1] and not right[1]:
                out.append(
                    CheckFact(
                        entity=entity,
                        kind="compare",
                        attribute=left[0],
                        other=right[0],
                        op=_OPS[op_type],
                        prov=where,
                    )
                )
                continue
            if left is None and right is not None:  # 0 < x  →  x > 0
                left, number, op_type = right, _number(part.this), _FLIP[op_type]
            else:
                number = _number(part.expression)
            if left is None or number is None:
                return None
            slot = bounds.setdefault(left, {})
            key = "min" if op_type in (exp.GT, exp.GTE) else "max"
            slot[key] = (number, op_type in (exp.GTE, exp.LTE))
        else:
            return None
    for (attribute, is_length), slot in bounds.items():
        out.append(_bound_check(attribute, is_length, slot, table, where))
    return out


def _bound_check(
    attribute: str, is_length: bool, slot: dict[str, Bound], table: _Table, where: Provenance
) -> CheckFact:
    integer = is_length or bool(_INTEGER.search(table.columns.get(_key(attribute), "")))
    low, high = slot.get("min"), slot.get("max")
    op: Literal[">", ">=", "<", "<="] = ">="
    minimum = maximum = None
    if low is not None:
        minimum, inclusive = low
        if not inclusive and integer and minimum == int(minimum):
            minimum += 1
        elif not inclusive:
            op = ">"
    if high is not None:
        maximum, inclusive = high
        if not inclusive and integer and maximum == int(maximum):
            maximum -= 1
        elif not inclusive and low is None:
            op = "<"
        elif low is None:
            op = "<="
    entity = table.name
    if is_length:
        return CheckFact(
            entity=entity,
            kind="length",
            attribute=attribute,
            minimum=minimum,
            maximum=maximum,
            op=op,
            prov=where,
        )
    if minimum == 0 and maximum is None and op == ">=":
        return CheckFact(
            entity=entity, kind="non_negative", attribute=attribute, minimum=0, op=">=", prov=where
        )
    return CheckFact(
        entity=entity, kind="range", attribute=attribute, minimum=minimum, maximum=maximum, op=op, prov=where
    )


def _head(text: str) -> str:
    """``text`` without its leading blank lines and comments: where the statement's keyword starts."""
    return _LEADING_COMMENTS.sub("", text)
