"""Typo-tolerant section matching: ``Key Entites`` and ``Glosary`` still name their sections.

A heading matches a name when the name occurs in it word for word, or when some run of as many words
as the name has is within a small edit distance of it (difflib's ratio, so the check stays linear in the
heading length and needs no dictionary).
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

from schemawright.spec.document import Block

# 0.86 lets one dropped or swapped letter through in words of six or more letters ("entites",
# "glosary", "atributes") but not a different word of similar shape ("entity" vs "entities": 0.71).
_RATIO = 0.86


def _words(text: str) -> list[str]:
    return [w for w in "".join(c if c.isalnum() else " " for c in text.lower()).split() if w]


@lru_cache(maxsize=4096)
def title_matches(title: str, name: str) -> bool:
    """True when the normalised heading ``title`` contains ``name``, allowing a typo per word."""
    title_l, name_l = title.lower(), name.lower()
    if name_l in title_l:
        return True
    words, wanted = _words(title_l), _words(name_l)
    if not wanted or len(words) < len(wanted):
        return False
    target = " ".join(wanted)
    if len(target) < 5:  # short names ("api", "data") must match exactly
        return False
    for start in range(len(words) - len(wanted) + 1):
        window = " ".join(words[start : start + len(wanted)])
        if abs(len(window) - len(target)) > 2:
            continue
        if SequenceMatcher(None, window, target).ratio() >= _RATIO:
            return True
    return False


def section_matches(block: Block, *names: str) -> bool:
    """True when any heading enclosing ``block`` matches one of ``names`` (typos tolerated)."""
    return any(title_matches(title, name) for title in block.section for name in names)


def innermost_matches(block: Block, *names: str) -> bool:
    """Like :func:`section_matches`, for the innermost heading only."""
    return bool(block.section) and any(title_matches(block.section[-1], name) for name in names)
