"""A relative ``--migrations-dir`` next to a relative ``--root``: taken from the working directory when it
exists there, else under the root, and never the root joined twice (``flipt/flipt/…``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from schemawright.cli import app
from schemawright.project.detect import resolve_dir
from tests.corpus_paths import EXAMPLES

runner = CliRunner()


def _design(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["design", str(EXAMPLES / "001_login.md"), "--no-verify", *args])
    return result.exit_code, result.stderr


def test_migrations_dir_from_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "flipt" / "migrations").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    code, err = _design("--root", "flipt", "--migrations-dir", "flipt/migrations")
    assert code == 0, err
    assert len(list((tmp_path / "flipt" / "migrations").glob("*_001_login.up.sql"))) == 1
    assert not (tmp_path / "flipt" / "flipt").exists()


def test_migrations_dir_naming_the_root_is_not_doubled_before_it_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "flipt").mkdir()
    monkeypatch.chdir(tmp_path)
    code, err = _design("--root", "flipt", "--migrations-dir", "flipt/db/migrations")
    assert code == 0, err
    assert len(list((tmp_path / "flipt" / "db" / "migrations").glob("*.up.sql"))) == 1
    assert not (tmp_path / "flipt" / "flipt").exists()


def test_migrations_dir_under_the_root_when_not_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "flipt").mkdir()
    monkeypatch.chdir(tmp_path)
    code, err = _design("--root", "flipt", "--migrations-dir", "sql")
    assert code == 0, err
    assert len(list((tmp_path / "flipt" / "sql").glob("*.up.sql"))) == 1
    assert not (tmp_path / "sql").exists()


def test_resolve_dir_rules(tmp_path: Path) -> None:
    (tmp_path / "here").mkdir()
    assert resolve_dir(Path("app"), Path("here"), tmp_path) == tmp_path / "here"
    assert resolve_dir(Path("app"), Path("app/db"), tmp_path) == tmp_path / "app" / "db"
    assert resolve_dir(Path("app"), Path("db"), tmp_path) == Path("app/db")
    assert resolve_dir(tmp_path, Path("/abs/db"), tmp_path) == Path("/abs/db")
