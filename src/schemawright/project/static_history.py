"""An Alembic or Django project's history read statically, for ``design`` without
``--trust-python-migrations``: the migrations as SQL (nothing imported or run), and the notes that say so
and list what was not read, for the design's Assumptions."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

from schemawright.project.detect import MigrationSet
from schemawright.project.migration import Migration

_SHOWN = 5  # unread items quoted in the note; the rest are counted
_USER_MODEL = re.compile(r"""^AUTH_USER_MODEL\s*=\s*['"](?P<model>\w+\.\w+)['"]""", re.M)


@dataclass(frozen=True)
class StaticHistory:
    tool: str  # "Alembic revisions", "Django migrations"
    migrations: list[Migration]
    model_tables: dict[str, str] = field(default_factory=dict)  # Django: model -> table (see ExistingSchema)
    contrib: tuple[str, ...] = ()  # Django's own apps read with the project's (auth, contenttypes)

    @property
    def own(self) -> list[Migration]:
        """The project's migrations (Django's own contrib ones left out)."""
        return [m for m in self.migrations if not _contrib(m.path)]

    def notes(self, rejected: list[str]) -> list[str]:
        """For the Assumptions: what was read, what was not, and the statements the engine rejected
        while replaying it (``project.replay.replay_lenient``)."""
        runner = "Alembic" if self.tool.startswith("Alembic") else "Django"
        done = (
            f"The project's {self.tool} are Python and were not imported or run: {len(self.own)} were "
            "read statically (their operations rendered as SQL by offline Alembic) and replayed on a scratch "
            f"database, so this design builds on the tables they create; pass --trust-python-migrations to "
            f"run them with {runner} itself."
        )
        if self.contrib:
            done += f" Django's own migrations they depend on ({', '.join(self.contrib)}) were read too."
        unread = [  # a revision's downgrade() does not build the schema
            f"{m.path.name}: {n}" for m in self.own for n in m.unread if not n.startswith("down")
        ]
        notes = [done]
        if unread:
            notes.append(
                f"{len(unread)} part(s) of the {self.tool} could not be read statically, so the existing "
                "schema may lack what they do (check the design against it, or pass "
                f"--trust-python-migrations): {_quote(unread)}."
            )
        if rejected:
            notes.append(
                f"{len(rejected)} statement(s) of the statically read history were rejected by the engine "
                "and left out (the history changes tables it does not create, e.g. a base schema the "
                "application creates itself, or depends on what could not be read), so the existing schema "
                "is partial; check the design against your database, or pass --trust-python-migrations: "
                f"{_quote(rejected)}."
            )
        return notes


def _contrib(path: Path) -> bool:
    parents = path.parents
    return len(parents) > 3 and parents[2].name == "contrib" and parents[3].name == "django"


def _quote(items: list[str]) -> str:
    more = f"; and {len(items) - _SHOWN} more" if len(items) > _SHOWN else ""
    return "; ".join(items[:_SHOWN]) + more


def static_history(found: MigrationSet, dialect: str) -> StaticHistory:
    """``found``'s migrations (an Alembic chain or a Django project's apps) as ``dialect`` SQL."""
    if found.format == "alembic":
        from schemawright.tools.alembic import revision

        return StaticHistory("Alembic revisions", [revision(m.path, dialect) for m in found.migrations])
    from schemawright.project.django_contrib import contrib_dirs
    from schemawright.project.django_static import read_project

    apps = list(found.foreign.apps) if found.foreign is not None else [found.directory]
    contrib = contrib_dirs(apps)
    keep = {m.path for m in found.migrations} | _others([*contrib, *apps], found.directory)
    read, tables = read_project([*contrib, *apps], dialect, user_model=user_model(apps), keep=keep)
    labels = tuple(d.parent.name for d in contrib)
    return StaticHistory("Django migrations", read, tables, labels)


def _others(apps: list[Path], target: Path) -> set[Path]:
    return {p for folder in apps if folder != target for p in folder.glob("[0-9][0-9][0-9][0-9]_*.py")}


def user_model(apps: list[Path]) -> str:
    """The project's ``AUTH_USER_MODEL`` as its settings assign it (a literal string in a ``settings*.py``
    near the apps), else Django's ``auth.User``."""
    roots = {folder.parent.parent for folder in apps}
    for root in sorted(roots):
        for path in sorted(
            [*root.glob("*settings*.py"), *root.glob("*/settings*.py"), *root.glob("*/settings/*.py")]
        ):
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            found = _USER_MODEL.search(text)
            if found and _is_python(text):
                return found["model"]
    return "auth.User"


def _is_python(text: str) -> bool:
    try:
        ast.parse(text)
    except (SyntaxError, ValueError):
        return False
    return True
