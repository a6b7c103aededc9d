"""Structure checks of a decision document, shared by the fuzz campaign and the escaping tests: spec
text in it stays inert (no raw HTML but the document's own tags, no heading, fence or table cell of its
own making)."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

# What the decision document itself may contain.
OWN_TAGS = {"<details>", "</details>", "<summary>", "</summary>"}
SECTIONS = {
    "Summary", "ER diagram", "Tables", "Index strategy", "Constraints and integrity", "Security notes",
    "Migrations created", "Verification", "Assumptions", "Not understood", "Traceability", "Collections",
    "Redis keys", "Firestore collections",
}
FENCE_INFO = {"", "mermaid", "sql", "javascript", "json", "text"}
_TAG = re.compile(r"</?[A-Za-z]+>")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def document_problems(document: str) -> list[str]:
    """Structure checks of a decision document: inert spec text, own headings and fences, whole rows."""
    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(document)
    problems: list[str] = []
    fenced: set[int] = set()
    for i, tok in enumerate(tokens):
        if tok.type in ("html_block", "html_inline") and not _own_html(tok.content):
            problems.append(f"raw HTML block {tok.content.strip()[:80]!r}")
        if tok.type == "fence":
            if tok.info.strip() not in FENCE_INFO:
                problems.append(f"a fence with info {tok.info[:60]!r}")
            if tok.map:
                fenced.update(range(tok.map[0], tok.map[1]))
        if tok.type == "heading_open":
            content = tokens[i + 1].content
            if tok.tag == "h1" and (i != 0 or not content.startswith("Database Schema: ")):
                problems.append(f"an extra title {content[:80]!r}")
            if tok.tag == "h2" and content not in SECTIONS:
                problems.append(f"an unknown section {content[:80]!r}")
        for child in tok.children or []:
            if child.type == "html_inline" and not _own_html(child.content):
                problems.append(f"raw HTML {child.content[:80]!r}")
    problems += _table_rows(document.split("\n"), fenced)
    return problems


def _own_html(content: str) -> bool:
    tags = _TAG.findall(content)
    rest = _TAG.sub("", content).strip()
    return bool(tags) and all(t in OWN_TAGS for t in tags) and "<" not in rest


def _table_rows(lines: list[str], fenced: set[int]) -> list[str]:
    """Every row of a pipe table has as many unescaped pipes as its header (a pipe in spec text that
    splits a cell, even inside a code span, shifts the row)."""
    problems = []
    header: int | None = None
    for n, line in enumerate(lines):
        if n in fenced or not line.startswith("|"):
            header = None
            continue
        pipes = len(_UNESCAPED_PIPE.findall(line))
        if header is None:
            header = pipes
        elif pipes != header:
            problems.append(f"a row of {pipes - 1} cells under a header of {header - 1}: {line[:120]!r}")
    return problems
