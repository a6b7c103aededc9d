"""Start-up stays cheap: importing the CLI (what ``schemawright --help`` pays) and the package loads none of
the heavy libraries. Wall time is measured in ``benchmarks/startup.py``, not asserted here."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("sqlalchemy", "pydantic", "rich", "sqlglot", "inflect", "lemminflect", "spacy", "psycopg", "alembic")


def _loaded(statement: str) -> list[str]:
    code = f"import sys, json; {statement}; "
    code += "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return [m for m in json.loads(out.splitlines()[-1]) if m in HEAVY]


@pytest.mark.parametrize("statement", ["import schemawright", "import schemawright.cli"])
def test_import_loads_no_heavy_library(statement: str) -> None:
    assert _loaded(statement) == []


def test_help_loads_no_heavy_library() -> None:
    statement = (
        "sys.argv = ['schemawright', '--help']\n"
        "from schemawright.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )
    assert _loaded(f"exec({statement!r})") == []
