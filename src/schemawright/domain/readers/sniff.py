"""Which schema language a code block holds: by its fence label first, then by its content.

Shared by the schema readers (SQL, Prisma, DBML, Mermaid, PlantUML). A fence labelled with another
programming language (``python``, ``ts`` …) is never sniffed, so ``cursor.execute("CREATE TABLE …")`` in a
Python example is not read as DDL.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from schemawright.domain.facts import Provenance
from schemawright.spec.document import Block, SpecDocument

SchemaLang = Literal["sql", "prisma", "dbml", "mermaid", "plantuml"]

_LABELS: dict[str, SchemaLang] = {
    **dict.fromkeys(
        (
            "sql", "ddl", "postgres", "postgresql", "psql", "pgsql", "plpgsql", "mysql", "mariadb",
            "sqlite", "sqlite3", "tsql", "mssql", "plsql", "oracle",
        ),
        "sql",
    ),
    "prisma": "prisma",
    "dbml": "dbml",
    **dict.fromkeys(("mermaid", "mmd", "mermaidjs"), "mermaid"),
    **dict.fromkeys(("plantuml", "puml", "uml", "plant"), "plantuml"),
}  # fmt: skip

# Fence labels of other languages: their blocks are code, not schema, whatever they contain.
_OTHER = frozenset(
    """python py python3 js javascript jsx ts typescript tsx json jsonc json5 yaml yml toml ini go golang
    java kotlin kt scala ruby rb php bash sh shell zsh console powershell ps1 csharp cs c cpp c++ rust rs
    swift dart elixir ex erlang haskell hs r lua perl graphql gql http html xml css scss vue svelte
    dockerfile docker makefile make groovy gradle hcl terraform tf proto protobuf diff patch""".split()  # noqa: SIM905
)

_SNIFF: list[tuple[SchemaLang, re.Pattern[str]]] = [
    ("plantuml", re.compile(r"^\s*@start(?:uml|er)\b", re.I | re.M)),
    ("mermaid", re.compile(r"^\s*(?:erDiagram|classDiagram(?:-v2)?)\b", re.M)),
    (
        "sql",
        re.compile(
            r"^\s*(?:create\s+(?:(?:global\s+|local\s+)?(?:temporary\s+|temp\s+)?table|type\s+\w+\s+as\s+enum"
            r"|(?:unique\s+)?index)|alter\s+table)\b",
            re.I | re.M,
        ),
    ),
    ("prisma", re.compile(r"^\s*(?:model\s+\w+\s*\{|datasource\s+\w+\s*\{|generator\s+\w+\s*\{)", re.M)),
    (
        "dbml",
        re.compile(
            r"^\s*(?:table\s+[\w.\"`]+(?:\s+as\s+\w+)?\s*(?:\[[^\]]*\])?\s*\{|ref\s*\w*\s*:)", re.I | re.M
        ),
    ),
]


def fence_label(lang: str) -> str:
    """The first word of a fence's info string, without braces or a leading dot: ``{.sql}`` → ``sql``."""
    first = lang.strip().split(None, 1)[0] if lang.strip() else ""
    return first.strip("{}").lstrip(".").lower()


def detect(lang: str, text: str) -> SchemaLang | None:
    """The schema language of a block labelled ``lang`` holding ``text``, or ``None``."""
    label = fence_label(lang)
    if label in _LABELS:
        return _LABELS[label]
    if label in _OTHER:
        return None
    for name, pattern in _SNIFF:
        if pattern.search(text):
            return name
    return None


def first_line(doc: SpecDocument, block: Block) -> int:
    """The spec line of a code block's first content line: a fenced block starts after its fence."""
    opening = doc.lines[block.line - 1].lstrip() if 0 < block.line <= len(doc.lines) else ""
    return block.line + 1 if opening.startswith(("```", "~~~")) else block.line


def schema_blocks(doc: SpecDocument, lang: SchemaLang) -> Iterator[tuple[str, int]]:
    """``(text, first content line)`` of every code block in ``lang``."""
    for block in doc.blocks:
        if block.kind == "code" and detect(block.lang, block.text) == lang:
            yield block.text, first_line(doc, block)


def prov(rule: str, line: int, text: str, priority: int) -> Provenance:
    return Provenance(rule=rule, line=line, text=text.strip()[:200], origin="structured", priority=priority)
