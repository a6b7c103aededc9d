"""Replaying existing migrations on a real engine, reflecting them and learning their conventions."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemawright.project.detect import detect
from schemawright.project.errors import ProjectError
from schemawright.project.load import load_project

CORE = """
CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.updated_at = now(); RETURN NEW; END; $$;
CREATE TABLE account (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    email TEXT NOT NULL UNIQUE,
    inserted_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    deleted_at TIMESTAMPTZ
);
CREATE TRIGGER trg_account_updated_at BEFORE UPDATE ON account FOR EACH ROW EXECUTE FUNCTION set_updated_at();
"""


def _project(root: Path, *scripts: str) -> None:
    d = root / "migrations"
    d.mkdir(parents=True)
    for i, sql in enumerate(scripts, 1):
        (d / f"{i:06d}_step{i}.up.sql").write_text(sql, encoding="utf-8")


def test_reflects_tables_functions_and_learns_conventions(tmp_path: Path, pg_url: str) -> None:
    _project(
        tmp_path,
        CORE,
        "CREATE TABLE session (id UUID PRIMARY KEY, account_id UUID NOT NULL "
        "REFERENCES account (id) ON DELETE CASCADE);\nCREATE INDEX ix_s ON session (account_id);",
    )
    project = load_project(detect(tmp_path), "postgresql", url=pg_url)
    schema = project.schema
    assert [t.name for t in schema.tables] == ["account", "session"]
    account = schema.table("account")
    assert account is not None and account.existing and account.primary_key == ["id"]
    id_col = account.column("id")
    assert id_col is not None and id_col.logical.name == "uuid" and id_col.default_kind == "uuid"
    assert [u.columns for u in account.unique] == [["email"]]
    session = schema.table("session")
    assert session is not None and session.foreign_keys[0].ref_table == "account"
    assert session.foreign_keys[0].on_delete == "CASCADE" and session.indexes[0].name == "ix_s"
    assert "set_updated_at" in schema.functions
    conv = schema.conventions
    assert (conv.key_type, conv.plural_tables, conv.created_at, conv.deleted_at) == (
        "uuid",
        False,
        "inserted_at",
        "deleted_at",
    )
    assert conv.updated_at_trigger
    assert any("singular" in s for s in conv.learned) and any("set_updated_at" in s for s in conv.learned)
    assert len(project.prior_sql) == 2


def test_bigint_identity_keys_are_learned(tmp_path: Path, pg_url: str) -> None:
    _project(
        tmp_path,
        "CREATE TABLE users (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
        "created_at TIMESTAMPTZ NOT NULL DEFAULT now());",
    )
    schema = load_project(detect(tmp_path), "postgresql", url=pg_url).schema
    users = schema.table("users")
    assert users is not None and users.columns[0].default_kind == "identity"
    assert schema.conventions.key_type == "bigint" and schema.conventions.plural_tables


def test_unreadable_migration_names_file_line_and_statement(tmp_path: Path, pg_url: str) -> None:
    _project(
        tmp_path, "CREATE TABLE a (id int PRIMARY KEY);", "CREATE TABLE b (id int);\nCREATE TABEL c (id int);"
    )
    with pytest.raises(ProjectError, match=r"000002_step2\.up\.sql: line 2: .*syntax error.*CREATE TABEL c"):
        load_project(detect(tmp_path), "postgresql", url=pg_url)


def test_sqlite_projects_replay_on_sqlite(tmp_path: Path) -> None:
    _project(tmp_path, "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);")
    schema = load_project(detect(tmp_path), "sqlite").schema
    assert [t.name for t in schema.tables] == ["users"]


LEMMY_LIKE = (  # lemmy (Diesel): serial keys, a creation stamp named published, updated set by the app
    "CREATE TABLE person (id serial PRIMARY KEY, name TEXT NOT NULL, "
    "published TIMESTAMPTZ NOT NULL DEFAULT now(), updated TIMESTAMPTZ);\n"
    "CREATE TABLE community (id serial PRIMARY KEY, name TEXT NOT NULL, "
    "published TIMESTAMPTZ NOT NULL DEFAULT now(), updated TIMESTAMPTZ);\n"
    "CREATE TABLE post (id serial PRIMARY KEY, name TEXT NOT NULL, published TIMESTAMPTZ NOT NULL "
    "DEFAULT now(), updated TIMESTAMPTZ, community_id INT NOT NULL REFERENCES community (id));"
)


def test_integer_keys_and_a_published_creation_stamp_are_learned_as_they_are(
    tmp_path: Path, pg_url: str
) -> None:
    # lemmy: "Keys are BIGINT identity columns, like the project's existing tables" was said of serial
    # (INTEGER) keys, and the creation column was created_at beside the project's updated
    _project(tmp_path, LEMMY_LIKE)
    conv = load_project(detect(tmp_path), "postgresql", url=pg_url).schema.conventions
    assert (conv.key_type, conv.created_at, conv.updated_at) == ("bigint", "published", "updated")
    assert not any("Keys are BIGINT identity columns, like" in s for s in conv.learned), conv.learned
    assert any(s.startswith("The project's keys are INTEGER") for s in conv.learned), conv.learned
    assert "The created timestamp column is named published, as in the project." in conv.learned


def test_a_published_flag_or_date_is_no_creation_stamp(tmp_path: Path, pg_url: str) -> None:
    _project(
        tmp_path,
        "CREATE TABLE articles (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, published BOOLEAN);\n"
        "CREATE TABLE books (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, published TIMESTAMPTZ);",
    )
    conv = load_project(detect(tmp_path), "postgresql", url=pg_url).schema.conventions
    assert conv.created_at == "created_at"
