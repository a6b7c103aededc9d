"""What a rule sees: the dialect, the migration being reviewed and the schema around it."""

from __future__ import annotations

from dataclasses import dataclass

from schemawright.emit.sql.dialects import SqlDialect, dialect_for
from schemawright.engines.splitter import Comment
from schemawright.review.parse import Statement
from schemawright.review.schema import Schema, key


@dataclass(frozen=True)
class ParsedMigration:
    name: str
    up: list[Statement]
    up_comments: list[Comment]
    up_path: str
    down: list[Statement] | None  # None: no down file or section at all
    down_comments: list[Comment]
    down_path: str
    implicit_transaction: bool = False
    no_transaction: bool = False  # marked to run outside a transaction (dbmate/goose markers)


@dataclass(frozen=True)
class StatementContext:
    dialect: str
    migration: str
    schema: Schema  # the schema just before this statement
    created_here: frozenset[str]  # table keys created by this migration so far: not "existing"
    in_transaction: bool
    direction: str  # "up" or "down"
    atomic: bool = True  # a failure rolls the whole script back, so re-runs need no IF NOT EXISTS

    def existing(self, table: str) -> bool:
        """A table from an earlier migration (or unknown to us): lock-heavy operations matter on it."""
        return key(table) not in self.created_here

    @property
    def sql(self) -> SqlDialect:
        """The dialect's feature flags (what the engine supports decides which fix is safe)."""
        return dialect_for(self.dialect)
