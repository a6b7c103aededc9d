"""Find the project's migrations folder, its tool, and its migrations in version order.

Readable SQL formats: golang-migrate pairs (``{version}_{name}.up.sql`` / ``.down.sql``), dbmate and
goose single files with up/down sections, Flyway ``V{n}__name.sql`` (+ undo ``U{n}__name.sql``),
Atlas (``{version}_{name}.sql`` beside ``atlas.sum``) and Prisma (``{ts}_{name}/migration.sql``).
Alembic projects (``alembic.ini`` + ``versions/*.py``) are read through Alembic (``alembic_chain``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from schemawright.project.alembic_chain import AlembicLayout, find_layout, read_revisions
from schemawright.project.errors import ProjectError
from schemawright.project.foreign import ForeignProject, find_foreign
from schemawright.project.knex import FILE as KNEX_FILE
from schemawright.project.knex import is_migration as is_knex_migration
from schemawright.safe_files import SafeReader, containment

Format = Literal[
    "golang-migrate", "dbmate", "goose", "flyway", "atlas", "prisma", "alembic", "django", "knex"
]
FORMATS: tuple[Format, ...] = ("prisma", "atlas", "flyway", "golang-migrate", "goose", "dbmate")
# Found by their own files, not a folder:
ALL_FORMATS: tuple[Format, ...] = (*FORMATS, "alembic", "django", "knex")
# Where projects usually keep migrations; the first folder holding any is the project's.
CANDIDATE_DIRS = (
    "backend/migrations",
    "migrations",
    "db/migrations",
    "database/migrations",
    "sql/migrations",
    "backend/db/migrations",
    "db/migrate",
    "prisma/migrations",
    "backend/prisma/migrations",
    "src/main/resources/db/migration",
    "db/migration",
)
DEFAULT_DIRS: dict[str, str] = {"prisma": "prisma/migrations", "flyway": "db/migration"}

_PAIR = re.compile(r"^(?P<version>\d+)_(?P<name>.+)\.(?P<dir>up|down)\.sql$")
_SINGLE = re.compile(r"^(?P<version>\d+)_(?P<name>[^.]+)\.sql$")
_FLYWAY = re.compile(r"^(?P<kind>[VU])(?P<version>\d+(?:[._]\d+)*)__(?P<name>.+)\.sql$")
_DJANGO = re.compile(r"^(?P<num>\d{4})_(?P<name>\w+)\.py$")
_PRISMA = re.compile(r"^(?P<version>\d{14})_(?P<name>.+)$")
_SECTIONS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "dbmate": (re.compile(r"^--\s*migrate:up\b.*$", re.M), re.compile(r"^--\s*migrate:down\b.*$", re.M)),
    "goose": (
        re.compile(r"^--\s*\+goose\s+Up\b.*$", re.M | re.I),
        re.compile(r"^--\s*\+goose\s+Down\b.*$", re.M | re.I),
    ),
}


@dataclass(frozen=True)
class Migration:
    version: str
    name: str
    path: Path  # the up file (or the single file holding both sections)
    up: str
    down: str | None = None
    down_path: Path | None = None

    @property
    def key(self) -> tuple[int, ...]:
        return tuple(int(part) for part in re.split(r"[._]", self.version))


@dataclass
class MigrationSet:
    """The project's migrations folder: where new migrations go and what is already there."""

    directory: Path
    format: Format
    migrations: list[Migration] = field(default_factory=list)
    detected: bool = False  # False: no migrations found, the defaults were chosen
    alembic: AlembicLayout | None = None  # Alembic: the environment that runs the revisions
    foreign: ForeignProject | None = None  # Django, Knex, migrate-mongo: detected, not replayed
    refused: list[str] = field(default_factory=list)  # files not read (symlinks out of the root, FIFOs…)

    def of_feature(self, feature_id: str) -> list[Migration]:
        """The feature's own earlier migrations (its main one and its separate validate/index ones)."""
        own = re.compile(rf"{re.escape(feature_id)}(_(index|validate)_\d+)?")
        return [m for m in self.migrations if own.fullmatch(m.name)]

    def files_of(self, feature_id: str) -> list[Path]:
        return [p for m in self.of_feature(feature_id) for p in (m.path, m.down_path) if p is not None]

    def next_version(self, stamp: str) -> str:
        """Flyway: the next integer version. Others: ``stamp`` (UTC YYYYMMDDHHMMSS) when the project uses
        timestamps and it sorts after the latest; else the latest plus one, keeping its width."""
        if self.format == "flyway":
            return str(self.migrations[-1].key[0] + 1) if self.migrations else "1"
        if self.format in ("alembic", "django"):
            return stamp  # unused: Alembic revisions are chained by id, not ordered by version
        if not self.migrations:
            return stamp
        latest = self.migrations[-1].version
        if len(latest) == len(stamp) and stamp > latest:
            return stamp
        return str(int(latest) + 1).zfill(len(latest))


