"""Suppression: ``-- schemawright:ignore CODE reason`` and ``-- schemawright:ignore-file CODE reason``.

A comment suppresses the statement that follows it (or the statement it trails); inside a multi-line
statement such as CREATE TABLE it suppresses its own line and the next one (one column definition).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from schemawright.engines.splitter import Comment, Statement
from schemawright.review.models import Finding

_IGNORE = re.compile(r"^schemawright:ignore(?P<file>-file)?\s+(?P<codes>SW\d{3}(?:\s*,\s*SW\d{3})*)", re.I)


@dataclass
class Suppressions:
    """Per file: codes ignored for the whole file, and (first line, last line, codes) spans."""

    whole_file: dict[str, set[str]] = field(default_factory=dict)
    spans: dict[str, list[tuple[int, int, set[str]]]] = field(default_factory=dict)

    def add_file(self, path: str, statements: Iterable[Statement], comments: Iterable[Comment]) -> None:
        stmts = list(statements)
        comment_lines = {c.line for c in comments}
        for comment in comments:
            m = _IGNORE.match(comment.text)
            if m is None:
                continue
            codes = {c.strip().upper() for c in m["codes"].split(",")}
            if m["file"]:
                self.whole_file.setdefault(path, set()).update(codes)
                continue
            self.spans.setdefault(path, []).append((*_target(comment, stmts, comment_lines), codes))

    def suppressed(self, f: Finding) -> bool:
        path, line = f.location.file, f.location.line
        if f.code in self.whole_file.get(path, set()):
            return True
        return any(lo <= line <= hi and f.code in codes for lo, hi, codes in self.spans.get(path, []))


def _target(comment: Comment, stmts: list[Statement], comment_lines: set[int]) -> tuple[int, int]:
    line = comment.line
    for stmt in stmts:
        if stmt.line <= line <= stmt.end_line:
            if line in (stmt.line, stmt.end_line):
                return stmt.line, stmt.end_line
            return line, line + 1
    nxt = comment.end_line + 1
    while nxt in comment_lines:  # skip the rest of a comment block
        nxt += 1
    for stmt in stmts:
        if stmt.line == nxt:
            return stmt.line, stmt.end_line
    return line, line + 1
