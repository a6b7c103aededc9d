"""Safe changes to existing tables: what the design adds to a table the project already has becomes
ALTER statements that do not rewrite or long-lock it, and a down that removes exactly those.

PostgreSQL: columns are added nullable (or with a constant default, a catalog-only change since 11);
foreign keys are added ``NOT VALID`` (no scan under the ACCESS EXCLUSIVE lock) and then validated
(a scan under SHARE UPDATE EXCLUSIVE, which allows writes); indexes are built ``CONCURRENTLY``, which
cannot run inside a transaction, so they are returned separately to be written one per migration.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from schemawright.design.conventions import ExistingSchema
from schemawright.design.models import Column, RelationalDesign
from schemawright.emit.sql.ddl import MigrationSQL
from schemawright.emit.sql.dialects import DialectName, quote


@dataclass
class AlterSQL:
    up: list[str] = field(default_factory=list)
    down: list[str] = field(default_factory=list)  # already in reverse order
    concurrent: list[tuple[str, str]] = field(default_factory=list)  # (up, down) run outside a transaction

    def __bool__(self) -> bool:
        return bool(self.up or self.concurrent)


def _column_sql(dialect: DialectName, column: Column) -> str:
    sql = f"{quote(dialect, column.name)} {column.type}"
    if not column.nullable and column.default is not None and column.default_kind == "literal":
        sql += f" NOT NULL DEFAULT {column.default}"  # constant default: no table rewrite
    return sql


def alter_existing(design: RelationalDesign, existing: ExistingSchema) -> AlterSQL:
    """ALTERs for what ``design`` adds to tables of ``existing`` (which must be the schema as it was
    before designing)."""
    dialect: DialectName = design.dialect
    out = AlterSQL()
    for table in design.tables:
        old = existing.table(table.name)
        if not table.existing or old is None:
            continue
        qt = quote(dialect, table.name)
        old_fks = {fk.name for fk in old.foreign_keys}
        old_indexes = {ix.name for ix in old.indexes}
        added = [c for c in table.columns if old.column(c.name) is None]
        for column in added:
            out.up.append(f"ALTER TABLE {qt} ADD COLUMN {_column_sql(dialect, column)};")
        drops: list[str] = []
        for fk in table.foreign_keys:
            if fk.name in old_fks:
                continue
            qn = quote(dialect, fk.name)
            cols = ", ".join(quote(dialect, c) for c in fk.columns)
            refs = ", ".join(quote(dialect, c) for c in fk.ref_columns)
            add = (
                f"ALTER TABLE {qt} ADD CONSTRAINT {qn} FOREIGN KEY ({cols}) "
                f"REFERENCES {quote(dialect, fk.ref_table)} ({refs}) ON DELETE {fk.on_delete}"
            )
            if dialect == "postgresql":
                out.up.append(add + " NOT VALID;")
                out.up.append(f"ALTER TABLE {qt} VALIDATE CONSTRAINT {qn};")
                drops.append(f"ALTER TABLE {qt} DROP CONSTRAINT IF EXISTS {qn};")
            else:
                out.up.append(add + ";")
                drops.append(f"ALTER TABLE {qt} DROP FOREIGN KEY {qn};")
        for ix in table.indexes:
            if ix.name in old_indexes:
                continue
            qi = quote(dialect, ix.name)
            cols = ", ".join(quote(dialect, c) + (" DESC" if c in ix.descending else "") for c in ix.columns)
            unique = "UNIQUE " if ix.unique else ""
            if dialect == "postgresql":
                out.concurrent.append(
                    (
                        f"CREATE {unique}INDEX CONCURRENTLY IF NOT EXISTS {qi} ON {qt} ({cols});",
                        f"DROP INDEX CONCURRENTLY IF EXISTS {qi};",
                    )
                )
            else:
                out.up.append(f"CREATE {unique}INDEX {qi} ON {qt} ({cols});")
                drops.insert(0, f"DROP INDEX {qi} ON {qt};" if dialect == "mysql" else f"DROP INDEX {qi};")
        drops += [f"ALTER TABLE {qt} DROP COLUMN {quote(dialect, c.name)};" for c in reversed(added)]
        out.down = drops + out.down
    return out


def merge(sql: MigrationSQL, header: str, alter: AlterSQL) -> MigrationSQL:
    """The ALTERs go after the new tables they may reference in the up, and before those tables are
    dropped in the down."""
    if not (alter.up or alter.down):
        return sql
    head = f"{header}\n" if header else ""
    body = sql.down[len(head) :] if sql.down.startswith(head) else sql.down
    up = sql.up.rstrip("\n") + "\n\n" + "\n\n".join(alter.up) + "\n"
    down = head + "\n".join(alter.down) + ("\n\n" + body if body.strip() else "\n")
    return MigrationSQL(up=up, down=down)
