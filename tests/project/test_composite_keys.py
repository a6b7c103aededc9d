"""A foreign key to an existing table with a composite primary key references the whole key (one column
per key column), and a table with no primary key gets no foreign key — said under Assumptions — never a
single-column foreign key that does not match a key."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemawright.pipeline import DesignRequest, design

SPECS = Path(__file__).parent / "specs"


def _project(root: Path, users: str) -> None:
    d = root / "db" / "migrations"
    d.mkdir(parents=True)
    (d / "000001_users.up.sql").write_text(users, encoding="utf-8")
    (d / "000001_users.down.sql").write_text("DROP TABLE users;\n", encoding="utf-8")


def test_fk_to_a_composite_key_references_all_its_columns(tmp_path: Path, pg_url: str) -> None:
    _project(
        tmp_path,
        "CREATE TABLE users (\n  tenant_id BIGINT NOT NULL,\n  id BIGINT NOT NULL,\n  email TEXT NOT NULL,\n"
        "  PRIMARY KEY (tenant_id, id)\n);\n",
    )
    result = design(
        DesignRequest(spec_path=SPECS / "002_notes.md", root=tmp_path, postgres_url=pg_url)
    ).result
    assert result.verification.status == "passed", result.verification  # sample rows went through it too
    design_ = result.stores[0]
    notes = design_.table("notes")
    assert notes is not None
    fk = next(fk for fk in notes.foreign_keys if fk.ref_table == "users")
    assert fk.ref_columns == ["tenant_id", "id"] and fk.columns == ["user_tenant_id", "user_id"]
    assert all(
        c.logical.name == "bigint" for c in (notes.column("user_tenant_id"), notes.column("user_id")) if c
    )
    up = next(f.content for f in result.files if f.role == "migration-up")
    assert "REFERENCES users (tenant_id, id)" in up
    assert any("composite primary key (tenant_id, id)" in a.text for a in result.assumptions)


def test_no_primary_key_means_no_foreign_key_and_an_assumption(tmp_path: Path, pg_url: str) -> None:
    _project(tmp_path, "CREATE TABLE users (id BIGINT NOT NULL, email TEXT NOT NULL);\n")
    result = design(
        DesignRequest(spec_path=SPECS / "002_notes.md", root=tmp_path, postgres_url=pg_url)
    ).result
    assert result.verification.status == "passed", result.verification
    notes = result.stores[0].table("notes")
    assert notes is not None and not any(fk.ref_table == "users" for fk in notes.foreign_keys)
    assert any("has no primary key to reference" in a.text for a in result.assumptions)


def test_fk_columns_take_the_key_types_an_enum_included(tmp_path: Path, pg_url: str) -> None:
    # a key column of an enum type: the foreign key column must be of that enum (was VARCHAR(n), and the
    # engine refused the foreign key, "cannot be implemented")
    _project(
        tmp_path,
        "CREATE TYPE user_kind AS ENUM ('person', 'robot');\n"
        "CREATE TABLE users (\n  kind user_kind NOT NULL,\n  id BIGINT NOT NULL,\n  email TEXT NOT NULL,\n"
        "  PRIMARY KEY (kind, id)\n);\n",
    )
    result = design(
        DesignRequest(spec_path=SPECS / "002_notes.md", root=tmp_path, postgres_url=pg_url)
    ).result
    assert result.verification.status == "passed", result.verification
    up = next(f.content for f in result.files if f.role == "migration-up")
    assert "user_kind user_kind NOT NULL" in up and "REFERENCES users (kind, id)" in up, up


@pytest.mark.parametrize(
    ("key", "column"),
    [
        ("handle", "user_handle"),  # flipt: namespaces.key → namespace_key (was namespace_id)
        ("user_id", "user_id"),  # the key already says whose it is
        ("id", "user_id"),
    ],
)
def test_a_single_key_by_another_name_names_the_foreign_key_column(
    tmp_path: Path, pg_url: str, key: str, column: str
) -> None:
    _project(tmp_path, f"CREATE TABLE users (\n  {key} TEXT PRIMARY KEY,\n  email TEXT NOT NULL\n);\n")
    result = design(
        DesignRequest(spec_path=SPECS / "002_notes.md", root=tmp_path, postgres_url=pg_url)
    ).result
    assert result.verification.status == "passed", result.verification
    notes = result.stores[0].table("notes")
    assert notes is not None
    fk = next(fk for fk in notes.foreign_keys if fk.ref_table == "users")
    assert (fk.columns, fk.ref_columns) == ([column], [key])


FLIPT_LIKE = (  # flipt: a flag's key includes its namespace, itself a key to namespaces
    "CREATE TABLE namespaces (key VARCHAR(255) PRIMARY KEY, name TEXT NOT NULL);\n"
    "CREATE TABLE flags (\n  namespace_key VARCHAR(255) NOT NULL REFERENCES namespaces (key),\n"
    "  key VARCHAR(255) NOT NULL,\n  name TEXT NOT NULL,\n  PRIMARY KEY (namespace_key, key)\n);\n"
)
OWNERS = """# Feature ID: 002_flag_owners

## Name: Flag owners

### Objective
Each feature flag can have owners: a team name and a contact e-mail.

## Database

### Database Type
- Type: PostgreSQL

#### Tables/Collections Required
| Entity | Purpose | Key Fields |
|--------|---------|------------|
| flag_owner | a team that owns a flag | id, flag, team, contact_email |

#### Entity Relationships
```
[Flag] 1----* [FlagOwner]
{namespace}```
"""


@pytest.mark.parametrize(
    ("namespace", "columns"),
    [
        # flipt v1.61.1: was namespace_key → namespaces and flag_namespace_key, flag_key → flags, two copies
        # of the namespace that could disagree
        ("[Namespace] 1----* [FlagOwner]\n", {"fk_flag_owners_flags": ["namespace_key", "flag_key"]}),
        ("", {"fk_flag_owners_flags": ["flag_namespace_key", "flag_key"]}),  # no key to namespaces: both
    ],
)
def test_a_scope_two_foreign_keys_share_is_one_column(
    tmp_path: Path, pg_url: str, namespace: str, columns: dict[str, list[str]]
) -> None:
    d = tmp_path / "db" / "migrations"
    d.mkdir(parents=True)
    (d / "000001_flags.up.sql").write_text(FLIPT_LIKE)
    (d / "000001_flags.down.sql").write_text("DROP TABLE flags;\nDROP TABLE namespaces;\n")
    spec = tmp_path / "002_flag_owners.md"
    spec.write_text(OWNERS.format(namespace=namespace))
    result = design(DesignRequest(spec_path=spec, root=tmp_path, postgres_url=pg_url)).result
    assert result.verification.status == "passed", result.verification
    owners = result.stores[0].table("flag_owners")
    assert owners is not None
    found = {fk.name: fk.columns for fk in owners.foreign_keys}
    assert {k: found[k] for k in columns} == columns, found
    if namespace:
        assert found["fk_flag_owners_namespaces"] == ["namespace_key"]
        assert [c.name for c in owners.columns].count("namespace_key") == 1
        assert "flag_namespace_key" not in [c.name for c in owners.columns]
