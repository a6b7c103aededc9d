"""The provenance comment: how a :class:`Source` is written in a model YAML file and read back.

``# spec line 12: rule prose.has_many — "A member borrows many books."`` — each part optional
(``# rule store choice``, ``# spec line 4``, ``# source — "…"``). The text is JSON-quoted so any spec line,
newlines included, survives the round trip exactly.
"""

from __future__ import annotations

import json
import re

from schemawright.domain.model import Source

_TEXT = re.compile(r'\s*— (".*")$')
_LINE = re.compile(r"spec line (\d+)(?::\s*|$)")
# A provenance comment after YAML content on the same line (flow-style items).
TRAILING = re.compile(r"\s#\s(?=spec line \d|rule |source —)(.*)$")


def format_source(source: Source) -> str:
    """The comment body (without ``# ``) for ``source``; empty when it says nothing."""
    parts = []
    if source.line:
        parts.append(f"spec line {source.line}")
    if source.rule:
        parts.append(f"rule {source.rule}")
    head = ": ".join(parts) or ("source" if source.text else "")
    if source.text:
        head += " — " + json.dumps(source.text, ensure_ascii=False)
    return head


def parse_source(comment: str) -> Source | None:
    """The :class:`Source` a comment records, or None when it is an ordinary comment."""
    body = comment.strip().lstrip("#").strip()
    text = ""
    quoted = _TEXT.search(body)
    if quoted:
        try:
            text = json.loads(quoted.group(1))
        except json.JSONDecodeError:
            return None
        if not isinstance(text, str):
            return None
        body = body[: quoted.start()]
    line = 0
    numbered = _LINE.match(body)
    if numbered:
        line, body = int(numbered.group(1)), body[numbered.end() :]
    rule = ""
    if body.startswith("rule "):
        rule, body = body[5:].strip(), ""
    elif body == "source" and text:
        body = ""
    if body or not (line or rule or text):
        return None
    return Source(line=line, text=text, rule=rule)
