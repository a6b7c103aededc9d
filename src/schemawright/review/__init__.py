"""schemawright review: a deterministic schema and migration-safety linter.

Public API: :func:`review_project`, :func:`review_migration`, :func:`render`; the CLI command lives in
:mod:`schemawright.review.command`.

The names are resolved on first use (PEP 562 ``__getattr__``) so that importing the CLI, which imports
:mod:`schemawright.review.command`, does not load the review engine, SQLAlchemy and pydantic at start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from schemawright.review.engine import review_migration, review_project
    from schemawright.review.models import Category, Finding, Location, ReviewReport, Severity
    from schemawright.review.render import render

_HOMES = {
    "review_migration": "schemawright.review.engine",
    "review_project": "schemawright.review.engine",
    "Category": "schemawright.review.models",
    "Finding": "schemawright.review.models",
    "Location": "schemawright.review.models",
    "ReviewReport": "schemawright.review.models",
    "Severity": "schemawright.review.models",
    "render": "schemawright.review.render",
}

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


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
