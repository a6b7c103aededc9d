"""Alembic projects: find the script directory, read the revision chain, and run it with Alembic's own
runtime (``EnvironmentContext`` + ``run_migrations``) against a scratch database.

The project's ``env.py`` is deliberately not executed: it usually imports the application (models,
settings), which is not installed here. The revision files themselves are run exactly as
``alembic upgrade`` / ``alembic downgrade`` run them, all pending revisions in one transaction (Alembic's
default), so ``autocommit_block()`` sections behave as they will in production.
"""

from __future__ import annotations

import configparser
import os
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.script import ScriptDirectory
from sqlalchemy.pool import NullPool

from schemawright.project.errors import ProjectError
from schemawright.verify.errors import VerifyError

# Folders that hold an Alembic environment when no alembic.ini names one.
_CANDIDATES = ("alembic", "migrations", "backend/alembic", "backend/migrations", "db/alembic")
_SKIP = {".git", "node_modules", ".venv", "venv", "__pycache__", "site-packages"}
_INI_DEPTH = 3  # folder levels below the root searched for alembic.ini


@dataclass(frozen=True)
class AlembicLayout:
    script_location: Path  # the environment folder (env.py, script.py.mako, versions/)
    versions: Path


@dataclass(frozen=True)
class Revision:
    revision: str
    down_revision: str | None
    path: Path
    slug: str


class AlembicRunError(VerifyError):
    """A revision failed under Alembic; the message names it and the engine's complaint."""


def find_layout(root: Path) -> AlembicLayout | None:
    """``alembic.ini``'s ``script_location`` (``%(here)s`` resolved) — the ini in the root or one folder
    below it (``conf/alembic.ini``, ``backend/alembic.ini``) — else a usual folder holding ``env.py`` and
    ``versions/``, else such a folder in the application's package; None when the project is not an
    Alembic project."""
    for ini in _inis(root):
        layout = _from_ini(ini)
        if layout is not None:
            return layout
    for rel in _CANDIDATES:
        script = root / rel
        if (script / "env.py").is_file() and (script / "versions").is_dir():
            return AlembicLayout(script, script / "versions")
    return _in_package(root)


def _in_package(root: Path) -> AlembicLayout | None:
    """An environment inside the application's package, configured in code rather than by an
    ``alembic.ini`` (pypi/warehouse: ``warehouse/migrations/env.py`` + ``versions/``, the location set by
    ``warehouse db``): ``{package}/migrations`` or ``{package}/alembic``, also under ``src/``, where the
    package has an ``__init__.py`` and ``env.py`` uses Alembic."""
    packages: list[Path] = []
    for base in (root, root / "src"):
        try:
            packages += sorted(d for d in base.iterdir() if d.is_dir() and d.name not in _SKIP)
        except OSError:
            continue
    for package in packages:
        if not (package / "__init__.py").is_file():
            continue
        for name in ("migrations", "alembic"):
            script = package / name
            env = script / "env.py"
            if not (env.is_file() and (script / "versions").is_dir()):
                continue
            try:
                uses_alembic = "alembic" in env.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if uses_alembic:
                return AlembicLayout(script, script / "versions")
    return None


def layout_at(directory: Path, *, loose: bool = False) -> AlembicLayout | None:
    """The Alembic environment a ``--migrations-dir`` names: a folder with ``alembic.ini``, the
    environment folder (``env.py`` + ``versions/``) or its ``versions/`` folder. ``loose`` (``--format
    alembic``): any folder with ``versions/``, or a ``versions`` folder, will do."""
    if (directory / "alembic.ini").is_file():
        return _from_ini(directory / "alembic.ini")
    env = (directory / "env.py").is_file()
    if (directory / "versions").is_dir() and (env or loose):
        return AlembicLayout(directory, directory / "versions")
    beside_env = (directory.parent / "env.py").is_file()
    if directory.is_dir() and directory.name == "versions" and (loose or beside_env):
        return AlembicLayout(directory.parent, directory)
    return None


def _inis(root: Path) -> list[Path]:
    """``alembic.ini`` in the root, then in the folders below it down to three levels (``backend/`` first;
    ``conf/alembic.ini``, a src layout's ``src/{package}/alembic.ini``), nearest first."""
    first = [root / "alembic.ini", root / "backend" / "alembic.ini"]
    below: list[Path] = []
    level = [root]
    for _ in range(_INI_DEPTH):
        try:
            level = sorted(
                d for folder in level for d in folder.iterdir() if d.is_dir() and d.name not in _SKIP
            )
        except OSError:
            break
        below += [d / "alembic.ini" for d in level]
    return [p for p in dict.fromkeys([*first, *below]) if p.is_file()]


