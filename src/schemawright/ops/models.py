"""Operation objects: one schema change each, as in Alembic's ``operations/ops.py``.

Every operation is a frozen pydantic model (so a migration plan is JSON), names the objects it changes
and carries enough to undo itself: ``reverse()`` returns the operation that undoes it, and for every
pair here ``reverse(reverse(op)) == op`` (a ``DropTable`` keeps the whole table, so it can be created
again). ``transactional`` says whether the operation may run inside a transaction (``CREATE INDEX
CONCURRENTLY`` may not). Down migrations are never written by hand: they are the reversed operations
of the up, rendered (see :func:`schemawright.ops.plan.down_operations`).

Rendering SQL is not done here: :mod:`schemawright.ops.render` turns operations into statements for one
dialect, through SQLAlchemy Core wherever it can express the statement.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from schemawright.design.models import Column, ForeignKey, Index, Policy, Table


class _Op(BaseModel):
    model_config = ConfigDict(frozen=True)

    @property
    def transactional(self) -> bool:
        """May run inside a transaction (every operation but a concurrent index build or drop)."""
        return True


class CreateTable(_Op):
    """``CREATE TABLE`` with its columns, keys, unique and check constraints and the foreign keys listed
    on ``table`` (a key to a table created later is a separate :class:`AddForeignKey`)."""

    op: Literal["create_table"] = "create_table"
    table: Table

    def reverse(self) -> DropTable:
        return DropTable(table=self.table)


class DropTable(_Op):
    """``DROP TABLE IF EXISTS``; keeps the table's definition so that it can be reversed."""

    op: Literal["drop_table"] = "drop_table"
    table: Table

    def reverse(self) -> CreateTable:
        return CreateTable(table=self.table)


class CreatePartition(_Op):
    """PostgreSQL: a partition of ``parent`` (the ``DEFAULT`` partition, which takes every row)."""

    op: Literal["create_partition"] = "create_partition"
    table: str
    parent: str

    def reverse(self) -> DropPartition:
        return DropPartition(table=self.table, parent=self.parent)


class DropPartition(_Op):
    op: Literal["drop_partition"] = "drop_partition"
    table: str
    parent: str

    def reverse(self) -> CreatePartition:
        return CreatePartition(table=self.table, parent=self.parent)


class AddColumn(_Op):
    """``ALTER TABLE … ADD COLUMN`` on an existing table (the column as it is added: nullable, or NOT
    NULL with a constant default, so that no row needs rewriting). ``foreign_key``, a key on this column
    alone, is written into the column (``… CONSTRAINT fk REFERENCES parent (id)``): the only way SQLite
    adds a foreign key to an existing table without rebuilding it (the column must then default to NULL)."""

    op: Literal["add_column"] = "add_column"
    table: str
    column: Column
    foreign_key: ForeignKey | None = None

    def reverse(self) -> DropColumn:
        return DropColumn(table=self.table, column=self.column, foreign_key=self.foreign_key)


class DropColumn(_Op):
    """``ALTER TABLE … DROP COLUMN`` (its own foreign key, if it carries one, goes with it)."""

    op: Literal["drop_column"] = "drop_column"
    table: str
    column: Column
    foreign_key: ForeignKey | None = None

    def reverse(self) -> AddColumn:
        return AddColumn(table=self.table, column=self.column, foreign_key=self.foreign_key)


class AddForeignKey(_Op):
    """``ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY``; ``not_valid`` (PostgreSQL) skips the scan of
    existing rows, which a later :class:`ValidateConstraint` does under a weaker lock."""

    op: Literal["add_foreign_key"] = "add_foreign_key"
    table: str
    foreign_key: ForeignKey
    not_valid: bool = False

    def reverse(self) -> DropForeignKey:
        return DropForeignKey(table=self.table, foreign_key=self.foreign_key, not_valid=self.not_valid)


class DropForeignKey(_Op):
    op: Literal["drop_foreign_key"] = "drop_foreign_key"
    table: str
    foreign_key: ForeignKey
    not_valid: bool = False

    def reverse(self) -> AddForeignKey:
        return AddForeignKey(table=self.table, foreign_key=self.foreign_key, not_valid=self.not_valid)


class ValidateConstraint(_Op):
    """PostgreSQL: ``VALIDATE CONSTRAINT`` of a ``NOT VALID`` key (a scan that allows writes). Nothing
    undoes a validation; its reverse is a :class:`NoOp` (the key itself is dropped by the reverse of
    its :class:`AddForeignKey`)."""

    op: Literal["validate_constraint"] = "validate_constraint"
    table: str
    name: str

    def reverse(self) -> NoOp:
        return NoOp(note="nothing to undo: the constraint is dropped by the feature's down")


class CreateIndex(_Op):
    """``CREATE INDEX``. ``concurrently`` (PostgreSQL) builds it without blocking writes, outside a
    transaction; ``only`` (PostgreSQL) creates a partitioned table's index ``ON ONLY`` the parent (a
    catalog entry, invalid until every partition's index is attached); ``if_not_exists`` guards it.
    ``table_schema`` is the table's schema when it is not the default one (an index lives in its table's)."""

    op: Literal["create_index"] = "create_index"
    table: str
    index: Index
    concurrently: bool = False
    only: bool = False
    if_not_exists: bool = False
    table_schema: str = ""

    @property
    def transactional(self) -> bool:
        return not self.concurrently

    def reverse(self) -> DropIndex:
        return DropIndex(
            table=self.table,
            index=self.index,
            concurrently=self.concurrently,
            only=self.only,
            if_exists=self.if_not_exists,
            table_schema=self.table_schema,
        )


