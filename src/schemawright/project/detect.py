"""Find the project's migrations folder, its tool, and its migrations in version order.

Readable SQL formats: golang-migrate pairs (``{version}_{name}.up.sql`` / ``.down.sql``), dbmate and
goose single files with up/down sections, Flyway ``V{n}__name.sql`` (+ undo ``U{n}__name.sql``),
Atlas (``{version}_{name}.sql`` beside ``atlas.sum``), Prisma (``{ts}_{name}/migration.sql``) and
Diesel (``{version}_{name}/up.sql`` + ``down.sql``, ``diesel.toml``). A folder holding ``.sql`` files in
none of these layouts is an error, never an empty project (its tables would be created again).
Alembic projects (``alembic.ini`` + ``versions/*.py``) are read through Alembic (``alembic_chain``).
Each tool's reading, versioning and writing is its plugin in :mod:`schemawright.tools`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from schemawright.project.alembic_chain import AlembicLayout, find_layout, layout_at, read_revisions
from schemawright.project.errors import ProjectError
from schemawright.project.foreign import ForeignProject, find_foreign
from schemawright.project.knex import FILE as KNEX_FILE
from schemawright.project.knex import is_migration as is_knex_migration
from schemawright.project.migration import Migration
from schemawright.safe_files import SafeReader, containment
from schemawright.tools import diesel, tool
from schemawright.tools.sectioned import split_sections

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
# Folder tools in detection order, as registered in schemawright.tools (tests/tools check they agree).
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
_DJANGO = re.compile(r"^(?P<num>\d{4})_(?P<name>\w+)\.py$")
__all__ = [
    "ALL_FORMATS",
    "CANDIDATE_DIRS",
    "Migration",
    "MigrationSet",
    "detect",
    "resolve_dir",
    "split_sections",
]


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
        """The next version in the tool's scheme (its plugin's ``next_version``): Flyway the next integer;
        Diesel ``YYYY-MM-DD-HHMMSS``; others ``stamp`` (UTC YYYYMMDDHHMMSS) when the project uses
        timestamps and it sorts after the latest, else the latest plus one, keeping its width."""
        return tool(self.format).next_version(self.migrations, stamp)


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
    if not directory.is_dir() or (fmt is not None and not tool(fmt).folder):
        return None
    for name in [fmt] if fmt else FORMATS:
        reader = SafeReader(base or directory.resolve())
        plugin = tool(name)
        found = plugin.read_history(directory, reader)
        if found or reader.refused or plugin.owns(directory):
            found.sort(key=lambda m: (m.key, m.name))
            return MigrationSet(
                directory=directory, format=name, migrations=found, detected=True, refused=reader.refused
            )
    return None


def detect(
    root: Path,
    migrations_dir: Path | None = None,
    fmt: Format | None = None,
    *,
    trust_python: bool = False,
    strict: bool = True,
) -> MigrationSet:
    """The project's migration set. ``migrations_dir`` (see :func:`resolve_dir`) wins; otherwise the
    folder ``diesel.toml`` names, then the first common folder that holds migrations; otherwise the
    format's usual folder (``backend/migrations`` for golang-migrate). Alembic revisions are imported
    only with ``trust_python``; otherwise their chain is read from the source without running it. A
    folder of SQL files in no known layout raises :class:`ProjectError` (see :func:`unrecognised`); with
    ``strict=False`` (``check``, which lints any SQL) that folder is returned, with no migrations read."""
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
        if problem is not None and strict:
            raise ProjectError(problem)
        return MigrationSet(directory=directory, format=fmt or "golang-migrate")
    configured = diesel.config_dir(root) if fmt in (None, "diesel") else None
    if configured is not None:
        found = read_folder(configured, "diesel", root.resolve())
        if found is not None:
            return found
        if not configured.is_dir() or unrecognised(configured) is None:
            return MigrationSet(directory=configured, format="diesel")
    odd: tuple[Path, str] | None = None  # the first folder of SQL files in no known layout, and why
    for candidate in CANDIDATE_DIRS:
        found = read_folder(root / candidate, fmt, root.resolve())
        if found is not None:
            return found
        problem = unrecognised(root / candidate, fmt) if odd is None else None
        odd = (root / candidate, problem) if problem is not None else odd
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
    default = tool(fmt or "golang-migrate").default_dir
    if fmt == "alembic":
        raise ProjectError(
            f"{root}: no alembic.ini (in the root or a folder below it) or alembic/versions found; run "
            "`alembic init alembic` first, or pass --migrations-dir the folder holding env.py and versions/"
        )
    if odd is not None and foreign is None:
        if strict:
            raise ProjectError(odd[1])
        return MigrationSet(directory=odd[0], format=fmt or "golang-migrate")
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
