"""Hostile-but-plausible inputs end in one line and exit 1 or 2 (or a design), never a Python traceback:
deeply nested parentheses, a chain of a thousand linked entities, a 4,100-character ID, a migration that
is not UTF-8."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from schemawright.cli import app
from tests.corpus_paths import EXAMPLES

runner = CliRunner()
DEPTH = 3000


def _invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result.exit_code, result.stderr


def _one_line_error(code: int, stderr: str, expected: str) -> None:
    assert code in (1, 2)
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and expected in lines[0], lines


@pytest.mark.parametrize(
    "body",
    [
        "A user has a name " + "(" * DEPTH + "x" + ")" * DEPTH + ".\n\nA user has an email.\n",
        "```sql\nCREATE TABLE users (id int PRIMARY KEY, age int CHECK "
        + "(" * DEPTH
        + "age > 0"
        + ")" * DEPTH
        + ");\n```\n",
        "A user has a name.\n\n" + "(" * 20000 + "\n",
    ],
    ids=["prose", "sql-block", "unclosed"],
)
def test_deeply_nested_parentheses_in_a_spec(tmp_path: Path, body: str) -> None:
    spec = tmp_path / "nested.md"
    spec.write_text("# Nested\n\n## Data\n\n" + body)
    code, stderr = _invoke("design", str(spec), "--root", str(tmp_path), "--no-verify", "--dry-run")
    if code:
        _one_line_error(code, stderr, "")


def _chain_model(path: Path, n: int = 1000) -> Path:
    lines = ["feature_id: chain", "feature_name: Chain", "entities:"]
    for i in range(n):
        lines += [f"  - name: thing{i}", "    attributes:", "      - {name: title, kind: name}"]
    lines.append("relationships:")
    lines += [f"  - {{child: thing{i}, parent: thing{i + 1}}}" for i in range(n - 1)]
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.parametrize("db", ["postgresql", "mysql", "firestore"])
def test_a_chain_of_a_thousand_linked_entities_designs(tmp_path: Path, db: str) -> None:
    model = _chain_model(tmp_path / "chain.yaml")
    code, stderr = _invoke(
        "design", "--model", str(model), "--root", str(tmp_path), "--db", db, "--no-verify"
    )
    assert code == 0, stderr
    if db != "firestore":
        up = next((tmp_path / "backend" / "migrations").glob("*.up.sql")).read_text()
        assert up.index("CREATE TABLE thing999 ") < up.index("CREATE TABLE thing0 ")


def test_an_id_of_4100_characters_is_a_usage_error(tmp_path: Path) -> None:
    spec = Path(shutil.copy(EXAMPLES / "001_login.md", tmp_path / "001_login.md"))
    code, stderr = _invoke("design", str(spec), "--root", str(tmp_path), "--no-verify", "--id", "a" * 4100)
    _one_line_error(code, stderr, "invalid feature ID: 4100 characters")
    assert code == 2


def test_a_migration_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    spec = Path(shutil.copy(EXAMPLES / "001_login.md", tmp_path / "001_login.md"))
    migrations = tmp_path / "backend" / "migrations"
    migrations.mkdir(parents=True)
    (migrations / "20240101000000_x.up.sql").write_bytes(b"CREATE TABLE caf\xe9 (id int);\n")
    (migrations / "20240101000000_x.down.sql").write_bytes(b"DROP TABLE caf\xe9;\n")
    code, stderr = _invoke("design", str(spec), "--root", str(tmp_path), "--no-verify")
    _one_line_error(code, stderr, "20240101000000_x.up.sql: not UTF-8 text")
    assert code == 1


def test_review_of_a_deeply_nested_migration(tmp_path: Path) -> None:
    migrations = tmp_path / "backend" / "migrations"
    migrations.mkdir(parents=True)
    nested = "(" * DEPTH + "a > 0" + ")" * DEPTH
    (migrations / "20240101000000_x.up.sql").write_text(f"CREATE TABLE t (a int CHECK {nested});\n")
    (migrations / "20240101000000_x.down.sql").write_text("DROP TABLE t;\n")
    code, _ = _invoke("review", "--root", str(tmp_path), "--no-replay", "--fail-on", "never")
    assert code == 0
