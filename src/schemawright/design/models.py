"""Physical store designs. Their JSON is the ``stores`` list of ``schemawright design --json``
(schema: ``docs/design.schema.json``), so field names here are a public contract."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from schemawright.catalog.models import LogicalType
from schemawright.domain.model import Source

__all__ = [
    "Check",
    "Column",
    "ForeignKey",
    "Index",
    "LogicalType",
    "Partition",
    "Policy",
    "RelationalDesign",
    "Table",
    "UniqueConstraint",
]


class Column(BaseModel):
    name: str
    type: str  # rendered for the store's dialect (JSON contract)
    logical: LogicalType
    # an existing column's type as the catalog spells it, where no logical type renders it (an enum, a type
    # the reader does not know); a foreign key column to it takes it too. Not part of the JSON contract.
    native_type: str = Field(default="", exclude=True)
    # MySQL: a text column's collation when it is not the database's default (an existing column a
    # migration gave one, or a foreign key column to such a key). Not part of the JSON contract.
    collation: str = Field(default="", exclude=True)
    nullable: bool = False
    default: str | None = None  # rendered SQL default expression
    default_kind: Literal["none", "now", "uuid", "identity", "literal"] = "none"
    comment: str = ""
    # Value domain, kept so generators (sample rows, validators, docs) need not parse SQL.
    enum_values: list[str] = Field(default_factory=list)
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    sensitive: str = "none"  # none | personal | confidential | secret | payment
    source: Source = Field(default_factory=Source)


class ForeignKey(BaseModel):
    name: str
    columns: list[str]
    ref_table: str
    ref_columns: list[str]
    on_delete: Literal["CASCADE", "RESTRICT", "SET NULL", "NO ACTION"] = "RESTRICT"
    reason: str = ""
    source: Source = Field(default_factory=Source)


class UniqueConstraint(BaseModel):
    name: str
    columns: list[str]
    source: Source = Field(default_factory=Source)


class Index(BaseModel):
    name: str
    columns: list[str]  # "-col" never appears here; see ``descending``
    unique: bool = False
    where: str | None = None  # rendered SQL predicate (identifiers quoted)
    method: str = "btree"
    descending: list[str] = Field(default_factory=list)
    expressions: dict[str, str] = Field(default_factory=dict)  # column → expression kind, e.g. "lower"
    purpose: str = ""
    source: Source = Field(default_factory=Source)


class Check(BaseModel):
    name: str
    expression: str  # rendered SQL (identifiers quoted for the dialect)
    # Structured form of the same rule (so sample-row generators and reviewers need not parse SQL).
    kind: Literal["enum", "range", "compare", "non_negative", "length", "custom"] = "custom"
    column: str = ""
    other: str = ""  # compare: column on the right-hand side
    op: str = ""  # compare: ">", ">=", "<", "<="
    values: list[str] = Field(default_factory=list)
    minimum: float | None = None
    maximum: float | None = None
    reason: str = ""
    source: Source = Field(default_factory=Source)


class Partition(BaseModel):
    method: Literal["range", "list", "hash"] = "range"
    column: str
    interval: str = "month"
    reason: str = ""


class Table(BaseModel):
    name: str
    entity: str = ""
    purpose: str = ""
    columns: list[Column] = Field(default_factory=list)
    primary_key: list[str] = Field(default_factory=list)
    foreign_keys: list[ForeignKey] = Field(default_factory=list)
    unique: list[UniqueConstraint] = Field(default_factory=list)
    indexes: list[Index] = Field(default_factory=list)
    checks: list[Check] = Field(default_factory=list)
    partition: Partition | None = None
    updated_at_trigger: bool = False
    row_level_security: bool = False  # PostgreSQL: RLS enabled (Supabase); see RelationalDesign.policies
    existing: bool = False  # already in the project; referenced, never created or dropped
    # MySQL: created with the database's default character set and collation, like the existing tables
    # whose text keys it references (an InnoDB foreign key joins text columns of one collation only)
    default_collation: bool = Field(default=False, exclude=True)
    source: Source = Field(default_factory=Source)

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)


class Policy(BaseModel):
    """A row-level security policy (PostgreSQL): who may see and write which rows of ``table``."""

    name: str
    table: str
    command: Literal["ALL", "SELECT", "INSERT", "UPDATE", "DELETE"] = "ALL"
    roles: list[str] = Field(default_factory=lambda: ["public"])
    using: str = ""  # rendered SQL predicate: the rows visible (identifiers quoted)
    with_check: str = ""  # rendered SQL predicate: the rows that may be written
    # "supabase": created only where Supabase's auth.uid() and authenticated role exist, so the same
    # migration also applies (without the policy) on plain PostgreSQL
    guard: Literal["none", "supabase"] = "none"
    reason: str = ""


class RelationalDesign(BaseModel):
    kind: Literal["relational"] = "relational"
    dialect: Literal["postgresql", "mysql", "sqlite"] = "postgresql"
    tables: list[Table] = Field(default_factory=list)
    policies: list[Policy] = Field(default_factory=list)  # row-level security (Supabase)
    seed: list[dict[str, Any]] = Field(default_factory=list)  # {"table": name, "values": {...}}

    def table(self, name: str) -> Table | None:
        return next((t for t in self.tables if t.name == name), None)

    def new_tables(self) -> list[Table]:
        return [t for t in self.tables if not t.existing]
