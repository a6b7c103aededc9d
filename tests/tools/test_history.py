"""Each plugin reads its tool's history the way the tool does. The reviewer had a discoverer of its own
(``review/discover.py``, with a Flyway grammar of its own); it now reads folders through these plugins,
and the tests marked *was* show where the two disagreed and which behaviour was kept."""

from __future__ import annotations

from pathlib import Path

from schemawright.safe_files import SafeReader
from schemawright.tools import REGISTRY
from schemawright.tools.sectioned import sections


def read(tool: str, folder: Path, files: dict[str, str]) -> list[tuple[str, str | None, str | None]]:
    """(label, up file, down file) of each migration the tool reads from ``files``, in version order."""
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    plugin = REGISTRY[tool]
    found = sorted(plugin.read_history(folder, SafeReader(folder.resolve())), key=lambda m: (m.key, m.name))

    def rel(path: Path | None) -> str | None:
        return path.relative_to(folder).as_posix() if path else None

    return [(plugin.label(m), rel(m.path), rel(m.down_path)) for m in found]


GOOSE = """-- +goose NO TRANSACTION
-- +goose Up

CREATE INDEX CONCURRENTLY idx_users_email ON users (email);

-- +goose Down
DROP INDEX CONCURRENTLY idx_users_email;
"""


def test_a_sectioned_file_keeps_the_line_where_each_section_starts() -> None:
    found = sections(GOOSE, "goose")
    assert found is not None
    assert (found.up, found.up_line) == ("CREATE INDEX CONCURRENTLY idx_users_email ON users (email);\n", 4)
    assert (found.down, found.down_line) == ("DROP INDEX CONCURRENTLY idx_users_email;\n", 7)
    assert found.no_transaction


def test_a_sectioned_file_without_a_down_marker_has_no_down() -> None:
    # was "\n" (an empty down) for design; the reviewer reports a missing down
    found = sections("-- migrate:up\nCREATE TABLE t (id INT);\n", "dbmate")
    assert found is not None and found.down is None


def test_dbmate_reads_transaction_false_as_dbmate_spells_it() -> None:
    # dbmate splits its options on spaces into key:value words, so "transaction: false" is no option and
    # the migration runs in a transaction. was: the reviewer took it (and any case) as an opt-out
    assert sections("-- migrate:up transaction:false\nSELECT 1;\n", "dbmate").no_transaction  # type: ignore[union-attr]
    assert not sections("-- migrate:up transaction: false\nSELECT 1;\n", "dbmate").no_transaction  # type: ignore[union-attr]


def test_goose_and_dbmate_names_may_hold_dots(tmp_path: Path) -> None:
    # goose and dbmate take the digits before the first "_" as the version and any name after it
    files = {"20240101000000_add.users.sql": "-- +goose Up\nSELECT 1;\n-- +goose Down\nSELECT 2;\n"}
    assert read("goose", tmp_path, files) == [
        ("20240101000000_add.users", "20240101000000_add.users.sql", None)
    ]


def test_flyway_pairs_an_undo_with_its_version_whatever_its_description(tmp_path: Path) -> None:
    # was: the reviewer paired V2__add_email with U2__add_email only, so this down was "missing"
    files = {
        "V1__users.sql": "CREATE TABLE users (id INT);",
        "V1_1__email.sql": "ALTER TABLE users ADD COLUMN email TEXT;",
        "U1.1__drop_email.sql": "ALTER TABLE users DROP COLUMN email;",
        "V2__add_age.sql": "ALTER TABLE users ADD COLUMN age INT;",
        "U2__remove_age.sql": "ALTER TABLE users DROP COLUMN age;",
    }
    assert read("flyway", tmp_path, files) == [
        ("V1__users", "V1__users.sql", None),
        ("V1_1__email", "V1_1__email.sql", "U1.1__drop_email.sql"),  # 1_1 and 1.1 are one version
        ("V2__add_age", "V2__add_age.sql", "U2__remove_age.sql"),
    ]


