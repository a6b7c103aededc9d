"""Migration tools whose migrations are code we cannot replay here: Django (Python that needs the
project's settings and models), Knex and migrate-mongo (JavaScript). They are detected so the design says
plainly what it did and did not read, and Django gets a ``RunSQL`` migration it can run as is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from schemawright.emit.sql.dialects import DialectName
from schemawright.engines.splitter import split_statements
from schemawright.project.knex import migrations_dir
from schemawright.project.mongo_migrate import mongo_migrations_dir

Tool = Literal["django", "knex", "migrate-mongo"]
_DJANGO = re.compile(r"^(?P<num>\d{4})_(?P<name>\w+)\.py$")
_SKIP = {".git", "node_modules", ".venv", "venv", "__pycache__", "site-packages"}


@dataclass(frozen=True)
class ForeignProject:
    tool: Tool
    directory: Path  # where the tool keeps its migrations
    app: str = ""  # Django: the app label (its folder name)
    latest: str = ""  # Django: the latest migration's name, the new one's dependency
    apps: tuple[Path, ...] = ()  # Django: every app's migrations folder (all are installed to replay)
    config: Path | None = None  # Knex: the knexfile; migrate-mongo: its config file


def django_apps(root: Path, depth: int = 3) -> list[Path]:
    """The ``migrations`` folders of the Django apps up to ``depth`` folders below ``root``."""
    found: list[Path] = []
    frontier = [root]
    for _ in range(depth):
        nxt = []
        for d in frontier:
            for child in sorted(p for p in d.iterdir() if p.is_dir() and p.name not in _SKIP):
                migs = child / "migrations"
                if (migs / "__init__.py").is_file() and any(migs.glob("0001_*.py")):
                    found.append(migs)
                nxt.append(child)
        frontier = nxt
    return found


def find_foreign(root: Path) -> ForeignProject | None:
    """The first code-based migration tool found under ``root``, or None."""
    if not root.is_dir():
        return None
    apps = django_apps(root)
    if apps:  # the app with the most migrations is the one the project grows
        migs = max(apps, key=lambda d: (len(list(d.glob("[0-9][0-9][0-9][0-9]_*.py"))), str(d)))
        names = sorted(p.stem for p in migs.iterdir() if _DJANGO.match(p.name) and p.is_file())
        latest = names[-1] if names else ""
        return ForeignProject("django", migs, app=migs.parent.name, latest=latest, apps=tuple(apps))
    for cfg in ("migrate-mongo-config.js", "migrate-mongo-config.cjs"):
        if (root / cfg).is_file():
            return ForeignProject("migrate-mongo", mongo_migrations_dir(root / cfg), config=root / cfg)
    for cfg in ("knexfile.js", "knexfile.ts", "knexfile.cjs", "backend/knexfile.js"):
        if (root / cfg).is_file():
            return ForeignProject("knex", migrations_dir(root / cfg), config=root / cfg)
    return None


def notes(project: ForeignProject, latest: str | None = None, *, tool_ran: bool = True) -> list[str]:
    """What the design did with the project's own migrations, for the Assumptions. ``latest``: the
    Django migration the new one depends on (defaults to the app's latest); ``tool_ran``: Django itself
    replayed them (False: read statically, see ``project.static_history``, which says so)."""
    where = f"{project.directory}"
    if project.tool == "django":
        from schemawright.project.django_run import INSTALL_HINT, django_available

        dep = f"{project.app}.{latest if latest is not None else project.latest or '(none)'}"
        tail = (
            f"The verified SQL is written as a RunSQL migration depending on {dep}; run "
            f"`python manage.py migrate {project.app}`. Add matching models with `managed = False` (or fold "
            "the tables into your models) so makemigrations does not try to create them again."
        )
        if not tool_ran:
            return [tail]
        if django_available():
            return [
                f"The project's Django migrations ({where}) were replayed with Django itself on a scratch "
                "database (a generated minimal settings module with the project's apps, not its own "
                "settings), and the new migration was verified through Django: migrate, migrate back to "
                f"{dep}, migrate again. {tail}"
            ]
        return [
            f"The project uses Django migrations ({where}) but {INSTALL_HINT}; they were not replayed, so "
            "existing tables are not known to this design — check its references against your models, or "
            f"install Django and run again. {tail}"
        ]
    if project.tool == "knex":
        return [
            f"The project uses Knex migrations ({where}); the feature is written as a Knex migration "
            "({timestamp}_{ID}.js) whose up and down run the verified statements with knex.raw, one call "
            "per statement in order. Run it with `npx knex migrate:latest`."
        ]
    return [
        f"The project uses migrate-mongo ({where}); the feature is written as a migrate-mongo migration "
        "({timestamp}-{ID}.js) whose up(db) creates the collections with their validators and indexes and "
        "whose down(db) drops them: the same statements as the mongosh scripts verification runs, awaited "
        "through the Node.js driver. Run it with `npx migrate-mongo up`; migrate-mongo itself needs a "
        "MongoDB server, so the module's own run was not verified here."
    ]


def _sql_list(script: str, dialect: DialectName) -> str:
    items = []
    for st in split_statements(script, dialect):
        lines = st.text.strip().splitlines()
        while lines and lines[0].lstrip().startswith("--"):
            lines.pop(0)  # header and squawk comments
        if lines:
            statement = "\n".join(lines)
            items.append(f"            {statement!r},\n")
    return "[\n" + "".join(items) + "        ]"


def django_migration(
    dependency: tuple[str, str] | None, up: str, down: str, dialect: DialectName, atomic: bool
) -> str:
    """A Django migration running our verified statements with ``RunSQL`` (``atomic = False`` for
    statements that cannot run in a transaction)."""
    deps = f"[({dependency[0]!r}, {dependency[1]!r})]" if dependency else "[]"
    flag = "" if atomic else "    atomic = False  # CREATE INDEX CONCURRENTLY cannot run in a transaction\n\n"
    return (
        '"""Generated by schemawright from the verified SQL migration."""\n\n'
        "from django.db import migrations\n\n\n"
        "class Migration(migrations.Migration):\n"
        f"{flag}    dependencies = {deps}\n\n"
        "    operations = [\n"
        "        migrations.RunSQL(\n"
        f"            sql={_sql_list(up, dialect).replace(chr(10), chr(10) + '    ')},\n"
        f"            reverse_sql={_sql_list(down, dialect).replace(chr(10), chr(10) + '    ')},\n"
        "        ),\n"
        "    ]\n"
    )
