"""SQL written under ``--no-verify`` is still valid SQL: a many-to-many from an entity to itself gets two
distinctly named foreign keys, and words MariaDB (or MySQL) reserves — ``offset``, ``rank`` — are quoted.
Each migration is applied up, down, up on the real engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from schemawright.cli import app
from schemawright.verify.engines import scratch_database
from tests.services import service_url

MODEL = """\
feature_id: follows
feature_name: Follows
entities:
  - name: person
    attributes:
      - {name: name, kind: name}
  - name: page
    attributes:
      - {name: offset, kind: integer}
      - {name: rank, kind: integer}
      - {name: limit, kind: integer}
      - {name: window, kind: integer}
      - {name: key, kind: text}
relationships:
  - {child: person, parent: person, cardinality: many_to_many, role: follower}
"""
URLS = {"postgresql": "SCHEMAWRIGHT_POSTGRES_URL", "mysql": "SCHEMAWRIGHT_MYSQL_URL"}


@pytest.mark.parametrize("db", ["postgresql", "mysql"])
def test_self_many_to_many_and_reserved_words_apply(tmp_path: Path, db: str) -> None:
    url = service_url(URLS[db])
    (tmp_path / "follows.yaml").write_text(MODEL)
    result = CliRunner().invoke(
        app,
        [
            "design",
            "--model",
            str(tmp_path / "follows.yaml"),
            "--root",
            str(tmp_path),
            "--db",
            db,
            "--no-verify",
        ],
    )
    assert result.exit_code == 0, result.output
    folder = tmp_path / "backend" / "migrations"
    up = next(folder.glob("*.up.sql")).read_text()
    down = next(folder.glob("*.down.sql")).read_text()
    assert "fk_person_people_person_1" in up and "fk_person_people_person_2" in up
    if db == "mysql":
        assert "`offset`" in up and "`rank`" in up
    with scratch_database(db, url) as scratch:  # type: ignore[arg-type]
        scratch.execute_script(up)
        scratch.execute_script(down)
        scratch.execute_script(up)
