"""What a verification run reports; embedded in the design JSON under ``verification``."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class Step(BaseModel):
    name: str  # "up", "down", "snapshot-compare", "up-again", "sample-rows", …
    ok: bool
    detail: str = ""
    seconds: float = 0.0


class VerificationReport(BaseModel):
    engine: str  # "postgresql", "mysql", "sqlite", "redis", "mongodb"
    target: str = ""  # where it ran, credentials removed: "server 127.0.0.1:5432", "embedded PostgreSQL 18.6"
    status: Literal["passed", "failed", "skipped"]
    steps: list[Step] = Field(default_factory=list)
    rows_inserted: int = 0
    error: str = ""
    seconds: float = 0.0
