"""Build findings from the catalog so codes, severities and categories are never typed twice."""

from __future__ import annotations

from schemawright.review.catalog import BY_CODE
from schemawright.review.models import Finding, Location


def finding(code: str, message: str, *, at: Location, fix: str, migration: str = "") -> Finding:
    rule = BY_CODE[code]
    return Finding(
        code=code,
        name=rule.name,
        severity=rule.severity,
        category=rule.category,
        message=message,
        impact=rule.impact,
        location=at,
        fix=fix,
        migration=migration,
    )
