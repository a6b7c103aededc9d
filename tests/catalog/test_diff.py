"""``catalog.diff`` computes the operations from one catalog to another, on real engines: build the schema
before and the schema after in two scratch databases, diff their catalogs, run the operations on the first
one — it then reads back like the second — and their reverse brings it back to where it was."""

from __future__ import annotations

from typing import Any

from schemawright.catalog.diff import Diff, diff
from schemawright.catalog.models import Catalog
from schemawright.catalog.reflect import reflect
from schemawright.engines.scratch import ScratchDatabase, scratch_database
from schemawright.ops import models as o
from schemawright.ops.render import renderer_for
from tests.services import POSTGRES, service_url

MYSQL = "SCHEMAWRIGHT_MYSQL_URL"

PAIRS = "CREATE TABLE pairs (a INT NOT NULL, b INT NOT NULL, CONSTRAINT pk_pairs PRIMARY KEY (a, b));\n"
BEFORE = (
    PAIRS
    + """CREATE TABLE notes (id BIGINT NOT NULL, body VARCHAR(200) NOT NULL, old_flag {flag},
    CONSTRAINT pk_notes PRIMARY KEY (id));
CREATE INDEX idx_notes_body ON notes (body);
CREATE TABLE gone (id BIGINT NOT NULL, note_id BIGINT, CONSTRAINT pk_gone PRIMARY KEY (id),
    CONSTRAINT fk_gone_notes FOREIGN KEY (note_id) REFERENCES notes (id));
"""
)
AFTER = (
    PAIRS
    + """CREATE TABLE notes (id BIGINT NOT NULL, body VARCHAR(200) NOT NULL, pair_a INT, pair_b INT,
    CONSTRAINT pk_notes PRIMARY KEY (id));
CREATE INDEX idx_notes_pair ON notes (pair_a, pair_b DESC);
ALTER TABLE notes ADD CONSTRAINT fk_notes_pairs FOREIGN KEY (pair_a, pair_b) REFERENCES pairs (a, b)
    ON DELETE CASCADE;
CREATE TABLE tags (id BIGINT NOT NULL, note_id BIGINT NOT NULL, label VARCHAR(40) NOT NULL,
    CONSTRAINT pk_tags PRIMARY KEY (id),
    CONSTRAINT fk_tags_notes FOREIGN KEY (note_id) REFERENCES notes (id) ON DELETE CASCADE);
CREATE INDEX idx_tags_note_id ON tags (note_id);
"""
)


def shape(catalog: Catalog) -> dict[str, Any]:
    """What the operations must reproduce: columns, keys and indexes of every table."""
    return {
        t.qualified: {
            "columns": [(c.name, c.type, c.nullable) for c in t.columns],
            "primary_key": t.primary_key.columns if t.primary_key else [],
            "foreign_keys": sorted(
                (fk.name, fk.columns, fk.ref_qualified, fk.ref_columns, fk.on_delete) for fk in t.foreign_keys
            ),
            "indexes": sorted(
                (ix.name, [(k.text, k.descending) for k in ix.keys], ix.unique, ix.where)
                for ix in t.indexes
                if not ix.constraint and not any(u.index == ix.name for u in t.uniques)
            ),
        }
        for t in sorted(catalog.tables, key=lambda t: t.qualified)
    }


def run(db: ScratchDatabase, change: Diff, operations: list[o.Operation]) -> None:
    renderer = renderer_for(db.dialect, change.tables)
    for op in operations:
        db.execute_script(renderer.render(op))


def round_trip(dialect: str, url: str | None, before: str, after: str, **options: bool) -> Diff:
    """Diff ``before`` → ``after``, apply the operations and their reverse on ``before``'s database."""
    with scratch_database(dialect, url) as target:  # type: ignore[arg-type]
        target.execute_script(after)
        wanted = reflect(target)
    with scratch_database(dialect, url) as db:  # type: ignore[arg-type]
        db.execute_script(before)
        start = reflect(db)
        change = diff(start, wanted, **options)
        run(db, change, change.operations)
        assert shape(reflect(db)) == shape(wanted)
        run(db, change, change.reverse)
        assert shape(reflect(db)) == shape(start)
    return change


def test_postgres_diff_applies_and_reverses() -> None:
    partial = "CREATE INDEX idx_tags_label ON tags (label) WHERE label <> '';\n"
    change = round_trip("postgresql", service_url(POSTGRES), BEFORE.format(flag="BOOLEAN"), AFTER + partial)
    assert change.unsupported == []
    kinds = [op.op for op in change.operations]
    # keys and indexes go before the columns and tables they use; new tables before their indexes and keys
    assert kinds == [
        "drop_index", "drop_column", "drop_table", "create_table", "add_column", "add_column",
        "create_index", "create_index", "create_index", "add_foreign_key",
    ]  # fmt: skip
    [key] = [op for op in change.operations if isinstance(op, o.AddForeignKey)]
    assert key.foreign_key.columns == ["pair_a", "pair_b"] and key.foreign_key.ref_columns == ["a", "b"]


