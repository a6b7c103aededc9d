"""Dialect sniffing looks at code only: comments, string literals and dollar-quoted bodies do not count."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemawright.review.engine import review_project, sniff_dialect
from schemawright.review.replay import EngineChoice
from tests.services import POSTGRES, service_url


@pytest.mark.parametrize(
    "sql",
    [
        "-- the `users` table, as in the old MySQL app\nCREATE TABLE users (id BIGINT PRIMARY KEY);",
        "/* was ENGINE=InnoDB with AUTO_INCREMENT ids */\nCREATE TABLE users (id BIGINT PRIMARY KEY);",
        "CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT DEFAULT 'use `code` here');",
        "COMMENT ON TABLE notes IS 'ids were AUTO_INCREMENT; it''s `legacy`';",
        "CREATE FUNCTION f() RETURNS INT LANGUAGE sql AS $body$ SELECT 1 -- `x`\n$body$;",
        "CREATE TABLE t (id INT); -- it's `fine`",
    ],
)
def test_comments_and_literals_do_not_make_postgresql_mysql(sql: str) -> None:
    assert sniff_dialect([sql]) == "postgresql"


@pytest.mark.parametrize(
    ("sql", "dialect"),
    [
        ("CREATE TABLE `users` (id BIGINT PRIMARY KEY);", "mysql"),
        ("-- users\nCREATE TABLE users (id INT AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB;", "mysql"),
        ("CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT);", "sqlite"),
        ("CREATE TABLE users (id BIGINT PRIMARY KEY);", "postgresql"),
    ],
)
def test_code_still_decides(sql: str, dialect: str) -> None:
    assert sniff_dialect([sql]) == dialect


def test_a_postgresql_history_with_a_backtick_comment_is_reviewed_as_postgresql(tmp_path: Path) -> None:
    folder = tmp_path / "backend" / "migrations"
    folder.mkdir(parents=True)
    (folder / "001_users.up.sql").write_text(
        "-- ported from the `users` table of the MySQL app\n"
        "CREATE TABLE users (\n"
        "    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
        "    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
        "    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()\n"
        ");\n"
    )
    (folder / "001_users.down.sql").write_text("DROP TABLE IF EXISTS users;\n")
    report = review_project(tmp_path, engine=EngineChoice(url=service_url(POSTGRES)))
    assert report.dialect == "postgresql"
    assert report.catalog.startswith("reflected")
    assert "SW617" not in report.codes()  # PostgreSQL ran it: IDENTITY and TIMESTAMPTZ are not MySQL
