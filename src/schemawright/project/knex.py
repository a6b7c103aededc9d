"""Knex projects (JavaScript, relational): read the migrations folder, write the feature as a Knex
migration whose ``up``/``down`` run our verified statements with ``knex.raw`` (one call per statement,
in order), and run migrations with the real Knex (``node`` + the ``knex`` package and the engine's
driver) when they are available.

Knex is looked up in ``$SCHEMAWRIGHT_NODE_MODULES``, then the project's own ``node_modules``. Without
it the chain cannot be replayed or verified through Knex; :func:`knex_runtime` says why.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from schemawright import __version__
from schemawright.emit.sql.dialects import DialectName
from schemawright.engines.splitter import split_statements
from schemawright.project.errors import ProjectError
from schemawright.verify.errors import VerifyError

NODE_MODULES_ENV = "SCHEMAWRIGHT_NODE_MODULES"
FILE = re.compile(r"^(?P<version>\d+)_(?P<name>[\w.-]+?)\.(?:js|cjs)$")
_EXPORTS_UP = re.compile(r"exports\.up\b|module\.exports\s*=|export\s+(async\s+)?function\s+up\b")
_DIRECTORY = re.compile(r"""directory\s*:\s*['"]([^'"]+)['"]""")
_DRIVERS = {"postgresql": "pg", "mysql": "mysql2"}
_TIMEOUT = 180

# Runs under node: argv = [directory, client, connection, op...]; op is latest | rollback.
_DRIVER = """
const [dir, client, connection, ...ops] = process.argv.slice(1);
const knex = require('knex')({ client, connection, pool: { min: 0, max: 1 } });
(async () => {
  try {
    for (const op of ops) {
      if (op === 'latest') await knex.migrate.latest({ directory: dir, loadExtensions: ['.js', '.cjs'] });
      else await knex.migrate.rollback({ directory: dir, loadExtensions: ['.js', '.cjs'] });
    }
  } catch (e) {
    console.error(String(e && e.message || e).split('\\n')[0]);
    process.exitCode = 1;
  } finally {
    await knex.destroy();
  }
})();
"""


class KnexRunError(ProjectError, VerifyError):
    """Knex failed to run the migrations; the message holds its error."""


@dataclass(frozen=True)
class KnexRuntime:
    node: str
    node_modules: Path


def migrations_dir(knexfile: Path) -> Path:
    """The knexfile's ``migrations.directory`` when it names one, else Knex's default ``migrations``."""
    try:
        m = _DIRECTORY.search(knexfile.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        m = None
    return knexfile.parent / (m.group(1) if m else "migrations")


def is_migration(path: Path) -> bool:
    if not (FILE.match(path.name) and path.is_file()):
        return False
    return _EXPORTS_UP.search(path.read_text(encoding="utf-8", errors="replace")) is not None


def knex_runtime(root: Path, dialect: DialectName) -> KnexRuntime | str:
    """node and a node_modules holding knex and the engine's driver, or the reason they are unusable."""
    driver = _DRIVERS.get(dialect)
    if driver is None:
        return f"Knex verification supports PostgreSQL and MySQL here, not {dialect}"
    node = shutil.which("node")
    if node is None:
        return "node is not installed (Knex migrations need Node.js)"
    candidates = [Path(p) for p in [os.environ.get(NODE_MODULES_ENV, "")] if p]
    candidates += [root / "node_modules", root / "backend" / "node_modules"]
    for modules in candidates:
        if (modules / "knex" / "package.json").is_file() and (modules / driver / "package.json").is_file():
            return KnexRuntime(node, modules)
    return (
        f"the knex and {driver} npm packages were not found (in ${NODE_MODULES_ENV} or the project's "
        f"node_modules); run `npm install knex {driver}` in the project"
    )


def connection(sqlalchemy_url: str) -> tuple[str, str]:
    """(Knex client, connection URL) for a SQLAlchemy URL."""
    from sqlalchemy.engine import make_url  # here: the review reads Knex folders without SQLAlchemy

    url = make_url(sqlalchemy_url)
    backend = url.get_backend_name()
    if backend not in _DRIVERS:
        raise KnexRunError(f"Knex runs on postgresql or mysql here, not {backend}")
    plain = url.set(drivername=backend).render_as_string(hide_password=False)  # no +driver suffix
    return _DRIVERS[backend], plain


def run(runtime: KnexRuntime, directory: Path, sqlalchemy_url: str, ops: Sequence[str]) -> None:
    """``knex migrate:latest`` / ``migrate:rollback`` (in order) on the database, with the real Knex."""
    client, conn = connection(sqlalchemy_url)
    env = {**os.environ, "NODE_PATH": str(runtime.node_modules)}
    try:
        done = subprocess.run(
            [runtime.node, "-e", _DRIVER, str(directory), client, conn, *ops],
            env=env,
            cwd=directory,
            capture_output=True,
            text=True,
            timeout=_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise KnexRunError(f"knex migrate did not finish in {_TIMEOUT} s") from exc
    if done.returncode != 0:
        lines = [ln for ln in done.stderr.strip().splitlines() if ln.strip()]
        raise KnexRunError(f"knex migrate:{' '.join(ops)}: {lines[-1] if lines else 'failed'}")


def stage(into: Path, keep: Sequence[Path], new_files: dict[str, str] | None = None) -> Path:
    """A throwaway migrations folder: the existing files in ``keep`` plus ``new_files`` by name."""
    into.mkdir(parents=True, exist_ok=True)
    for path in keep:
        shutil.copy2(path, into / path.name)
    for name, text in (new_files or {}).items():
        (into / name).write_text(text, encoding="utf-8")
    return into


def _statements(script: str, dialect: DialectName) -> list[str]:
    out = []
    for statement in split_statements(script, dialect):
        lines = statement.text.strip().splitlines()
        while lines and lines[0].lstrip().startswith("--"):
            lines.pop(0)  # header and squawk comments
        if lines:
            out.append("\n".join(lines))
    return out


def _calls(script: str, dialect: DialectName) -> str:
    # knex.raw reads "?" as a binding placeholder; "\?" is a literal question mark.
    calls = [
        f"  await knex.raw({json.dumps(s.replace('?', chr(92) + '?'))});\n"
        for s in _statements(script, dialect)
    ]
    return "".join(calls) or "  // nothing to undo here: the feature's first migration removes it\n"


def render_migration(feature: str, up: str, down: str, dialect: DialectName, transactional: bool) -> str:
    """A Knex migration module running the verified statements with ``knex.raw``."""
    config = (
        ""
        if transactional
        else "\n// CREATE INDEX CONCURRENTLY cannot run inside Knex's migration transaction.\n"
        "exports.config = { transaction: false };\n"
    )
    return (
        f"// Generated by schemawright {__version__} for feature {feature} from the verified SQL migration;\n"
        "// each statement runs with knex.raw, in order.\n\n"
        f"exports.up = async function up(knex) {{\n{_calls(up, dialect)}}};\n\n"
        f"exports.down = async function down(knex) {{\n{_calls(down, dialect)}}};\n"
        f"{config}"
    )
