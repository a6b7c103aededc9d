"""Alembic projects: find the script directory, read the revision chain, and run it with Alembic's own
runtime (``EnvironmentContext`` + ``run_migrations``) against a scratch database.

The project's ``env.py`` is deliberately not executed: it usually imports the application (models,
settings), which is not installed here. The revision files themselves are run exactly as
``alembic upgrade`` / ``alembic downgrade`` run them, all pending revisions in one transaction (Alembic's
default), so ``autocommit_block()`` sections behave as they will in production.
"""

from __future__ import annotations

import configparser
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
    """``alembic.ini``'s ``script_location`` (``%(here)s`` resolved), else a usual folder holding
    ``env.py`` and ``versions/``; None when the project is not an Alembic project."""
    for ini in (root / "alembic.ini", root / "backend" / "alembic.ini"):
        if ini.is_file():
            parser = configparser.ConfigParser(defaults={"here": str(ini.parent)})
            try:
                parser.read(ini, encoding="utf-8")
                location = parser.get("alembic", "script_location", fallback="alembic")
            except configparser.Error as exc:
                raise ProjectError(f"{ini}: cannot read it ({exc}); fix the [alembic] section") from exc
            script = Path(location.replace("%(here)s", str(ini.parent)))
            script = script if script.is_absolute() else ini.parent / script
            if (script / "versions").is_dir():
                return AlembicLayout(script, script / "versions")
    for rel in _CANDIDATES:
        script = root / rel
        if (script / "env.py").is_file() and (script / "versions").is_dir():
            return AlembicLayout(script, script / "versions")
    return None


def _script(layout: AlembicLayout) -> ScriptDirectory:
    return ScriptDirectory(str(layout.script_location), version_locations=[str(layout.versions)])


def read_revisions(layout: AlembicLayout) -> list[Revision]:
    """The chain from base to head. Several heads (unmerged branches) cannot be extended safely."""
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
