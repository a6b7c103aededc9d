"""Spec text in the decision document is inert: no HTML tag from a spec reaches the rendered page, and
backticks or newlines (in text or in the spec's path) cannot open, close or escape a code fence."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from schemawright.emit.markdown_safe import code, fence, neutralise_html, text
from schemawright.pipeline import DesignRequest, design

HOSTILE = """# Feature ID: 001_notes

## Name: Notes <script>alert(1)</script> ```

### Objective
Users keep notes <img src=x onerror=alert(1)>.

### Business Logic
- A user has an email and a display name.
- A note belongs to one user and has a title and a body.
- A note has a status: draft, `published` or <b>archived</b>.
- [NEEDS CLARIFICATION: may a note be shared <iframe src=//evil>? ```sql]
"""


def _html(markdown: str) -> str:
    return MarkdownIt("commonmark").render(markdown)


@pytest.fixture
def document(tmp_path: Path) -> str:
    folder = tmp_path / "specs\n```\n## Injected heading\n<img src=x onerror=alert(1)>"
    folder.mkdir()
    spec = folder / "001_notes.md"
    spec.write_text(HOSTILE)
    outcome = design(DesignRequest(spec_path=spec, root=tmp_path, feature_id="001_notes", verify=False))
    return outcome.result.files[0].content


def test_no_tag_from_the_spec_is_rendered(document: str) -> None:
    html = _html(document)
    for tag in ("<script", "<img", "<iframe", "<b>"):
        assert tag not in html
    assert "&lt;script" in html  # shown as text, not dropped


def test_headings_and_fences_keep_their_structure(document: str) -> None:
    tokens = MarkdownIt("commonmark").parse(document)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert not any("Injected" in h for h in headings)
    fences = [t for t in tokens if t.type == "fence"]
    assert [f.info for f in fences][:2] == ["", "mermaid"] and all(
        f.info in ("", "mermaid", "sql") for f in fences
    )
    assert "## Assumptions" in document and "## Traceability" in document


def test_the_spec_path_stays_on_one_line_in_a_code_span(document: str) -> None:
    line = next(li for li in document.splitlines() if li.startswith("- Source spec:"))
    assert "\\n```\\n## Injected heading\\n<img src=x onerror=alert(1)>/001_notes.md" in line


def test_text_escapes_fences_and_unclosed_spans_but_keeps_balanced_code() -> None:
    assert text("run `pip install django` first") == "run `pip install django` first"
    assert text("a ``` fence") == "a \\`\\`\\` fence"
    assert text("an `open span") == "an \\`open span"
    assert text("two\nlines") == "two lines"


def test_code_and_fence_outlast_backticks_inside() -> None:
    assert code("a``b") == "```a``b```"
    assert code("`x`") == "`` `x` ``"
    assert fence("```\nx", "sql") == ["````sql", "```\nx", "````"]


def test_neutralise_html_leaves_code_and_own_tags() -> None:
    doc = "<details><summary>Mermaid</summary>\n\n```\n<b>kept</b>\n```\n\n`<i>kept</i>` <i>escaped</i>\n"
    doc += "</details>"
    assert neutralise_html(doc) == doc.replace("<i>escaped</i>", "&lt;i>escaped&lt;/i>")


def test_a_run_of_tildes_never_opens_a_fence_in_a_list_item() -> None:
    line = "- " + text("~~~ the customer has a name and an email")
    tokens = MarkdownIt("commonmark").parse(line + "\n\nAfter the list.\n")
    assert not [t for t in tokens if t.type == "fence"]
    assert any(t.type == "paragraph_open" for t in tokens)
