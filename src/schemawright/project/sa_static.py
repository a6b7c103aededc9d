"""What a migration file may call when read statically: SQLAlchemy's column types and schema constructs
(library code, never the project's), and an offline Alembic that renders operations as SQL.

Both readers (Alembic revisions and Django migrations) end in the same place: operations rendered by
Alembic in offline (``--sql``) mode for one dialect, so the SQL is what Alembic itself would emit, and the
designer replays it on a scratch database like any SQL history while the reviewer lints it.
"""

from __future__ import annotations

import importlib
import io
import re
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy.types import TypeEngine

from schemawright.project.py_static import Unknown

# schema constructs a migration builds its tables from (types are allowed by class)
_CONSTRUCTS = {
    "Column",
    "ForeignKey",
    "ForeignKeyConstraint",
    "PrimaryKeyConstraint",
    "UniqueConstraint",
    "CheckConstraint",
    "Index",
    "Identity",
    "Computed",
    "Sequence",
    "text",
    "literal_column",
    "null",
    "true",
    "false",
}


def resolver(notes: list[str]) -> Callable[[str], object | None]:
    """``resolve(dotted)``: the SQLAlchemy object a dotted name stands for (``sqlalchemy.String``,
    ``sqlalchemy.dialects.postgresql.JSONB``, ``sqlalchemy.func.now``) when it is a column type or a schema
    construct, else None. A column of a type it cannot evaluate is read as text, noted in ``notes``."""

    def column(*args: Any, **kwargs: Any) -> sa.Column[Any]:
        name = next((a for a in args if isinstance(a, str)), "?")
        for i, arg in enumerate(args):
            if isinstance(arg, Unknown):
                notes.append(f"column {name}: type {arg.dotted} is not SQLAlchemy's; read as text")
                args = (*args[:i], Untyped(), *args[i + 1 :])
        if isinstance(kwargs.get("type_"), Unknown):
            notes.append(f"column {name}: type {kwargs['type_']} is not SQLAlchemy's; read as text")
            kwargs["type_"] = Untyped()
        return sa.Column(*args, **kwargs)

    column.takes_unknown = True  # type: ignore[attr-defined]

    def resolve(dotted: str) -> object | None:
        if dotted.startswith("sqlalchemy.func."):
            found: object = sa.func
            for part in dotted.split(".")[2:]:
                found = getattr(found, part)
            return found
        if not dotted.startswith("sqlalchemy."):
            return None
        module_name, _, attr = dotted.rpartition(".")
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            return None
        found = getattr(module, attr, None)
        if isinstance(found, type) and issubclass(found, TypeEngine):
            return found
        if attr == "Column":
            return column
        return found if attr in _CONSTRUCTS and found is not None else None

    return resolve


class Untyped(sa.types.UserDefinedType[Any]):
    """A column type the reader cannot evaluate (a project's own ``GUID``): rendered as text."""

    cache_ok = True

    def get_col_spec(self, **_kw: Any) -> str:
        return "TEXT"


class Renderer:
    """Alembic operations in offline mode for one dialect: each call's SQL is collected, not run."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self._buffer = io.StringIO()
        context = MigrationContext.configure(
            dialect_name=dialect,
            opts={"as_sql": True, "output_buffer": self._buffer, "literal_binds": True},
        )
        self.ops = Operations(context)

    def run(self, call: Callable[[], object]) -> str:
        """The SQL ``call`` (one or more operations) emits, each statement on one line."""
        self._buffer.seek(0)
        self._buffer.truncate()
        call()
        statements = [s.strip() for s in self._buffer.getvalue().split(";\n") if s.strip()]
        return "\n".join(_one_line(s.rstrip(";")) + ";" for s in statements)


def _one_line(sql: str) -> str:
    """Generated DDL on one line (SQLAlchemy breaks CREATE TABLE per column), so statements keep the line
    of the operation that wrote them."""
    return re.sub(r"\s*\n\s*", " ", sql)
