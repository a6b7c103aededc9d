"""The two review documents a human reviewer would write: database schema and migrations."""

from __future__ import annotations

from pathlib import Path

from schemawright.review.models import Category, Finding, ReviewReport, Severity

SCHEMA_SECTIONS = (
    Category.SCHEMA_DESIGN,
    Category.PERFORMANCE,
    Category.DATA_INTEGRITY,
    Category.NAMING,
    Category.SECURITY,
)
MIGRATION_SECTIONS = (Category.MIGRATION_SAFETY,)


def _finding(f: Finding) -> str:
    fix = f.fix if "\n" not in f.fix and not f.fix.startswith("--") else None
    lines = [
        f"### {f.code} {f.name}",
        "",
        f"- **Issue:** {f.message}",
        f"- **Impact:** {f.impact}",
        f"- **Location:** {f.location}",
    ]
    if fix is not None:
        lines.append(f"- **Fix:** `{fix}`")
    else:
        lines += ["- **Fix:**", "", "```sql", f.fix, "```"]
    return "\n".join(lines)


def _document(title: str, report: ReviewReport, sections: tuple[Category, ...], positives: list[str]) -> str:
    mine = [f for f in report.findings if f.category in sections]
    critical = [f for f in mine if f.severity is Severity.ERROR]
    out = [f"# {title}", ""]
    scope = f"Feature {report.feature_id}; " if report.feature_id else ""
    out += [
        f"{scope}dialect {report.dialect}; migrations reviewed: {', '.join(report.migrations) or 'none'}; "
        f"schema catalog: {report.catalog}.",
        "",
    ]
    out += [f"> Note: {n}\n" for n in report.notes]
    out += ["## Critical issues", ""]
    out += [_finding(f) + "\n" for f in critical] or ["None.", ""]
    for category in sections:
        rest = [f for f in mine if f.category is category and f.severity is not Severity.ERROR]
        out += [f"## {category.value}", ""]
        out += [_finding(f) + "\n" for f in rest] or ["No findings.", ""]
    out += ["## Positive observations", ""]
    out += [f"- {p}" for p in positives] or ["- None recorded."]
    return "\n".join(out).rstrip() + "\n"


def markdown_documents(report: ReviewReport, feature_id: str) -> dict[str, str]:
    """File name (under ai/reviews/) → content."""
    schema_pos = [p for p in report.positives if "migration" not in p and "lock-heavy" not in p]
    migration_pos = [p for p in report.positives if p not in schema_pos]
    return {
        f"{feature_id}_database_schema.md": _document(
            f"Database schema review: {feature_id}", report, SCHEMA_SECTIONS, schema_pos
        ),
        f"{feature_id}_migrations.md": _document(
            f"Migration review: {feature_id}", report, MIGRATION_SECTIONS, migration_pos
        ),
    }


def render_markdown(report: ReviewReport) -> str:
    docs = markdown_documents(report, report.feature_id or "review")
    return "\n".join(docs.values())


def write_markdown(report: ReviewReport, root: Path, feature_id: str) -> list[Path]:
    """Write the two review documents to ``ai/reviews``; ``feature_id`` is validated like every ``--id``
    (it is part of the file names: ``../../x`` must not write outside the folder)."""
    from schemawright.io import validate_id

    validate_id(feature_id)
    folder = root / "ai" / "reviews"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in markdown_documents(report, feature_id).items():
        path = folder / name
        path.write_text(text)
        written.append(path)
    return written
