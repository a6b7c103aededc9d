"""Checks about a project's existing tables, which read the migration files the design lists."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from benchmarks.scoring.corpus import make_writable
from benchmarks.scoring.gold import Gold, load_gold
from benchmarks.scoring.metrics import SpecScore
from benchmarks.scoring.migrations import canonical_type, column_types, created_tables, dropped_tables
from benchmarks.scoring.score import score_design
from tests.corpus_paths import shared_spec
from tests.scoring.builders import design, fk, gold, index, relational, table

UP = "backend/migrations/20260201000000_tickets.up.sql"
DOWN = "backend/migrations/20260201000000_tickets.down.sql"
GOOD_UP = """
-- users already exists: CREATE TABLE users is in the core migration
CREATE TABLE tickets (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, organization_id BIGINT NOT NULL);
CREATE TABLE ticket_messages (id BIGINT PRIMARY KEY, ticket_id BIGINT NOT NULL);
CREATE TABLE attachments (id BIGINT PRIMARY KEY);
CREATE TABLE ticket_ratings (id BIGINT PRIMARY KEY);
"""
GOOD_DOWN = (
    "DROP TABLE IF EXISTS ticket_ratings, attachments;\nDROP TABLE ticket_messages;\nDROP TABLE tickets;\n"
)


def tickets_design(id_type: str = "BIGINT", **overrides: Any) -> dict[str, Any]:
    users = table("users", "email", "full_name", existing=True)
    orgs = table("organizations", "name", existing=True)
    tickets = table(
        "tickets",
        f"organization_id {id_type}",
        f"requester_id {id_type}",
        f"assignee_id {id_type}",
        "subject",
        "status",
        "priority",
        "solved_at TIMESTAMPTZ",
        fks=[fk("organization_id", "organizations"), fk("requester_id", "users"), fk("assignee_id", "users")],
        indexes=[index(["organization_id", "status"]), index("requester_id"), index("assignee_id")],
        checks=["status IN ('open','pending','solved','closed')"],
    )
    messages = table(
        "ticket_messages",
        "ticket_id BIGINT",
        f"author_id {id_type}",
        "body",
        "is_internal BOOLEAN",
        fks=[fk("ticket_id", "tickets", "CASCADE"), fk("author_id", "users")],
        indexes=[index("ticket_id"), index("author_id")],
    )
    attachments = table(
        "attachments",
        "message_id BIGINT",
        "file_name",
        "content_type",
        "size_bytes BIGINT",
        "storage_key",
        fks=[fk("message_id", "ticket_messages", "CASCADE")],
        indexes=[index("message_id")],
    )
    ratings = table(
        "ticket_ratings",
        "ticket_id BIGINT",
        "score SMALLINT",
        "comment",
        fks=[fk("ticket_id", "tickets", "CASCADE")],
        unique=[["ticket_id"]],
        checks=["score BETWEEN 1 AND 5"],
    )
    files = [{"path": UP, "role": "migration-up"}, {"path": DOWN, "role": "migration-down"}]
    tables = {t["name"]: t for t in (users, orgs, tickets, messages, attachments, ratings)}
    tables.update(overrides)
    return design(relational(*tables.values()), files=files)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A writable copy of the 007 project, with the new migrations written into it."""
    project = tmp_path / "project"
    shutil.copytree(shared_spec("007_support_tickets_existing"), project)
    make_writable(project)
    (project / UP).write_text(GOOD_UP)
    (project / DOWN).write_text(GOOD_DOWN)
    return project


@pytest.fixture(scope="module")
def tickets_gold() -> Gold:
    return load_gold(shared_spec("gold/007_support_tickets.yaml"))


def failed(score: SpecScore) -> dict[str, str]:
    return {f"{c.kind}:{c.target}": c.reason for c in score.checks if not c.passed}


def test_good_design_on_existing_project_passes_every_check(root: Path, tickets_gold: Gold) -> None:
    score = score_design(tickets_design(), tickets_gold, root)
    assert failed(score) == {}
    assert (score.entities.tp, score.entities.fp, score.entities.fn) == (4, 0, 0)
    assert score.attributes.fn == 0
    # messages -> users (the author) is a true edge the gold does not list: counted, not hidden
    assert score.relationships.spurious == ["ticketmessages -> users"]
    assert score.relationships.fn == 0


