"""goose runs each migration in a transaction of its own (unless ``-- +goose NO TRANSACTION``) and sends a
``StatementBegin``/``StatementEnd`` block as one statement; the replay and the verification do the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemawright.pipeline import DesignError, DesignRequest, design
from schemawright.project.detect import Migration, detect, split_sections
from schemawright.project.load import load_project
from schemawright.project.transactions import runnable
from schemawright.review.engine import review_project
from schemawright.review.replay import EngineChoice
from schemawright.verify.splitter import split_statements

SPECS = Path(__file__).parent / "specs"
FILES = {
    "001_users.sql": """-- +goose Up
CREATE TABLE users (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email TEXT NOT NULL);

-- +goose Down
DROP TABLE users;
""",
    # LOCK TABLE only works inside a transaction block: goose gives it one.
    "002_lock.sql": """-- +goose Up
LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE;
ALTER TABLE users ADD COLUMN nickname TEXT;

-- +goose Down
ALTER TABLE users DROP COLUMN nickname;
""",
    "003_index.sql": """-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);

-- +goose Down
DROP INDEX CONCURRENTLY users_email_idx;
""",
    "004_function.sql": """-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION touch() RETURNS trigger AS $$
BEGIN
    NEW.email := lower(NEW.email);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION touch();
""",
}


def _goose_project(root: Path) -> Path:
    d = root / "db" / "migrations"
    d.mkdir(parents=True)
    for name, text in FILES.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def test_each_goose_file_replays_in_its_own_transaction(tmp_path: Path, pg_url: str) -> None:
    _goose_project(tmp_path)
    found = detect(tmp_path)
    assert found.format == "goose"
    assert [m.transactional for m in found.migrations] == [True, True, False, True]
    project = load_project(found, "postgresql", url=pg_url)
    users = project.schema.table("users")
    assert users is not None and users.column("nickname") is not None  # the LOCK TABLE file ran
    assert "users_email_idx" in {ix.name for ix in users.indexes}  # CONCURRENTLY, outside a transaction
    assert "touch" in project.schema.functions
    first, _, index, _ = project.prior_sql
    assert first.startswith("BEGIN; ") and first.endswith("COMMIT;\n")
    assert "BEGIN" not in index and "COMMIT" not in index


def test_feature_verifies_after_the_goose_chain(tmp_path: Path, pg_url: str) -> None:
    d = _goose_project(tmp_path)
    result = design(
        DesignRequest(spec_path=SPECS / "002_notes.md", root=tmp_path, postgres_url=pg_url)
    ).result
    assert result.verification.status == "passed", result.verification
    up = next(f.content for f in result.files if f.path.startswith(str(d.relative_to(tmp_path))))
    assert "CREATE TABLE users" not in up and "REFERENCES users (id)" in up


def test_a_mysql_routine_block_is_one_statement() -> None:
    text = """-- +goose Up
CREATE TABLE a (id INT PRIMARY KEY, n INT);
-- +goose StatementBegin
CREATE TRIGGER a_n BEFORE INSERT ON a FOR EACH ROW
BEGIN
    IF NEW.n IS NULL THEN SET NEW.n = 0; END IF;
    SET NEW.n = NEW.n + 1;
END;
-- +goose StatementEnd
SELECT 1;
"""
    path = Path("1_a.sql")  # not written: only the migration's text matters here
    up, down = split_sections(text, path, "goose")
    migration = Migration(version="1", name="a", path=path, up=up, down=down, transactional=True)
    statements = [s.text for s in split_statements(runnable(migration, "mysql"), "mysql")]
    assert statements[0] == "START TRANSACTION" and statements[-1] == "COMMIT"
    trigger = next(s for s in statements if s.startswith("CREATE TRIGGER"))
    assert trigger.endswith("END") and "SET NEW.n = NEW.n + 1;" in trigger
    assert "SELECT 1" in statements


def test_dbmate_files_run_in_a_transaction_unless_marked(tmp_path: Path) -> None:
    d = tmp_path / "db" / "migrations"
    d.mkdir(parents=True)
    (d / "20260101000000_a.sql").write_text("-- migrate:up\nSELECT 1;\n-- migrate:down\n", encoding="utf-8")
    (d / "20260101000001_b.sql").write_text(
        "-- migrate:up transaction:false\nSELECT 2;\n-- migrate:down transaction:false\n", encoding="utf-8"
    )
    found = detect(tmp_path)
    assert found.format == "dbmate" and [m.transactional for m in found.migrations] == [True, False]


def test_goose_transactions_replay_on_sqlite_too(tmp_path: Path) -> None:
    d = tmp_path / "db" / "migrations"
    d.mkdir(parents=True)
    (d / "001_a.sql").write_text(
        "-- +goose Up\nCREATE TABLE a (id INTEGER PRIMARY KEY);\nINSERT INTO a (id) VALUES (1);\n"
        "-- +goose Down\nDROP TABLE a;\n",
        encoding="utf-8",
    )
    (d / "002_b.sql").write_text(
        "-- +goose NO TRANSACTION\n-- +goose Up\nCREATE TABLE b (id INTEGER PRIMARY KEY);\n"
        "-- +goose Down\nDROP TABLE b;\n",
        encoding="utf-8",
    )
    project = load_project(detect(tmp_path), "sqlite")
    assert {t.name for t in project.schema.tables} == {"a", "b"}


def test_a_replay_failing_after_goose_go_migrations_names_them(tmp_path: Path, pg_url: str) -> None:
    # goose also runs Go migrations ({version}_{name}.go); schemawright cannot, so a later SQL migration
    # that uses what one created fails: the error says why (was: only "relation … does not exist")
    d = _goose_project(tmp_path)
    (d / "005_backfill.go").write_text("package migrations\n")
    (d / "005_backfill_test.go").write_text("package migrations\n")  # a test file is no migration
    (d / "006_uses.sql").write_text("-- +goose Up\nALTER TABLE made_in_go ADD COLUMN n INT;\n")
    request = DesignRequest(spec_path=SPECS / "002_notes.md", root=tmp_path, postgres_url=pg_url)
    with pytest.raises(
        DesignError, match=r"1 goose Go migration\(s\) before it \(the last: 005_backfill\.go\)"
    ):
        design(request)
    notes = review_project(tmp_path, migrations_dir=d, engine=EngineChoice(url=pg_url)).notes
    assert any("1 goose Go migration(s) (db/migrations/005_backfill.go)" in n for n in notes), notes
