"""Store declarations in natural wording count; mentions that leave, compare, exclude or offer a store
do not."""

from __future__ import annotations

import pytest

from schemawright.domain.readers.stores import RULE, read
from schemawright.spec.parser import parse_spec


def _stores(text: str) -> list[str]:
    return [f.store for f in read(parse_spec(text))]


@pytest.mark.parametrize(
    ("text", "stores"),
    [
        ("# Notes\n\nJust use mysql as db, nothing fancy.\n", ["mysql"]),
        ("# Shop\n\n- Stack: Laravel + MySQL 8\n", ["mysql"]),
        ("# Shop\n\nWe use MySQL as the database.\n", ["mysql"]),
        ("# API\n\n- Backend: Node + Postgres\n", ["postgresql"]),
        ("# Diary\n\nEntries are persisted in SQLite on the device.\n", ["sqlite"]),
        ("# Feed\n\nAll of the feed data lives in MongoDB.\n", ["mongodb"]),
        ("# Portal\n\nSupabase for auth and storage; the frontend is Next.js.\n", ["supabase"]),
        ("# Ops\n\nThe service runs on MariaDB 10.11 next to the ERP.\n", ["mysql"]),
        ("# Ops\n\nA Django app backed by PostgreSQL 16.\n", ["postgresql"]),
        ("# Ops\n\nEverything is kept in the company's existing Postgres cluster.\n", ["postgresql"]),
        (
            "# Ops\n\nPostgreSQL remains the system of record; sessions are cached in Redis.\n",
            ["postgresql", "redis"],
        ),
        ("# Ops\n\nWe chose MongoDB for the event log.\n", ["mongodb"]),
        ("# Ops\n\nCompared with MySQL, PostgreSQL is our database.\n", ["postgresql"]),
        ("# Ops\n\nThe data is stored in PostgreSQL, not MongoDB.\n", ["postgresql"]),
        ("# Ops\n\n- Database: pg 15\n", ["postgresql"]),
        ("# Ops\n\n- NFR4: Datastore: Cloud Firestore\n", ["firestore"]),
        ("# Ops\n\n### Database Type\n\nPostgreSQL 16\n", ["postgresql"]),
        ("# Ops\n\n### Databse Type\n- Type: SQLite\n", ["sqlite"]),
        ("# Ops\n\n## Tech Stack\n\n- TypeScript\n- MySQL 8\n", ["mysql"]),
        ("# Ops\n\n| Layer | Choice |\n|---|---|\n| API | Go 1.22 |\n| Database | MariaDB 11 |\n", ["mysql"]),
        ("# Ops\n\n## Database: PostgreSQL\n\nTables follow.\n", ["postgresql"]),
        ('# Ops\n\n```prisma\ndatasource db {\n  provider = "mysql"\n  url = env("DB")\n}\n```\n', ["mysql"]),
    ],
)
def test_declarations_in_natural_wording(text: str, stores: list[str]) -> None:
    assert _stores(text) == stores


@pytest.mark.parametrize(
    "text",
    [
        "# Move\n\nWe are migrating away from MySQL over the next quarter.\n",
        "# Move\n\nUnlike MongoDB, the new store must support joins.\n",
        "# Scope\n\nMySQL is out of scope for this feature.\n",
        "# Scope\n\n## Out of Scope\n\n- Moving the reports to MongoDB\n",
        "# Choice\n\n### Database Type\n- Type: (PostgreSQL / MySQL / MongoDB)\n",
        "# Choice\n\n- Database: PostgreSQL or MySQL, to be decided\n",
        "# Choice\n\n| Option | Pros | Cons |\n|---|---|---|\n| MySQL | known | no partial indexes |\n"
        "| MongoDB | flexible | no joins |\n",
        "# Tests\n\nIntegration tests use SQLite for speed.\n",
        "# Tests\n\nSQLite for tests only.\n",
        "# Legacy\n\nThe old MySQL database is read once for the import.\n",
        "# Why\n\nShould we use MongoDB here?\n",
        "# Why\n\nA document store such as MongoDB was considered and rejected.\n",
        "# Tools\n\n- ORM/Client: Mongoose\n",
        "# Later\n\n<!-- TODO: maybe move sessions to Redis later -->\n",
        "# Later\n\nWe might use Redis eventually, if latency becomes a problem.\n",
        "# Plain\n\nThe MySQL documentation explains collations well.\n",
        "# Schema\n\n```sql\nCREATE TABLE t (id int); -- PostgreSQL syntax\n```\n",
    ],
)
def test_mentions_that_do_not_declare(text: str) -> None:
    assert _stores(text) == []


def test_one_fact_per_store_with_the_labelled_line_as_provenance() -> None:
    text = (
        "# Payroll\n\nWe keep payroll data in MySQL, like the HR system.\n\n## Database\n\n"
        "- Database: MySQL 8.0\n"
    )
    facts = read(parse_spec(text))
    assert len(facts) == 1
    fact = facts[0]
    assert fact.store == "mysql"
    assert fact.prov.rule == RULE and fact.prov.origin == "structured"
    assert fact.prov.line == 7 and fact.prov.text == "Database: MySQL 8.0"


def test_a_table_row_cites_its_own_line() -> None:
    text = "# Ops\n\n| Category | Technology |\n|---|---|\n| Language | Kotlin |\n| Database | PostgreSQL |\n"
    (fact,) = read(parse_spec(text))
    assert fact.store == "postgresql" and fact.prov.line == 6
