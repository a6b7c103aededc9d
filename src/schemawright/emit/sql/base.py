"""The SQL generator every dialect shares, with the facts that differ between engines as class attributes.

Following sqlglot's ``dialects/`` layout, each engine is one subclass (``postgresql.py``, ``mysql.py``,
``sqlite.py``) over this base: a type table, feature flags and a few small methods (quoting, literals, the
current-time expression, the design adaptation an engine needs). Code outside ``emit/sql/`` and
``engines/`` asks a dialect (:func:`schemawright.emit.sql.dialects.dialect_for`) what it supports instead
of comparing its name.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from schemawright.catalog.models import LogicalType

if TYPE_CHECKING:  # SQLAlchemy is imported where a type or dialect is made (the review makes none)
    import sqlalchemy as sa
    from sqlalchemy.engine.interfaces import Dialect as SADialect

    from schemawright.design.models import RelationalDesign
    from schemawright.domain.model import Assumption

DialectName = Literal["postgresql", "mysql", "sqlite"]

TypeRenderer = Callable[[LogicalType], str]
SATypeRenderer = Callable[[LogicalType], "sa.types.TypeEngine[Any]"]


def numeric(base: str, t: LogicalType) -> str:
    """``NUMERIC(p,s)`` (or ``base`` alone when the type has no precision)."""
    return f"{base}({t.precision},{t.scale})" if t.precision is not None else base


class SqlDialect:
    """One SQL engine as the designer, the emitters and the reviewer see it. Instances hold no state but
    the engine's SQLAlchemy dialect; get them from ``dialect_for``."""

    name: ClassVar[DialectName]

    # -- type tables: logical type name -> DDL spelling (the JSON ``type``); -> SQLAlchemy type in
    # ``_sa_types`` (built on first use: SQLAlchemy's dialect modules are imported only when DDL is compiled)
    TYPES: ClassVar[dict[str, TypeRenderer]]

    # -- identifiers ---------------------------------------------------------------------------------------
    identifier_limit: ClassVar[int]  # bytes a generated name may use (longer ones are shortened with a hash)
    engine_identifier_limit: ClassVar[int | None] = None  # the engine's own limit (None: effectively none)
    truncates_long_identifiers: ClassVar[bool] = False  # silently (PostgreSQL), instead of rejecting them
    # names (compared case-insensitively) a table cannot safely have on this engine: InnoDB names a table's
    # file after it, so the Windows device names misbehave on MySQL/MariaDB (see ``safe_table_name``)
    unsafe_table_names: ClassVar[frozenset[str]] = frozenset()
    # words reserved on this engine although the SQL standard does not reserve them (KEY, INDEX on MySQL):
    # a table or column so named must be quoted here, not on PostgreSQL
    reserved_words: ClassVar[frozenset[str]] = frozenset()
    unsafe_table_suffix: ClassVar[str] = "_table"
    unsafe_table_reason: ClassVar[str] = ""  # why, for the Assumptions

    # -- transactions --------------------------------------------------------------------------------------
    transactional_ddl: ClassVar[bool] = True  # a failed script rolls back its DDL (MySQL commits each one)
    begin_transaction: ClassVar[str] = "BEGIN;"
    delimiter_command: ClassVar[bool] = False  # routine bodies are sent between DELIMITER lines (mysql CLI)
    supports_lock_timeout: ClassVar[bool] = False  # ``SET lock_timeout`` bounds the wait for a lock

    # -- DDL features --------------------------------------------------------------------------------------
    supports_concurrent_index: ClassVar[bool] = False  # CREATE / DROP INDEX CONCURRENTLY
    supports_not_valid: ClassVar[bool] = False  # ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT
    supports_partitioning: ClassVar[bool] = False  # declarative PARTITION BY RANGE with a default partition
    supports_create_or_replace: ClassVar[bool] = False  # CREATE OR REPLACE FUNCTION / VIEW / TRIGGER
    single_statement_triggers: ClassVar[bool] = False  # CREATE TRIGGER … EXECUTE FUNCTION (no BEGIN … END)
    schema_is_database: ClassVar[bool] = False  # CREATE SCHEMA creates a whole database (MySQL)
    index_names_per_table: ClassVar[bool] = False  # two tables may have an index of the same name
    fk_creates_index: ClassVar[bool] = False  # the engine indexes every foreign key itself (InnoDB)

    # -- types and values ----------------------------------------------------------------------------------
    has_exact_decimal: ClassVar[bool] = True  # an exact NUMERIC type (SQLite: TEXT is the exact store)
    has_temporal_types: ClassVar[bool] = True  # real DATE / TIMESTAMP types (SQLite keeps text)
    has_timestamptz: ClassVar[bool] = False  # a time-zone-aware timestamp type besides a naive one
    timestamp_type: ClassVar[str]  # the type a moment in time should have
    backslash_escapes: ClassVar[bool] = False  # a backslash escapes inside string literals (MySQL)
    now: ClassVar[str]  # the current time as a column default
    uuid_default: ClassVar[str | None] = None  # a generated UUID as a column default, if the engine has one
    length_function: ClassVar[str] = "char_length"  # characters (not bytes) of a text value
    true_literal: ClassVar[str] = "1"
    false_literal: ClassVar[str] = "0"
    checks_email_shape: ClassVar[bool] = False  # emails get a minimal ``LIKE '%_@_%'`` CHECK
    has_uuid_type: ClassVar[bool] = False  # a native UUID type (elsewhere a UUID is kept as text)
    has_binary_json: ClassVar[bool] = False  # JSONB beside JSON
    has_inet_type: ClassVar[bool] = False  # an IP address type
    has_array_type: ClassVar[bool] = False  # arrays of any type as a column type
    has_identity_columns: ClassVar[bool] = False  # GENERATED … AS IDENTITY
    has_named_enum_types: ClassVar[bool] = False  # CREATE TYPE … AS ENUM, created and dropped on their own
    # foreign keys checked at commit (DEFERRABLE INITIALLY DEFERRED) as ORMs ask for them on this engine
    deferrable_foreign_keys: ClassVar[bool] = False
    alter_type_using: ClassVar[bool] = False  # ALTER COLUMN … TYPE … USING a cast of the old value
    has_index_methods: ClassVar[bool] = False  # CREATE INDEX … USING gin / gist / brin / hash

    def __init__(self) -> None:
        self._sa: SADialect | None = None
        self._sa_table: dict[str, SATypeRenderer] | None = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"

    # -- SQLAlchemy ----------------------------------------------------------------------------------------
    def sa_dialect(self) -> SADialect:
        """The engine's SQLAlchemy dialect (named parameters), made once."""
        if self._sa is None:
            self._sa = self._make_sa_dialect()
        return self._sa

    def _make_sa_dialect(self) -> SADialect:
        raise NotImplementedError

    def _sa_types(self) -> dict[str, SATypeRenderer]:
        raise NotImplementedError

    # -- transactions --------------------------------------------------------------------------------------
    def in_transaction(self, script: str) -> str:
        """``script`` in one transaction, as goose, dbmate, Diesel and Atlas run a migration: opened on its
        first line (line numbers unchanged) and committed after its end. The ``;`` on a line of its own ends
        a last statement written without one (``DO $$ … $$`` closing a file), which would otherwise run into
        the ``COMMIT``; after a statement that has one it is an empty statement, which no engine runs."""
        return f"{self.begin_transaction} {script.rstrip()}\n;\nCOMMIT;\n"

    # -- identifiers and literals --------------------------------------------------------------------------
    def quote(self, identifier: str) -> str:
        """``identifier`` quoted exactly when the engine needs it (reserved words, case, odd characters)."""
        return str(self.sa_dialect().identifier_preparer.quote(identifier))

    def literal(self, value: str) -> str:
        """A SQL string literal: quotes doubled (and backslashes, where they escape), so spec text can never
        break out of it."""
        if self.backslash_escapes:
            value = value.replace("\\", "\\\\")
        return "'" + value.replace("'", "''") + "'"

    def boolean(self, value: bool) -> str:
        """A boolean value as the engine stores it (``TRUE`` / ``FALSE``, or 1 / 0)."""
        return self.true_literal if value else self.false_literal

    def shorten(self, name: str) -> str:
        """Fit an identifier to the limit deterministically: keep a readable prefix and add a hash of the
        full name, so two long names never collide."""
        limit = self.identifier_limit
        if len(name.encode("utf-8")) <= limit:
            return name
        digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
        prefix = name.encode("utf-8")[: limit - 9].decode("utf-8", errors="ignore").rstrip("_")
        return f"{prefix}_{digest}"

    def safe_table_name(self, name: str) -> str:
        """``name`` as a new table's name: unchanged unless the engine cannot use it for a table (one of
        ``unsafe_table_names``, in any case), which gets ``unsafe_table_suffix`` (``lpt1`` → ``lpt1_table``).
        Only tables the design creates are named this way; existing ones keep their name."""
        if name.casefold() in self.unsafe_table_names:
            return self.shorten(name + self.unsafe_table_suffix)
        return name

    # -- types ---------------------------------------------------------------------------------------------
    def type_sql(self, t: LogicalType) -> str:
        """The type as it appears in DDL (the JSON ``type`` field)."""
        return self.TYPES[t.name](t)

    def sa_type(self, t: LogicalType) -> sa.types.TypeEngine[Any]:
        """The SQLAlchemy type the DDL is compiled from."""
        import sqlalchemy as sa

        if self._sa_table is None:
            self._sa_table = self._sa_types()
        render = self._sa_table.get(t.name)
        return render(t) if render is not None else sa.Text()

    # -- design ----------------------------------------------------------------------------------------------
    def adapt_design(self, design: RelationalDesign, updated_at: str) -> list[Assumption]:
        """Rewrite a finished dialect-neutral design in place for what this engine lacks; returns the
        assumptions that introduces."""
        return []
