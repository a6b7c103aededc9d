"""Supabase: the PostgreSQL design plus row-level security on every new table.

RLS is enabled on each new table (plain PostgreSQL accepts that; with no policy only the table owner and
Supabase's service role see rows). A table with an owning user column gets an owner policy
``(select auth.uid()) = <column>`` for the ``authenticated`` role. ``auth.uid()`` and that role exist
only on Supabase, so each policy is created by ``EXECUTE`` inside a ``DO`` block that first checks for
both: the same migration applies, reverts and verifies on plain PostgreSQL and protects rows on Supabase.
"""

from __future__ import annotations

from schemawright.design.models import RelationalDesign, Table
from schemawright.domain.model import Assumption, Source
from schemawright.emit.sql.ddl import MigrationSQL

_OWNER_COLUMNS = ("user_id", "owner_id", "account_id", "profile_id", "created_by_id", "author_id")
_USER_TABLES = ("users", "profiles", "accounts", "user", "profile", "account")


def owner_column(table: Table) -> str | None:
    """The column naming the user who owns a row: ``id`` of the users table itself, else a foreign key
    to the users table whose name says ownership (user_id, owner_id …)."""
    if table.name in _USER_TABLES:
        return "id"
    for fk in table.foreign_keys:
        if fk.ref_table in _USER_TABLES and fk.columns[0] in _OWNER_COLUMNS:
            return fk.columns[0]
    return None


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _policy(table: Table, column: str) -> str:
    name = f"{table.name}_owner"[:63]
    create = (
        f"CREATE POLICY {_q(name)} ON {_q(table.name)} FOR ALL TO authenticated "
        f"USING ((select auth.uid()) = {_q(column)}) WITH CHECK ((select auth.uid()) = {_q(column)})"
    )
    literal = "'" + create.replace("'", "''") + "'"
    return (
        "DO $$\nBEGIN\n"
        "  IF to_regprocedure('auth.uid()') IS NOT NULL\n"
        "     AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authenticated') THEN\n"
        f"    EXECUTE {literal};\n"
        "  END IF;\nEND\n$$;\n"
    )


def add_row_level_security(
    design: RelationalDesign, sql: MigrationSQL
) -> tuple[MigrationSQL, list[Assumption]]:
    """Append RLS statements to the up script (the down drops the tables, and their policies with them)."""
    rule = Source(rule="supabase row-level security")
    parts: list[str] = []
    notes: list[Assumption] = []
    for table in design.new_tables():
        parts.append(f"ALTER TABLE {_q(table.name)} ENABLE ROW LEVEL SECURITY;\n")
        column = owner_column(table)
        if column is None:
            notes.append(
                Assumption(
                    text=f"Supabase: {table.name} has RLS enabled and no policy — only the "
                    "service role reads or writes it; add a policy for client access.",
                    source=rule,
                )
            )
            continue
        parts.append(_policy(table, column))
        notes.append(
            Assumption(
                text=f"Supabase: {table.name} rows are visible and writable only by their owner "
                f"(policy {table.name}_owner: auth.uid() = {column}); the users table's id is the "
                "Supabase Auth user id (auth.users.id). The policy is created only where "
                "auth.uid() and the authenticated role exist.",
                source=rule,
            )
        )
    up = sql.up.rstrip("\n") + "\n\n-- Supabase row-level security\n" + "".join(parts)
    return MigrationSQL(up=up, down=sql.down), notes