def test_flyway_reads_the_folders_below_and_only_versioned_migrations(tmp_path: Path) -> None:
    # Flyway scans a location recursively; a repeatable (R__) is not a versioned migration
    # (was: the reviewer read R__views first, before the tables it selects from)
    files = {
        "V1__users.sql": "CREATE TABLE users (id INT);",
        "2024/V2__orders.sql": "CREATE TABLE orders (id INT);",
        "R__views.sql": "CREATE OR REPLACE VIEW v AS SELECT id FROM users;",
    }
    assert [label for label, _, _ in read("flyway", tmp_path, files)] == ["V1__users", "V2__orders"]


def test_other_tools_read_their_folder_only(tmp_path: Path) -> None:
    # golang-migrate (like goose, dbmate and Atlas) reads one folder, not the folders below it
    # (was: the reviewer read every .sql file under the migrations folder)
    files = {
        "001_users.up.sql": "CREATE TABLE users (id INT);",
        "001_users.down.sql": "DROP TABLE users;",
        "archive/002_old.up.sql": "CREATE TABLE old (id INT);",
    }
    assert read("golang-migrate", tmp_path, files) == [
        ("001_users", "001_users.up.sql", "001_users.down.sql")
    ]


def test_a_prisma_down_sql_is_the_migrations_down(tmp_path: Path) -> None:
    # Prisma's documented rollback script, beside migration.sql (the reviewer read it; now design does too)
    files = {
        "20240101000000_tags/migration.sql": "CREATE TABLE tags (id INT);",
        "20240101000000_tags/down.sql": "DROP TABLE tags;",
        "20240102000000_posts/migration.sql": "CREATE TABLE posts (id INT);",
    }
    assert read("prisma", tmp_path, files) == [
        ("20240101000000_tags", "20240101000000_tags/migration.sql", "20240101000000_tags/down.sql"),
        ("20240102000000_posts", "20240102000000_posts/migration.sql", None),
    ]


def test_diesel_reads_a_folder_per_migration_and_its_transaction(tmp_path: Path) -> None:
    # was: the reviewer read up.sql and down.sql as two up migrations named "up" and "down"
    files = {
        "2019-01-01-000000_a/up.sql": "CREATE TABLE a (id INT);",
        "2019-01-01-000000_a/down.sql": "DROP TABLE a;",
        "2019-01-02-000000_b/up.sql": "CREATE INDEX CONCURRENTLY idx_a_id ON a (id);",
        "2019-01-02-000000_b/metadata.toml": "run_in_transaction = false\n",
    }
    assert read("diesel", tmp_path, files) == [
        ("2019-01-01-000000_a", "2019-01-01-000000_a/up.sql", "2019-01-01-000000_a/down.sql"),
        ("2019-01-02-000000_b", "2019-01-02-000000_b/up.sql", None),
    ]
    found = sorted(
        REGISTRY["diesel"].read_history(tmp_path, SafeReader(tmp_path.resolve())), key=lambda m: m.key
    )
    assert [(m.transactional, m.no_transaction) for m in found] == [(True, False), (False, True)]


def test_golang_migrate_pairs_a_down_with_its_version_whatever_its_name(tmp_path: Path) -> None:
    # golang-migrate keys both files by version; real histories name the down after what it undoes
    # (was: the down was "beside the migrations, in no file layout" and the migration had none)
    files = {
        "30_add_flags.up.sql": "ALTER TABLE users ADD COLUMN flags INT;",
        "30_drop_flags.down.sql": "ALTER TABLE users DROP COLUMN flags;",
        "031_add_age.up.sql": "ALTER TABLE users ADD COLUMN age INT;",
        "31_remove_age.down.sql": "ALTER TABLE users DROP COLUMN age;",
    }
    assert read("golang-migrate", tmp_path, files) == [
        ("30_add_flags", "30_add_flags.up.sql", "30_drop_flags.down.sql"),
        ("031_add_age", "031_add_age.up.sql", "31_remove_age.down.sql"),  # 031 and 31 are one version
    ]
