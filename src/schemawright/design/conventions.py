"""Naming and key conventions a design follows: the role's defaults, or what an existing project uses."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from schemawright.design.models import Table


class Conventions(BaseModel):
    key_type: Literal["uuid", "bigint"] = "uuid"
    plural_tables: bool = True
    created_at: str = "created_at"
    updated_at: str = "updated_at"
    deleted_at: str = "deleted_at"
    updated_at_trigger: bool = True
    index_suffix: bool = (
        False  # the project names indexes {table}_{columns}_idx instead of idx_{table}_{columns}
    )
    # Django: new tables are named as Django names a model's table, ``{app}_{model}`` (``api_annotation``),
    # in the app the migration goes to; "" elsewhere
    django_app: str = ""
    learned: list[str] = Field(default_factory=list)  # human sentences: what was adopted from the project


class ExistingSchema(BaseModel):
    """What the project already has (reconstructed from its migrations)."""

    tables: list[Table] = Field(default_factory=list)
    functions: list[str] = Field(default_factory=list)
    conventions: Conventions = Field(default_factory=Conventions)
    # PostgreSQL partitioned tables (relkind 'p') -> their direct partitions, in the catalog's order; a
    # partition that is itself partitioned has an entry of its own. A table not listed is a plain table.
    partitions: dict[str, list[str]] = Field(default_factory=dict)
    # Django: model name (lower case, no separators) -> its table, for models whose table is not named
    # after them (``Check`` is ``api_check``, ``User`` is ``auth_user``); names two apps share are left out
    model_tables: dict[str, str] = Field(default_factory=dict)

    def table(self, name: str) -> Table | None:
        return next((t for t in self.tables if t.name == name), None)

    def table_of_model(self, entity: str) -> Table | None:
        """The table of the project's model named like ``entity`` (Django's ``app_model`` tables)."""
        found = self.model_tables.get(re.sub(r"[^a-z0-9]", "", entity.lower()))
        return self.table(found) if found else None

    def partitioned(self, name: str) -> bool:
        return name in self.partitions