class DropIndex(_Op):
    op: Literal["drop_index"] = "drop_index"
    table: str
    index: Index
    concurrently: bool = False
    only: bool = False
    if_exists: bool = False
    table_schema: str = ""

    @property
    def transactional(self) -> bool:
        return not self.concurrently

    def reverse(self) -> CreateIndex:
        return CreateIndex(
            table=self.table,
            index=self.index,
            concurrently=self.concurrently,
            only=self.only,
            if_not_exists=self.if_exists,
            table_schema=self.table_schema,
        )


class AttachIndexPartition(_Op):
    """PostgreSQL: ``ALTER INDEX parent ATTACH PARTITION index``. Names are unquoted, ``schema.name``
    outside the default schema; ``root`` is the partitioned table's own index, the top of the tree."""

    op: Literal["attach_index_partition"] = "attach_index_partition"
    parent: str
    index: str
    root: str

    def reverse(self) -> DetachIndexPartition:
        return DetachIndexPartition(parent=self.parent, index=self.index, root=self.root)


class DetachIndexPartition(_Op):
    """The undoing of :class:`AttachIndexPartition`. PostgreSQL cannot detach an attached index, so it
    drops the tree's ``root`` index, which takes every attached one with it (the same statement for
    every attachment of one tree is written once)."""

    op: Literal["detach_index_partition"] = "detach_index_partition"
    parent: str
    index: str
    root: str

    def reverse(self) -> AttachIndexPartition:
        return AttachIndexPartition(parent=self.parent, index=self.index, root=self.root)


class CreateUpdatedAtFunction(_Op):
    """PostgreSQL: the shared ``set_updated_at()`` trigger function."""

    op: Literal["create_updated_at_function"] = "create_updated_at_function"

    def reverse(self) -> DropUpdatedAtFunction:
        return DropUpdatedAtFunction()


class DropUpdatedAtFunction(_Op):
    op: Literal["drop_updated_at_function"] = "drop_updated_at_function"

    def reverse(self) -> CreateUpdatedAtFunction:
        return CreateUpdatedAtFunction()


class CreateUpdatedAtTrigger(_Op):
    """The trigger that keeps ``table.updated_at`` current (PostgreSQL: calls ``set_updated_at()``;
    SQLite: an AFTER UPDATE trigger)."""

    op: Literal["create_updated_at_trigger"] = "create_updated_at_trigger"
    table: str

    def reverse(self) -> DropUpdatedAtTrigger:
        return DropUpdatedAtTrigger(table=self.table)


class DropUpdatedAtTrigger(_Op):
    op: Literal["drop_updated_at_trigger"] = "drop_updated_at_trigger"
    table: str

    def reverse(self) -> CreateUpdatedAtTrigger:
        return CreateUpdatedAtTrigger(table=self.table)


class EnableRowLevelSecurity(_Op):
    """PostgreSQL: ``ALTER TABLE … ENABLE ROW LEVEL SECURITY``."""

    op: Literal["enable_row_level_security"] = "enable_row_level_security"
    table: str

    def reverse(self) -> DisableRowLevelSecurity:
        return DisableRowLevelSecurity(table=self.table)


class DisableRowLevelSecurity(_Op):
    op: Literal["disable_row_level_security"] = "disable_row_level_security"
    table: str

    def reverse(self) -> EnableRowLevelSecurity:
        return EnableRowLevelSecurity(table=self.table)


class CreatePolicy(_Op):
    """PostgreSQL: ``CREATE POLICY`` (a guarded policy is created only where its roles and functions
    exist: see :class:`schemawright.design.models.Policy`)."""

    op: Literal["create_policy"] = "create_policy"
    policy: Policy

    def reverse(self) -> DropPolicy:
        return DropPolicy(policy=self.policy)


class DropPolicy(_Op):
    op: Literal["drop_policy"] = "drop_policy"
    policy: Policy

    def reverse(self) -> CreatePolicy:
        return CreatePolicy(policy=self.policy)


class NoOp(_Op):
    """Nothing to run; written as a comment (the reverse of an operation nothing can undo)."""

    op: Literal["no_op"] = "no_op"
    note: str

    def reverse(self) -> NoOp:
        return self


Operation = Annotated[
    CreateTable
    | DropTable
    | CreatePartition
    | DropPartition
    | AddColumn
    | DropColumn
    | AddForeignKey
    | DropForeignKey
    | ValidateConstraint
    | CreateIndex
    | DropIndex
    | AttachIndexPartition
    | DetachIndexPartition
    | CreateUpdatedAtFunction
    | DropUpdatedAtFunction
    | CreateUpdatedAtTrigger
    | DropUpdatedAtTrigger
    | EnableRowLevelSecurity
    | DisableRowLevelSecurity
    | CreatePolicy
    | DropPolicy
    | NoOp,
    Field(discriminator="op"),
]
