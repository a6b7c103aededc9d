"""Which natural language a spec's prose is written in, when it is clearly not English.

The analyzer reads English; a German or Chinese spec would yield an empty or nonsense design with exit 0.
Telling the user up front ("looks like German") is more honest. Only prose counts: fenced and indented code,
tables, HTML comments, inline code and URLs are removed first, so a spec that is mostly SQL, or an English
spec quoting a French sentence or naming a German street, stays English. Non-Latin scripts are recognised by
their letters; Latin-script languages by stopword counts (``language.yaml``). When unsure, the answer is
``None``: a wrong refusal would block a user, a missed detection only costs a poor design.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

import yaml

_FENCE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$", re.S | re.M)
_INDENTED = re.compile(r"^(?: {4}|\t)(?![ \t]*(?:[-*+]|\d+[.)])\s).*$", re.M)  # not nested bullets
_TABLE = re.compile(r"^[ \t]*\|.*$", re.M)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_INLINE = re.compile(r"`[^`\n]*`|https?://\S+|\]\([^)]*\)")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")

# Minimums before judging: fewer stopwords than this is too little evidence either way.
_MIN_HITS = 4
_MIN_SCRIPT_LETTERS = 12


def _script(ch: str) -> str | None:
    o = ord(ch)
    if 0x0400 <= o <= 0x052F:
        return "cyrillic"
    if 0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF:
        return "kana"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF:
        return "han"
    if 0xAC00 <= o <= 0xD7AF or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
        return "hangul"
    if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F:
        return "arabic"
    if 0x0370 <= o <= 0x03FF:
        return "greek"
    if 0x0590 <= o <= 0x05FF:
        return "hebrew"
    if 0x0E00 <= o <= 0x0E7F:
        return "thai"
    if 0x0900 <= o <= 0x097F:
        return "devanagari"
    return None


_SCRIPT_LANGUAGE = {
    "hangul": "Korean",
    "greek": "Greek",
    "hebrew": "Hebrew",
    "thai": "Thai",
    "devanagari": "Hindi",
}


@lru_cache(maxsize=1)
def _stopwords() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    raw = yaml.safe_load(resources.files("schemawright.spec").joinpath("language.yaml").read_text("utf-8"))
    lists = [raw["english"], *raw["latin"].values()]
    if any(not isinstance(word, str) for words in lists for word in words):
        raise ValueError("language.yaml: quote words YAML reads as booleans or numbers (on, no, yes)")
    return frozenset(raw["english"]), {lang: frozenset(words) for lang, words in raw["latin"].items()}


def prose(text: str) -> str:
    """``text`` without code, tables, comments, inline code and link targets."""
    for pattern in (_FENCE, _COMMENT, _TABLE, _INDENTED, _INLINE):
        text = pattern.sub(" ", text)
    return text


def _by_script(text: str) -> str | None:
    letters = [ch for ch in text if ch.isalpha()]
    scripts = Counter(s for s in map(_script, letters) if s)
    foreign = sum(scripts.values())
    if foreign < _MIN_SCRIPT_LETTERS or foreign < 0.3 * len(letters):
        return None
    if scripts["han"] + scripts["kana"] >= foreign / 2:
        # Japanese mixes kana into Han text; Chinese has none.
        return "Japanese" if scripts["kana"] >= 0.05 * (scripts["han"] + scripts["kana"]) else "Chinese"
    script = scripts.most_common(1)[0][0]
    if script == "cyrillic":
        return "Ukrainian" if re.search(r"[іїєґІЇЄҐ]", text) else "Russian"
    if script == "arabic":
        return "Persian" if re.search(r"[پچژگ]", text) else "Arabic"
    return _SCRIPT_LANGUAGE.get(script)


def detect_language(text: str) -> str | None:
    """The language the prose of ``text`` looks written in when it is clearly not English, else ``None``."""
    body = prose(text[:200_000])  # a sample is enough to tell a language, and keeps huge specs fast
    by_script = _by_script(body)
    if by_script:
        return by_script
    english, others = _stopwords()
    words = [w.lower() for w in _WORD.findall(body)]
    english_hits = sum(w in english for w in words)
    scores = {lang: sum(w in stop for w in words) for lang, stop in others.items()}
    language, hits = max(scores.items(), key=lambda item: item[1])
    if hits < _MIN_HITS or hits < 0.12 * len(words) or hits < 2 * english_hits:
        return None
    return language
