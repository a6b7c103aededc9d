"""migrate-mongo projects (JavaScript, MongoDB): write the feature's document design as a migrate-mongo
migration, ``{timestamp}-{ID}.js`` exporting ``async up(db)`` / ``async down(db)``.

The module is made from the same mongosh statements that verification runs (``db.createCollection`` with
the ``$jsonSchema`` validator, ``createIndex``, ``drop``), each awaited through the Node.js driver's ``Db``
(``db.getCollection(name)`` becomes ``db.collection(name)``), so both say the same thing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

_DIR = re.compile(r"""migrationsDir\s*:\s*['"]([^'"]+)['"]""")
_STATEMENT = re.compile(r"^db\.")


def mongo_migrations_dir(config: Path) -> Path:
    """The config's ``migrationsDir`` when it names one, else migrate-mongo's default ``migrations``."""
    try:
        m = _DIR.search(config.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        m = None
    return config.parent / (m.group(1) if m else "migrations")


def _body(script: str) -> str:
    out = []
    for line in script.splitlines():
        if not line.strip() or line.startswith("//"):
            continue  # the header goes on top of the module
        line = line.replace("db.getCollection(", "db.collection(")
        out.append("    " + (_STATEMENT.sub("await db.", line) if _STATEMENT.match(line) else line))
    return "\n".join(out) + "\n" if out else ""


def render_module(up: str, down: str) -> str:
    """A migrate-mongo migration module from the mongosh up/down scripts (header comments kept on top)."""
    header = "".join(f"{line}\n" for line in up.splitlines() if line.startswith("//"))
    return (
        f"{header}// migrate-mongo migration: `npx migrate-mongo up` / `npx migrate-mongo down`.\n\n"
        "module.exports = {\n"
        f"  async up(db) {{\n{_body(up)}  }},\n\n"
        f"  async down(db) {{\n{_body(down)}  }},\n"
        "};\n"
    )


def node_check(path: Path) -> str | None:
    """``node --check`` the file: None when it parses (or node is absent), else node's complaint."""
    node = shutil.which("node")
    if node is None:
        return None
    done = subprocess.run(
        [node, "--check", str(path)], capture_output=True, text=True, check=False, timeout=60
    )
    if done.returncode == 0:
        return None
    lines = [ln for ln in done.stderr.splitlines() if ln.strip()]
    return " ".join(lines[-2:]) if lines else "node --check failed"