def _read(path: Path, reader: SafeReader) -> str | None:
    """The migration's text; None (noted by ``reader``) for a file that must not be read."""
    try:
        return reader.text(path)
    except UnicodeDecodeError as exc:
        raise ProjectError(
            f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); re-save the migration as UTF-8"
        ) from exc
    except OSError as exc:
        raise ProjectError(f"{path}: cannot read the migration ({exc.strerror})") from exc


def split_sections(text: str, path: Path, fmt: Literal["dbmate", "goose"]) -> tuple[str, str]:
    """(up, down) sections of a dbmate or goose file."""
    up_re, down_re = _SECTIONS[fmt]
    up_m = up_re.search(text)
    if up_m is None:
        raise ProjectError(f"{path}: no up section ({up_re.pattern}); {fmt} files need one")
    down_m = down_re.search(text, up_m.end())
    up = text[up_m.end() : down_m.start() if down_m else len(text)]
    down = text[down_m.end() :] if down_m else ""
    return up.strip() + "\n", down.strip() + "\n"


def _pairs(directory: Path, reader: SafeReader) -> list[Migration]:
    ups: dict[tuple[str, str], Path] = {}
    downs: dict[tuple[str, str], Path] = {}
    for path in directory.iterdir():
        m = _PAIR.match(path.name)
        if m and not path.is_dir():
            (ups if m["dir"] == "up" else downs)[(m["version"], m["name"])] = path
    out = []
    for (v, n), up_path in ups.items():
        up = _read(up_path, reader)
        if up is None:
            continue
        down_path = downs.get((v, n))
        down = _read(down_path, reader) if down_path else None
        out.append(
            Migration(
                version=v,
                name=n,
                path=up_path,
                up=up,
                down=down,
                down_path=down_path if down is not None else None,
            )
        )
    return out


def _sectioned(directory: Path, fmt: Literal["dbmate", "goose"], reader: SafeReader) -> list[Migration]:
    out = []
    for path in directory.iterdir():
        m = _SINGLE.match(path.name)
        if m and not path.is_dir():
            text = _read(path, reader)
            if text is None or _SECTIONS[fmt][0].search(text) is None:
                continue
            up, down = split_sections(text, path, fmt)
            out.append(Migration(version=m["version"], name=m["name"], path=path, up=up, down=down))
    return out


def _flyway(directory: Path, reader: SafeReader) -> list[Migration]:
    undo = {m["version"]: p for p in directory.iterdir() if (m := _FLYWAY.match(p.name)) and m["kind"] == "U"}
    out = []
    for path in directory.iterdir():
        m = _FLYWAY.match(path.name)
        if m and m["kind"] == "V" and not path.is_dir():
            up = _read(path, reader)
            if up is None:
                continue
            u = undo.get(m["version"])
            down = _read(u, reader) if u else None
            out.append(
                Migration(
                    version=m["version"],
                    name=m["name"],
                    path=path,
                    up=up,
                    down=down,
                    down_path=u if down is not None else None,
                )
            )
    return out


def _atlas(directory: Path, reader: SafeReader) -> list[Migration]:
    if not (directory / "atlas.sum").is_file():
        return []
    found = [
        (m, p, _read(p, reader))
        for p in directory.iterdir()
        if (m := _SINGLE.match(p.name)) and not p.is_dir()
    ]
    return [
        Migration(version=m["version"], name=m["name"], path=p, up=up) for m, p, up in found if up is not None
    ]


def _prisma(directory: Path, reader: SafeReader) -> list[Migration]:
    found = [
        (m, p / "migration.sql", _read(p / "migration.sql", reader))
        for p in directory.iterdir()
        if (m := _PRISMA.match(p.name)) and (p / "migration.sql").exists()
    ]
    return [
        Migration(version=m["version"], name=m["name"], path=p, up=up) for m, p, up in found if up is not None
    ]


def _read_format(directory: Path, fmt: Format, reader: SafeReader) -> list[Migration]:
    if fmt == "golang-migrate":
        return _pairs(directory, reader)
    if fmt in ("dbmate", "goose"):
        return _sectioned(directory, fmt, reader)
    if fmt == "flyway":
        return _flyway(directory, reader)
    if fmt == "atlas":
        return _atlas(directory, reader)
    return _prisma(directory, reader)


