"""The parsed spec: markdown blocks with their line numbers and heading path.

Every later stage cites lines from here, so each block keeps where it came from.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache
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
        """True when any enclosing heading matches one of ``names``: as a substring of its normalised
        title, or with a typo (``Key Entites``, ``Glosary``; see :func:`heading_matches`)."""
        return any(heading_matches(title, name) for title in self.section for name in names)


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


_TYPO_MIN = 6  # names shorter than this match exactly only: "index" must not find "indent"
_TYPO_RATIO = 0.85  # difflib ratio of the heading window against the name
_WORD_RATIO = 0.75  # and of each word against its counterpart


@lru_cache(maxsize=8192)
def heading_matches(title: str, name: str) -> bool:
    """``name`` occurs in the normalised heading ``title``, or a window of as many heading words reads as
    ``name`` with a typo. Specs are typed by people: ``Buisness Logic`` or ``Out of Scpe`` still mean the
    section, so a misspelt heading must not silently drop its content.

    A typo keeps each word's first letter and is not a different ending of the same word ("schema" is not
    a typo of "schemas", "ui requirements" not of "data requirements"); short names never match fuzzily.
    """
    if name in title:
        return True
    if len(name) < _TYPO_MIN:
        return False
    name = name.replace("-", " ")  # "non-goals" reads the same as "Non goals"
    wanted = name.split()
    words = [w.strip(".,;:!?()[]\"'") for w in title.replace("-", " ").split()]
    for i in range(len(words) - len(wanted) + 1):
        window = words[i : i + len(wanted)]
        if all(_same_word(w, n) for w, n in zip(window, wanted, strict=True)) and (
            SequenceMatcher(None, " ".join(window), name).ratio() >= _TYPO_RATIO
        ):
            return True
    return False


def _same_word(word: str, wanted: str) -> bool:
    if word == wanted:
        return True
    if len(word) < 4 or len(wanted) < 4 or word[0] != wanted[0]:
        return False
    if word.startswith(wanted) or wanted.startswith(word):
        return False  # another ending, not a typo
    return SequenceMatcher(None, word, wanted).ratio() >= _WORD_RATIO


_NOTE = re.compile(r"[*_]*\((?:mandatory|optional|include if[^)]*|required)\)[*_]*", re.I)
_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[ivx]+\.|[a-z]\))\s+", re.I)


def normalise_heading(raw: str) -> str:
    """Match headings loosely: case, numbering ("2.1."), notes like ``*(mandatory)*`` and markup ignored."""
    text = _NOTE.sub("", raw)
    text = re.sub(r"[*_`#]", "", text).strip()
    text = _NUMBERING.sub("", text)
    text = re.sub(r"\s+", " ", text).strip(" :").lower()
    return text
