"""Keeping ``updated_at`` current, in each engine's own idiom: a shared PL/pgSQL trigger function on
PostgreSQL, ``ON UPDATE CURRENT_TIMESTAMP`` on MySQL (set on the column, no trigger), and an
AFTER UPDATE trigger on SQLite. One statement per function; the operations in
:mod:`schemawright.ops` decide which are written (and their reverses, which undo them)."""

from __future__ import annotations

from schemawright.emit.sql.dialects import DialectName, quote, shorten

FUNCTION = "set_updated_at"


def trigger_name(dialect: DialectName, table: str) -> str:
    return quote(dialect, shorten(f"trg_{table}_updated_at", dialect))


def create_function(dialect: DialectName) -> str:
    """PostgreSQL: the trigger function every ``updated_at`` trigger calls."""
    return (
        f"CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger\n"
        "LANGUAGE plpgsql AS $$\nBEGIN\n    NEW.updated_at = now();\n    RETURN NEW;\nEND;\n$$;"
    )


def drop_function(dialect: DialectName) -> str:
    return f"DROP FUNCTION IF EXISTS {FUNCTION}();"


def create_trigger(dialect: DialectName, table: str) -> str:
    qt = quote(dialect, table)
    if dialect == "postgresql":
        return (
            f"CREATE TRIGGER {trigger_name(dialect, table)} BEFORE UPDATE ON {qt}\n"
            f"    FOR EACH ROW EXECUTE FUNCTION {FUNCTION}();"
        )
    return (
        f"CREATE TRIGGER {trigger_name(dialect, table)} AFTER UPDATE ON {qt}\n"
        f"FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at\n"
        f"BEGIN\n    UPDATE {qt} SET updated_at = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;\nEND;"
    )


def drop_trigger(dialect: DialectName, table: str) -> str:
    on = f" ON {quote(dialect, table)}" if dialect == "postgresql" else ""
    return f"DROP TRIGGER IF EXISTS {trigger_name(dialect, table)}{on};"
