"""Migration formats beyond plain SQL folders: Liquibase formatted SQL and Alembic revisions.

Both keep the source's line numbers: every line that is not SQL of that direction is blanked, so a
finding points at the line in the original file.

Limit (Alembic): only SQL passed as a string literal to ``op.execute(...)`` (optionally wrapped in
``sa.text``) is read; ``op.create_table`` and other operations are Python calls whose SQL exists only at
run time, and are counted in a note instead.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from schemawright.review.chain import Migration, Section

_CHANGESET = re.compile(r"^--\s*changeset\s+(?P<id>\S+)", re.I)
_ROLLBACK = re.compile(r"^--\s*rollback\s?(?P<sql>.*)$", re.I)


def liquibase(path: Path, rel: str) -> list[Migration]:
    """One migration per ``--changeset author:id``; ``--rollback`` lines form its down."""
    lines = path.read_text().splitlines()
    starts = [i for i, line in enumerate(lines) if _CHANGESET.match(line)]
    out = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        up = [""] * len(lines)
        down = [""] * len(lines)
        has_down = False
        for i in range(start + 1, end):
            if m := _ROLLBACK.match(lines[i]):
                sql = m["sql"].strip()
                if sql and sql.lower() != "not required":
                    down[i], has_down = sql, True
            else:
                up[i] = lines[i]
        name = _CHANGESET.match(lines[start])["id"]  # type: ignore[index]
        down_section = Section(rel, "\n".join(down)) if has_down else None
        out.append(Migration(name, Section(rel, "\n".join(up)), down_section))
    return out


def is_liquibase(text: str) -> bool:
    return text.lstrip().lower().startswith("--liquibase formatted sql")


def alembic(path: Path, rel: str) -> tuple[Migration, list[str]]:
    """The revision's ``upgrade``/``downgrade`` SQL strings, and notes on what could not be read."""
    tree = ast.parse(path.read_text())
    revision = _assigned(tree, "revision") or path.stem
    notes: list[str] = []
    sections: dict[str, Section | None] = {"upgrade": None, "downgrade": None}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in sections:
            sql, skipped = _executed_sql(node)
            sections[node.name] = Section(rel, sql) if sql.strip() else None
            if skipped:
                notes.append(
                    f'{rel}: {node.name}() has {skipped} op.* call(s) other than op.execute("..."); '
                    "Alembic operations are not read statically"
                )
    up = sections["upgrade"] or Section(rel, "")
    return Migration(revision, up, sections["downgrade"]), notes


def alembic_order(paths: list[Path]) -> list[Path]:
    """Revisions in ``down_revision`` chain order (files whose chain cannot be read keep name order)."""
    parents: dict[str, str | None] = {}
    by_rev: dict[str, Path] = {}
    for path in paths:
        tree = ast.parse(path.read_text())
        rev = _assigned(tree, "revision") or path.stem
        by_rev[rev] = path
        parents[rev] = _assigned(tree, "down_revision")
    ordered: list[Path] = []
    current = [r for r, parent in parents.items() if parent not in by_rev]
    while current:
        rev = sorted(current)[0]
        ordered.append(by_rev[rev])
        current = [r for r, parent in parents.items() if parent == rev] + [r for r in current if r != rev]
    return ordered + sorted(p for p in paths if p not in ordered)


def _assigned(tree: ast.Module, name: str) -> str | None:
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) and node.targets else None
        if isinstance(node, ast.AnnAssign):
            target = node.target
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if isinstance(target, ast.Name) and target.id == name and isinstance(value, ast.Constant):
            return str(value.value) if isinstance(value.value, str) else None
    return None


def _executed_sql(func: ast.FunctionDef) -> tuple[str, int]:
    """SQL of each ``op.execute("...")`` placed at its line; and the count of other ``op.*`` calls."""
    chunks: list[tuple[int, str]] = []
    skipped = 0
    for node in ast.walk(func):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = node.func.value
        if not (isinstance(owner, ast.Name) and owner.id == "op"):
            continue
        arg = node.args[0] if node.args else None
        if isinstance(arg, ast.Call) and arg.args:  # sa.text("...")
            arg = arg.args[0]
        if node.func.attr == "execute" and isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            lead = arg.value[: len(arg.value) - len(arg.value.lstrip())].count("\n")
            chunks.append((arg.lineno + lead, arg.value))
        else:
            skipped += 1
    out: list[str] = []
    line = 1
    for lineno, sql in sorted(chunks):
        out.append("\n" * max(0, lineno - line))
        text = sql.strip().rstrip(";") + ";"
        out.append(text)
        line = max(line, lineno) + text.count("\n")
    return "".join(out), skipped
