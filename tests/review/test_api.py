"""The public API and the command, on small projects built in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from schemawright.review import Severity, review_migration, review_project
from schemawright.review.command import review

USERS = """CREATE TABLE users (
    id UUID NOT NULL DEFAULT gen_random_uuid(),
    email TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_users PRIMARY KEY (id)
);
"""
ADD_AGE = "ALTER TABLE users ADD COLUMN age INT NOT NULL;"


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text)
    return folder


def test_same_migration_table_is_not_existing_but_earlier_one_is() -> None:
    same = review_migration(USERS + ADD_AGE, "DROP TABLE IF EXISTS users;", dialect="postgresql")
    assert "SW601" not in same.codes()
    later = review_migration(
        ADD_AGE, "ALTER TABLE users DROP COLUMN age;", dialect="postgresql", prior_sql=[USERS]
    )
    assert "SW601" in later.codes()
    [finding] = [f for f in later.findings if f.code == "SW601"]
    assert (finding.location.table, finding.location.column, finding.location.line) == ("users", "age", 1)
    assert "SET NOT NULL" in finding.fix


def test_suppression_comment_before_and_on_the_same_line() -> None:
    before = "-- schemawright:ignore SW601 table is empty in every environment\n" + ADD_AGE
    same_line = ADD_AGE + "  -- schemawright:ignore SW601 empty table"
    for up in (before, same_line):
        report = review_migration(
            up, "ALTER TABLE users DROP COLUMN age;", dialect="postgresql", prior_sql=[USERS]
        )
        assert "SW601" not in report.codes() and report.suppressed == 1


def test_ignore_file_and_other_codes_still_reported() -> None:
    up = (
        "-- schemawright:ignore-file SW614 reruns are handled by the tool\n"
        "CREATE INDEX idx_users_email ON users (email);"
    )
    report = review_migration(
        up, "DROP INDEX IF EXISTS idx_users_email;", dialect="postgresql", prior_sql=[USERS]
    )
    assert "SW614" not in report.codes()
    assert "SW606" in report.codes()


def test_project_discovery_formats_and_missing_down(tmp_path: Path) -> None:
    write(
        tmp_path / "backend" / "migrations",
        {
            "001_users.up.sql": USERS,
            "001_users.down.sql": "DROP TABLE IF EXISTS users;",
            "002_age.up.sql": ADD_AGE,
        },
    )
    report = review_project(tmp_path)
    assert report.migrations == ["001_users", "002_age"]
    assert {"SW601", "SW612"} <= report.codes()
    assert all(f.location.file.startswith("backend/migrations/") for f in report.findings)


def test_goose_and_flyway_files(tmp_path: Path) -> None:
    write(
        tmp_path / "db",
        {
            "V1__users.sql": USERS,
            "U1__users.sql": "DROP TABLE IF EXISTS users;",
            "V2__age.sql": ADD_AGE,
            "20240101_idx.sql": "-- +goose Up\nCREATE INDEX idx_users_email ON users (email);\n"
            "-- +goose Down\nDROP INDEX idx_users_email;\n",
        },
    )
    report = review_project(tmp_path, migrations_dir=Path("db"))
    assert report.migrations == ["V1__users", "V2__age", "20240101_idx"]
    assert {"SW601", "SW606", "SW612"} <= report.codes()


def test_feature_id_focuses_on_its_migrations(tmp_path: Path) -> None:
    write(
        tmp_path / "backend" / "migrations",
        {
            "001_users.up.sql": "CREATE TABLE users (name TEXT);",
            "001_users.down.sql": "DROP TABLE users;",
            "002_orders.up.sql": ADD_AGE.replace("age", "score"),
            "002_orders.down.sql": "ALTER TABLE users DROP COLUMN score;",
        },
    )
    report = review_project(tmp_path, feature_id="002_orders")
    assert report.migrations == ["002_orders"]
    assert "SW601" in report.codes() and report.feature_id == "002_orders"


def test_pyproject_overrides_severity_and_disables(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.schemawright.review]\nseverity = {SW601 = "warning"}\n'
            'disable = ["SW612"]\n'
        },
    )
    write(tmp_path / "backend" / "migrations", {"002_age.up.sql": ADD_AGE})
    report = review_project(tmp_path)
    assert "SW612" not in report.codes()
    assert [f.severity for f in report.findings if f.code == "SW601"] == [Severity.WARNING]


def test_generated_style_migration_has_no_error() -> None:
    up = (
        USERS
        + """CREATE UNIQUE INDEX uq_users_email ON users (lower(email));
CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.updated_at = now(); RETURN NEW; END;
$$;
CREATE TRIGGER trg_users_updated_at BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION set_updated_at();
"""
    )
    down = (
        "DROP TRIGGER IF EXISTS trg_users_updated_at ON users;\nDROP FUNCTION IF EXISTS set_updated_at();\n"
        "DROP TABLE IF EXISTS users;"
    )
    assert review_migration(up, down, dialect="postgresql").at_or_above(Severity.ERROR) == []
    forgot_function = review_migration(up, "DROP TABLE IF EXISTS users;", dialect="postgresql")
    assert "SW613" in forgot_function.codes()


def run(*args: str) -> tuple[int, str]:
    app = typer.Typer()
    app.command("review")(review)
    app.command("noop")(lambda: None)  # keeps "review" a subcommand, as in the real CLI
    result = CliRunner().invoke(app, ["review", *args])
    return result.exit_code, result.output


def test_command_exit_codes(tmp_path: Path) -> None:
    write(
        tmp_path / "backend" / "migrations",
        {"001_users.up.sql": USERS, "001_users.down.sql": "DROP TABLE IF EXISTS users;"},
    )
    assert run("--root", str(tmp_path))[0] == 0
    write(tmp_path / "backend" / "migrations", {"001_users.up.sql": USERS.replace("    updated_at", "--")})
    assert run("--root", str(tmp_path), "--fail-on", "info")[0] == 1  # SW107 (no updated_at) is info
    assert run("--root", str(tmp_path), "--format", "yaml")[0] == 2
    assert run("--root", str(tmp_path / "nowhere"))[0] == 2
    assert run("--root", str(tmp_path), "--format", "markdown")[0] == 2  # needs --id
    code, output = run("--root", str(tmp_path), "--format", "markdown", "--id", "001_users")
    assert code == 0 and (tmp_path / "ai" / "reviews" / "001_users_migrations.md").is_file()
    write(tmp_path / "backend" / "migrations", {"002_age.up.sql": ADD_AGE})
    code, output = run("--root", str(tmp_path), "--format", "json")
    assert code == 1 and '"SW601"' in output


def test_a_postgresql_escape_string_is_reviewed_without_a_warning_from_sqlglot(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    # rules rendered parts of a statement in sqlglot's default dialect, which logged "Byte strings are not
    # supported for Dialect" on stderr for every E'' string in a DEFAULT, a CHECK or a WHERE
    nick = (
        "ALTER TABLE users ADD COLUMN nick TEXT DEFAULT E'it\\'s' CHECK (nick <> E'\\t');\n"
        "UPDATE users SET nick = NULL WHERE email = E'it\\'s';\n"
    )
    write(
        tmp_path / "migrations",
        {
            "001_users.up.sql": USERS,
            "001_users.down.sql": "DROP TABLE users;\n",
            "002_nick.up.sql": nick,
            "002_nick.down.sql": "ALTER TABLE users DROP COLUMN nick;\n",
        },
    )
    report = review_project(tmp_path, migrations_dir=Path("migrations"), engine=None)
    [batch] = [f for f in report.findings if f.code == "SW611"]
    assert "(SELECT id FROM users WHERE email = e'it''s' LIMIT 1000)" in batch.fix  # PostgreSQL's string
    assert "not supported" not in caplog.text
    assert "not supported" not in capsys.readouterr().err
