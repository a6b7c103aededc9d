"""Findings and reports: pydantic models so every output format serialises the same data."""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, Field


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Order used by ``--fail-on``: error outranks warning outranks info."""
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Category(str, Enum):
    """The sections a human reviewer writes; ``Critical issues`` is derived from severity."""

    SCHEMA_DESIGN = "Schema design"
    PERFORMANCE = "Performance"
    DATA_INTEGRITY = "Data integrity"
    NAMING = "Naming"
    SECURITY = "Security"
    MIGRATION_SAFETY = "Migration safety"


class Location(BaseModel):
    file: str = ""
    line: int = 0
    table: str | None = None
    column: str | None = None

    def object_name(self) -> str:
        if self.table and self.column:
            return f"{self.table}.{self.column}"
        return self.table or ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.file else ""
        obj = self.object_name()
        return " ".join(part for part in (where, f"({obj})" if obj else "") if part)


class Finding(BaseModel):
    code: str
    name: str
    severity: Severity
    category: Category
    message: str
    impact: str
    location: Location
    fix: str
    migration: str = ""


class ReviewReport(BaseModel):
    dialect: str
    feature_id: str | None = None
    migrations: list[str] = Field(default_factory=list)
    tables: list[str] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    positives: list[str] = Field(default_factory=list)
    suppressed: int = 0
    # Where the schema rules' catalog came from: "static" (parsed DDL) or "reflected (<engine>)".
    catalog: str = "static"
    notes: list[str] = Field(default_factory=list)  # limits of this run (fallbacks, unread formats)

    def at_or_above(self, severity: Severity) -> list[Finding]:
        return [f for f in self.findings if f.severity.rank >= severity.rank]

    def codes(self) -> set[str]:
        return {f.code for f in self.findings}
