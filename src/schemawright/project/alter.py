"""Safe changes to existing tables: what the design adds to a table the project already has becomes
ALTER statements that do not rewrite or long-lock it, and a down that removes exactly those.

PostgreSQL: columns are added nullable (or with a constant default, a catalog-only change since 11);
foreign keys are added ``NOT VALID`` (no scan under the ACCESS EXCLUSIVE lock) and then validated
(a scan under SHARE UPDATE EXCLUSIVE, which allows writes); indexes are built ``CONCURRENTLY``, which
cannot run inside a transaction, so they are returned separately to be written one per migration.

A partitioned table (relkind 'p') takes neither: PostgreSQL (before 18) refuses a ``NOT VALID`` foreign
key on it, so the key is added validated, and it refuses ``CREATE INDEX CONCURRENTLY`` on it, so the
index follows the documented pattern: ``CREATE INDEX … ON ONLY`` the parent (catalog only, nothing is
built), each partition's index ``CONCURRENTLY`` in a migration of its own, then ``ALTER INDEX … ATTACH
PARTITION`` for each (the parent's index becomes valid when the last one is attached).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from schemawright.design.conventions import ExistingSchema
from schemawright.design.models import Column, RelationalDesign
from schemawright.emit.sql.ddl import MigrationSQL
from schemawright.emit.sql.dialects import DialectName, quote, shorten

LOCK_TIMEOUT = "SET lock_timeout = '5s';"  # fail fast instead of queueing every query behind our lock


@dataclass(frozen=True)
class Separate:
    """A statement that needs a migration of its own: ``VALIDATE CONSTRAINT`` (its scan must not share a
    transaction with the ``NOT VALID`` add, which holds ACCESS EXCLUSIVE until commit) or
    ``CREATE INDEX CONCURRENTLY`` (not allowed in a transaction at all)."""

    suffix: str  # migration name suffix: "validate_1", "index_1"
    up: str
    down: str
    transactional: bool = True


@dataclass
class AlterSQL:
    up: list[str] = field(default_factory=list)
    down: list[str] = field(default_factory=list)  # already in reverse order
    concurrent: list[Separate] = field(default_factory=list)  # later migrations, in order
    touches_existing: bool = False  # locks an existing table (ALTER, or a new foreign key to it)
    dialect: DialectName = "postgresql"
    notes: list[str] = field(default_factory=list)  # for the design's Assumptions: what is not the safe form

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
    out = AlterSQL(dialect=dialect)
    validates: list[Separate] = []
    indexes: list[Separate] = []
    attaches: list[str] = []  # ALTER INDEX … ATTACH PARTITION, after every partition's index is built
    attached_roots: list[str] = []  # the partitioned tables' new indexes (quoted)
    old_names = {t.name for t in existing.tables}
    out.touches_existing = any(
        fk.ref_table in old_names for t in design.new_tables() for fk in t.foreign_keys
    )
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
            if dialect == "postgresql" and existing.partitioned(table.name):
                out.up.append(add + ";")
                drops.append(f"ALTER TABLE {qt} DROP CONSTRAINT IF EXISTS {qn};")
                out.notes.append(
                    f"{table.name} is a partitioned table, and PostgreSQL (before 18) refuses a NOT VALID "
                    f"foreign key on one, so {fk.name} is added and validated in one step: it reads every "
                    f"partition under a SHARE ROW EXCLUSIVE lock (writes to {table.name} wait until it "
                    "ends) — run the migration off-peak."
                )
            elif dialect == "postgresql":
                out.up.append(add + " NOT VALID;")
                validates.append(
                    Separate(
                        f"validate_{len(validates) + 1}",
                        f"{LOCK_TIMEOUT}\nALTER TABLE {qt} VALIDATE CONSTRAINT {qn};",
                        "-- nothing to undo: the constraint is dropped by the feature's down",
                    )
                )
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
            if dialect == "postgresql" and existing.partitioned(table.name):
                tree = _index_tree(existing, table.name, ix.name, dialect)
                out.up += [  # catalog only: the parent's (and sub-partitioned partitions') index, invalid
                    f"CREATE {unique}INDEX IF NOT EXISTS {n.q_index} ON ONLY {n.q_table} ({cols});"
                    for n in tree
                    if not n.leaf
                ]
                indexes += [
                    Separate(
                        f"index_{len(indexes) + i}",
                        f"{LOCK_TIMEOUT}\nCREATE {unique}INDEX CONCURRENTLY IF NOT EXISTS {n.q_index} "
                        f"ON {n.q_table} ({cols});",
                        f"DROP INDEX CONCURRENTLY IF EXISTS {n.q_index};",
                        transactional=False,
                    )
                    for i, n in enumerate((n for n in tree if n.leaf), 1)
                ]
                # children before their parent, so each parent's index is valid before it is attached
                attaches += [
                    f"ALTER INDEX {n.q_parent} ATTACH PARTITION {n.q_index};"
                    for n in sorted(tree, key=lambda n: -n.depth)
                    if n.q_parent
                ]
                if len(tree) > 1:
                    attached_roots.append(qi)
                drops[:0] = [f"DROP INDEX IF EXISTS {n.q_index};" for n in tree if not n.leaf]
                leaves = sum(n.leaf for n in tree)
                out.notes.append(
                    f"{table.name} is a partitioned table, on which PostgreSQL cannot build an index "
                    f"CONCURRENTLY: {ix.name} is created ON ONLY {table.name} (a catalog entry, nothing is "
                    f"built), then built CONCURRENTLY on each of its {leaves} partition(s) in migrations of "
                    "their own and attached to it by the last one, which makes it valid; partitions created "
                    "later get it automatically."
                )
            elif dialect == "postgresql":
                indexes.append(
                    Separate(
                        f"index_{len(indexes) + 1}",
                        f"{LOCK_TIMEOUT}\nCREATE {unique}INDEX CONCURRENTLY IF NOT EXISTS {qi} "
                        f"ON {qt} ({cols});",
                        f"DROP INDEX CONCURRENTLY IF EXISTS {qi};",
                        transactional=False,
                    )
                )
            else:
                out.up.append(f"CREATE {unique}INDEX {qi} ON {qt} ({cols});")
                drops.insert(0, f"DROP INDEX {qi} ON {qt};" if dialect == "mysql" else f"DROP INDEX {qi};")
        drops += [f"ALTER TABLE {qt} DROP COLUMN {quote(dialect, c.name)};" for c in reversed(added)]
        out.down = drops + out.down
    if attaches:  # an attached index cannot be detached: its down drops the parent's, which takes them all
        down = "\n".join(f"DROP INDEX IF EXISTS {q};" for q in attached_roots)
        indexes.append(Separate(f"index_{len(indexes) + 1}", LOCK_TIMEOUT + "\n" + "\n".join(attaches), down))
    out.concurrent = validates + indexes
    out.touches_existing = out.touches_existing or bool(out.up)
    return out


@dataclass(frozen=True)
class _IndexNode:
    """One table of a partition tree and the name of its part of a new index (all quoted)."""

    q_table: str
    q_index: str
    q_parent: str  # the parent table's part of the index; "" for the partitioned table itself
    leaf: bool  # a partition holding rows (built CONCURRENTLY), not itself partitioned
    depth: int  # 0 for the partitioned table itself


def _index_tree(existing: ExistingSchema, table: str, index: str, dialect: DialectName) -> list[_IndexNode]:
    """``table`` and its partitions, parents before children, each with its index name: the new index's
    own name on ``table``, ``{index}_{partition}`` (shortened to the engine's limit) on a partition.
    A partition in another schema gets its index there (an index lives in its table's schema)."""
    out: list[_IndexNode] = []

    def walk(name: str, ix: str, parent: str, depth: int) -> None:
        schema = name.rpartition(".")[0]
        q_ix = quote(dialect, ix) if not schema else f"{quote(dialect, schema)}.{quote(dialect, ix)}"
        out.append(_IndexNode(quote(dialect, name), q_ix, parent, not existing.partitioned(name), depth))
        for child in existing.partitions.get(name, []):
            walk(child, shorten(f"{index}_{child.rpartition('.')[2]}", dialect), q_ix, depth + 1)

    walk(table, index, "", 0)
    return out


def merge(sql: MigrationSQL, header: str, alter: AlterSQL) -> MigrationSQL:
    """The ALTERs go after the new tables they may reference in the up, and before those tables are
    dropped in the down. Every PostgreSQL up starts with ``lock_timeout``: even a first migration locks
    what it references, and a bounded wait is the safe default (squawk ``require-lock-timeout``)."""
    head = f"{header}\n" if header else ""
    up = sql.up
    if alter.dialect == "postgresql" and up[len(head) :].strip():
        up = head + LOCK_TIMEOUT + "\n\n" + (up[len(head) :] if up.startswith(head) else up)
    if not (alter.up or alter.down):
        return MigrationSQL(up=up, down=sql.down)
    body = sql.down[len(head) :] if sql.down.startswith(head) else sql.down
    up = up.rstrip("\n") + "\n\n" + "\n\n".join(alter.up) + "\n"
    down = head + "\n".join(alter.down) + ("\n\n" + body if body.strip() else "\n")
    return MigrationSQL(up=up, down=down)
