"""Store choice: --db, then the spec's declaration, then project signals, else PostgreSQL; Redis alongside."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from schemawright.design.store_choice import (
    Signal,
    choose_store,
    migration_dialect,
    read_signals,
    supabase_named,
)
from schemawright.domain.analyze import analyze
from schemawright.spec.parser import parse_spec


def _declared(text: str) -> tuple[list[str], bool]:
    doc = parse_spec(text, source="spec.md")
    return list(analyze(doc, "010_x", "x").declared_stores), supabase_named(doc)


@pytest.mark.parametrize(
    ("sentence", "primary"),
    [
        ("- Type: MySQL", "mysql"),
        ("We run on MariaDB 10.11.", "mysql"),
        ("Everything is stored in the team's PostgreSQL.", "postgresql"),
        ("This service keeps its data in MongoDB.", "mongodb"),
        ("- Type: Supabase", "supabase"),
        ("- Type: Firestore", "firestore"),
    ],
)
def test_spec_declaration_wins_over_project(sentence: str, primary: str) -> None:
    text = f"# Notes\n\nA note has a title and a body.\n\n## Database\n\n{sentence}\n"
    declared, supa = _declared(text)
    choice = choose_store(
        "auto",
        declared,
        supabase_named=supa,
        signals=[Signal("sqlite", "package.json depends on better-sqlite3", 3)],
    )
    assert choice.primary == primary and not choice.defaulted
    assert "the spec declares it" in choice.reasons[0]


def test_placeholder_option_list_is_not_a_declaration() -> None:
    declared, supa = _declared("# X\n\nA note has a title.\n\n- Type: (PostgreSQL / MySQL / Supabase / …)\n")
    assert not supa
    assert choose_store("auto", declared, supabase_named=supa).defaulted


def test_explicit_flag_beats_everything() -> None:
    choice = choose_store("sqlite", ["mysql"], signals=[Signal("mongodb", "x", 0)])
    assert choice.primary == "sqlite" and "--db sqlite" in choice.reasons[0]


def test_default_is_postgresql_and_says_so() -> None:
    choice = choose_store("auto", [])
    assert choice.primary == "postgresql" and choice.defaulted and not choice.keyvalue
    assert "by default" in choice.reasons[0]


def test_strongest_project_signal_wins_and_rivals_are_named() -> None:
    signals = [
        Signal("postgresql", "package.json depends on pg", 3),
        Signal("mysql", "backend/migrations/1_init.up.sql is written in MySQL/MariaDB SQL", 0),
    ]
    choice = choose_store("auto", [], signals=signals)
    assert (
        choice.primary == "mysql"
        and "1_init.up.sql" in choice.reasons[0]
        and "PostgreSQL" in choice.reasons[0]
    )


def test_redis_joins_when_named_or_cache_needs() -> None:
    assert choose_store("auto", ["postgresql", "redis"]).keyvalue
    choice = choose_store(
        "auto", [], cache_needs=2, signals=[Signal("redis", "compose.yaml: service cache image redis:7", 2)]
    )
    assert choice.keyvalue and choice.primary == "postgresql"
    assert "already runs Redis (compose.yaml" in choice.reasons[1]
    assert not choose_store(
        "auto", [], signals=[Signal("redis", "x", 2)]
    ).keyvalue  # Redis in the project alone


@pytest.mark.parametrize(
    ("sql", "dialect"),
    [
        ("CREATE TABLE `a` (id INT AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB;", "mysql"),
        ("CREATE TABLE a (id UUID DEFAULT gen_random_uuid(), at TIMESTAMPTZ);", "postgresql"),
        ("CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT) STRICT;", "sqlite"),
        ("CREATE TABLE a (id INT);", None),
    ],
)
def test_migration_dialect(sql: str, dialect: str | None) -> None:
    assert migration_dialect(sql) == dialect


def test_read_signals_from_project_files(tmp_path: Path) -> None:
    (tmp_path / "docker-compose.yml").write_text(
        "services:\n  db:\n    image: mariadb:10.11\n  cache:\n    image: redis:7-alpine\n"
    )
    (tmp_path / "package.json").write_text(json.dumps({"dependencies": {"mongoose": "^8", "ioredis": "^5"}}))
    (tmp_path / "requirements.txt").write_text("# deps\npsycopg[binary]>=3\n")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\ndependencies = ["asyncpg>=0.29"]\n')
    (tmp_path / "go.mod").write_text("module x\n\nrequire (\n\tgithub.com/go-sql-driver/mysql v1.8.1\n)\n")
    (tmp_path / "prisma").mkdir()
    (tmp_path / "prisma" / "schema.prisma").write_text(
        'datasource db {\n  provider = "postgresql"\n  url = env("X")\n}\n'
    )
    found = {(s.store, s.where) for s in read_signals(tmp_path)}
    assert ("postgresql", 'prisma/schema.prisma: datasource provider "postgresql"') in found
    assert ("mysql", "docker-compose.yml: service db image mariadb:10.11") in found
    assert ("redis", "docker-compose.yml: service cache image redis:7-alpine") in found
    assert ("mongodb", "package.json depends on mongoose") in found
    assert ("postgresql", "requirements.txt depends on psycopg") in found
    assert ("postgresql", "pyproject.toml depends on asyncpg") in found
    assert ("mysql", "go.mod depends on github.com/go-sql-driver/mysql") in found
    choice = choose_store("auto", [], signals=read_signals(tmp_path))
    assert choice.primary == "postgresql" and "prisma" in choice.reasons[0]  # prisma beats compose


def test_existing_migrations_are_the_strongest_signal(tmp_path: Path) -> None:
    up = tmp_path / "backend" / "migrations" / "1_init.up.sql"
    up.parent.mkdir(parents=True)
    up.write_text("CREATE TABLE `t` (id INT AUTO_INCREMENT PRIMARY KEY);")
    (tmp_path / "compose.yaml").write_text("services:\n  db:\n    image: postgres:16\n")
    signals = read_signals(tmp_path, [(up, up.read_text())])
    choice = choose_store("auto", [], signals=signals)
    assert choice.primary == "mysql" and "backend/migrations/1_init.up.sql" in choice.reasons[0]


def test_broken_project_files_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text("{not json")
    (tmp_path / "compose.yaml").write_text(": : :\n\t- [")
    (tmp_path / "pyproject.toml").write_text("[[[")
    assert read_signals(tmp_path) == []


def test_pipeline_follows_project_signals_and_adds_redis(tmp_path: Path) -> None:
    from schemawright.pipeline import DesignRequest, design

    spec = tmp_path / "010_notes.md"
    spec.write_text(
        "# Notes\n\nA note has a title and a body and belongs to a user.\n\n"
        "Each note is cached for 10 minutes after it is read.\n"
    )
    (tmp_path / "compose.yaml").write_text("services:\n  db:\n    image: mariadb:10.11\n")
    result = design(DesignRequest(spec_path=spec, root=tmp_path, verify=False)).result
    kinds = [(s.kind, getattr(s, "dialect", getattr(s, "engine", ""))) for s in result.stores]
    assert kinds == [("relational", "mysql"), ("keyvalue", "redis")]
    texts = [a.text for a in result.assumptions if a.source.rule == "store choice"]
    assert any("compose.yaml: service db image mariadb:10.11" in t for t in texts)
    assert any("Redis key design added because the spec asks for 1" in t for t in texts)