def test_recreating_and_dropping_existing_tables_fails(root: Path, tickets_gold: Gold) -> None:
    (root / UP).write_text(GOOD_UP + "CREATE TABLE IF NOT EXISTS public.users (id BIGINT PRIMARY KEY);\n")
    (root / DOWN).write_text(GOOD_DOWN + 'DROP TABLE "users";\n')
    problems = failed(score_design(tickets_design(), tickets_gold, root))
    assert problems["no_duplicate_existing_table:users"] == f"{UP} creates table users"
    assert problems["down_keeps_existing:users"] == f"{DOWN} drops table users"
    assert "no_duplicate_existing_table:organizations" not in problems


def test_new_table_named_like_an_existing_one_fails(root: Path, tickets_gold: Gold) -> None:
    d = tickets_design(users=table("users", "email"))
    problems = failed(score_design(d, tickets_gold, root))
    assert problems["no_duplicate_existing_table:users"] == "design creates table users again"
    assert problems["reuse_existing:users"] == "design creates users instead of reusing it"


def test_foreign_key_type_must_match_the_existing_key(root: Path, tickets_gold: Gold) -> None:
    problems = failed(score_design(tickets_design(id_type="UUID"), tickets_gold, root))
    reason = problems["fk_type_matches_existing:users"]
    assert reason.startswith("type mismatch: tickets.requester_id UUID vs users.id BIGINT")


def test_existing_types_come_from_the_project_not_the_design(root: Path, tickets_gold: Gold) -> None:
    # The design claims users.id is a UUID and uses UUIDs; the project's SQL says BIGINT.
    d = tickets_design(id_type="UUID", users=table("users", existing=True, id_type="UUID"))
    assert "fk_type_matches_existing:users" in failed(score_design(d, tickets_gold, root))


def test_missing_migration_files_fail_the_file_checks(tmp_path: Path, tickets_gold: Gold) -> None:
    problems = failed(score_design(tickets_design(), tickets_gold, tmp_path))
    assert problems["no_duplicate_existing_table:users"].startswith("cannot read migration file(s)")
    no_files = tickets_design()
    no_files["files"] = []
    problems = failed(score_design(no_files, tickets_gold, tmp_path))
    assert problems["down_keeps_existing:users"] == "no migration-down file in the design's files"


def test_reuse_existing_needs_a_reference(root: Path) -> None:
    g = gold(entities={"note": {"tables": ["notes"]}}, reuse_existing=["users"])
    referencing = design(
        relational(table("users", existing=True), table("notes", fks=[fk("user_id", "users")]))
    )
    unreferenced = design(relational(table("users", existing=True), table("notes")))
    assert not failed(score_design(referencing, g, root))
    assert failed(score_design(unreferenced, g, root)) == {
        "reuse_existing:users": "no new table references users"
    }


def test_sql_parsing_helpers() -> None:
    sql = """
    /* CREATE TABLE ignored (id int); */
    CREATE TABLE IF NOT EXISTS "app"."orders" (
        id BIGSERIAL PRIMARY KEY,
        total NUMERIC(12, 2) NOT NULL DEFAULT 0,
        CONSTRAINT ck CHECK (total >= 0)
    );
    DROP TABLE IF EXISTS a, `b`;
    op.create_table('carts', sa.Column('id'))
    """
    assert created_tables(sql) == ["orders", "carts"]
    assert dropped_tables(sql) == ["a", "b"]
    assert column_types(sql, "orders") == {"id": "BIGSERIAL", "total": "NUMERIC(12, 2)"}
    assert canonical_type("BIGSERIAL") == canonical_type("bigint") == canonical_type("INT8 NOT NULL")
    assert canonical_type("CHAR(36)") != canonical_type("CHAR(32)")
    assert canonical_type("BIGINT UNSIGNED") != canonical_type("BIGINT")
