"""Finding the migrations folder, its format, order and the next version."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemawright.project.detect import detect
from schemawright.project.errors import ProjectError


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_golang_migrate_pairs_in_version_order(tmp_path: Path) -> None:
    d = tmp_path / "db" / "migrations"
    _write(d / "000010_b.up.sql", "CREATE TABLE b (id int);")
    _write(d / "000010_b.down.sql", "DROP TABLE b;")
    _write(d / "000002_a.up.sql", "CREATE TABLE a (id int);")
    found = detect(tmp_path)
    assert found.format == "golang-migrate" and found.directory == d
    assert [m.name for m in found.migrations] == ["a", "b"]
    assert found.migrations[0].down is None and found.migrations[1].down == "DROP TABLE b;"
    assert found.next_version("20260101000000") == "000011"  # sequential numbering is kept


def test_timestamp_versions_take_the_clock(tmp_path: Path) -> None:
    d = tmp_path / "backend" / "migrations"
    _write(d / "20260110090000_core.up.sql", "SELECT 1;")
    found = detect(tmp_path)
    assert found.next_version("20270101000000") == "20270101000000"
    assert found.next_version("20250101000000") == "20260110090001"  # never sorts before the latest


def test_dbmate_sections(tmp_path: Path) -> None:
    d = tmp_path / "db" / "migrations"
    _write(
        d / "20260101000000_core.sql",
        "-- migrate:up\nCREATE TABLE a (id int);\n\n-- migrate:down\nDROP TABLE a;\n",
    )
    found = detect(tmp_path)
    assert found.format == "dbmate"
    assert found.migrations[0].up.strip() == "CREATE TABLE a (id int);"
    assert found.migrations[0].down is not None and found.migrations[0].down.strip() == "DROP TABLE a;"


def test_no_migrations_defaults_to_backend_migrations(tmp_path: Path) -> None:
    found = detect(tmp_path)
    assert not found.detected and found.directory == tmp_path / "backend" / "migrations"


def test_explicit_migrations_dir_wins(tmp_path: Path) -> None:
    _write(tmp_path / "migrations" / "1_a.up.sql", "SELECT 1;")
    _write(tmp_path / "sql" / "2_b.up.sql", "SELECT 1;")
    assert [m.name for m in detect(tmp_path, Path("sql")).migrations] == ["b"]


def test_non_utf8_migration_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "migrations" / "1_a.up.sql"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"CREATE TABLE \xff (id int);")
    with pytest.raises(ProjectError, match=r"1_a\.up\.sql: not UTF-8"):
        detect(tmp_path)