def _from_ini(ini: Path) -> AlembicLayout | None:
    parser = configparser.ConfigParser(defaults={"here": str(ini.parent)})
    try:
        parser.read(ini, encoding="utf-8")
        location = parser.get("alembic", "script_location", fallback=None)
        named = [s for s in parser.sections() if s != "alembic" and parser.has_option(s, "script_location")]
    except (configparser.Error, UnicodeDecodeError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ProjectError(f"{ini}: cannot read it ({reason}); fix the [alembic] section") from exc
    if location is None and named:  # `alembic --name X`: several environments, none the default
        places = ", ".join(
            f"[{s}] {_location(ini, parser.get(s, 'script_location')) or parser.get(s, 'script_location')}"
            for s in named
        )
        raise ProjectError(
            f"{ini}: names {len(named)} Alembic environments ({places}) and no default one; pass "
            "--migrations-dir the environment to extend"
        )
    script = _location(ini, location or "alembic")
    if script is not None and (script / "versions").is_dir():
        return AlembicLayout(script, script / "versions")
    return None


def _location(ini: Path, location: str) -> Path | None:
    """A ``script_location`` as a folder: ``%(here)s`` resolved, relative to the ini; a package resource
    (``package:path``) from the package folder beside the ini (or the ini's own folder when it is that
    package). None when a package resource cannot be found."""
    location = location.replace("%(here)s", str(ini.parent))
    package, sep, inner = location.partition(":")
    if sep and package and "/" not in package and "\\" not in package and not Path(location).is_absolute():
        folders = [ini.parent] if ini.parent.name == package.split(".")[-1] else []
        folders.append(ini.parent.joinpath(*package.split(".")))
        found = next((f for f in folders if (f / "__init__.py").is_file()), None)
        return Path(os.path.normpath(found / inner)) if found is not None else None
    script = Path(location)
    return Path(os.path.normpath(script if script.is_absolute() else ini.parent / script))  # no ".."


def _script(layout: AlembicLayout) -> ScriptDirectory:
    return ScriptDirectory(str(layout.script_location), version_locations=[str(layout.versions)])


def read_revisions(layout: AlembicLayout, *, trusted: bool = False) -> list[Revision]:
    """The chain from base to head. Several heads (unmerged branches) cannot be extended safely.

    Alembic reads revisions by importing them, which runs the project's Python; that happens only when
    ``trusted`` (``--trust-python-migrations``). Otherwise the ``revision`` and ``down_revision``
    assignments are read from each file's syntax tree and nothing is executed."""
    if not trusted:
        return _static_chain(layout)
    try:
        script = _script(layout)
        heads = script.get_heads()
        if len(heads) > 1:
            raise ProjectError(
                f"{layout.versions}: Alembic has {len(heads)} heads ({', '.join(sorted(heads))}); run "
                "`alembic merge heads` first so the new revision has one parent"
            )
        chain = list(reversed(list(script.walk_revisions("base", "heads"))))
    except ProjectError:
        raise
    except Exception as exc:  # alembic raises many types for broken revision files
        raise ProjectError(f"{layout.versions}: Alembic cannot read the revisions: {exc}") from exc
    out = []
    for rev in chain:
        path = Path(rev.path)
        stem = path.stem
        slug = stem[len(rev.revision) + 1 :] if stem.startswith(f"{rev.revision}_") else stem
        down = rev.down_revision
        if isinstance(down, (tuple, list)):
            down = down[0] if down else None
        out.append(Revision(rev.revision, down, path, slug))
    return out


def _static_chain(layout: AlembicLayout) -> list[Revision]:
    """The revision chain from the files' syntax trees (no import): each file's module-level ``revision``
    and ``down_revision`` string assignments, ordered from the base by following the parents."""
    from schemawright.safe_files import SafeReader
    from schemawright.tools.alembic import parent_ids, revision_order
    from schemawright.tools.base import read_text

    reader = SafeReader(layout.script_location.resolve())
    found: dict[str, Revision] = {}
    parents: dict[str, tuple[str, ...]] = {}
    for path in sorted(layout.versions.glob("*.py")):
        text = read_text(path, reader, "revision") if path.is_file() else None
        names = _assignments(text, path) if text is not None else {}
        rev = names.get("revision")
        if not isinstance(rev, str):
            continue
        parents[rev] = parent_ids(names.get("down_revision"))
        slug = path.stem[len(rev) + 1 :] if path.stem.startswith(f"{rev}_") else path.stem
        found[rev] = Revision(rev, parents[rev][0] if parents[rev] else None, path, slug)
    joined = {parent for ps in parents.values() for parent in ps}  # a merge joins all of its parents
    heads = sorted(r for r in found if r not in joined)
    if len(heads) > 1:
        raise ProjectError(
            f"{layout.versions}: Alembic has {len(heads)} heads ({', '.join(heads)}); run "
            "`alembic merge heads` first so the new revision has one parent"
        )
    return [found[rev] for rev in revision_order(parents)]


def _assignments(text: str, path: Path) -> dict[str, object]:
    import ast

    try:
        tree = ast.parse(text, filename=str(path))
    except (SyntaxError, ValueError) as exc:
        raise ProjectError(f"{path}: not valid Python ({exc}); Alembic could not load it either") from None
    out: dict[str, object] = {}
    for node in tree.body:
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AnnAssign)
            else []
        )
        value = getattr(node, "value", None)
        for target in targets:
            if isinstance(target, ast.Name) and value is not None:
                try:
                    out[target.id] = ast.literal_eval(value)
                except ValueError:
                    continue
    return out


def run(url: str, layout: AlembicLayout, target: str, *, downgrade: bool = False) -> None:
    """``alembic upgrade TARGET`` (or ``downgrade``) on ``url``, through Alembic's runtime."""
    script = _script(layout)
    config = Config()
    config.set_main_option("script_location", str(layout.script_location))

    def steps(rev: object, _context: object) -> object:
        if downgrade:
            return script._downgrade_revs(target, rev)  # type: ignore[arg-type]
        return script._upgrade_revs(target, rev)  # type: ignore[arg-type]

    engine = sa.create_engine(url, poolclass=NullPool)
    try:
        with (
            EnvironmentContext(config, script, fn=steps, destination_rev=target) as env,
            engine.connect() as connection,
        ):
            env.configure(connection=connection, target_metadata=None)
            with env.begin_transaction():
                env.run_migrations()
    except Exception as exc:
        verb = "downgrade" if downgrade else "upgrade"
        raise AlembicRunError(
            f"alembic {verb} {target}: {type(exc).__name__}: {exc}".splitlines()[0]
        ) from exc
    finally:
        engine.dispose()
