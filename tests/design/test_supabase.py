"""Supabase: RLS on every new table, owner policies that apply on plain PostgreSQL (skipped by the guard)
and, with a Supabase-like auth schema, really hide other users' rows."""

from __future__ import annotations

import uuid
from pathlib import Path

import psycopg
import pytest
from psycopg.conninfo import make_conninfo

from schemawright.pipeline import DesignRequest, design
from tests.services import service_url

SPEC = """# Notes

## Name: Notes

A user has an email. A note has a title and a body and belongs to one user.

## Database
- Type: Supabase
"""


def _migration(tmp_path: Path) -> tuple[str, list[str]]:
    spec = tmp_path / "010_notes.md"
    spec.write_text(SPEC)
    result = design(DesignRequest(spec_path=spec, root=tmp_path, verify=False)).result
    up = next(f.content for f in result.files if f.role in ("migration-up", "migration"))
    return up, [a.text for a in result.assumptions]


def test_rls_statements_and_assumptions(tmp_path: Path) -> None:
    up, notes = _migration(tmp_path)
    assert 'ALTER TABLE "notes" ENABLE ROW LEVEL SECURITY;' in up
    assert "to_regprocedure('auth.uid()') IS NOT NULL" in up and "= \"\"user_id\"\"" not in up
    assert any("Supabase (PostgreSQL) because the spec declares it" in n for n in notes)
    assert any("notes rows are visible and writable only by their owner" in n for n in notes)


def test_policies_verify_on_postgres_and_enforce_with_auth(tmp_path: Path) -> None:
    url = service_url("SCHEMAWRIGHT_POSTGRES_URL")
    spec = tmp_path / "010_notes.md"
    spec.write_text(SPEC)
    outcome = design(DesignRequest(spec_path=spec, root=tmp_path, postgres_url=url))
    assert outcome.result.verification.status == "passed"  # plain PostgreSQL: up, down, up with the guard
    up = next(f.content for f in outcome.result.files if f.role in ("migration-up", "migration"))
    scratch = f"sw_supabase_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{scratch}"')
    try:
        with psycopg.connect(make_conninfo(url, dbname=scratch), autocommit=True) as db:
            db.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authenticated') "
                       "THEN CREATE ROLE authenticated NOLOGIN; END IF; END $$")
            db.execute("CREATE SCHEMA auth")
            db.execute("CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS "
                       "$$ SELECT nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $$")
            db.execute("GRANT USAGE ON SCHEMA auth TO authenticated")
            db.execute(up)  # type: ignore[arg-type]
            assert db.execute("SELECT count(*) FROM pg_policies WHERE tablename = 'notes'").fetchone() == (1,)
            a, b = uuid.uuid4(), uuid.uuid4()
            for user in (a, b):
                db.execute("INSERT INTO users (id, email) VALUES (%s, %s)", (user, f"{user}@example.com"))
                db.execute("INSERT INTO notes (user_id, title, body) VALUES (%s, 't', 'b')", (user,))
            db.execute("GRANT SELECT, INSERT ON notes TO authenticated")
            db.execute("SET ROLE authenticated")
            db.execute("SELECT set_config('request.jwt.claim.sub', %s, false)", (str(a),))
            rows = db.execute("SELECT user_id FROM notes").fetchall()
            assert rows == [(a,)]
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                db.execute("INSERT INTO notes (user_id, title, body) VALUES (%s, 'x', 'y')", (b,))
            db.execute("RESET ROLE")
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{scratch}" WITH (FORCE)')
