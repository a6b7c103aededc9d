"""Markdown text → :class:`SpecDocument`, using markdown-it-py's token stream (with source maps)."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from schemawright.spec.document import Block, Heading, SpecDocument, normalise_heading

_MD = MarkdownIt("commonmark").enable("table")
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)


def _plain(inline: str) -> str:
    """Inline markdown to plain text: emphasis and code markers dropped, links reduced to their text."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", inline)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])[*_](?![\s*])(.+?)(?<![\s*])[*_](?![\w*])", r"\1", text)
    return text.replace("`", "").strip()


def parse_spec(text: str, source: str = "<spec>") -> SpecDocument:
    """Parse ``text``; pure, so the same input always yields the same document."""
    tokens = _MD.parse(text)
    lines = text.splitlines()
    headings: list[Heading] = []
    blocks: list[Block] = []
    stack: list[Heading] = []
    list_depth = -1
    item_lines: list[int] = []
    i = 0

    def section() -> list[str]:
        return [h.title for h in stack]

    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            level = int(tok.tag[1:])
            raw = tokens[i + 1].content
            line = _start(tok)
            heading = Heading(level=level, title=normalise_heading(raw), raw=raw.strip(), line=line)
            headings.append(heading)
            while stack and stack[-1].level >= level:
                stack.pop()
            stack.append(heading)
            i += 3
            continue
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif tok.type == "list_item_open":
            item_lines.append(_start(tok))
        elif tok.type == "list_item_close":
            item_lines.pop()
        elif tok.type == "paragraph_open":
            inline = tokens[i + 1]
            start, end = _span(tok)
            for comment in _COMMENT.finditer(inline.content):
                blocks.append(_comment(comment.group(1), start, end, section()))
            content = _COMMENT.sub("", inline.content)
            kind = "bullet" if list_depth >= 0 and item_lines else "paragraph"
            blocks.append(
                Block(
                    kind=kind,
                    line=start,
                    end_line=end,
                    text=_plain(" ".join(content.splitlines())),
                    section=section(),
                    depth=max(list_depth, 0),
                )
            )
            i += 3
            continue
        elif tok.type == "table_open":
            i = _table(tokens, i, section(), blocks)
            continue
        elif tok.type in ("fence", "code_block"):
            start, end = _span(tok)
            blocks.append(
                Block(
                    kind="code", line=start, end_line=end, text=tok.content, section=section(), lang=tok.info
                )
            )
        elif tok.type == "html_block":
            start, end = _span(tok)
            for comment in _COMMENT.finditer(tok.content):
                blocks.append(_comment(comment.group(1), start, end, section()))
        i += 1

    title = headings[0].raw if headings and headings[0].level == 1 else ""
    return SpecDocument(source=source, title=title, lines=lines, headings=headings, blocks=blocks)


def _start(tok: Token) -> int:
    return (tok.map[0] + 1) if tok.map else 0


def _span(tok: Token) -> tuple[int, int]:
    if not tok.map:
        return 0, 0
    return tok.map[0] + 1, tok.map[1]


def _comment(body: str, start: int, end: int, section: list[str]) -> Block:
    return Block(kind="comment", line=start, end_line=end, text=body.strip(), section=section)


def _table(tokens: list[Token], i: int, section: list[str], blocks: list[Block]) -> int:
    start, end = _span(tokens[i])
    rows: list[list[str]] = []
    row: list[str] = []
    i += 1
    while tokens[i].type != "table_close":
        tok = tokens[i]
        if tok.type == "tr_open":
            row = []
        elif tok.type == "inline":
            row.append(_plain(tok.content))
        elif tok.type == "tr_close":
            rows.append(row)
        i += 1
    blocks.append(Block(kind="table", line=start, end_line=end, text="", rows=rows, section=section))
    return i + 1
