"""The catalog: what a database holds, as one typed, JSON-serialisable model (pydantic v2).

:func:`schemawright.catalog.reflect.reflect` fills it from a live PostgreSQL, MySQL/MariaDB or SQLite
database. It keeps what the engine says, without a consumer's naming rules or defaults, so the designer's
view of an existing project (``project/reflect.py``) and the reviewer's (``review/reflect.py``) are both
filters over it:

- every non-system schema: a table's ``schema_name`` is ``None`` in the default (current) schema and the
  schema's name elsewhere (``billing``); :attr:`Table.qualified` is ``billing.invoices`` or ``accounts``;
- a column of a type the reader does not know (``xid8``, an extension's type) keeps the catalog's name for
  it as ``type`` (``known_type`` false; its ``logical`` type is text, the nearest neutral one);
- keys and constraints as declared: composite primary and foreign keys, UNIQUE, CHECK; indexes with their
  expressions, sort order, predicate (partial) and method; partitions both ways;
- the objects outside tables: views, functions (each overload), triggers, enum and domain types and
  row-level security policies.

Optional facts an engine cannot tell are ``None`` (SQLite has no table comments, a constraint may be
unnamed), never a made-up default.

The reviewer also builds this model without a database, by replaying a migration history statically
(``review/schema.py``). What only such a reading knows is optional here, ``None`` or false when a database
was read: where a migration wrote a table, column, foreign key or index (``path``, ``line``), a table known
only from statements that change it (``stub``: created outside the history read), a column's type as parsed
(``base_type``) and whether a column-level CHECK or an enum type limits its values (``constrained``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class LogicalType(BaseModel):
    """Dialect-neutral column type; ``emit.sql.<dialect>`` renders it."""

    name: Literal[
        "uuid",
        "bigint",
        "integer",
        "smallint",
        "text",
        "varchar",
        "char",
        "numeric",
        "boolean",
        "date",
        "time",
        "timestamptz",
        "interval",
        "json",
        "bytea",
        "inet",
    ]
    length: int | None = None
    precision: int | None = None
    scale: int | None = None


def qualify(schema: str | None, name: str) -> str:
    """``schema.name``, or ``name`` in the default schema (``schema`` None)."""
    return f"{schema}.{name}" if schema else name


class TableRef(BaseModel):
    """A table by schema (None: the default one) and name."""

    schema_name: str | None = None
    name: str

    @property
    def qualified(self) -> str:
        return qualify(self.schema_name, self.name)


class Column(BaseModel):
    name: str
    # the engine's spelling (``NUMERIC(12, 2)``, ``VARCHAR(200)``); for a type the reader does not know, the
    # catalog's own name for it (``xid8``); "" when the engine has none (an SQLite column without a type)
    type: str
    known_type: bool = True  # False: ``type`` is the catalog's name for a type the reader does not know
    logical: LogicalType = Field(default_factory=lambda: LogicalType(name="text"))
    nullable: bool = True
    default: str | None = None  # the default expression as the engine reports it (``nextval(…)``, ``now()``)
    identity: bool = False  # GENERATED … AS IDENTITY
    autoincrement: bool = False  # the engine reports the column as auto-incrementing (AUTO_INCREMENT, serial)
    generated: str | None = None  # a generated (computed) column's expression
    comment: str = ""
    # a text column's collation when it is not the database's default (MySQL: a migration named it); a
    # foreign key column to it needs the same one
    collation: str | None = None
    # the type's name without its arguments as sqlglot spells it (``TIMESTAMP``, ``VARCHAR``, ``USERDEFINED``)
    base_type: str | None = None
    constrained: bool = False  # a column-level CHECK, or an enum type (inline or named), limits its values
    path: str | None = None  # the migration file that wrote the column (None: read from a database)
    line: int | None = None  # and its line there

    @property
    def fills_itself(self) -> bool:
        """The engine fills the column when a row leaves it out: an identity, a serial (its default is
        ``nextval(…)``) or MySQL's AUTO_INCREMENT (the only columns an engine reports as
        ``autoincrement``; SQLite reports none, not even a rowid alias). The designer's identity default
        and the reviewer's identity flag are both this."""
        return self.identity or self.autoincrement or bool(self.default and "nextval(" in self.default)


class PrimaryKey(BaseModel):
    name: str | None = None
    columns: list[str]


class ForeignKey(BaseModel):
    name: str | None = None
    columns: list[str]
    ref_schema: str | None = None  # None: the default schema
    ref_table: str
    ref_columns: list[str]
    on_delete: str | None = None  # upper case as the engine reports it; None when it reports none
    on_update: str | None = None
    deferrable: bool | None = None
    initially: str | None = None
    path: str | None = None  # the migration file that wrote the foreign key (None: read from a database)
    line: int | None = None

    @property
    def ref_qualified(self) -> str:
        return qualify(self.ref_schema, self.ref_table)


class Unique(BaseModel):
    name: str | None = None
    columns: list[str]
    index: str | None = None  # the index that *is* this constraint (MySQL reports both)


