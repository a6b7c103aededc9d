"""Alembic: revision files chained by ``down_revision`` (found by ``alembic.ini`` / ``env.py``, see
:mod:`schemawright.project.alembic_chain`); each step runs the verified SQL with ``op.execute``.

``read_history`` reads revisions statically, never importing them: the revisions in every ``versions/``
folder under a folder, in ``down_revision`` chain order, each one's ``upgrade()`` / ``downgrade()`` as SQL
(:mod:`schemawright.project.alembic_static`): ``op.*`` schema operations rendered by offline Alembic and
``op.execute("...")`` SQL as written, each at its line of the file, so a finding points at the line in the
revision. What cannot be read without running the code is listed in the migration's ``unread`` notes.
"""

from __future__ import annotations

import ast
import heapq
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from schemawright.project.migration import Migration, NewFile, Step
from schemawright.safe_files import SafeReader
from schemawright.tools.base import MigrationTool, Written, clock

if TYPE_CHECKING:
    from schemawright.emit.sql.dialects import DialectName
    from schemawright.project.detect import MigrationSet


def write(found: MigrationSet, plan: list[Step], dialect: DialectName) -> Written:
    from schemawright.project.alembic_revision import revision_files

    head = found.migrations[-1].version if found.migrations else None
    steps = [(s.name, s.up, s.down, not s.transactional or i > 0) for i, s in enumerate(plan)]
    files = [
        NewFile(p, "migration", text) for p, text in revision_files(found.directory, head, steps, dialect)
    ]
    return files, [
        f"Alembic: revision file(s) chained to the head ({head or 'base'}) run the verified SQL with "
        f"op.execute{VERIFIED_BY_ALEMBIC}. Autogenerate will not see these tables until the application's "
        "models declare them."
    ]


# said only when Alembic itself ran the chain (--trust-python-migrations); see ``project.formats.render``
VERIFIED_BY_ALEMBIC = (
    "; the chain was verified through Alembic itself (upgrade head, downgrade, upgrade head)"
)


def read_history(folder: Path, reader: SafeReader, dialect: str | None = None) -> list[Migration]:
    """The revisions under ``folder`` (any ``versions/`` folder below it) in chain order, read statically
    as ``dialect`` SQL (default: MySQL when the revisions use its dialect types, else PostgreSQL): the
    version is the revision id (the file's name when it assigns none)."""
    revisions = sorted(p for p in folder.rglob("*.py") if p.parent.name == "versions" and reader.allows(p))
    chosen = dialect or sniff_dialect(revisions)
    envs = {env: session_settings(env, reader) for env in {p.parent.parent / "env.py" for p in revisions}}
    return [
        with_session(revision(path, chosen), envs[path.parent.parent / "env.py"])
        for path in chain_order(revisions)
    ]


# what env.py may set on the connection before it runs the revisions (warehouse: lock_timeout = 4000)
_SESSION_SET = re.compile(r"^\s*SET\s+(?:SESSION\s+)?(?:lock_timeout|statement_timeout)\b[^;]*$", re.I)