def read_folder(directory: Path, fmt: Format | None = None, base: Path | None = None) -> MigrationSet | None:
    """The migrations in ``directory`` (format detected unless given), or None when it holds none. Files
    whose real path leaves ``base`` (default: the folder), special files and oversized files are not read;
    the set's ``refused`` says which and why."""
    if not directory.is_dir():
        return None
    for name in [fmt] if fmt else FORMATS:
        reader = SafeReader(base or directory.resolve())
        found = _read_format(directory, name, reader)
        if found or reader.refused or (name == "atlas" and (directory / "atlas.sum").is_file()):
            found.sort(key=lambda m: (m.key, m.name))
            return MigrationSet(
                directory=directory, format=name, migrations=found, detected=True, refused=reader.refused
            )
    return None


def detect(
    root: Path, migrations_dir: Path | None = None, fmt: Format | None = None, *, trust_python: bool = False
) -> MigrationSet:
    """The project's migration set. ``migrations_dir`` (relative to ``root`` unless absolute) wins;
    otherwise the first common folder that holds migrations; otherwise the format's usual folder
    (``backend/migrations`` for golang-migrate). Alembic revisions are imported only with
    ``trust_python``; otherwise their chain is read from the source without running it."""
    if fmt is not None and fmt not in ALL_FORMATS:
        raise ProjectError(f"unknown migration format {fmt!r}; use one of {', '.join(ALL_FORMATS)}")
    if fmt in (None, "alembic") and migrations_dir is None:
        found = _alembic(root, fmt == "alembic", trust_python)
        if found is not None:
            return found
    if migrations_dir is not None:
        directory = migrations_dir if migrations_dir.is_absolute() else root / migrations_dir
        return read_folder(directory, fmt, containment(root, migrations_dir)) or MigrationSet(
            directory=directory, format=fmt or "golang-migrate"
        )
    for candidate in CANDIDATE_DIRS:
        found = read_folder(root / candidate, fmt, root.resolve())
        if found is not None:
            return found
    foreign = find_foreign(root) if fmt in (None, "django", "knex") else None
    if foreign is not None and foreign.tool == "knex" and fmt in (None, "knex"):
        return MigrationSet(
            directory=foreign.directory,
            format="knex",
            migrations=_knex(foreign.directory),
            detected=True,
            foreign=foreign,
        )
    if fmt == "knex":
        raise ProjectError(f"{root}: no knexfile.js found; run `npx knex init` first")
    if foreign is not None and foreign.tool == "django":
        return MigrationSet(
            directory=foreign.directory,
            format="django",
            migrations=_django(foreign.directory),
            detected=True,
            foreign=foreign,
        )
    if fmt == "django":
        raise ProjectError(f"{root}: no Django app with migrations/0001_*.py found")
    default = DEFAULT_DIRS.get(fmt or "", "backend/migrations")
    if fmt == "alembic":
        raise ProjectError(
            f"{root}: no alembic.ini or alembic/versions found; run `alembic init alembic` first"
        )
    return MigrationSet(directory=root / default, format=fmt or "golang-migrate", foreign=foreign)


def _django(directory: Path) -> list[Migration]:
    """A Django app's numbered migrations (``0001_initial.py``) in order, without SQL: Django runs them."""
    found = [
        Migration(version=m["num"], name=m["name"], path=p, up="")
        for p in directory.iterdir()
        if (m := _DJANGO.match(p.name)) and p.is_file()
    ]
    return sorted(found, key=lambda m: (m.key, m.name))


def _knex(directory: Path) -> list[Migration]:
    """Knex migrations (``{timestamp}_{name}.js`` exporting ``up``/``down``) in Knex's (name) order,
    without SQL: Knex runs them."""
    if not directory.is_dir():
        return []
    reader = SafeReader(directory.resolve())
    found = [
        Migration(version=m["version"], name=m["name"], path=p, up="")
        for p in directory.iterdir()
        if (m := KNEX_FILE.match(p.name)) and reader.allows(p) and is_knex_migration(p)
    ]
    return sorted(found, key=lambda m: m.path.name)


def _alembic(root: Path, required: bool, trusted: bool) -> MigrationSet | None:
    """The Alembic revision chain (base to head) as migrations without SQL: Alembic itself runs them."""
    layout = find_layout(root)
    if layout is None:
        return None
    revisions = read_revisions(layout, trusted=trusted)
    if not revisions and not required:
        return None
    migrations = [Migration(version=r.revision, name=r.slug, path=r.path, up="") for r in revisions]
    return MigrationSet(
        directory=layout.versions, format="alembic", migrations=migrations, detected=True, alembic=layout
    )
