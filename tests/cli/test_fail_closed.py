"""``design`` fails closed: a configured server that cannot be used is exit 1, one line naming the URL
without its password, and nothing written; ``--no-verify`` is the only way to skip verification."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from schemawright.cli import app
from tests.corpus_paths import EXAMPLES

runner = CliRunner()


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    (tmp_path / "ai" / "features").mkdir(parents=True)
    return Path(shutil.copy(EXAMPLES / "001_login.md", tmp_path / "ai" / "features" / "001_login.md"))


def _design(spec: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["design", str(spec), "--root", str(spec.parents[2]), *args])
    return result.exit_code, result.stderr


def _written(spec: Path) -> list[Path]:
    return [p for p in spec.parents[2].rglob("*") if p.is_file() and p != spec]


@pytest.mark.parametrize(
    ("variable", "url", "db", "expected"),
    [
        (
            "SCHEMAWRIGHT_POSTGRES_URL",
            "postgresql://postgres:s3cret@127.0.0.1:1/test",
            "postgresql",
            "***@127.0.0.1:1",
        ),
        (
            "SCHEMAWRIGHT_POSTGRES_URL",
            "postgresql://postgres@127.0.0.1:5432/sw_missing_db",
            "postgresql",
            "does not exist",
        ),
        ("SCHEMAWRIGHT_POSTGRES_URL", "garbage", "postgresql", "not a PostgreSQL URL: garbage"),
        ("SCHEMAWRIGHT_MYSQL_URL", "garbage", "mysql", "not a MySQL URL: garbage"),
        (
            "SCHEMAWRIGHT_MYSQL_URL",
            "mysql://root:s3cret@127.0.0.1:3306x/test",
            "mysql",
            "malformed MySQL URL",
        ),
    ],
)
def test_unusable_server_is_exit_1_and_writes_nothing(
    spec: Path, monkeypatch: pytest.MonkeyPatch, variable: str, url: str, db: str, expected: str
) -> None:
    monkeypatch.setenv(variable, url)
    code, err = _design(spec, "--db", db)
    assert code == 1
    assert expected in err and "s3cret" not in err
    assert len(err.strip().splitlines()) == 1
    assert _written(spec) == []


def test_missing_mysql_url_is_not_a_skip(spec: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCHEMAWRIGHT_MYSQL_URL", raising=False)
    code, err = _design(spec, "--db", "mysql")
    assert code == 1 and "SCHEMAWRIGHT_MYSQL_URL" in err and "--no-verify" in err
    assert _written(spec) == []


def test_no_verify_is_the_way_to_skip(spec: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCHEMAWRIGHT_POSTGRES_URL", "postgresql://postgres@127.0.0.1:1/test")
    code, err = _design(spec, "--no-verify")
    assert code == 0, err
    assert len(_written(spec)) == 3
