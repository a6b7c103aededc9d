"""Split a migration script into statements, keeping line numbers and every comment with its line.

A hand-written splitter (not sqlglot's) because findings need exact source lines, suppression needs the
comments, and PostgreSQL function bodies in ``$tag$`` quotes must stay one statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DOLLAR = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)?\$")


@dataclass(frozen=True)
class RawStatement:
    text: str
    line: int  # 1-based line of the first token, in the file
    end_line: int  # line of the terminating ``;`` (or last token)


@dataclass(frozen=True)
class Comment:
    line: int
    end_line: int
    text: str


def split_sql(sql: str, *, first_line: int = 1) -> tuple[list[RawStatement], list[Comment]]:
    """Statements separated by ``;`` outside strings, identifiers, comments and dollar quotes."""
    statements: list[RawStatement] = []
    comments: list[Comment] = []
    buf: list[str] = []
    start: int | None = None
    line = first_line
    i, n = 0, len(sql)

    def flush() -> None:
        nonlocal buf, start
        text = "".join(buf).strip()
        if text and start is not None:
            statements.append(RawStatement(text, start, line))
        buf, start = [], None

    while i < n:
        ch = sql[i]
        if sql.startswith("--", i):
            end = sql.find("\n", i)
            end = n if end == -1 else end
            comments.append(Comment(line, line, sql[i + 2 : end].strip()))
            i = end
            continue
        if sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            end = n if end == -1 else end + 2
            body = sql[i:end]
            comments.append(Comment(line, line + body.count("\n"), body[2:-2].strip()))
            line += body.count("\n")
            buf.append(" ")
            i = end
            continue
        if ch == ";":
            flush()
            i += 1
            continue
        if ch.isspace():
            buf.append(ch)
            line += ch == "\n"
            i += 1
            continue
        if start is None:
            start = line
        if ch in "'\"`":
            end = i + 1
            while end < n:
                if sql[end] == ch:
                    if end + 1 < n and sql[end + 1] == ch:
                        end += 2
                        continue
                    break
                if sql[end] == "\\" and ch == "'":
                    end += 1
                end += 1
            chunk = sql[i : end + 1]
        elif ch == "$" and (m := _DOLLAR.match(sql, i)):
            tag = m.group(0)
            close = sql.find(tag, m.end())
            chunk = sql[i:] if close == -1 else sql[i : close + len(tag)]
        else:
            chunk = ch
        buf.append(chunk)
        line += chunk.count("\n")
        i += len(chunk)
    flush()
    return statements, comments