class Check(BaseModel):
    name: str | None = None
    expression: str  # SQL as the engine prints it


class IndexKey(BaseModel):
    """One key of an index: a column, or an expression (``lower(email::text)``)."""

    column: str | None = None
    expression: str | None = None
    descending: bool = False
    nulls: Literal["first", "last"] | None = None

    @property
    def text(self) -> str:
        return self.column if self.column is not None else self.expression or ""


class Index(BaseModel):
    name: str | None = None
    keys: list[IndexKey] = Field(default_factory=list)
    unique: bool = False
    where: str | None = None  # a partial index's predicate
    method: str | None = None  # access method (``gin``, ``hash``); None: the engine's default (btree)
    include: list[str] = Field(default_factory=list)  # INCLUDE (…) columns
    # the UNIQUE constraint this index was made for (PostgreSQL): the constraint, not an index of its own
    constraint: str | None = None
    path: str | None = None  # the migration file that created the index (None: read from a database)
    line: int | None = None

    @property
    def columns(self) -> list[str]:
        """The plain columns among the keys, in order (expressions left out)."""
        return [k.column for k in self.keys if k.column is not None]

    @property
    def key_texts(self) -> list[str]:
        """Every key in order: its column, or its expression's text."""
        return [k.text for k in self.keys]


class Table(BaseModel):
    schema_name: str | None = None
    name: str
    columns: list[Column] = Field(default_factory=list)
    primary_key: PrimaryKey | None = None
    foreign_keys: list[ForeignKey] = Field(default_factory=list)
    uniques: list[Unique] = Field(default_factory=list)
    checks: list[Check] = Field(default_factory=list)
    indexes: list[Index] = Field(default_factory=list)
    comment: str | None = None  # None: the engine keeps no table comments (SQLite)
    partitioned: bool = False  # a partitioned parent (PostgreSQL declarative partitioning)
    partition_of: TableRef | None = None  # the parent this table is a partition of
    partitions: list[TableRef] = Field(default_factory=list)  # direct partitions, in the catalog's order
    row_level_security: bool = False
    # known only from statements that change it (ALTER TABLE, CREATE INDEX): created outside what was read
    stub: bool = False
    path: str | None = None  # the migration file that created the table (None: read from a database)
    line: int | None = None

    @property
    def qualified(self) -> str:
        return qualify(self.schema_name, self.name)

    @property
    def ref(self) -> TableRef:
        return TableRef(schema_name=self.schema_name, name=self.name)

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)


class View(BaseModel):
    schema_name: str | None = None
    name: str
    materialized: bool = False


class Function(BaseModel):
    """A routine; each overload is one entry."""

    schema_name: str | None = None
    name: str
    kind: Literal["function", "procedure", "aggregate", "window"] = "function"
    arguments: str = ""  # PostgreSQL's identity arguments (``a integer, b integer``)
    returns: str = ""


class Trigger(BaseModel):
    schema_name: str | None = None  # the table's schema
    name: str
    table: str
    function: str = ""  # the function it executes (PostgreSQL)

    @property
    def table_qualified(self) -> str:
        return qualify(self.schema_name, self.table)


class UserType(BaseModel):
    """A user-defined enum or domain type (PostgreSQL)."""

    schema_name: str | None = None
    name: str
    kind: Literal["enum", "domain"]
    values: list[str] = Field(default_factory=list)  # an enum's labels, in order
    base: str = ""  # a domain's underlying type


class Policy(BaseModel):
    """A row-level security policy (PostgreSQL)."""

    schema_name: str | None = None
    table: str
    name: str
    command: Literal["ALL", "SELECT", "INSERT", "UPDATE", "DELETE"] = "ALL"
    permissive: bool = True
    roles: list[str] = Field(default_factory=list)
    using: str | None = None
    with_check: str | None = None


class Catalog(BaseModel):
    """Everything :func:`schemawright.catalog.reflect.reflect` read from one database."""

    dialect: Literal["postgresql", "mysql", "sqlite"]
    default_schema: str | None = None  # the name of the schema ``None`` stands for (``public``)
    schemas: list[str] = Field(default_factory=list)  # the other non-system schemas read, sorted
    tables: list[Table] = Field(default_factory=list)  # the default schema's first, in the engine's order
    views: list[View] = Field(default_factory=list)
    functions: list[Function] = Field(default_factory=list)  # the default schema's first, by name
    triggers: list[Trigger] = Field(default_factory=list)
    types: list[UserType] = Field(default_factory=list)
    policies: list[Policy] = Field(default_factory=list)

    def table(self, qualified: str) -> Table | None:
        """The table named ``name`` (default schema) or ``schema.name``."""
        return next((t for t in self.tables if t.qualified == qualified), None)

    def in_schema(self, schema: str | None) -> list[Table]:
        """The tables of one schema (None: the default one)."""
        return [t for t in self.tables if t.schema_name == schema]
