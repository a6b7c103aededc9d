"""schemawright review: a deterministic schema and migration-safety linter.

Public API: :func:`review_project`, :func:`review_migration`, :func:`render`; the CLI command lives in
:mod:`schemawright.commands.review`.
"""

from schemawright.review.engine import review_migration, review_project
from schemawright.review.models import Category, Finding, Location, ReviewReport, Severity
from schemawright.review.render import render

__all__ = [
    "Category",
    "Finding",
    "Location",
    "ReviewReport",
    "Severity",
    "render",
    "review_migration",
    "review_project",
]
