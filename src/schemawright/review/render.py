"""One entry point for every output format."""

from __future__ import annotations

from typing import Literal

from schemawright.review.models import ReviewReport
from schemawright.review.render_markdown import render_markdown
from schemawright.review.render_sarif import render_sarif
from schemawright.review.render_text import render_text

Format = Literal["text", "json", "sarif", "markdown"]
FORMATS: tuple[str, ...] = ("text", "json", "sarif", "markdown")


def render(report: ReviewReport, fmt: Format) -> str:
    if fmt == "text":
        return render_text(report)
    if fmt == "json":
        return report.model_dump_json(indent=2) + "\n"
    if fmt == "sarif":
        return render_sarif(report)
    if fmt == "markdown":
        return render_markdown(report)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
