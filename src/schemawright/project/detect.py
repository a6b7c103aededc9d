"""Find the project's migrations folder, its tool, and its migrations in version order.

Readable SQL formats: golang-migrate pairs (``{version}_{name}.up.sql`` / ``.down.sql``), dbmate and
goose single files with up/down sections, Flyway ``V{n}__name.sql`` (+ undo ``U{n}__name.sql``),
Atlas (``{version}_{name}.sql`` beside ``atlas.sum``), Prisma (``{ts}_{name}/migration.sql``) and
Diesel (``{version}_{name}/up.sql`` + ``down.sql``, ``diesel.toml``). A folder holding ``.sql`` files in
none of these layouts is an error, never an empty project (its tables would be created again).
Alembic projects (``alembic.ini`` + ``versions/*.py``) are read through Alembic (``alembic_chain``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from schemawright.project import diesel
from schemawright.project.alembic_chain import AlembicLayout, find_layout, layout_at, read_revisions
from schemawright.project.errors import ProjectError
from schemawright.project.foreign import ForeignProject, find_foreign
from schemawright.project.knex import FILE as KNEX_FILE
from schemawright.project.knex import is_migration as is_knex_migration
from schemawright.safe_files import SafeReader, containment

Format = Literal[
    "golang-migrate",
    "dbmate",
    "goose",
    "flyway",
    "atlas",
    "prisma",
    "diesel",
    "alembic",
    "django",
    "knex",
]
FORMATS: tuple[Format, ...] = ("diesel", "prisma", "atlas", "flyway", "golang-migrate", "goose", "dbmate")
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
DEFAULT_DIRS: dict[str, str] = {
    "prisma": "prisma/migrations",
    "flyway": "db/migration",
    "diesel": "migrations",
}

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
# The file (goose) or its up section (dbmate) runs outside the tool's per-migration transaction.
_NO_TX: dict[str, re.Pattern[str]] = {
    "goose": re.compile(r"^--\s*\+goose\s+NO\s+TRANSACTION\b", re.M | re.I),
    "dbmate": re.compile(r"^--\s*migrate:up\b[^\n]*\btransaction:false\b", re.M),
}


@dataclass(frozen=True)
class Migration:
    version: str
    name: str
    path: Path  # the up file (or the single file holding both sections)
    up: str
    down: str | None = None
    down_path: Path | None = None
    transactional: bool = False  # the tool runs the up in a transaction of its own (goose, dbmate, Diesel)

    @property
    def key(self) -> tuple[int, ...]:
        return tuple(int(part) for part in re.split(r"[._]", self.version.replace("-", "")))


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
        paths = [p for m in self.of_feature(feature_id) for p in (m.path, m.down_path) if p is not None]
        if self.format == "diesel":  # the folder's metadata.toml goes with it
            meta = [m.path.parent / "metadata.toml" for m in self.of_feature(feature_id)]
            paths += [p for p in meta if p.is_file()]
        return paths

    def next_version(self, stamp: str) -> str:
        """Flyway: the next integer version. Others: ``stamp`` (UTC YYYYMMDDHHMMSS) when the project uses
        timestamps and it sorts after the latest; else the latest plus one, keeping its width."""
        if self.format == "flyway":
            return str(self.migrations[-1].key[0] + 1) if self.migrations else "1"
        if self.format in ("alembic", "django"):
            return stamp  # unused: Alembic revisions are chained by id, not ordered by version
        if self.format == "diesel":
            return diesel.next_version(stamp, self.migrations[-1].version if self.migrations else None)
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
            tx = _NO_TX[fmt].search(text) is None
            out.append(
                Migration(version=m["version"], name=m["name"], path=path, up=up, down=down, transactional=tx)
            )
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


def _diesel(directory: Path, reader: SafeReader) -> list[Migration]:
    out = []
    for folder in directory.iterdir():
        m = diesel.FOLDER.match(folder.name)
        if m is None or not folder.is_dir() or not (folder / "up.sql").exists():
            continue
        up = _read(folder / "up.sql", reader)
        if up is None:
            continue
        down_path = folder / "down.sql"
        down = _read(down_path, reader) if down_path.exists() else None
        out.append(
            Migration(
                version=m["version"],
                name=m["name"],
                path=folder / "up.sql",
                up=up,
                down=down,
                down_path=down_path if down is not None else None,
                transactional=diesel.transactional(folder),
            )
        )
    return out


def _read_format(directory: Path, fmt: Format, reader: SafeReader) -> list[Migration]:
    if fmt == "diesel":
        return _diesel(directory, reader)
    if fmt == "golang-migrate":
        return _pairs(directory, reader)
    if fmt in ("dbmate", "goose"):
        return _sectioned(directory, fmt, reader)
    if fmt == "flyway":
        return _flyway(directory, reader)
    if fmt == "atlas":
        return _atlas(directory, reader)
    if fmt == "prisma":
        return _prisma(directory, reader)
    return []  # Alembic, Django, Knex: found by their own files (detect), never read as a folder of SQL


def unrecognised(directory: Path, fmt: Format | None = None) -> str | None:
    """One line naming ``directory`` and some of its ``.sql`` files when it holds SQL migrations in no
    layout we read (None otherwise): designing on as if the project were empty would create its existing
    tables again, so the run stops and asks for ``--format``."""
    if not directory.is_dir():
        return None
    try:
        found = sorted(
            p.relative_to(directory).as_posix()
            for p in [*directory.glob("*.sql"), *directory.glob("*/*.sql")]
            if not p.is_dir()
        )
    except OSError:
        return None
    if not found:
        return None
    shown = ", ".join(found[:3]) + (f" and {len(found) - 3} more" if len(found) > 3 else "")
    layout = f"that are not {fmt} migrations" if fmt else "in a layout schemawright does not recognise"
    return (
        f"{directory}: holds SQL migrations ({shown}) {layout}; pass "
        f"--format (one of {', '.join(ALL_FORMATS)}) and --migrations-dir for the project's tool, so its "
        "existing tables are not created again"
    )


def resolve_dir(root: Path, folder: Path, cwd: Path | None = None) -> Path:
    """Where a relative ``--migrations-dir`` (or ``--decisions-dir``) points: the folder relative to the
    working directory when it exists there, else relative to ``root`` — never ``root`` joined twice
    (``--root flipt --migrations-dir flipt/migrations`` is ``flipt/migrations``)."""
    if folder.is_absolute():
        return folder
    here = (cwd or Path.cwd()) / folder
    if here.is_dir():
        return here
    root_parts = root.parts if not root.is_absolute() and root != Path(".") else ()
    if root_parts and folder.parts[: len(root_parts)] == root_parts:
        return here  # already names the root: joining it again would double it
    return root / folder


def read_folder(directory: Path, fmt: Format | None = None, base: Path | None = None) -> MigrationSet | None:
    """The migrations in ``directory`` (format detected unless given), or None when it holds none. Files
    whose real path leaves ``base`` (default: the folder), special files and oversized files are not read;
    the set's ``refused`` says which and why."""
    if not directory.is_dir() or fmt in ("alembic", "django", "knex"):
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
    """The project's migration set. ``migrations_dir`` (see :func:`resolve_dir`) wins; otherwise the
    folder ``diesel.toml`` names, then the first common folder that holds migrations; otherwise the
    format's usual folder (``backend/migrations`` for golang-migrate). Alembic revisions are imported
    only with ``trust_python``; otherwise their chain is read from the source without running it. A
    folder of SQL files in no known layout raises :class:`ProjectError` (see :func:`unrecognised`)."""
    if fmt is not None and fmt not in ALL_FORMATS:
        raise ProjectError(f"unknown migration format {fmt!r}; use one of {', '.join(ALL_FORMATS)}")
    if fmt in (None, "alembic") and migrations_dir is None:
        found = _alembic(root, fmt == "alembic", trust_python)
        if found is not None:
            return found
    if migrations_dir is not None:
        directory = resolve_dir(root, migrations_dir)
        if fmt in (None, "alembic"):
            layout = layout_at(directory, loose=fmt == "alembic")
            if layout is not None:
                return _alembic_set(layout, trust_python)
            if fmt == "alembic":
                raise ProjectError(
                    f"{directory}: not an Alembic environment (no alembic.ini, versions/ or env.py); pass "
                    "--migrations-dir the folder holding env.py and versions/ (or its versions/ folder)"
                )
        found = read_folder(directory, fmt, containment(root, directory))
        if found is not None:
            return found
        problem = unrecognised(directory, fmt)
        if problem is not None:
            raise ProjectError(problem)
        return MigrationSet(directory=directory, format=fmt or "golang-migrate")
    configured = diesel.config_dir(root) if fmt in (None, "diesel") else None
    if configured is not None:
        found = read_folder(configured, "diesel", root.resolve())
        if found is not None:
            return found
        if not configured.is_dir() or unrecognised(configured) is None:
            return MigrationSet(directory=configured, format="diesel")
    odd: str | None = None  # the first folder of SQL files in no known layout
    for candidate in CANDIDATE_DIRS:
        found = read_folder(root / candidate, fmt, root.resolve())
        if found is not None:
            return found
        odd = odd or unrecognised(root / candidate, fmt)
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
            f"{root}: no alembic.ini (in the root or a folder below it) or alembic/versions found; run "
            "`alembic init alembic` first, or pass --migrations-dir the folder holding env.py and versions/"
        )
    if odd is not None and foreign is None:
        raise ProjectError(odd)
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
    found = _alembic_set(layout, trusted)
    return found if found.migrations or required else None


def _alembic_set(layout: AlembicLayout, trusted: bool) -> MigrationSet:
    revisions = read_revisions(layout, trusted=trusted)
    migrations = [Migration(version=r.revision, name=r.slug, path=r.path, up="") for r in revisions]
    return MigrationSet(
        directory=layout.versions, format="alembic", migrations=migrations, detected=True, alembic=layout
    )
