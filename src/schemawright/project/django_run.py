"""Django projects: run the project's own migrations with Django itself on a scratch database.

Django needs a settings module, and the project's usually imports the whole application (secrets,
services, environment). So a minimal one is generated in a temp folder: the project's Django apps in
``INSTALLED_APPS`` (plus ``contenttypes``/``auth`` when its migrations depend on them) and ``DATABASES``
pointing at the scratch database. The app being extended gets its migrations from a staged copy
(``MIGRATION_MODULES``) holding the existing files plus the new ones, so nothing is written into the
project before the chain verifies. Django runs in a subprocess (``django.setup()`` happens once per
process) with ``PYTHONDONTWRITEBYTECODE`` so the project gets no ``__pycache__``.

Django is optional: :func:`django_available` says whether it is installed.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from schemawright.engines import engine_for
from schemawright.project.errors import ProjectError
from schemawright.verify.errors import VerifyError

INSTALL_HINT = "Django is not installed; install it (`pip install django`) so its migrations can be replayed"
_CONTRIB = re.compile(r"""\(\s*['"](auth|contenttypes)['"]|AUTH_USER_MODEL""")
_TIMEOUT = 180

# Runs inside the subprocess: each step is ``[app_label or null, target or null]`` for ``migrate``.
_DRIVER = """
import json, sys
import django
from django.core.management import call_command
django.setup()
for app, target in json.loads(sys.argv[1]):
    args = [a for a in (app, target) if a]
    call_command("migrate", *args, interactive=False, verbosity=0)
"""


class DjangoRunError(ProjectError, VerifyError):
    """``manage.py migrate`` failed; the message holds Django's last error line."""


@dataclass(frozen=True)
class DjangoApp:
    label: str  # the app's folder name: its label, for ``migrate`` and MIGRATION_MODULES
    migrations: Path  # {app}/migrations

    @property
    def module(self) -> str:
        """The app's import name: its folder and the enclosing packages (``hc/api`` in a package ``hc``
        is ``hc.api``, as the app's own AppConfig names it)."""
        return ".".join(p.name for p in reversed(self._packages()))

    @property
    def import_root(self) -> Path:
        """The folder the app's import name is found from (the outermost package's parent)."""
        return self._packages()[-1].parent

    def _packages(self) -> list[Path]:
        folder = self.migrations.parent
        found = [folder]
        while (folder.parent / "__init__.py").is_file() and folder.parent != folder:
            folder = folder.parent
            found.append(folder)
        return found


def django_available() -> bool:
    return importlib.util.find_spec("django") is not None


def apps_of(directory: Path, app_dirs: Sequence[Path]) -> tuple[list[DjangoApp], DjangoApp]:
    """(all apps, the one being extended) from the detected migrations folders."""
    apps = [DjangoApp(d.parent.name, d) for d in app_dirs] or [DjangoApp(directory.parent.name, directory)]
    target = next((a for a in apps if a.migrations == directory), DjangoApp(directory.parent.name, directory))
    if target not in apps:
        apps.append(target)
    return apps, target


def database_settings(sqlalchemy_url: str) -> dict[str, str]:
    """Django's ``DATABASES['default']`` for a SQLAlchemy URL (postgresql, mysql or sqlite)."""
    url = make_url(sqlalchemy_url)
    backend = url.get_backend_name()
    engines = {
        "postgresql": "django.db.backends.postgresql",
        "mysql": "django.db.backends.mysql",
        "sqlite": "django.db.backends.sqlite3",
    }
    if backend not in engines:
        raise ProjectError(f"Django replay supports postgresql, mysql and sqlite, not {backend}")
    if not engine_for(backend).has_server:  # SQLite: a file
        return {"ENGINE": engines[backend], "NAME": url.database or ""}
    return {
        "ENGINE": engines[backend],
        "NAME": url.database or "",
        "USER": url.username or "",
        "PASSWORD": url.password or "",
        # A Unix socket (the embedded PostgreSQL) comes as ?host=/dir: Django takes the directory as HOST.
        "HOST": url.host or str(url.query.get("host") or ""),
        "PORT": str(url.port or ""),
    }


def _settings(apps: Sequence[DjangoApp], target: DjangoApp, staged: str, sqlalchemy_url: str) -> str:
    texts = [p.read_text(encoding="utf-8", errors="replace") for a in apps for p in a.migrations.glob("*.py")]
    contrib = any(_CONTRIB.search(t) for t in texts)
    installed = (["django.contrib.contenttypes", "django.contrib.auth"] if contrib else []) + [
        a.module for a in apps
    ]
    db = database_settings(sqlalchemy_url)
    mysql = "import pymysql\npymysql.install_as_MySQLdb()\n" if db["ENGINE"].endswith("mysql") else ""
    return (
        f'"""Generated by schemawright: a minimal settings module for replaying migrations."""\n{mysql}'
        'SECRET_KEY = "schemawright-scratch-only"\n'
        f"INSTALLED_APPS = {installed!r}\n"
        f"DATABASES = {{'default': {db!r}}}\n"
        f"MIGRATION_MODULES = {{{target.label!r}: {staged!r}}}\n"
        "USE_TZ = True\n"
        "DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'\n"
    )


def stage(
    workdir: Path,
    apps: Sequence[DjangoApp],
    target: DjangoApp,
    sqlalchemy_url: str,
    keep: Sequence[Path],
    new_files: dict[str, str] | None = None,
) -> Path:
    """Write the settings module and the target app's staged migrations package into ``workdir``
    (the target's migrations in ``keep``, plus ``new_files`` by name). Returns ``workdir``."""
    staged_name = f"schemawright_staged_{target.label}"
    staged = workdir / staged_name
    staged.mkdir(parents=True)
    for path in keep:
        shutil.copy2(path, staged / path.name)
    (staged / "__init__.py").touch()
    for name, text in (new_files or {}).items():
        (staged / name).write_text(text, encoding="utf-8")
    (workdir / "schemawright_settings.py").write_text(
        _settings(apps, target, staged_name, sqlalchemy_url), encoding="utf-8"
    )
    return workdir


def migrate(workdir: Path, apps: Sequence[DjangoApp], steps: Sequence[tuple[str | None, str | None]]) -> None:
    """Run ``migrate [app [target]]`` for each step, in one Django process. Raises DjangoRunError."""
    paths = [str(workdir), *dict.fromkeys(str(a.import_root.resolve()) for a in apps)]
    if os.environ.get("PYTHONPATH"):  # where the project's own dependencies may be
        paths.append(os.environ["PYTHONPATH"])
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "schemawright_settings",
        "PYTHONPATH": os.pathsep.join(paths),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    try:
        done = subprocess.run(
            [sys.executable, "-c", _DRIVER, json.dumps([list(s) for s in steps])],
            env=env,
            cwd=workdir,
            capture_output=True,
            text=True,
            timeout=_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise DjangoRunError(f"django migrate did not finish in {_TIMEOUT} s") from exc
    if done.returncode != 0:
        lines = [ln for ln in done.stderr.strip().splitlines() if ln.strip()]
        shown = " ".join(" ".join(f"{a or ''} {t or ''}".split()) or "(all)" for a, t in steps)
        raise DjangoRunError(f"django migrate {shown}: {lines[-1] if lines else 'failed'}")
