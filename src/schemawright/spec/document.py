"""The parsed spec: markdown blocks with their line numbers and heading path.

Every later stage cites lines from here, so each block keeps where it came from.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

BlockKind = Literal["paragraph", "bullet", "table", "code", "comment"]


class Heading(BaseModel):
    level: int
    title: str  # normalised: lower case, numbering and notes like *(mandatory)* removed
    raw: str
    line: int


class Block(BaseModel):
    kind: BlockKind
    line: int  # 1-based first line
    end_line: int
    text: str  # paragraph/bullet text (markers stripped), code body, or comment body
    section: list[str] = Field(default_factory=list)  # normalised heading titles, outermost first
    depth: int = 0  # bullet nesting level (0 = top level)
    rows: list[list[str]] = Field(default_factory=list)  # table: header row first
    lang: str = ""  # code fence info string

    def in_section(self, *names: str) -> bool:
        """True when any enclosing heading matches one of ``names`` (normalised, substring)."""
        return any(name in title for title in self.section for name in names)


class SpecDocument(BaseModel):
    source: str
    title: str = ""
    lines: list[str]
    headings: list[Heading] = Field(default_factory=list)
    blocks: list[Block] = Field(default_factory=list)

    def line_text(self, line: int) -> str:
        return self.lines[line - 1].strip() if 0 < line <= len(self.lines) else ""

    def blocks_in(self, *names: str) -> list[Block]:
        return [b for b in self.blocks if b.in_section(*names)]


_NOTE = re.compile(r"[*_]*\((?:mandatory|optional|include if[^)]*|required)\)[*_]*", re.I)
_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[ivx]+\.|[a-z]\))\s+", re.I)


def normalise_heading(raw: str) -> str:
    """Match headings loosely: case, numbering ("2.1."), notes like ``*(mandatory)*`` and markup ignored."""
    text = _NOTE.sub("", raw)
    text = re.sub(r"[*_`#]", "", text).strip()
    text = _NUMBERING.sub("", text)
    text = re.sub(r"\s+", " ", text).strip(" :").lower()
    return text
