"""Plain-text output for terminals and CI logs."""

from __future__ import annotations

from schemawright.review.models import ReviewReport


def render_text(report: ReviewReport) -> str:
    lines = []
    for f in report.findings:
        lines.append(f"{f.location}: {f.severity.value} {f.code} [{f.name}] {f.message}")
        lines.append(f"    impact: {f.impact}")
        fix = f.fix.replace("\n", "\n         ")
        lines.append(f"    fix: {fix}")
    counts = {s: sum(f.severity.value == s for f in report.findings) for s in ("error", "warning", "info")}
    summary = (
        f"{len(report.migrations)} migration(s), {len(report.tables)} table(s): "
        f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info"
    )
    if report.suppressed:
        summary += f", {report.suppressed} suppressed"
    lines.append(summary + f"; catalog: {report.catalog}")
    lines += [f"note: {n}" for n in report.notes]
    return "\n".join(lines) + "\n"
