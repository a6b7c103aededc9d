"""Reversibility: every up needs a down that puts the schema back as it was (SW612, SW613)."""

from __future__ import annotations

from schemawright.review.context import ParsedMigration
from schemawright.review.findings import finding
from schemawright.review.models import Location
from schemawright.review.rules.common import FindingIter
from schemawright.review.schema import Schema, trigger_name

_UNDO = {
    "table": "DROP TABLE IF EXISTS {name};",
    "column": "ALTER TABLE {table} DROP COLUMN IF EXISTS {name};",
    "index": "DROP INDEX IF EXISTS {name};",
    "function": "DROP FUNCTION IF EXISTS {name};",
    "trigger": "DROP TRIGGER IF EXISTS {name} ON {table};",
    "type": "DROP TYPE IF EXISTS {name};",
    "view": "DROP VIEW IF EXISTS {name};",
}


def check_migration(
    migration: ParsedMigration, before: Schema, after_up: Schema, after_down: Schema
) -> FindingIter:
    down = migration.down
    if down is None or not down:
        yield finding(
            "SW612",
            f"Migration {migration.name} has {'an empty' if down is not None else 'no'} down migration."
            + (_PRISMA if migration.up_path.endswith("migration.sql") and down is None else ""),
            at=Location(file=migration.down_path or migration.up_path, line=1),
            migration=migration.name,
            fix="-- write the down: undo each up statement in reverse order, e.g.\n"
            + "\n".join(_undo_all(after_up, sorted(after_up.changes_since(before)[0])))
            or "-- (nothing to undo)",
        )
        return
    added, removed = after_down.changes_since(before)
    left = sorted(added)
    # columns of a table the down left behind are reported with the table
    left_tables = {o.split(" ", 1)[1] for o in left if o.startswith("table ")}
    left = [
        o for o in left if not (o.startswith("column ") and o.split(" ", 1)[1].split(".")[0] in left_tables)
    ]
    missing = sorted(
        o
        for o in removed
        if o.split(" ", 1)[0] in ("table", "column", "index", "function", "trigger", "view", "type")
    )
    line = down[0].line if down else 1
    if left:
        yield finding(
            "SW613",
            f"The down of {migration.name} leaves behind: {', '.join(left)}.",
            at=Location(file=migration.down_path, line=line),
            migration=migration.name,
            fix="\n".join(_undo_all(after_down, left)),
        )
    if missing:
        yield finding(
            "SW613",
            f"The down of {migration.name} does not recreate: {', '.join(missing)}.",
            at=Location(file=migration.down_path, line=line),
            migration=migration.name,
            fix="-- recreate in the down what the up dropped (copy its CREATE from the earlier migration)",
        )


_PRISMA = (
    " Prisma Migrate has no down migrations: `prisma migrate dev` only goes forward. Write the rollback as "
    "down.sql beside migration.sql (`prisma migrate diff --from-migrations … --to-schema-datamodel … "
    "--script`) and apply it with `prisma db execute` when needed."
)


def _undo_all(schema: Schema, objects: list[str]) -> list[str]:
    """DROP statements for ``objects`` (of ``schema``), dependents first."""
    order = ["trigger", "view", "index", "column", "table", "function", "type"]
    out: list[str] = []
    new_tables = {o.split(" ", 1)[1] for o in objects if o.startswith("table ")}
    for kind in order:
        for obj in objects:
            okind, name = obj.split(" ", 1)
            if okind != kind:
                continue
            table = ""
            if kind == "column":
                table, name = name.split(".", 1)
                if table in new_tables:
                    continue
            if kind == "trigger":
                table = schema.triggers.get(name, "<table>")
                name = trigger_name(name)
            if kind == "index" and (owner := schema.index_owner(name)) and owner.name.lower() in new_tables:
                continue
            out.append(_UNDO[kind].format(name=name + ("()" if kind == "function" else ""), table=table))
    return out
