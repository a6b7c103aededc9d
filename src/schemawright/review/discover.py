"""Find migrations on disk in the common folder formats and pair each up with its down."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from schemawright.safe_files import SafeReader, containment

_UP_MARKERS = (
    re.compile(r"^--\s*migrate:up\b.*$", re.M),
    re.compile(r"^--\s*\+goose\s+Up\b.*$", re.M | re.I),
)
_DOWN_MARKERS = (
    re.compile(r"^--\s*migrate:down\b.*$", re.M),
    re.compile(r"^--\s*\+goose\s+Down\b.*$", re.M | re.I),
)
_NO_TX = re.compile(r"transaction:\s*false|\+goose\s+NO\s+TRANSACTION", re.I)
_GOOSE_NO_TX = re.compile(r"^--\s*\+goose\s+NO\s+TRANSACTION\b", re.M | re.I)
_FLYWAY = re.compile(r"^(?P<kind>[VU])(?P<version>[0-9][0-9._]*)__(?P<name>.+)\.sql$")
_PAIR = re.compile(r"^(?P<stem>.+)\.(?P<dir>up|down)\.sql$")


@dataclass(frozen=True)
class Section:
    """One direction of a migration: its SQL and where it sits in its file."""

    path: str
    sql: str
    first_line: int = 1


@dataclass(frozen=True)
class Migration:
    name: str
    up: Section
    down: Section | None
    # True when the tool runs the file inside a transaction it opens itself (dbmate, goose defaults)
    implicit_transaction: bool = False
    no_transaction: bool = False  # marked to run outside a transaction


def split_sections(text: str) -> tuple[str, int, str, int, bool] | None:
    """For dbmate/goose single files: (up_sql, up_first_line, down_sql, down_first_line, no_tx)."""
    up = next((m for p in _UP_MARKERS if (m := p.search(text))), None)
    if up is None:
        return None
    down = next((m for p in _DOWN_MARKERS if (m := p.search(text, up.end()))), None)
    up_end = down.start() if down else len(text)
    up_sql = text[up.end() : up_end]
    up_line = text.count("\n", 0, up.end()) + 1
    no_tx = bool(_NO_TX.search(up.group(0)) or _GOOSE_NO_TX.search(text))
    if down is None:
        return up_sql, up_line, "", 0, no_tx
    down_line = text.count("\n", 0, down.end()) + 1
    return up_sql, up_line, text[down.end() :], down_line, no_tx


def _version_key(name: str) -> tuple[tuple[int, str], ...]:
    """Sort numerically on version parts so that 10 follows 9 (Flyway ``V1_10`` etc.)."""
    return tuple((int(p), "") if p.isdigit() else (0, p) for p in re.split(r"[._]", name))


def discover(migrations_dir: Path, *, relative_to: Path | None = None) -> list[Migration]:
    """All migrations under ``migrations_dir`` in version order."""
    return discover_with_notes(migrations_dir, relative_to=relative_to)[0]


def discover_with_notes(
    migrations_dir: Path, *, relative_to: Path | None = None
) -> tuple[list[Migration], list[str]]:
    """Migrations in version order, and notes on what could only be read partly (Alembic) or not at all
    (symbolic links out of the project root, FIFOs, devices, oversized files: see ``safe_files``)."""
    from schemawright.review import formats

    base = relative_to or migrations_dir
    reader = SafeReader(containment(base, migrations_dir))

    def rel(path: Path) -> str:
        try:
            return str(path.relative_to(base))
        except ValueError:
            return str(path)

    pairs: dict[str, dict[str, Path]] = {}
    flyway: dict[str, dict[str, Path]] = {}
    singles: list[Path] = []
    notes: list[str] = []
    for path in sorted(migrations_dir.rglob("*.sql")):
        if path.name == "down.sql" and (path.parent / "migration.sql").is_file():
            continue  # a Prisma down, paired below
        if m := _PAIR.match(path.name):
            pairs.setdefault(str(path.parent / m["stem"]), {})[m["dir"]] = path
        elif m := _FLYWAY.match(path.name):
            key = f"V{m['version']}__{m['name']}"
            flyway.setdefault(str(path.parent / key), {})[m["kind"]] = path
        else:
            singles.append(path)

    found: list[tuple[str, Migration]] = []
    for key, files in pairs.items():
        up_path = files.get("up")
        if up_path is None:
            continue
        up_text = reader.text(up_path)
        if up_text is None:
            continue
        down_path = files.get("down")
        down_text = reader.text(down_path) if down_path else None
        down = Section(rel(down_path), down_text) if down_path and down_text is not None else None
        up = Section(rel(up_path), up_text)
        found.append((Path(key).name, Migration(Path(key).name, up, down)))
    for key, files in flyway.items():
        if "V" not in files:
            continue
        up_text = reader.text(files["V"])
        if up_text is None:
            continue
        undo = files.get("U")
        undo_text = reader.text(undo) if undo else None
        down = Section(rel(undo), undo_text) if undo and undo_text is not None else None
        up = Section(rel(files["V"]), up_text)
        found.append((Path(key).name[1:], Migration(Path(key).name, up, down)))
    for path in singles:
        text = reader.text(path)
        if text is None:
            continue
        if formats.is_liquibase(text):
            found += [(f"{path.stem}:{i:04d}", m) for i, m in enumerate(formats.liquibase(path, rel(path)))]
            continue
        # Prisma keeps every migration as {timestamp}_{name}/migration.sql (a down.sql beside it is optional)
        name = path.parent.name if path.name == "migration.sql" else path.stem
        sections = split_sections(text)
        if sections is None:
            # a plain .sql file (Atlas, Prisma): up only
            prisma_down = path.parent / "down.sql" if path.name == "migration.sql" else None
            prisma_text = reader.text(prisma_down) if prisma_down and prisma_down.exists() else None
            down_section = Section(rel(prisma_down), prisma_text) if prisma_down and prisma_text else None
            found.append((name, Migration(name, Section(rel(path), text), down_section)))
            continue
        up_sql, up_line, down_sql, down_line, no_tx = sections
        down_section = Section(rel(path), down_sql, down_line) if down_line else None
        up_section = Section(rel(path), up_sql, up_line)
        found.append((name, Migration(name, up_section, down_section, not no_tx, no_tx)))
    found.sort(key=lambda item: _version_key(item[0]))
    revisions = sorted(
        p for p in migrations_dir.rglob("*.py") if p.parent.name == "versions" and reader.allows(p)
    )
    for path in formats.alembic_order(revisions):
        migration, alembic_notes = formats.alembic(path, rel(path))
        found.append((migration.name, migration))
        notes += alembic_notes
    return [migration for _, migration in found], notes + reader.refused
