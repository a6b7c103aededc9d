"""Atlas: ``{version}_{name}.sql`` beside ``atlas.sum`` (recomputed on every write); no down files."""

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
    return [
        Migration(version=m["version"], name=m["name"], path=p, up=up) for m, p, up in found if up is not None
    ]


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
