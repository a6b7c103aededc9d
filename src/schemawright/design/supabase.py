"""Supabase: the PostgreSQL design plus row-level security on every new table.

RLS is enabled on each new table (plain PostgreSQL accepts that; with no policy only the table owner and
Supabase's service role see rows). A table with an owning user column gets an owner policy
``(select auth.uid()) = <column>`` for the ``authenticated`` role. ``auth.uid()`` and that role exist
only on Supabase, so each policy is created by ``EXECUTE`` inside a ``DO`` block that first checks for
both: the same migration applies, reverts and verifies on plain PostgreSQL and protects rows on Supabase.
"""

from __future__ import annotations

from schemawright.design.models import Policy, RelationalDesign, Table
from schemawright.domain.model import Assumption, Source
from schemawright.emit.sql.dialects import sa_dialect, shorten

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


def add_row_level_security(design: RelationalDesign) -> list[Assumption]:
    """Enable RLS on every new table of ``design`` and give each table with an owner column its owner
    policy (``design.policies``, shown by ``--json``); returns the Assumptions. The migration's operations
    (:mod:`schemawright.ops`) create them; the down drops the tables, and their policies with them."""
    rule = Source(rule="supabase row-level security")
    notes: list[Assumption] = []
    quote = sa_dialect("postgresql").identifier_preparer.quote_identifier
    for table in design.new_tables():
        table.row_level_security = True
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
        name = shorten(f"{table.name}_owner", "postgresql")
        owner = f"(select auth.uid()) = {quote(column)}"
        design.policies.append(
            Policy(
                name=name,
                table=table.name,
                command="ALL",
                roles=["authenticated"],
                using=owner,
                with_check=owner,
                guard="supabase",
                reason=f"rows are visible and writable only by their owner ({table.name}.{column})",
            )
        )
        notes.append(
            Assumption(
                text=f"Supabase: {table.name} rows are visible and writable only by their owner "
                f"(policy {name}: auth.uid() = {column}); the users table's id is the "
                "Supabase Auth user id (auth.users.id). The policy is created only where "
                "auth.uid() and the authenticated role exist.",
                source=rule,
            )
        )
    return notes
