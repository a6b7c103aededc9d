"""The reviewer reads a folder's migrations through the migration tools' plugins (``review/chain.py``):
what each tool would run, paired and ordered as the tool does, in the transaction the tool gives it."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemawright.review.chain import read_chain
from schemawright.review.engine import review_project

TABLE = (
    "CREATE TABLE {0} (\n    id BIGINT PRIMARY KEY,\n    created_at TIMESTAMPTZ NOT NULL DEFAULT now()\n);\n"
)


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_a_diesel_history_is_one_migration_per_folder(tmp_path: Path) -> None:
    # the real-history case 02_diesel_layout: was four up migrations named "up" and "down" (a down.sql read
    # as an up: false SW603, SW612 and SW618)
    write(
        tmp_path,
        {
            "migrations/2019-01-01-000000_a/up.sql": TABLE.format("a"),
            "migrations/2019-01-01-000000_a/down.sql": "DROP TABLE a;\n",
            "migrations/2019-01-02-000000_b/up.sql": TABLE.format("b"),
            "migrations/2019-01-02-000000_b/down.sql": "DROP TABLE b;\n",
        },
    )
    report = review_project(tmp_path, migrations_dir=Path("migrations"), engine=None)
    assert report.migrations == ["2019-01-01-000000_a", "2019-01-02-000000_b"]
    assert not {"SW603", "SW612", "SW618"} & report.codes()


def test_diesel_runs_each_migration_in_a_transaction_unless_its_metadata_says_not(tmp_path: Path) -> None:
    index = "CREATE INDEX CONCURRENTLY idx_a_created_at ON a (created_at);\n"
    write(
        tmp_path,
        {
            "migrations/2019-01-01-000000_a/up.sql": TABLE.format("a"),
            "migrations/2019-01-01-000000_a/down.sql": "DROP TABLE a;\n",
            "migrations/2019-01-02-000000_idx/up.sql": index,
            "migrations/2019-01-02-000000_idx/down.sql": "DROP INDEX CONCURRENTLY idx_a_created_at;\n",
        },
    )
    folder = Path("migrations")
    [in_transaction] = [
        f for f in review_project(tmp_path, migrations_dir=folder, engine=None).findings if f.code == "SW616"
    ]  # fails in Diesel, and the fix says how Diesel is told not to open its transaction
    assert "`run_in_transaction = false` in metadata.toml beside up.sql (Diesel)" in in_transaction.fix
    write(tmp_path, {"migrations/2019-01-02-000000_idx/metadata.toml": "run_in_transaction = false\n"})
    assert "SW616" not in review_project(tmp_path, migrations_dir=folder, engine=None).codes()


def test_a_flyway_undo_with_another_description_is_the_down(tmp_path: Path) -> None:
    # was SW612: the reviewer paired V2__add_age only with U2__add_age
    write(
        tmp_path,
        {
            "db/migration/V1__users.sql": TABLE.format("users"),
            "db/migration/U1__users.sql": "DROP TABLE users;\n",
            "db/migration/V2__add_age.sql": "ALTER TABLE users ADD COLUMN age INT;\n",
            "db/migration/U2__remove_age.sql": "ALTER TABLE users DROP COLUMN age;\n",
        },
    )
    report = review_project(tmp_path, engine=None)
    assert report.migrations == ["V1__users", "V2__add_age"]
    assert "SW612" not in report.codes()


def test_files_no_tool_would_run_are_named_not_reviewed(tmp_path: Path) -> None:
    # was: reviewed as up migrations, seed.sql first of all (its name sorted before the versions), and the
    # folders below read although golang-migrate reads one folder
    folder = write(
        tmp_path / "backend" / "migrations",
        {
            "001_users.up.sql": TABLE.format("users"),
            "001_users.down.sql": "DROP TABLE users;\n",
            "seed.sql": "INSERT INTO users (id) VALUES (1);\n",
            "archive/000_old.up.sql": TABLE.format("old"),
        },
    )
    migrations, notes = read_chain(folder, relative_to=tmp_path)
    assert [m.name for m in migrations] == ["001_users"]
    assert notes == [
        "not reviewed: backend/migrations/archive/000_old.up.sql, backend/migrations/seed.sql (beside the "
        "migrations, in no file layout schemawright reads for a migration tool)"
    ]


def test_a_folder_in_no_tools_layout_is_reviewed_as_plain_sql(tmp_path: Path) -> None:
    # e.g. Supabase's supabase/migrations/{timestamp}_{name}.sql: each file an up, in version order
    folder = write(
        tmp_path / "supabase" / "migrations",
        {"10_b.sql": "ALTER TABLE a ADD COLUMN n INT;\n", "9_a.sql": TABLE.format("a")},
    )
    migrations, notes = read_chain(folder, relative_to=tmp_path)
    assert [(m.name, m.up.path, m.down) for m in migrations] == [
        ("9_a", "supabase/migrations/9_a.sql", None),
        ("10_b", "supabase/migrations/10_b.sql", None),
    ]
    assert notes == []


def test_up_and_down_files_without_a_version_are_one_migration_each_in_name_order(tmp_path: Path) -> None:
    # no tool reads {name}.up.sql without a version (golang-migrate wants one): was each file an up, so
    # users.down.sql was reviewed as a migration dropping the table the next one alters
    folder = write(
        tmp_path / "migrations",
        {
            "users.up.sql": TABLE.format("users"),
            "users.down.sql": "DROP TABLE users;\n",
            "add_orders.up.sql": TABLE.format("orders"),
            "add_orders.down.sql": "DROP TABLE orders;\n",
            "old.down.sql": "DROP TABLE old;\n",
        },
    )
    migrations, notes = read_chain(folder, relative_to=tmp_path)
    assert [(m.name, m.up.path, m.down and m.down.path) for m in migrations] == [
        ("add_orders", "migrations/add_orders.up.sql", "migrations/add_orders.down.sql"),
        ("users", "migrations/users.up.sql", "migrations/users.down.sql"),
    ]
    assert notes == ["not reviewed: migrations/old.down.sql (a down migration with no up beside it)"]


def test_every_tools_migrations_in_one_folder_are_reviewed_in_version_order(tmp_path: Path) -> None:
    folder = write(
        tmp_path / "db",
        {
            "V1__users.sql": TABLE.format("users"),
            "20240101_idx.sql": "-- +goose Up\nCREATE INDEX idx_users_created_at ON users (created_at);\n"
            "-- +goose Down\nDROP INDEX idx_users_created_at;\n",
        },
    )
    migrations, _ = read_chain(folder, relative_to=tmp_path)
    assert [(m.name, m.up.first_line, m.implicit_transaction) for m in migrations] == [
        ("V1__users", 1, False),
        ("20240101_idx", 2, True),  # goose's section starts on line 2, in goose's transaction
    ]


def test_a_migration_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "backend" / "migrations"
    folder.mkdir(parents=True)
    (folder / "001_users.up.sql").write_bytes(b"CREATE TABLE caf\xe9 (id INT);\n")
    with pytest.raises(ValueError, match=r"001_users.up.sql: not UTF-8 text"):
        read_chain(folder, relative_to=tmp_path)
