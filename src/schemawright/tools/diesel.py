"""Diesel (Rust): ``diesel.toml`` and one folder per migration, ``{version}_{name}/up.sql`` + ``down.sql``.

The version is the folder name up to its first ``_``: ``diesel migration generate`` writes
``YYYY-MM-DD-HHMMSS`` (``2023-01-01-000000_create_users``), and ``diesel setup`` adds
``00000000000000_diesel_initial_setup``. Diesel runs each migration in a transaction unless the folder's
``metadata.toml`` says ``run_in_transaction = false`` (Diesel 2), which is how a concurrent index step is
marked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import tomllib

from schemawright.project.errors import ProjectError
from schemawright.project.migration import Migration, NewFile, Step
from schemawright.safe_files import SafeReader
from schemawright.tools.base import MigrationTool, Written, folder_migration

if TYPE_CHECKING:
    from schemawright.emit.sql.dialects import DialectName
    from schemawright.project.detect import MigrationSet

CONFIG = "diesel.toml"
FOLDER = re.compile(r"^(?P<version>\d[\d-]*)_(?P<name>.+)$")
_DASHED = re.compile(r"^\d{4}-\d{2}-\d{2}-\d{6}$")
NO_TRANSACTION = "run_in_transaction = false\n"


def config_dir(root: Path) -> Path | None:
    """The migrations folder ``diesel.toml`` names (``[migrations_directory] dir``, default
    ``migrations``, relative to the file), or None without a ``diesel.toml``."""
    config = root / CONFIG
    if not config.is_file():
        return None
    try:
        data = tomllib.loads(config.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ProjectError(f"{config}: cannot read it ({exc}); fix the TOML") from exc
    section = data.get("migrations_directory")
    folder = section.get("dir") if isinstance(section, dict) else None
    path = Path(folder) if isinstance(folder, str) and folder else Path("migrations")
    return path if path.is_absolute() else root / path


def transactional(folder: Path) -> bool:
    """False when the migration's ``metadata.toml`` turns Diesel's per-migration transaction off."""
    meta = folder / "metadata.toml"
    if not meta.is_file():
        return True
    try:
        data = tomllib.loads(meta.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return True
    return data.get("run_in_transaction") is not False


def digits(version: str) -> str:
    return version.replace("-", "")


def next_version(migrations: Sequence[Migration], stamp: str) -> str:
    return next_after(stamp, migrations[-1].version if migrations else None)


def next_after(stamp: str, latest: str | None) -> str:
    """``stamp`` (UTC ``YYYYMMDDHHMMSS``) in Diesel's ``YYYY-MM-DD-HHMMSS`` form (or undashed when the
    project's latest version is), one second after the latest when the clock does not sort after it."""
    dashed = latest is None or bool(_DASHED.match(latest)) or digits(latest).strip("0") == ""
    when = dt.datetime.strptime(stamp, "%Y%m%d%H%M%S")
    if latest is not None and digits(latest) >= stamp:
        try:
            when = dt.datetime.strptime(digits(latest)[:14], "%Y%m%d%H%M%S") + dt.timedelta(seconds=1)
        except ValueError:  # not a timestamp: keep the width, add one
            return str(int(digits(latest)) + 1).zfill(len(digits(latest)))
    return when.strftime("%Y-%m-%d-%H%M%S" if dashed else "%Y%m%d%H%M%S")


def bump(version: str, by: int) -> str:
    """The version ``by`` seconds later, in the same form (for a feature's extra migration steps)."""
    if _DASHED.match(version):
        when = dt.datetime.strptime(version, "%Y-%m-%d-%H%M%S") + dt.timedelta(seconds=by)
        return when.strftime("%Y-%m-%d-%H%M%S")
    return str(int(version) + by).zfill(len(version)) if version.isdigit() else version


def read_history(directory: Path, reader: SafeReader) -> list[Migration]:
    out = []
    for folder in directory.iterdir():
        m = FOLDER.match(folder.name)
        if m is None or not folder.is_dir() or not (folder / "up.sql").exists():
            continue
        found = folder_migration(
            folder, "up.sql", m["version"], m["name"], reader, transactional=transactional(folder)
        )
        if found is not None:
            out.append(found)
    return out


def write(found: MigrationSet, plan: list[Step], _dialect: DialectName) -> Written:
    files = []
    for s in plan:
        folder = found.directory / f"{s.version}_{s.name}"
        files.append(NewFile(folder / "up.sql", "migration-up", s.up))
        files.append(NewFile(folder / "down.sql", "migration-down", s.down))
        if not s.transactional:
            files.append(NewFile(folder / "metadata.toml", "migration", NO_TRANSACTION))
    return files, [
        "Diesel: each migration is a {version}_{name}/ folder with up.sql and down.sql (`diesel "
        "migration run`); run `diesel print-schema` (or `diesel migration run`, which updates "
        "src/schema.rs) so the Rust schema matches."
    ]


TOOL = MigrationTool("diesel", next_version, write, read_history, default_dir="migrations")
