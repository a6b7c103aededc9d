"""Atlas: ``{version}_{name}.sql`` beside ``atlas.sum`` (recomputed on every write); no down files.

``atlas migrate apply`` runs each file in a transaction of its own (its default ``--tx-mode file``) unless
the file's directives say ``-- atlas:txmode none``. File directives are the comment lines at the top of
the file, set apart from its statements by a blank line (a comment right above a statement belongs to
the statement); that is how ``write`` marks a step that must run outside a transaction."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

from schemawright.project.migration import Migration, NewFile, Step
from schemawright.safe_files import SafeReader
from schemawright.tools.base import MigrationTool, Written, numbered_next, read_text

if TYPE_CHECKING:
    from schemawright.emit.sql.dialects import DialectName
    from schemawright.project.detect import MigrationSet

FILE = re.compile(r"^(?P<version>\d+)_(?P<name>[^.]+)\.sql$")
_TXMODE = re.compile(r"^--\s*atlas:txmode\s+(?P<mode>\S+)", re.I)


def transaction_mode(text: str) -> str | None:
    """The file's ``atlas:txmode`` directive (``none``, ``file``, ``all``), None without one."""
    lines = text.lstrip("\n").splitlines()
    header: list[str] = []
    for line in lines:
        if not line.strip():
            break
        if not line.lstrip().startswith("--"):
            return None  # a statement before any blank line: the comments above it are its own
        header.append(line.strip())
    else:
        return None  # nothing after the comments: no statement for them to be set apart from
    found = [m["mode"].lower() for line in header if (m := _TXMODE.match(line))]
    return found[-1] if found else None


def owns(directory: Path) -> bool:
    return (directory / "atlas.sum").is_file()


def read_history(directory: Path, reader: SafeReader) -> list[Migration]:
    if not owns(directory):
        return []
    found = [
        (m, p, read_text(p, reader))
        for p in directory.iterdir()
        if (m := FILE.match(p.name)) and not p.is_dir()
    ]
    return [_migration(m, p, up) for m, p, up in found if up is not None]


def _migration(m: re.Match[str], path: Path, up: str) -> Migration:
    alone = transaction_mode(up) == "none"
    return Migration(
        version=m["version"], name=m["name"], path=path, up=up, transactional=not alone, no_transaction=alone
    )


def write(found: MigrationSet, plan: list[Step], _dialect: DialectName) -> Written:
    d = found.directory
    old = {p.name for p in found.files_of(plan[0].name)}  # replaced by --force
    files = []
    for s in plan:
        tx = "" if s.transactional else "-- atlas:txmode none\n\n"
        files.append(NewFile(d / f"{s.version}_{s.name}.sql", "migration-up", tx + s.up))
    files.append(
        NewFile(d / "atlas.sum", "migration", atlas_sum(d, {f.path.name: f.content for f in files}, old))
    )
    return files, [
        "Atlas: no down file is written (Atlas plans downs itself with `atlas migrate down`); "
        "atlas.sum was recomputed. The generated down was still verified."
    ]


def atlas_sum(directory: Path, new: dict[str, str], drop: set[str] | None = None) -> str:
    """Atlas's integrity file: per file, the base64 SHA-256 of a running hash over every file name and
    content so far (in name order); first line ``h1:`` + the hash over all names and hashes."""
    contents = {p.name: p.read_bytes() for p in directory.glob("*.sql") if p.name not in (drop or set())}
    contents.update({name: text.encode() for name, text in new.items() if name.endswith(".sql")})
    running = hashlib.sha256()
    entries = []
    for name in sorted(contents):
        running.update(name.encode())
        running.update(contents[name])
        entries.append((name, base64.b64encode(running.copy().digest()).decode()))
    total = hashlib.sha256()
    for name, digest in entries:
        total.update(name.encode())
        total.update(digest.encode())
    lines = "".join(f"{name} h1:{digest}\n" for name, digest in entries)
    return f"h1:{base64.b64encode(total.digest()).decode()}\n{lines}"


TOOL = MigrationTool("atlas", numbered_next, write, read_history, owns)
