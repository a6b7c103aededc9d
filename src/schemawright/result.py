"""The pipeline's output: what ``design --json`` prints (schema: ``docs/design.schema.json``)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from schemawright.design.document import DocumentDesign
from schemawright.design.firestore import FirestoreDesign
from schemawright.design.keyvalue import KeyValueDesign
from schemawright.design.models import RelationalDesign
from schemawright.domain.model import Assumption
from schemawright.verify.models import VerificationReport

# One entry per store the feature needs, told apart by ``kind``.
# Document stores are told apart by ``engine``.
DocumentStore = Annotated[DocumentDesign | FirestoreDesign, Field(discriminator="engine")]
StoreDesign = Annotated[RelationalDesign | DocumentStore | KeyValueDesign, Field(discriminator="kind")]


class FeatureInfo(BaseModel):
    id: str
    name: str
    source: str


class OutputFile(BaseModel):
    path: str  # relative to the project root
    role: Literal[
        "decision", "migration-up", "migration-down", "migration", "review", "indexes", "rules", "schema"
    ]
    content: str = Field(default="", exclude=True)


class Verification(BaseModel):
    status: Literal["passed", "failed", "skipped", "not-run"] = "not-run"
    reports: list[VerificationReport] = Field(default_factory=list)


class ReviewSummary(BaseModel):
    """The reviewer's verdict on the design's own migration (``schemawright review`` rules)."""

    errors: int = 0
    warnings: int = 0
    findings: list[str] = Field(default_factory=list)


class DesignResult(BaseModel):
    feature: FeatureInfo
    stores: list[StoreDesign] = Field(default_factory=list)
    files: list[OutputFile] = Field(default_factory=list)
    assumptions: list[Assumption] = Field(default_factory=list)
    # spec sentences that mention data but produced nothing: reported, never dropped silently
    not_understood: list[Assumption] = Field(default_factory=list)
    verification: Verification = Field(default_factory=Verification)
    review: ReviewSummary = Field(default_factory=ReviewSummary)
    no_change_reason: str = ""
