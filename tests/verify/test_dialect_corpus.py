"""Every relational corpus spec designs and verifies (up/down/up with sample rows) on MariaDB and SQLite."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from schemawright.pipeline import DesignRequest, design
from tests.corpus_paths import shared_spec
from tests.services import service_url

RELATIONAL_SPECS = ["001_signup.md", "002_recipes.md", "003_library.md", "004_events.md",
                    "005_short_links.md", "007_support_tickets.md", "009_payroll.md"]


def _design(spec: str, db: str, root: Path) -> None:
    # 007 is designed into an empty root here (its existing project is covered by the project tests).
    outcome = design(DesignRequest(spec_path=shared_spec(spec), root=root, db=db))
    verification = outcome.result.verification
    assert verification.status == "passed", [r.error for r in verification.reports]
    assert outcome.result.stores[0].dialect == db
    assert verification.reports[0].rows_inserted > 0


@pytest.mark.parametrize("spec", RELATIONAL_SPECS)
def test_corpus_spec_verifies_on_mariadb(spec: str, tmp_path: Path) -> None:
    service_url("SCHEMAWRIGHT_MYSQL_URL")
    _design(spec, "mysql", tmp_path)


@pytest.mark.parametrize("spec", RELATIONAL_SPECS)
def test_corpus_spec_verifies_on_sqlite(spec: str, tmp_path: Path) -> None:
    _design(spec, "sqlite", tmp_path)


def _up(spec: str, db: str, root: Path) -> tuple[str, list[Any]]:
    outcome = design(DesignRequest(spec_path=shared_spec(spec), root=root, db=db, verify=False))
    up = next(f.content for f in outcome.result.files if f.role == "migration-up")
    return up, outcome.result.stores[0].tables


def test_mysql_idiom(tmp_path: Path) -> None:
    """Collation both engines ship, VARCHAR for indexed text, ON UPDATE for updated_at, no lower() index."""
    up, tables = _up("001_signup.md", "mysql", tmp_path)
    assert "utf8mb4_unicode_ci" in up and "0900" not in up
    assert "ON UPDATE CURRENT_TIMESTAMP(6)" in up
    assert "lower(" not in up.lower().replace("char_length(", "")
    users = next(t for t in tables if t.name == "users")
    email = users.column("email")
    assert email is not None and email.type.startswith("VARCHAR(")


def test_mysql_partial_unique_is_emulated(tmp_path: Path) -> None:
    """003: one open loan per copy — a virtual marker column closes the gap MySQL has no partial index for."""
    up, tables = _up("003_library.md", "mysql", tmp_path)
    assert "GENERATED ALWAYS AS (CASE WHEN" in up and "VIRTUAL" in up
    loans = next(t for t in tables if t.name == "loans")
    assert any(ix.where and ix.unique for ix in loans.indexes)


def test_sqlite_idiom(tmp_path: Path) -> None:
    up, _ = _up("001_signup.md", "sqlite", tmp_path)
    assert "STRICT" in up and "CREATE TRIGGER" in up and "CHECK" in up
