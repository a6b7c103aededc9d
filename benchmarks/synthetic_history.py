"""A synthetic golang-migrate PostgreSQL history for timing ``review`` (issue 10: a 300-migration history).

``write_history(folder, n)`` writes ``n`` migrations (``000001_<name>.up.sql`` / ``.down.sql``) that do what
a real application's history does, chosen by a seeded random generator (the same files every time):
create tables (identity keys, foreign keys to earlier tables, timestamps, checks, uniques) with their
indexes, add columns (nullable, with defaults, NOT NULL), create and drop indexes (some CONCURRENTLY, in
migrations of their own), add foreign keys (some NOT VALID, validated later), rename columns and tables,
change column types, set and drop defaults and NOT NULL, drop columns and tables, add comments and backfill
with UPDATE. Every up has a down that undoes it (a validation's down has nothing to undo).
``python benchmarks/synthetic_history.py DIR [N]`` writes one to look at.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

_NOUN_TEXT = (
    "account user team project task comment invoice payment order product category tag label note "
    "file upload session device event message thread channel report metric alert plan subscription "
    "coupon address shipment warehouse supplier review rating badge profile setting webhook token "
    "audit job schedule calendar booking room venue ticket seat artist album track playlist course "
    "lesson quiz"
)
_NOUNS = tuple(_NOUN_TEXT.split())
_COLUMNS = (
    ("title", "TEXT"),
    ("description", "TEXT"),
    ("status", "VARCHAR(32)"),
    ("amount", "NUMERIC(12, 2)"),
    ("quantity", "INTEGER"),
    ("score", "DOUBLE PRECISION"),
    ("is_active", "BOOLEAN"),
    ("starts_at", "TIMESTAMPTZ"),
    ("ends_at", "TIMESTAMPTZ"),
    ("external_ref", "VARCHAR(64)"),
    ("metadata", "JSONB"),
    ("email", "VARCHAR(255)"),
    ("position", "INTEGER"),
    ("published_on", "DATE"),
    ("color", "VARCHAR(16)"),
    ("slug", "VARCHAR(128)"),
)


@dataclass
class _Table:
    name: str
    columns: dict[str, str] = field(default_factory=dict)  # name -> type
    indexes: list[str] = field(default_factory=list)
    references: set[str] = field(default_factory=set)  # tables this one has a foreign key to
    fks: list[tuple[str, str, str]] = field(default_factory=list)  # (constraint, column, parent)


class _History:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.tables: dict[str, _Table] = {}
        self.used: set[str] = set()
        self.unvalidated: list[tuple[str, str]] = []  # (table, constraint) added NOT VALID

    def fresh(self, base: str) -> str:
        name, i = base, 2
        while name in self.used:
            name, i = f"{base}_{i}", i + 1
        self.used.add(name)
        return name

    def pick(self) -> _Table:
        return self.tables[self.rng.choice(sorted(self.tables))]

    def referenced(self, name: str) -> bool:
        return any(name in t.references for t in self.tables.values())

    # each step returns (migration name, up statements, down statements) and updates the model
    def create_table(self) -> tuple[str, list[str], list[str]]:
        noun = self.rng.choice(_NOUNS)
        table = _Table(self.fresh(noun + "s"))
        lines = ["    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"]
        after: list[str] = []
        parents = self.rng.sample(sorted(self.tables), k=min(len(self.tables), self.rng.choice((0, 1, 1, 2))))
        for parent in parents:
            col = f"{parent.rstrip('s')}_id"
            if col in table.columns:
                continue
            action = self.rng.choice(("", " ON DELETE CASCADE", " ON DELETE SET NULL"))
            null = "" if action == " ON DELETE SET NULL" else " NOT NULL"
            lines.append(f"    {col} BIGINT{null} REFERENCES {parent} (id){action}")
            table.columns[col] = "BIGINT"
            table.references.add(parent)
            index = f"idx_{table.name}_{col}"
            after.append(f"CREATE INDEX {index} ON {table.name} ({col});")
            table.indexes.append(index)
        for col, typ in self.rng.sample(_COLUMNS, k=self.rng.randint(2, 6)):
            extra = ""
            if col == "status":
                extra = " NOT NULL DEFAULT 'new'"
            elif col == "is_active":
                extra = " NOT NULL DEFAULT true"
            elif col == "quantity":
                extra = " NOT NULL DEFAULT 0 CHECK (quantity >= 0)"
            elif col == "slug":
                extra = " NOT NULL UNIQUE"
            lines.append(f"    {col} {typ}{extra}")
            table.columns[col] = typ
        lines += [
            "    created_at TIMESTAMPTZ NOT NULL DEFAULT now()",
            "    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()",
        ]
        table.columns.update(id="BIGINT", created_at="TIMESTAMPTZ", updated_at="TIMESTAMPTZ")
        self.tables[table.name] = table
        up = [f"CREATE TABLE {table.name} (\n" + ",\n".join(lines) + "\n);", *after]
        return f"create_{table.name}", up, [f"DROP TABLE {table.name};"]

    def add_column(self) -> tuple[str, list[str], list[str]]:
        table = self.pick()
        free = [(c, t) for c, t in _COLUMNS if c not in table.columns]
        if not free:
            return self.create_index()
        col, typ = self.rng.choice(free)
        table.columns[col] = typ
        kind = self.rng.random()
        if kind < 0.5:
            up = [f"ALTER TABLE {table.name} ADD COLUMN {col} {typ};"]
        elif kind < 0.8 and typ == "INTEGER":
            up = [f"ALTER TABLE {table.name} ADD COLUMN {col} {typ} NOT NULL DEFAULT 0;"]
        else:
            up = [
                "SET lock_timeout = '5s';",
                f"ALTER TABLE {table.name} ADD COLUMN {col} {typ};",
            ]
            if typ.startswith(("VARCHAR", "TEXT")):
                up.append(f"UPDATE {table.name} SET {col} = '' WHERE {col} IS NULL;")
        down = [f"ALTER TABLE {table.name} DROP COLUMN {col};"]
        return f"add_{col}_to_{table.name}", up, down

    def create_index(self) -> tuple[str, list[str], list[str]]:
        table = self.pick()
        col = self.rng.choice(sorted(c for c in table.columns if c != "id"))
        index = self.fresh(f"idx_{table.name}_{col}")
        table.indexes.append(index)
        unique = "UNIQUE " if col in ("email", "external_ref") and self.rng.random() < 0.5 else ""
        if self.rng.random() < 0.5:
            up = [f"CREATE {unique}INDEX CONCURRENTLY IF NOT EXISTS {index} ON {table.name} ({col});"]
            down = [f"DROP INDEX CONCURRENTLY IF EXISTS {index};"]
        else:
            up = [f"CREATE {unique}INDEX {index} ON {table.name} ({col});"]
            down = [f"DROP INDEX {index};"]
        return f"index_{table.name}_{col}", up, down

    def drop_index(self) -> tuple[str, list[str], list[str]]:
        holders = [t for t in self.tables.values() if t.indexes]
        if not holders:
            return self.create_index()
        table = self.rng.choice(sorted(holders, key=lambda t: t.name))
        index = table.indexes.pop(self.rng.randrange(len(table.indexes)))
        col = next((c for c in table.columns if index.endswith(c)), "id")
        return (
            f"drop_{index}",
            [f"DROP INDEX IF EXISTS {index};"],
            [f"CREATE INDEX {index} ON {table.name} ({col});"],
        )

    def add_foreign_key(self) -> tuple[str, list[str], list[str]]:
        if len(self.tables) < 2:
            return self.create_table()
        child, parent = (self.tables[n] for n in self.rng.sample(sorted(self.tables), 2))
        col = self.fresh(f"{parent.name.rstrip('s')}_ref_id")
        constraint = self.fresh(f"fk_{child.name}_{col}")
        child.columns[col] = "BIGINT"
        child.references.add(parent.name)
        child.fks.append((constraint, col, parent.name))
        index = self.fresh(f"idx_{child.name}_{col}")
        child.indexes.append(index)
        up = [f"ALTER TABLE {child.name} ADD COLUMN {col} BIGINT;"]
        if self.rng.random() < 0.5:
            up.append(
                f"ALTER TABLE {child.name} ADD CONSTRAINT {constraint} FOREIGN KEY ({col}) "
                f"REFERENCES {parent.name} (id) NOT VALID;"
            )
            self.unvalidated.append((child.name, constraint))
        else:
            up.append(
                f"ALTER TABLE {child.name} ADD CONSTRAINT {constraint} FOREIGN KEY ({col}) "
                f"REFERENCES {parent.name} (id);"
            )
        up.append(f"CREATE INDEX {index} ON {child.name} ({col});")
        down = [
            f"DROP INDEX IF EXISTS {index};",
            f"ALTER TABLE {child.name} DROP CONSTRAINT {constraint};",
            f"ALTER TABLE {child.name} DROP COLUMN {col};",
        ]
        return f"link_{child.name}_{parent.name}", up, down

    def validate(self) -> tuple[str, list[str], list[str]]:
        while self.unvalidated:
            table, constraint = self.unvalidated.pop(0)
            if table in self.tables and any(c == constraint for c, _, _ in self.tables[table].fks):
                up = [f"ALTER TABLE {table} VALIDATE CONSTRAINT {constraint};"]
                return f"validate_{constraint}", up, []
        return self.add_column()

    def rename_column(self) -> tuple[str, list[str], list[str]]:
        table = self.pick()
        plain = [c for c in table.columns if c in dict(_COLUMNS)]
        if not plain:
            return self.add_column()
        old = self.rng.choice(sorted(plain))
        new = self.fresh(f"{old}_v2") if f"{old}_v2" not in table.columns else self.fresh(f"{old}_v3")
        table.columns[new] = table.columns.pop(old)
        table.indexes = [i for i in table.indexes if not i.endswith(old)]
        return (
            f"rename_{table.name}_{old}",
            [f"ALTER TABLE {table.name} RENAME COLUMN {old} TO {new};"],
            [f"ALTER TABLE {table.name} RENAME COLUMN {new} TO {old};"],
        )

    def rename_table(self) -> tuple[str, list[str], list[str]]:
        table = self.pick()
        new = self.fresh(f"{table.name}_archive")
        old = table.name
        del self.tables[old]
        table.name = new
        self.tables[new] = table
        for t in self.tables.values():
            if old in t.references:
                t.references = (t.references - {old}) | {new}
                t.fks = [(c, col, new if p == old else p) for c, col, p in t.fks]
        up, down = [f"ALTER TABLE {old} RENAME TO {new};"], [f"ALTER TABLE {new} RENAME TO {old};"]
        return f"rename_{old}", up, down

    def alter_column(self) -> tuple[str, list[str], list[str]]:
        table = self.pick()
        cols = [c for c, t in table.columns.items() if t.startswith("VARCHAR") or t == "INTEGER"]
        if not cols:
            return self.add_column()
        col = self.rng.choice(sorted(cols))
        typ = table.columns[col]
        kind = self.rng.random()
        if kind < 0.35:
            wider = "TEXT" if typ.startswith("VARCHAR") else "BIGINT"
            table.columns[col] = wider
            return (
                f"widen_{table.name}_{col}",
                [f"ALTER TABLE {table.name} ALTER COLUMN {col} TYPE {wider};"],
                [f"ALTER TABLE {table.name} ALTER COLUMN {col} TYPE {typ};"],
            )
        if kind < 0.7:
            default = "''" if typ.startswith("VARCHAR") else "0"
            return (
                f"default_{table.name}_{col}",
                [f"ALTER TABLE {table.name} ALTER COLUMN {col} SET DEFAULT {default};"],
                [f"ALTER TABLE {table.name} ALTER COLUMN {col} DROP DEFAULT;"],
            )
        return (
            f"require_{table.name}_{col}",
            [f"ALTER TABLE {table.name} ALTER COLUMN {col} SET NOT NULL;"],
            [f"ALTER TABLE {table.name} ALTER COLUMN {col} DROP NOT NULL;"],
        )

    def drop_column(self) -> tuple[str, list[str], list[str]]:
        table = self.pick()
        plain = [c for c in table.columns if c in dict(_COLUMNS)]
        if not plain:
            return self.add_column()
        col = self.rng.choice(sorted(plain))
        typ = table.columns.pop(col)
        table.indexes = [i for i in table.indexes if not i.endswith(col)]
        return (
            f"drop_{table.name}_{col}",
            [f"ALTER TABLE {table.name} DROP COLUMN IF EXISTS {col};"],
            [f"ALTER TABLE {table.name} ADD COLUMN {col} {typ};"],
        )

    def drop_table(self) -> tuple[str, list[str], list[str]]:
        leaves = [t for t in self.tables.values() if not self.referenced(t.name)]
        if len(self.tables) < 8 or not leaves:
            return self.create_table()
        table = self.rng.choice(sorted(leaves, key=lambda t: t.name))
        del self.tables[table.name]
        cols = ",\n".join(f"    {c} {t}" for c, t in table.columns.items())
        return (
            f"drop_{table.name}",
            [f"DROP TABLE IF EXISTS {table.name};"],
            [f"CREATE TABLE {table.name} (\n{cols}\n);"],
        )

    def comment(self) -> tuple[str, list[str], list[str]]:
        table = self.pick()
        return (
            f"comment_{table.name}",
            [f"COMMENT ON TABLE {table.name} IS 'The {table.name} of an account.';"],
            [f"COMMENT ON TABLE {table.name} IS NULL;"],
        )


_STEPS = (
    ("create_table", 26),
    ("add_column", 20),
    ("create_index", 12),
    ("add_foreign_key", 8),
    ("alter_column", 8),
    ("rename_column", 5),
    ("drop_column", 5),
    ("drop_index", 4),
    ("validate", 4),
    ("comment", 3),
    ("rename_table", 2),
    ("drop_table", 3),
)


def write_history(folder: Path, n: int = 300, seed: int = 10) -> list[Path]:
    """Write ``n`` golang-migrate migrations into ``folder`` (made if missing); the up files, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    history = _History(seed)
    names = [s for s, _ in _STEPS]
    weights = [w for _, w in _STEPS]
    ups = []
    for i in range(n):
        step = "create_table" if i < 6 else history.rng.choices(names, weights)[0]
        name, up, down = getattr(history, step)()
        stem = f"{i + 1:06d}_{name}"
        (folder / f"{stem}.up.sql").write_text("\n".join(up) + "\n")
        (folder / f"{stem}.down.sql").write_text("\n".join(down or ["-- nothing to undo"]) + "\n")
        ups.append(folder / f"{stem}.up.sql")
    return ups


if __name__ == "__main__":
    out = write_history(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 300)
    print(f"{len(out)} migrations in {sys.argv[1]}")
