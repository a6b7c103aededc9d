"""Find the project's migrations folder and read its migrations in version order.

Only SQL formats the tool can replay are read: golang-migrate pairs (``{version}_{name}.up.sql`` /
``.down.sql``) and dbmate single files with ``-- migrate:up`` / ``-- migrate:down`` sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from schemawright.project.errors import ProjectError

Format = Literal["golang-migrate", "dbmate"]
FORMATS: tuple[Format, ...] = ("golang-migrate", "dbmate")
# Where projects usually keep migrations; the first folder holding any is the project's.
CANDIDATE_DIRS = (
    "backend/migrations",
    "migrations",
    "db/migrations",
    "database/migrations",
    "sql/migrations",
    "backend/db/migrations",
    "db/migrate",
)

_PAIR = re.compile(r"^(?P<version>\d+)_(?P<name>[^.]+)\.(?P<dir>up|down)\.sql$")
_SINGLE = re.compile(r"^(?P<version>\d+)_(?P<name>[^.]+)\.sql$")
_DBMATE_UP = re.compile(r"^--\s*migrate:up\b.*$", re.M)
_DBMATE_DOWN = re.compile(r"^--\s*migrate:down\b.*$", re.M)


@dataclass(frozen=True)
class Migration:
    version: str
    name: str
    path: Path  # the up file (or the single file holding both sections)
    up: str
    down: str | None = None
    down_path: Path | None = None

    @property
    def number(self) -> int:
        return int(self.version)


@dataclass
class MigrationSet:
    """The project's migrations folder: where new migrations go and what is already there."""

    directory: Path
    format: Format
    migrations: list[Migration] = field(default_factory=list)
    detected: bool = False  # False: no migrations found, the defaults were chosen

    def next_version(self, stamp: str) -> str:
        """``stamp`` (UTC YYYYMMDDHHMMSS) when the project uses timestamps and it sorts after the latest;
        otherwise the latest version plus one, keeping its width (``000003`` → ``000004``)."""
        if not self.migrations:
            return stamp
        latest = self.migrations[-1].version
        if len(latest) == len(stamp) and stamp > latest:
            return stamp
        return str(int(latest) + 1).zfill(len(latest))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ProjectError(
            f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); re-save the migration as UTF-8"
        ) from exc
    except OSError as exc:
        raise ProjectError(f"{path}: cannot read the migration ({exc.strerror})") from exc


def _pairs(directory: Path) -> list[Migration]:
    ups: dict[tuple[str, str], Path] = {}
    downs: dict[tuple[str, str], Path] = {}
    for path in directory.iterdir():
        m = _PAIR.match(path.name)
        if m and path.is_file():
            (ups if m["dir"] == "up" else downs)[(m["version"], m["name"])] = path
    out = []
    for key, up in ups.items():
        down = downs.get(key)
        out.append(
            Migration(
                version=key[0],
                name=key[1],
                path=up,
                up=_read(up),
                down=_read(down) if down else None,
                down_path=down,
            )
        )
    return out


def split_dbmate(text: str, path: Path) -> tuple[str, str]:
    """(up, down) sections of a dbmate file."""
    up_m = _DBMATE_UP.search(text)
    if up_m is None:
        raise ProjectError(f"{path}: no '-- migrate:up' section; dbmate files need one")
    down_m = _DBMATE_DOWN.search(text, up_m.end())
    up = text[up_m.end() : down_m.start() if down_m else len(text)]
    down = text[down_m.end() :] if down_m else ""
    return up.strip() + "\n", down.strip() + "\n"


def _singles(directory: Path) -> list[Migration]:
    out = []
    for path in directory.iterdir():
        m = _SINGLE.match(path.name)
        if m and path.is_file():
            text = _read(path)
            if _DBMATE_UP.search(text) is None:
                continue
            up, down = split_dbmate(text, path)
            out.append(Migration(version=m["version"], name=m["name"], path=path, up=up, down=down))
    return out


def _sorted(migrations: list[Migration]) -> list[Migration]:
    return sorted(migrations, key=lambda m: (m.number, m.name))


def read_folder(directory: Path, fmt: Format | None = None) -> MigrationSet | None:
    """The migrations in ``directory`` (format detected unless given), or None when it holds none."""
    if not directory.is_dir():
        return None
    found: dict[Format, list[Migration]] = {}
    if fmt in (None, "golang-migrate"):
        found["golang-migrate"] = _pairs(directory)
    if fmt in (None, "dbmate"):
        found["dbmate"] = _singles(directory)
    for name in FORMATS:
        if found.get(name):
            return MigrationSet(
                directory=directory, format=name, migrations=_sorted(found[name]), detected=True
            )
    return None


def detect(root: Path, migrations_dir: Path | None = None, fmt: Format | None = None) -> MigrationSet:
    """The project's migration set. ``migrations_dir`` (relative to ``root`` unless absolute) wins;
    otherwise the first common folder that holds migrations; otherwise ``backend/migrations``."""
    if migrations_dir is not None:
        directory = migrations_dir if migrations_dir.is_absolute() else root / migrations_dir
        return read_folder(directory, fmt) or MigrationSet(
            directory=directory, format=fmt or "golang-migrate"
        )
    for candidate in CANDIDATE_DIRS:
        found = read_folder(root / candidate, fmt)
        if found is not None:
            return found
    return MigrationSet(directory=root / "backend" / "migrations", format=fmt or "golang-migrate")
