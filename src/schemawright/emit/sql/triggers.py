"""Keeping ``updated_at`` current, in each engine's own idiom: a shared PL/pgSQL trigger function on
PostgreSQL, ``ON UPDATE CURRENT_TIMESTAMP`` on MySQL (set on the column, no trigger), and an
AFTER UPDATE trigger on SQLite."""

from __future__ import annotations

from schemawright.design.models import RelationalDesign
from schemawright.emit.sql.dialects import DialectName, quote, shorten

FUNCTION = "set_updated_at"


def trigger_up(
    dialect: DialectName, tables: list[str], design: RelationalDesign, existing_functions: list[str]
) -> str:
    if dialect == "mysql":
        return ""
    parts: list[str] = []
    if dialect == "postgresql":
        if FUNCTION not in existing_functions:
            parts.append(
                f"CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger\n"
                "LANGUAGE plpgsql AS $$\nBEGIN\n    NEW.updated_at = now();\n    RETURN NEW;\nEND;\n$$;"
            )
        for table in tables:
            name = quote(dialect, shorten(f"trg_{table}_updated_at", dialect))
            parts.append(
                f"CREATE TRIGGER {name} BEFORE UPDATE ON {quote(dialect, table)}\n"
                f"    FOR EACH ROW EXECUTE FUNCTION {FUNCTION}();"
            )
        return "\n\n".join(parts)
    for table in tables:
        t = design.table(table)
        if t is None or t.column("updated_at") is None:
            continue
        name = quote(dialect, shorten(f"trg_{table}_updated_at", dialect))
        qt = quote(dialect, table)
        parts.append(
            f"CREATE TRIGGER {name} AFTER UPDATE ON {qt}\n"
            f"FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at\n"
            f"BEGIN\n    UPDATE {qt} SET updated_at = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;\nEND;"
        )
    return "\n\n".join(parts)


def trigger_down(dialect: DialectName, tables: list[str], existing_functions: list[str]) -> str:
    if dialect == "mysql":
        return ""
    parts = []
    for table in tables:
        name = quote(dialect, shorten(f"trg_{table}_updated_at", dialect))
        on = f" ON {quote(dialect, table)}" if dialect == "postgresql" else ""
        parts.append(f"DROP TRIGGER IF EXISTS {name}{on};")
    if dialect == "postgresql" and FUNCTION not in existing_functions:
        parts.append(f"DROP FUNCTION IF EXISTS {FUNCTION}();")
    return "\n".join(parts)
