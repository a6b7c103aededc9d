"""The per-dialect classes of ``emit/sql/``: every logical type in both type tables, the registry, and the
facts the rest of the code asks them instead of comparing dialect names."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest

from schemawright.design.models import LogicalType
from schemawright.emit.sql.dialects import (
    IDENTIFIER_LIMIT,
    SqlDialect,
    dialect_for,
    is_dialect,
    literal,
    quote,
    shorten,
    type_sql,
)
from schemawright.emit.sql.mysql import MySQL
from schemawright.emit.sql.postgresql import PostgreSQL
from schemawright.emit.sql.sqlite import SQLite

NAMES = ("postgresql", "mysql", "sqlite")
LOGICAL = get_args(LogicalType.model_fields["name"].annotation)
SRC = Path(__file__).resolve().parents[2] / "src" / "schemawright"


def test_registry_gives_one_instance_per_dialect() -> None:
    assert [type(dialect_for(n)) for n in NAMES] == [PostgreSQL, MySQL, SQLite]
    assert dialect_for("postgres") is dialect_for("postgresql")  # sqlglot's name
    assert all(dialect_for(n).name == n for n in NAMES)
    with pytest.raises(ValueError, match="expected postgresql, mysql or sqlite"):
        dialect_for("oracle")
    assert [is_dialect(n) for n in (*NAMES, "postgres", "mariadb", None)] == [True] * 3 + [False] * 3


@pytest.mark.parametrize("name", NAMES)
def test_every_logical_type_renders(name: str) -> None:
    sql = dialect_for(name)
    for t in LOGICAL:
        logical = LogicalType(name=t, length=10, precision=12, scale=2)
        assert sql.type_sql(logical) and type_sql(name, logical) == sql.type_sql(logical)  # type: ignore[arg-type]
        sql.sa_type(logical).compile(dialect=sql.sa_dialect())  # SQLAlchemy can render it for the engine


def test_module_functions_are_the_methods() -> None:
    long = "x" * 200
    for name in NAMES:
        sql = dialect_for(name)
        assert quote(name, "order") == sql.quote("order") and sql.quote("order") != "order"  # type: ignore[arg-type]
        assert shorten(long, name) == sql.shorten(long)  # type: ignore[arg-type]
        assert len(sql.shorten(long).encode()) <= IDENTIFIER_LIMIT[name] == sql.identifier_limit
        assert literal(name, "it's") == sql.literal("it's") == "'it''s'"  # type: ignore[arg-type]
    assert dialect_for("mysql").literal("a\\b") == "'a\\\\b'"  # MySQL: backslashes escape
    assert dialect_for("postgresql").literal("a\\b") == "'a\\b'"
    assert dialect_for("mysql").quote("offset") == "`offset`"  # reserved by MariaDB only: still quoted


def test_feature_flags_say_what_each_engine_does() -> None:
    pg, my, lite = (dialect_for(n) for n in NAMES)
    assert pg.supports_concurrent_index and pg.supports_not_valid and pg.supports_partitioning
    assert not (my.supports_concurrent_index or lite.supports_not_valid or lite.supports_partitioning)
    assert pg.transactional_ddl and lite.transactional_ddl and not my.transactional_ddl
    assert (pg.begin_transaction, my.begin_transaction) == ("BEGIN;", "START TRANSACTION;")
    assert (pg.now, my.now, lite.now) == ("now()", "CURRENT_TIMESTAMP(6)", "CURRENT_TIMESTAMP")
    assert (pg.uuid_default, my.uuid_default, lite.uuid_default) == ("gen_random_uuid()", "(UUID())", None)
    assert (pg.boolean(True), my.boolean(False), lite.boolean(True)) == ("TRUE", "0", "1")
    limits = (pg.engine_identifier_limit, my.engine_identifier_limit, lite.engine_identifier_limit)
    assert limits == (63, 64, None)
    assert my.fk_creates_index and my.index_names_per_table and my.schema_is_database and my.delimiter_command
    assert not lite.has_exact_decimal and not lite.has_temporal_types and lite.length_function == "length"


def test_subclasses_set_every_required_fact() -> None:
    required = ("name", "TYPES", "identifier_limit", "timestamp_type", "now")  # the base has no default
    assert not any(hasattr(SqlDialect, attr) for attr in required)
    for name in NAMES:
        assert all(hasattr(dialect_for(name), attr) for attr in required), name


_BRANCH = re.compile(r"dialect\)? *(==|!=)|dialect\)? +(not )?in [(\[{]|(?<!contrib)\.postgres\b")


def test_no_dialect_name_comparisons_outside_emit_sql_and_engines() -> None:
    """Issue 10: code outside ``emit/sql/`` and ``engines/`` asks the dialect (flags, methods) instead of
    comparing its name."""
    found = [
        f"{path.relative_to(SRC)}:{i}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        if not path.relative_to(SRC).as_posix().startswith(("emit/sql/", "engines/"))
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _BRANCH.search(line)
    ]
    assert not found, "\n".join(found)