def test_mysql_diff_applies_and_reverses() -> None:
    change = round_trip("mysql", service_url(MYSQL), BEFORE.format(flag="INT"), AFTER)
    assert change.unsupported == []
    with scratch_database("mysql", service_url(MYSQL)) as db:
        db.execute_script(BEFORE.format(flag="BOOLEAN"))  # MySQL keeps it as TINYINT(1)
        start = reflect(db)
    target = start.model_copy(deep=True)
    notes = target.table("notes")
    assert notes is not None
    notes.columns = [c for c in notes.columns if c.name != "old_flag"]
    # the dropped column would come back (in the reverse) as the designer's type: said, not hidden
    assert diff(start, target).unsupported == ["notes.old_flag: type TINYINT(1) is rendered INT"]


def test_sqlite_adds_a_key_with_its_column() -> None:
    before = "CREATE TABLE notes (id INTEGER NOT NULL PRIMARY KEY, body TEXT NOT NULL);\n"
    after = """CREATE TABLE teams (id INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE notes (id INTEGER NOT NULL PRIMARY KEY, body TEXT NOT NULL,
    team_id INTEGER CONSTRAINT fk_notes_teams REFERENCES teams (id) ON DELETE SET NULL);
"""
    change = round_trip("sqlite", None, before, after, alters_constraints=False)
    create, add = change.operations
    assert isinstance(create, o.CreateTable) and create.table.name == "teams"
    assert isinstance(add, o.AddColumn) and add.foreign_key is not None
    assert add.foreign_key.name == "fk_notes_teams"


def test_what_no_operation_expresses_is_listed() -> None:
    with scratch_database("postgresql", service_url(POSTGRES)) as db:
        db.execute_script("CREATE TABLE notes (id BIGINT PRIMARY KEY, body VARCHAR(20));")
        before = reflect(db)
        db.execute_script(
            "ALTER TABLE notes ALTER COLUMN body TYPE TEXT;\n"
            "ALTER TABLE notes ADD CONSTRAINT ck_notes_body CHECK (body <> '');\n"
            "CREATE VIEW recent_notes AS SELECT id FROM notes;"
        )
        after = reflect(db)
    change = diff(before, after)
    assert change.operations == []
    assert change.unsupported == [
        "notes.body: type changes from VARCHAR(20) to TEXT",
        "notes: CHECK ck_notes_body added",
        "view recent_notes added",
    ]


def test_tables_that_refer_to_each_other() -> None:
    after = """CREATE TABLE teams (id BIGINT NOT NULL, captain_id BIGINT,
    CONSTRAINT pk_teams PRIMARY KEY (id));
CREATE TABLE players (id BIGINT NOT NULL, team_id BIGINT NOT NULL, CONSTRAINT pk_players PRIMARY KEY (id),
    CONSTRAINT fk_players_teams FOREIGN KEY (team_id) REFERENCES teams (id));
ALTER TABLE teams ADD CONSTRAINT fk_teams_players FOREIGN KEY (captain_id) REFERENCES players (id);
"""
    change = round_trip("postgresql", service_url(POSTGRES), PAIRS, PAIRS + after)
    # one table first without its key to the other, the key added once both exist
    assert [op.op for op in change.operations] == ["create_table", "create_table", "add_foreign_key"]


def test_sqlite_refuses_a_key_its_new_column_cannot_carry() -> None:
    # SQLite adds a REFERENCES column only with a NULL default: on a table with rows, a NOT NULL column
    # with a default cannot carry the key, so the column is added without it and the key is listed
    before = "CREATE TABLE notes (id INTEGER NOT NULL PRIMARY KEY);\nINSERT INTO notes (id) VALUES (1);\n"
    after = """CREATE TABLE teams (id INTEGER NOT NULL PRIMARY KEY);
CREATE TABLE notes (id INTEGER NOT NULL PRIMARY KEY,
    team_id INTEGER NOT NULL DEFAULT 0 CONSTRAINT fk_notes_teams REFERENCES teams (id));
"""
    with scratch_database("sqlite") as target:
        target.execute_script(after)
        wanted = reflect(target)
    with scratch_database("sqlite") as db:
        db.execute_script(before)
        change = diff(reflect(db), wanted, alters_constraints=False)
        run(db, change, change.operations)
        notes = reflect(db).table("notes")
    assert change.unsupported == [
        "notes: foreign key fk_notes_teams on an existing table (no ADD CONSTRAINT)"
    ]
    assert notes is not None and notes.column("team_id") is not None and notes.foreign_keys == []
