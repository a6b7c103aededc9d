"""MySQL: a new table referencing an existing table's text key compares in that key's collation, or InnoDB
refuses the foreign key ("errno: 150 Foreign key constraint is incorrectly formed"). flipt's MySQL history
creates its tables in the database's default collation (utf8mb4_general_ci on MariaDB) with text keys
(``flags (namespace_key, key)``); the new table was pinned to utf8mb4_unicode_ci and failed verification."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemawright.pipeline import DesignRequest, design, write_outputs
from tests.services import service_url

SPEC = """# Feature ID: 002_flag_owners

## Name: Flag owners

### Objective
Each feature flag can have owners: a team name and a contact e-mail.

## Database

### Database Type
- Type: MySQL

#### Tables/Collections Required
| Entity | Purpose | Key Fields |
|--------|---------|------------|
| flag_owner | a team that owns a flag | id, flag, team, contact_email |

#### Entity Relationships
```
[Flag] 1----* [FlagOwner]
```
"""


def _project(root: Path, collate: str) -> Path:
    migrations = root / "db" / "migrations"
    migrations.mkdir(parents=True)
    (migrations / "000001_flags.up.sql").write_text(
        f"CREATE TABLE flags (\n  namespace_key VARCHAR(255){collate} NOT NULL,\n"
        f"  `key` VARCHAR(255){collate} NOT NULL,\n  name VARCHAR(255) NOT NULL,\n"
        "  PRIMARY KEY (namespace_key, `key`)\n);\n"
    )
    (migrations / "000001_flags.down.sql").write_text("DROP TABLE flags;\n")
    spec = root / "002_flag_owners.md"
    spec.write_text(SPEC)
    return spec


@pytest.mark.parametrize(
    ("collate", "table_pinned", "column_collate"),
    [
        # no collation named: the database's default, which the new table takes by naming none either
        ("", False, ""),
        # a key a migration gave its own collation: the foreign key columns get it, the table keeps ours
        (" COLLATE utf8mb4_bin", True, "COLLATE utf8mb4_bin"),
    ],
)
def test_foreign_key_to_a_text_key_takes_its_collation(
    tmp_path: Path, collate: str, table_pinned: bool, column_collate: str
) -> None:
    service_url("SCHEMAWRIGHT_MYSQL_URL")  # verification runs on it
    spec = _project(tmp_path, collate)
    outcome = design(DesignRequest(spec_path=spec, root=tmp_path))
    result = outcome.result
    assert result.verification.status == "passed", result.verification
    up = next(f.content for f in result.files if f.role == "migration-up")
    assert "REFERENCES flags (namespace_key, `key`)" in up, up
    assert ("COLLATE utf8mb4_unicode_ci" in up) == table_pinned, up
    key_column = next(line for line in up.splitlines() if line.strip().startswith("flag_key "))
    assert column_collate in key_column, up
    if not table_pinned:
        assert any(
            "default character set and collation, as flags.namespace_key, flags.key" in a.text
            for a in result.assumptions
        )
    write_outputs(outcome, tmp_path)
    assert (tmp_path / "db" / "migrations" / "000002_002_flag_owners.up.sql").is_file()
