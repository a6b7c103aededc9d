"""Operations → SQL statements, one renderer class per dialect.

Tables, constraints, indexes and columns are compiled by SQLAlchemy Core from the same metadata the rest
of the emitter builds (:func:`schemawright.emit.sql.ddl.build_metadata`), so quoting, types, ``IF [NOT]
EXISTS``, ``CONCURRENTLY``, ``NOT VALID`` and MySQL's ``DROP FOREIGN KEY`` are SQLAlchemy's. What Core
has no construct for is written here from quoted identifiers: ``ADD``/``DROP COLUMN`` around Core's own
column specification, ``VALIDATE CONSTRAINT``, ``ON ONLY``, index attachment, partitions, row-level
security and policies; triggers come from :mod:`schemawright.emit.sql.triggers`.

A renderer also says what its engine can do (``alters_constraints``, ``partitions``, …), so the planners
ask it instead of comparing dialect names.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, Literal

import sqlalchemy as sa
from sqlalchemy.schema import AddConstraint, CreateColumn, DropConstraint, DropTable
from sqlalchemy.schema import CreateIndex as SACreateIndex
from sqlalchemy.schema import CreateTable as SACreateTable
from sqlalchemy.schema import DropIndex as SADropIndex

from schemawright.design.models import ForeignKey, Index, Policy, RelationalDesign, Table
from schemawright.emit.sql import triggers
from schemawright.emit.sql.ddl import build_metadata, compile_ddl, index_element
from schemawright.emit.sql.dialects import DialectName, sa_dialect
from schemawright.ops import models as o


class UnsupportedOperation(ValueError):
    """The dialect has no form of this operation."""


def _split(name: str) -> tuple[str | None, str]:
    """``schema.name`` → (schema, name); a name without a schema → (None, name)."""
    schema, _, bare = name.rpartition(".")
    return (schema or None), bare


class Renderer:
    """Renders operations for one dialect. ``catalog`` is every table the operations may refer to (the
    design's tables: new and existing); a table an operation carries (``CreateTable``) is its own."""

    name: ClassVar[DialectName]
    # What the engine can do; the planners ask these instead of comparing dialect names.
    alters_constraints: ClassVar[bool] = True  # ALTER TABLE … ADD / DROP CONSTRAINT (SQLite: only inline)
    partitions: ClassVar[bool] = False  # declarative partitioning with a DEFAULT partition
    concurrent_indexes: ClassVar[bool] = False  # CREATE / DROP INDEX CONCURRENTLY, ON ONLY, ATTACH
    not_valid: ClassVar[bool] = False  # ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT
    partial_indexes: ClassVar[bool] = True  # CREATE INDEX … WHERE (MySQL: none, emulated on new tables)
    expression_indexes: ClassVar[bool] = True  # CREATE INDEX … (lower(col)) (MariaDB: none)
    if_exists_indexes: ClassVar[bool] = (
        False  # CREATE INDEX IF NOT EXISTS / DROP INDEX IF EXISTS (all servers)
    )
    # how updated_at is kept current: a shared trigger function and a trigger per table, a trigger per
    # table, or the column's own ON UPDATE clause (nothing to create)
    updated_at: ClassVar[Literal["function", "trigger", "column"]] = "column"
    row_level_security: ClassVar[bool] = False
    lock_timeout: ClassVar[str] = ""  # the statement every up starts with ("" when the engine has none)
    # statements that switch foreign key checks off and on again (for dropping tables that refer to each
    # other both ways), where the engine needs and has them
    foreign_key_checks: ClassVar[tuple[str, str] | None] = None

    def __init__(self, catalog: Iterable[Table] = ()) -> None:
        self._tables: dict[str, Table] = {t.name: t for t in catalog}
        self._sa_tables: dict[str, sa.Table] | None = None

    @property
    def sa_dialect(self) -> sa.engine.interfaces.Dialect:
        return sa_dialect(self.name)

    def with_tables(self, operations: Iterable[o.Operation]) -> Renderer:
        """The same renderer with the tables ``operations`` create or drop in its catalog (theirs win)."""
        tables = dict(self._tables)
        for op in operations:
            if isinstance(op, (o.CreateTable, o.DropTable)):
                tables[op.table.name] = op.table
        return type(self)(tables.values())

    # -- helpers -----------------------------------------------------------------------------------------
    def _metadata(self) -> dict[str, sa.Table]:
        if self._sa_tables is None:
            design = RelationalDesign(dialect=self.name, tables=list(self._tables.values()))
            self._sa_tables = build_metadata(design)[1]
        return self._sa_tables

    def _compile(self, element: sa.schema.ExecutableDDLElement) -> str:
        return compile_ddl(element, self.name) + ";"

    def quote(self, name: str) -> str:
        """``name`` quoted where the engine needs it; ``schema.name`` quoted part by part."""
        schema, bare = _split(name)
        preparer = self.sa_dialect.identifier_preparer
        return (f"{preparer.quote(schema)}." if schema else "") + str(preparer.quote(bare))

    def always_quote(self, name: str) -> str:
        return str(self.sa_dialect.identifier_preparer.quote_identifier(name))

    def _stub(self, name: str, columns: Iterable[str], metadata: sa.MetaData | None = None) -> sa.Table:
        """A table with just the named columns (no types): enough for Core to compile a constraint or an
        index on a table the catalog does not describe."""
        schema, bare = _split(name)
        return sa.Table(bare, metadata or sa.MetaData(), *(sa.Column(c) for c in columns), schema=schema)

    # -- dispatch ----------------------------------------------------------------------------------------
    def render(self, op: o.Operation) -> str:
        """The SQL of ``op`` ("" when the engine has nothing to run for it)."""
        method = getattr(self, f"_{op.op}", None)
        if method is None:
            raise UnsupportedOperation(f"{self.name} has no {op.op.replace('_', ' ')}")
        return str(method(op))

    # -- tables ------------------------------------------------------------------------------------------
    def _create_table(self, op: o.CreateTable) -> str:
        renderer = self if self._tables.get(op.table.name) == op.table else self.with_tables([op])
        return self._compile(SACreateTable(renderer._metadata()[op.table.name]))

    def _drop_table(self, op: o.DropTable) -> str:
        return self._compile(DropTable(self._stub(op.table.name, ()), if_exists=True))

    def _add_column(self, op: o.AddColumn) -> str:
        stub = Table(name=op.table, columns=[op.column], existing=True)
        design = RelationalDesign(dialect=self.name, tables=[stub])
        column = build_metadata(design)[1][op.table].c[op.column.name]
        spec = str(CreateColumn(column).compile(dialect=self.sa_dialect)).strip()
        if op.foreign_key is not None:
            spec += " " + self._references(op.foreign_key)
        return f"ALTER TABLE {self.quote(op.table)} ADD COLUMN {spec};"

    def _references(self, fk: ForeignKey) -> str:
        """A one-column foreign key as the column's own constraint: ``CONSTRAINT fk REFERENCES parent
        (id) ON DELETE …`` (Core writes foreign keys only as table constraints)."""
        if len(fk.columns) != 1 or len(fk.ref_columns) != 1:
            raise UnsupportedOperation(f"{fk.name} has {len(fk.columns)} columns: not a column constraint")
        return (
            f"CONSTRAINT {self.quote(fk.name)} REFERENCES {self.quote(fk.ref_table)} "
            f"({self.quote(fk.ref_columns[0])})" + (f" ON DELETE {fk.on_delete}" if fk.on_delete else "")
        )

    def _drop_column(self, op: o.DropColumn) -> str:
        return f"ALTER TABLE {self.quote(op.table)} DROP COLUMN {self.quote(op.column.name)};"

    # -- foreign keys --------------------------------------------------------------------------------------
    def _fk(self, table: str, fk: ForeignKey, not_valid: bool) -> sa.ForeignKeyConstraint:
        metadata = sa.MetaData()
        ref = self._stub(fk.ref_table, fk.ref_columns, metadata)
        kwargs: dict[str, Any] = {"postgresql_not_valid": True} if not_valid else {}
        constraint = sa.ForeignKeyConstraint(
            fk.columns, [ref.c[c] for c in fk.ref_columns], name=fk.name, ondelete=fk.on_delete, **kwargs
        )
        self._stub(table, fk.columns, metadata).append_constraint(constraint)
        return constraint

    # SQLite has no ALTER TABLE … ADD / DROP CONSTRAINT: what Core compiles for it fails on the engine
    # (verification reports it); the planners keep new tables' keys inline there, and a key added to an
    # existing table goes with its new column (AddColumn.foreign_key).
    def _add_foreign_key(self, op: o.AddForeignKey) -> str:
        return self._compile(AddConstraint(self._fk(op.table, op.foreign_key, op.not_valid)))

    def _drop_foreign_key(self, op: o.DropForeignKey) -> str:
        return self._compile(DropConstraint(self._fk(op.table, op.foreign_key, False), if_exists=True))

    def _validate_constraint(self, op: o.ValidateConstraint) -> str:
        raise UnsupportedOperation(f"{self.name} has no VALIDATE CONSTRAINT")

    # -- indexes ---------------------------------------------------------------------------------------------
    def _sa_index(self, table: str, index: Index, table_schema: str) -> sa.Index:
        name = f"{table_schema}.{table}" if table_schema else table
        model = self._tables.get(name)
        sa_table = self._metadata().get(name) if model is not None else None
        if model is None or sa_table is None:  # a table the design does not describe (a partition)
            model, sa_table = Table(name=name), self._stub(name, index.columns)
        return index_element(model, sa_table, self.name, index)

    def _create_index(self, op: o.CreateIndex) -> str:
        return self._compile(
            SACreateIndex(self._sa_index(op.table, op.index, op.table_schema), op.if_not_exists)
        )

    def _drop_index(self, op: o.DropIndex) -> str:
        return self._compile(
            SADropIndex(self._sa_index(op.table, op.index, op.table_schema), if_exists=op.if_exists)
        )

    # -- triggers --------------------------------------------------------------------------------------------
    def _trigger_check(self, op: o.Operation, kinds: tuple[str, ...]) -> None:
        if self.updated_at not in kinds:
            raise UnsupportedOperation(f"{self.name} keeps updated_at without {op.op.replace('_', ' ')}")

    def _create_updated_at_function(self, op: o.CreateUpdatedAtFunction) -> str:
        self._trigger_check(op, ("function",))
        return triggers.create_function(self.name)

    def _drop_updated_at_function(self, op: o.DropUpdatedAtFunction) -> str:
        self._trigger_check(op, ("function",))
        return triggers.drop_function(self.name)

    def _create_updated_at_trigger(self, op: o.CreateUpdatedAtTrigger) -> str:
        self._trigger_check(op, ("function", "trigger"))
        return triggers.create_trigger(self.name, op.table)

    def _drop_updated_at_trigger(self, op: o.DropUpdatedAtTrigger) -> str:
        self._trigger_check(op, ("function", "trigger"))
        return triggers.drop_trigger(self.name, op.table)

    # -- comments -----------------------------------------------------------------------------------------
    def _no_op(self, op: o.NoOp) -> str:
        return f"-- {op.note}"


# the reviewer's suppression (review/suppress.py) of the down that drops an attached index tree
DETACH_SUPPRESSION = (
    "-- schemawright:ignore SW613, SW618 PostgreSQL cannot detach an attached index: this down drops"
)


class PostgreSQLRenderer(Renderer):
    name = "postgresql"
    partitions = True
    concurrent_indexes = True
    not_valid = True
    updated_at = "function"
    row_level_security = True
    lock_timeout = "SET lock_timeout = '5s';"  # fail fast instead of queueing every query behind our lock

    def _create_partition(self, op: o.CreatePartition) -> str:
        return f"CREATE TABLE {self.quote(op.table)} PARTITION OF {self.quote(op.parent)} DEFAULT;"

    def _drop_partition(self, op: o.DropPartition) -> str:
        return f"DROP TABLE IF EXISTS {self.quote(op.table)};"

    def _validate_constraint(self, op: o.ValidateConstraint) -> str:
        return f"ALTER TABLE {self.quote(op.table)} VALIDATE CONSTRAINT {self.quote(op.name)};"

    def _create_index(self, op: o.CreateIndex) -> str:
        ix = self._sa_index(op.table, op.index, op.table_schema)
        ix.dialect_options["postgresql"]["concurrently"] = op.concurrently
        sql = self._compile(SACreateIndex(ix, if_not_exists=op.if_not_exists))
        if (
            op.only and ix.table is not None
        ):  # Core has no ON ONLY: the table follows " ON " in its CREATE INDEX
            on = f" ON {self.sa_dialect.identifier_preparer.format_table(ix.table)} "
            sql = sql.replace(on, on.replace(" ON ", " ON ONLY ", 1), 1)
        return sql

    def _drop_index(self, op: o.DropIndex) -> str:
        ix = self._sa_index(op.table, op.index, op.table_schema)
        ix.dialect_options["postgresql"]["concurrently"] = op.concurrently
        return self._compile(SADropIndex(ix, if_exists=op.if_exists))

    def _attach_index_partition(self, op: o.AttachIndexPartition) -> str:
        return f"ALTER INDEX {self.quote(op.parent)} ATTACH PARTITION {self.quote(op.index)};"

    def _detach_index_partition(self, op: o.DetachIndexPartition) -> str:
        """An attached index cannot be detached: the down drops the tree's root, which takes every
        partition's index — what the feature's earlier migrations created (their downs then find nothing
        to drop). The review's SW613 and SW618 say exactly that; the suppression gives the reason."""
        return (
            f"{DETACH_SUPPRESSION} {op.root} with every partition's index, which this feature's earlier "
            "migrations created (their downs then do nothing): roll those back too before applying this "
            f"one again\nDROP INDEX IF EXISTS {self.quote(op.root)};"
        )

    def _enable_row_level_security(self, op: o.EnableRowLevelSecurity) -> str:
        return f"ALTER TABLE {self.always_quote(op.table)} ENABLE ROW LEVEL SECURITY;"

    def _disable_row_level_security(self, op: o.DisableRowLevelSecurity) -> str:
        return f"ALTER TABLE {self.always_quote(op.table)} DISABLE ROW LEVEL SECURITY;"

    def _create_policy(self, op: o.CreatePolicy) -> str:
        p: Policy = op.policy
        create = (
            f"CREATE POLICY {self.always_quote(p.name)} ON {self.always_quote(p.table)} FOR {p.command} "
            f"TO {', '.join(self.quote(r) for r in p.roles)}"
            + (f" USING ({p.using})" if p.using else "")
            + (f" WITH CHECK ({p.with_check})" if p.with_check else "")
        )
        if p.guard == "none":
            return create + ";"
        # Supabase's auth.uid() and authenticated role exist only there: the policy is created by EXECUTE
        # where both exist, so the same migration applies (without it) on plain PostgreSQL.
        literal = "'" + create.replace("'", "''") + "'"
        return (
            "DO $$\nBEGIN\n"
            "  IF to_regprocedure('auth.uid()') IS NOT NULL\n"
            "     AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authenticated') THEN\n"
            f"    EXECUTE {literal};\n"
            "  END IF;\nEND\n$$;"
        )

    def _drop_policy(self, op: o.DropPolicy) -> str:
        p = op.policy
        return f"DROP POLICY IF EXISTS {self.always_quote(p.name)} ON {self.always_quote(p.table)};"


class MySQLRenderer(Renderer):
    name = "mysql"  # updated_at: ON UPDATE CURRENT_TIMESTAMP on the column, no trigger
    partial_indexes = False
    expression_indexes = False


class SQLiteRenderer(Renderer):
    name = "sqlite"
    alters_constraints = False
    updated_at = "trigger"
    foreign_key_checks = ("PRAGMA foreign_keys = OFF;", "PRAGMA foreign_keys = ON;")


_RENDERERS: dict[str, type[Renderer]] = {
    r.name: r for r in (PostgreSQLRenderer, MySQLRenderer, SQLiteRenderer)
}


def renderer_for(dialect: str, catalog: Iterable[Table] = ()) -> Renderer:
    """The renderer of ``dialect`` (``postgresql``, ``mysql``, ``sqlite``) over ``catalog``."""
    try:
        return _RENDERERS[dialect](catalog)
    except KeyError:
        raise ValueError(f"unknown dialect {dialect!r}; expected postgresql, mysql or sqlite") from None
