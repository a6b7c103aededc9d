"""Spec text in generated markdown, made inert.

The decision document quotes the spec (names, reasons, assumptions, paths) and is rendered by code hosts
and review tools, so text from a spec must not become HTML (``<script>``, ``<img onerror=…>``), open or
close a code fence, or start a new block. Three tools:

* :func:`text` for prose: one line; backticks that would open a fence or a code span reaching past the
  quoted text are escaped.
* :func:`code` and :func:`fence` for code spans and fenced blocks: a backtick run longer than any inside,
  so the content can never end them early.
* :func:`neutralise_html` on the finished document: outside code, every ``<`` that would start a tag is
  written ``&lt;`` except the few tags the document itself uses. It also covers sections rendered
  elsewhere (MongoDB, Redis, Firestore).
"""

from __future__ import annotations

import re

_OWN_TAGS = frozenset({"<details>", "</details>", "<summary>", "</summary>"})
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_TAG = re.compile(r"</?[A-Za-z]+>")
_BACKTICKS = re.compile(r"`+")
_FENCE = re.compile(r"^ {0,3}(`{3,})")


def text(value: str) -> str:
    """One line of prose from the spec: newlines become spaces; a run of three or more backticks, or an
    odd number of backtick runs (an unclosed code span), is escaped, and so are tildes in a run of three."""
    flat = " ".join(value.splitlines()) if ("\n" in value or "\r" in value) else value
    runs = _BACKTICKS.findall(flat)
    if any(len(r) >= 3 for r in runs) or len(runs) % 2:
        flat = flat.replace("`", "\\`")
    if "~~~" in flat:  # "~~~" opens a fence too, at the start of a list item as much as of a line
        flat = flat.replace("~", "\\~")
    return flat


def code(value: str) -> str:
    """An inline code span holding ``value`` verbatim, on one line (a newline is shown as ``\\n``)."""
    flat = value.replace("\r", "\\r").replace("\n", "\\n")
    longest = max((len(r) for r in _BACKTICKS.findall(flat)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{ticks}{pad}{flat}{pad}{ticks}"


def fence(content: str, info: str = "") -> list[str]:
    """A fenced code block (as lines) whose fence is longer than any backtick run in ``content``."""
    longest = max((len(r) for r in _BACKTICKS.findall(content)), default=0)
    ticks = "`" * max(3, longest + 1)
    return [f"{ticks}{info}", content, ticks]


def neutralise_html(document: str) -> str:
    """``<`` that would start an HTML tag, outside fenced blocks and code spans, becomes ``&lt;``."""
    out: list[str] = []
    fence_ticks = 0
    for line in document.split("\n"):
        opening = _FENCE.match(line)
        if fence_ticks:
            if opening and len(opening.group(1)) >= fence_ticks and not line.strip().strip("`"):
                fence_ticks = 0
            out.append(line)
            continue
        if opening and "`" not in line[opening.end():]:
            fence_ticks = len(opening.group(1))
            out.append(line)
            continue
        out.append(_outside_code_spans(line))
    return "\n".join(out)


def _outside_code_spans(line: str) -> str:
    if line.strip() in _OWN_TAGS or _only_own_tags(line):
        return line
    parts: list[str] = []
    i = 0
    while i < len(line):
        run = _BACKTICKS.match(line, i) if line[i] == "`" else None
        if run:
            ticks = run.group(0)
            close = line.find(ticks, run.end())
            while close != -1 and _in_longer_run(line, close, len(ticks)):
                close = line.find(ticks, close + 1)
            if close != -1:  # a complete code span: verbatim
                end = close + len(ticks)
                parts.append(line[i:end])
                i = end
                continue
            parts.append(run.group(0))
            i = run.end()
            continue
        nxt = line.find("`", i)
        chunk = line[i:] if nxt == -1 else line[i:nxt]
        parts.append(_TAG_START.sub("&lt;", chunk))
        i += len(chunk)
    return "".join(parts)


def _in_longer_run(line: str, start: int, length: int) -> bool:
    """A backtick run of the right length that is part of a longer run does not close a code span."""
    return "`" in line[start - 1 : start] + line[start + length : start + length + 1]


def _only_own_tags(line: str) -> bool:
    tags = _TAG.findall(line)
    return bool(tags) and all(t in _OWN_TAGS for t in tags) and not _TAG_START.search(_TAG.sub("", line))
