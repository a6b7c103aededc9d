"""Project settings from ``pyproject.toml`` ``[tool.schemawright.review]``: severities and disabled rules."""

from __future__ import annotations

import sys
from pathlib import Path

from pydantic import BaseModel, Field, field_validator

from schemawright.review.catalog import BY_CODE
from schemawright.review.models import Finding, Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class ReviewConfig(BaseModel):
    severity: dict[str, Severity] = Field(default_factory=dict)
    disable: list[str] = Field(default_factory=list)
    dialect: str | None = None
    migrations_dir: str | None = None

    @field_validator("severity")
    @classmethod
    def _known_severity_codes(cls, value: dict[str, Severity]) -> dict[str, Severity]:
        unknown = sorted(set(value) - set(BY_CODE))
        if unknown:
            raise ValueError(f"unknown rule code(s): {', '.join(unknown)}")
        return value

    @field_validator("disable")
    @classmethod
    def _known_disabled_codes(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - set(BY_CODE))
        if unknown:
            raise ValueError(f"unknown rule code(s): {', '.join(unknown)}")
        return value

    def apply(self, findings: list[Finding]) -> list[Finding]:
        out = []
        for f in findings:
            if f.code in self.disable:
                continue
            if f.code in self.severity:
                f = f.model_copy(update={"severity": self.severity[f.code]})
            out.append(f)
        return out


def load_config(root: Path) -> ReviewConfig:
    """Read the review table; a project without pyproject.toml gets the defaults."""
    path = root / "pyproject.toml"
    if not path.is_file():
        return ReviewConfig()
    data = tomllib.loads(path.read_text())
    section = data.get("tool", {}).get("schemawright", {})
    review = dict(section.get("review", {}))
    if "dialect" not in review and isinstance(section.get("dialect"), str):
        review["dialect"] = section["dialect"]
    return ReviewConfig.model_validate(review)
