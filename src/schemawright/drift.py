"""Drift: a decision document that no longer matches what the migrations produce.

Concretely: every table a decision document lists under ``## Tables`` (``### name``) and every column in
that table's ``| Column | Type | …`` rows must exist in the schema the project's up migrations build, run
in version order and parsed statically (the reviewer's catalog, no database needed). A later migration
that drops or renames a documented table or column is drift; a later migration that *adds* columns is
not (that feature has its own document). Types are not compared: each dialect spells them differently.
Documents without a ``## Tables`` section (MongoDB, Firestore, no schema change) are not checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from schemawright.review.schema import Schema, key

_TABLE = re.compile(r"^###\s+(\S+)\s*$")
_ROW = re.compile(r"^\|\s*([^|\s]+)\s*\|")


@dataclass(frozen=True)
class Drift:
    document: str  # path relative to the project root
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.document}:{self.line}: {self.message}"


@dataclass(frozen=True)
class DocumentedTable:
    name: str
    line: int
    columns: tuple[tuple[str, int], ...]  # (column, line)


def documented_tables(text: str) -> list[DocumentedTable]:
    """The tables and columns a decision document's ``## Tables`` section lists, with their lines."""
    tables: list[DocumentedTable] = []
    columns: list[tuple[str, int]] = []
    current: tuple[str, int] | None = None
    in_tables = fenced = False
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("```"):
            fenced = not fenced
            continue
        if fenced:
            continue
        if line.startswith("## "):
            in_tables = line.strip() == "## Tables"
        heading = _TABLE.match(line) if in_tables else None
        if line.startswith("## ") or heading:
            if current is not None:
                tables.append(DocumentedTable(current[0], current[1], tuple(columns)))
            current, columns = ((heading.group(1), number) if heading else None), []
            continue
        row = _ROW.match(line) if current is not None else None
        if row and row.group(1) not in ("Column",) and not set(row.group(1)) <= set("-:"):
            columns.append((row.group(1), number))
    if current is not None:
        tables.append(DocumentedTable(current[0], current[1], tuple(columns)))
    return tables


def migrated_schema(folder: Path, root: Path, dialect: str | None = None) -> Schema:
    """The schema the up migrations in ``folder`` build, parsed statically in version order."""
    from schemawright.review.apply import apply
    from schemawright.review.chain import read_chain
    from schemawright.review.engine import sniff_dialect
    from schemawright.review.parse import parse_script

    migrations, _ = read_chain(folder, relative_to=root)
    chosen = dialect or sniff_dialect(m.up.sql for m in migrations)
    schema = Schema()
    for migration in migrations:
        statements, _ = parse_script(migration.up.sql, chosen, migration.up.path, migration.up.first_line)
        for statement in statements:
            apply(schema, statement)
    return schema


def find_drift(decisions: Path, schema: Schema, root: Path) -> list[Drift]:
    """Every documented table or column missing from ``schema``, one :class:`Drift` each."""
    found: list[Drift] = []
    for doc in sorted(decisions.glob("*_database_schema.md")):
        where = str(doc.relative_to(root)) if doc.is_relative_to(root) else str(doc)
        for table in documented_tables(doc.read_text(encoding="utf-8", errors="replace")):
            actual = schema.tables.get(key(table.name))
            if actual is None or actual.stub:
                found.append(
                    Drift(
                        where,
                        table.line,
                        f"table {table.name} is documented but the "
                        "migrations do not create it (dropped or renamed later?)",
                    )
                )
                continue
            present = {key(c.name) for c in actual.columns}
            for column, line in table.columns:
                if key(column) not in present:
                    found.append(
                        Drift(
                            where,
                            line,
                            f"column {table.name}.{column} is documented but the "
                            "migrations do not create it (dropped or renamed later?)",
                        )
                    )
    return found
