"""The decision document says what a feature adds to the project's existing tables: a table that gains a
column, an index or a foreign key is listed as changed, with what it gains; only a table the feature merely
refers to is "referenced, not changed"."""

from __future__ import annotations

from pathlib import Path

from schemawright.pipeline import DesignRequest, design, write_outputs
from tests.corpus_paths import EXAMPLES
from tests.services import POSTGRES, service_url

SPECS = Path(__file__).parents[1] / "project" / "specs"
ADDED = "  - users: adds column team_id, index idx_users_team_id, foreign key fk_users_teams → teams."


def _document(root: Path, spec: Path, **options: str) -> str:
    outcome = design(DesignRequest(spec_path=spec, root=root, **options))  # type: ignore[arg-type]
    assert outcome.result.verification.status == "passed", outcome.result.verification
    write_outputs(outcome, root)
    return next(f.content for f in outcome.result.files if f.role == "decision")


def test_an_existing_table_that_gains_a_link_is_listed_with_what_it_gains(tmp_path: Path) -> None:
    pg_url = service_url(POSTGRES)
    _document(tmp_path, EXAMPLES / "001_login.md", postgres_url=pg_url)  # users, login_attempts
    teams = _document(tmp_path, SPECS / "004_teams.md", postgres_url=pg_url)  # each user in at most one team
    assert "- Existing tables changed (1), nothing in them altered or dropped:" in teams
    assert ADDED in teams
    assert "not changed" not in teams
    section = teams[teams.index("### users (existing table)") : teams.index("## Index strategy")]
    assert "| team_id | UUID | FK → teams(id) ON DELETE SET NULL |" in section  # nullable, as it is added
    assert "| email |" not in section  # only what the feature adds
    assert "| users | idx_users_team_id (btree) | team_id |" in teams
    assert "- `users.team_id` → `teams` ON DELETE SET NULL" in teams

    notes = _document(tmp_path, SPECS / "002_notes.md", postgres_url=pg_url)  # notes refer to users
    assert "- Existing tables referenced, not changed: users." in notes
    assert "Existing tables changed" not in notes and "(existing table)" not in notes


def test_sqlite_key_carried_by_the_new_column_is_listed(tmp_path: Path) -> None:
    _document(tmp_path, EXAMPLES / "001_login.md", db="sqlite")
    teams = _document(tmp_path, SPECS / "004_teams.md", db="sqlite")
    # SQLite adds the key with its column (ADD COLUMN … REFERENCES); the index is a plain CREATE INDEX
    assert ADDED in teams
