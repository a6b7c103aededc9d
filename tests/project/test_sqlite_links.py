"""A link from an existing SQLite table to a new one, designed through the CLI on a project folder as a
user runs it: SQLite has no ``ALTER TABLE … ADD CONSTRAINT``, so the foreign key is the new column's own
``REFERENCES`` clause, and the migration goes up → down → up on a database that already holds rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from schemawright.cli import app

INIT_UP = """PRAGMA foreign_keys = ON;
CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    email TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
) STRICT;
INSERT INTO users (id, email) VALUES ('u1', 'a@example.com'), ('u2', 'b@example.com');
"""
SPEC = """# Teams

## Requirements
- Users can be grouped into teams. A team has a name (up to 100 characters) and a description.
- Each user belongs to at most one team; a team has many users.

## Data
- Type: SQLite
"""


def _project(root: Path) -> Path:
    migrations = root / "backend" / "migrations"
    migrations.mkdir(parents=True)
    (migrations / "20240101000000_init.up.sql").write_text(INIT_UP)
    (migrations / "20240101000000_init.down.sql").write_text("DROP TABLE users;\n")
    spec = root / "ai" / "features" / "002_teams.md"
    spec.parent.mkdir(parents=True)
    spec.write_text(SPEC)
    return spec


def _schema(db: sqlite3.Connection) -> list[tuple[str, str]]:
    return db.execute(
        "SELECT name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()


def test_design_links_an_existing_sqlite_table_with_rows_up_down_up(tmp_path: Path) -> None:
    spec = _project(tmp_path)
    result = CliRunner().invoke(app, ["design", str(spec), "--root", str(tmp_path), "--db", "sqlite"])
    assert result.exit_code == 0, result.stderr
    assert "verification of the sqlite design: passed" in result.stderr
    migrations = tmp_path / "backend" / "migrations"
    [up_file] = [p for p in migrations.glob("*_002_teams.up.sql")]
    up, down = up_file.read_text(), up_file.with_name(up_file.name.replace(".up.", ".down.")).read_text()
    assert "ADD CONSTRAINT" not in up
    assert (
        "ALTER TABLE users ADD COLUMN team_id TEXT CONSTRAINT fk_users_teams REFERENCES teams (id) "
        "ON DELETE SET NULL;"
    ) in up
    assert "ALTER TABLE users DROP COLUMN team_id;" in down

    db = sqlite3.connect(tmp_path / "app.db", isolation_level=None)
    db.execute("PRAGMA foreign_keys = ON")
    db.executescript(INIT_UP)
    before = _schema(db)
    db.executescript(up)
    after_up = _schema(db)
    rows = db.execute("SELECT id, email, team_id FROM users ORDER BY id").fetchall()
    assert rows == [("u1", "a@example.com", None), ("u2", "b@example.com", None)]  # kept, no team yet
    db.execute("INSERT INTO teams (id, name, description) VALUES ('t1', 'Core', 'the core team')")
    db.execute("UPDATE users SET team_id = 't1' WHERE id = 'u1'")
    try:
        db.execute("UPDATE users SET team_id = 'missing' WHERE id = 'u2'")
        raise AssertionError("the foreign key was not enforced")
    except sqlite3.IntegrityError as exc:
        assert "FOREIGN KEY" in str(exc)
    assert db.execute("PRAGMA foreign_key_list(users)").fetchall()[0][2:7] == (
        "teams",
        "team_id",
        "id",
        "NO ACTION",
        "SET NULL",
    )
    db.execute("DELETE FROM teams")  # ON DELETE SET NULL
    assert db.execute("SELECT team_id FROM users WHERE id = 'u1'").fetchone() == (None,)

    db.executescript(down)
    assert _schema(db) == before
    assert db.execute("SELECT id, email FROM users ORDER BY id").fetchall() == [
        ("u1", "a@example.com"),
        ("u2", "b@example.com"),
    ]
    db.executescript(up)
    assert _schema(db) == after_up
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