def session_settings(env: Path, reader: SafeReader) -> str:
    """The timeouts ``env.py`` sets on the connection for every revision
    (``connection.execute(text("SET lock_timeout = 4000"))``), as one line of SQL; "" when none."""
    if not env.is_file() or not reader.allows(env):
        return ""
    try:
        tree = ast.parse(env.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return ""
    found = [
        node.value.strip()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and _SESSION_SET.match(node.value)
    ]
    return " ".join(f"{s};" for s in dict.fromkeys(found))


def with_session(migration: Migration, settings: str) -> Migration:
    """The revision with env.py's settings as its up's first line (a revision file's first line holds no
    operation: a comment or the docstring), so the review knows the timeouts every revision runs with."""
    first, newline, rest = migration.up.partition("\n")
    if not settings or not migration.up.strip() or first.strip():
        return migration
    return replace(migration, up=f"{settings}{newline}{rest}")


def sniff_dialect(paths: list[Path]) -> str:
    """MySQL when a revision imports SQLAlchemy's MySQL dialect types, else PostgreSQL (the usual engine
    of Alembic projects): the dialect operations are rendered in when nothing else says."""
    mysql = any("dialects.mysql" in p.read_text(encoding="utf-8", errors="replace") for p in paths)
    return "mysql" if mysql else "postgresql"


def revision(path: Path, dialect: str = "postgresql") -> Migration:
    """The revision's ``upgrade``/``downgrade`` as SQL, and what could not be read of each."""
    # imported here: it loads Alembic and SQLAlchemy, which a review of a folder with no revisions (and
    # ``--help``) does not need
    from schemawright.project.alembic_static import read_function

    tree = ast.parse(path.read_text())
    rev = _assigned(tree, "revision") or path.stem
    unread: list[str] = []
    sql: dict[str, str | None] = {"upgrade": None, "downgrade": None}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in sql:
            read = read_function(tree, node, dialect)
            text = read.text()
            sql[node.name] = text if text.strip() else None
            unread += [f"{node.name}() {note}" for note in read.unread]
    slug = path.stem[len(rev) + 1 :] if path.stem.startswith(f"{rev}_") else path.stem
    down = sql["downgrade"]
    return Migration(
        version=rev,
        name=slug,
        path=path,
        up=sql["upgrade"] or "",
        down=down,
        down_path=path if down is not None else None,
        unread=tuple(unread),
        transactional=in_transaction(path.read_text(), dialect),
    )


# a revision that ends Alembic's transaction itself (to run CREATE INDEX CONCURRENTLY)
_LEAVES_TRANSACTION = re.compile(r"\bautocommit_block\b|\.commit\(\s*\)")


def in_transaction(source: str, dialect: str) -> bool:
    """Whether Alembic runs the revision in a transaction: on an engine with transactional DDL
    (PostgreSQL; Alembic's own ``transactional_ddl``), unless the revision leaves it
    (``op.get_context().autocommit_block()``, ``op.get_bind().commit()``)."""
    import alembic.ddl  # noqa: F401  (registers Alembic's per-dialect implementations)
    from alembic.ddl.impl import _impls

    impl = _impls.get(dialect)
    return bool(impl and impl.transactional_ddl) and _LEAVES_TRANSACTION.search(source) is None


def chain_order(paths: list[Path]) -> list[Path]:
    """Revisions in ``down_revision`` chain order (files whose chain cannot be read keep name order)."""
    parents: dict[str, tuple[str, ...]] = {}
    by_rev: dict[str, Path] = {}
    for path in paths:
        tree = ast.parse(path.read_text())
        rev = _assigned(tree, "revision") or path.stem
        by_rev[rev] = path
        parents[rev] = parent_ids(_literal(tree, "down_revision"))
    ordered = [by_rev[rev] for rev in revision_order(parents)]
    return ordered + sorted(p for p in paths if p not in ordered)


def parent_ids(down_revision: object) -> tuple[str, ...]:
    """A revision's parents as Alembic reads ``down_revision``: none, one id, or several (a merge
    revision's tuple)."""
    if isinstance(down_revision, str):
        return (down_revision,)
    if isinstance(down_revision, tuple | list):
        return tuple(p for p in down_revision if isinstance(p, str))
    return ()


def revision_order(parents: dict[str, tuple[str, ...]]) -> list[str]:
    """The revisions from the base to the heads, each after all of its parents that are present (so a
    merge revision comes after every branch it joins), ties in id order: the order ``alembic upgrade
    heads`` may apply them in. A parent that is not among the revisions counts as applied."""
    children: dict[str, list[str]] = {rev: [] for rev in parents}
    waiting = {rev: 0 for rev in parents}
    for rev, ps in parents.items():
        for parent in dict.fromkeys(ps):
            if parent in children:
                children[parent].append(rev)
                waiting[rev] += 1
    ready = [rev for rev, n in waiting.items() if n == 0]
    heapq.heapify(ready)
    ordered: list[str] = []
    while ready:
        rev = heapq.heappop(ready)
        ordered.append(rev)
        for child in children[rev]:
            waiting[child] -= 1
            if waiting[child] == 0:
                heapq.heappush(ready, child)
    return ordered  # a cycle's revisions are left out (the caller keeps them in name order)


def _assigned(tree: ast.Module, name: str) -> str | None:
    value = _literal(tree, name)
    return value if isinstance(value, str) else None


def _literal(tree: ast.Module, name: str) -> object:
    """The literal value assigned to the module-level ``name`` (``x = …`` or ``x: T = …``), else None."""
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) and node.targets else None
        if isinstance(node, ast.AnnAssign):
            target = node.target
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if isinstance(target, ast.Name) and target.id == name and value is not None:
            try:
                return ast.literal_eval(value)
            except ValueError:
                return None
    return None


def _label(migration: Migration) -> str:
    return migration.version  # the revision id, as ``alembic history`` shows it


# revisions are chained by id, not versioned; design finds them by alembic.ini / env.py, not a folder scan
TOOL = MigrationTool("alembic", clock, write, read_history, folder=False, label=_label)
