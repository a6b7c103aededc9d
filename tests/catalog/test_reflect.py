"""``catalog.reflect`` reads a live database into one catalog, on each real engine: every non-system schema,
types it does not know by name, composite keys, UNIQUE, CHECK, partial and expression indexes, partitions,
functions, triggers, enum and domain types, row-level security and policies. The designer's and the
reviewer's views of a project are filters over it."""

from __future__ import annotations

import pytest

from schemawright.catalog.models import Catalog, IndexKey, TableRef
from schemawright.catalog.reflect import reflect, table_refs
from schemawright.engines.scratch import scratch_database
from schemawright.project import reflect as project_view
from schemawright.review import reflect as review_view
from schemawright.review.schema import Schema
from tests.services import POSTGRES, service_url

MYSQL = "SCHEMAWRIGHT_MYSQL_URL"

POSTGRES_SCHEMA = """CREATE SCHEMA billing;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
CREATE TABLE accounts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email VARCHAR(200) NOT NULL CONSTRAINT uq_accounts_email UNIQUE,
    snapshot xid8,
    mood mood,
    credits positive,
    price NUMERIC(10, 2) CONSTRAINT ck_accounts_price CHECK (price >= 0)
);
COMMENT ON TABLE accounts IS 'who signs in';
CREATE UNIQUE INDEX uq_accounts_lower_email ON accounts (lower(email));
CREATE TABLE pairs (a int, b int, CONSTRAINT pk_pairs PRIMARY KEY (a, b));
CREATE TABLE pair_refs (
    id int PRIMARY KEY, a int, b int,
    CONSTRAINT fk_pair_refs_pairs FOREIGN KEY (a, b) REFERENCES pairs (a, b) ON DELETE SET NULL
);
CREATE INDEX idx_pair_refs_ab ON pair_refs (a, b DESC) WHERE a > 0;
CREATE TABLE billing.invoices (
    id BIGINT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE TABLE billing.accounts (id BIGINT PRIMARY KEY);
CREATE TABLE events (id bigint, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE billing.events_old PARTITION OF events FOR VALUES FROM ('2000-01-01') TO ('2024-01-01');
CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE FUNCTION billing.total(a int, b int) RETURNS int LANGUAGE sql AS 'SELECT a + b';
CREATE TRIGGER trg_invoices_touch BEFORE UPDATE ON billing.invoices
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE VIEW billing.open_invoices AS SELECT id FROM billing.invoices;
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY accounts_own ON accounts FOR SELECT USING (email = current_user);
CREATE TABLE schema_migrations (version bigint PRIMARY KEY);
"""


def read_postgres() -> Catalog:
    with scratch_database("postgresql", service_url(POSTGRES)) as db:
        db.execute_script(POSTGRES_SCHEMA)
        return reflect(db)


def test_postgres_catalog_reads_every_schema() -> None:
    catalog = read_postgres()
    assert catalog.default_schema == "public" and catalog.schemas == ["billing"]
    # the migration tool's own table is not the application's
    assert {t.qualified for t in catalog.tables} == {
        "accounts", "pairs", "pair_refs", "events", "events_2024",
        "billing.invoices", "billing.accounts", "billing.events_old",
    }  # fmt: skip
    invoices = catalog.table("billing.invoices")
    assert invoices is not None
    [fk] = invoices.foreign_keys
    assert (fk.ref_qualified, fk.ref_columns, fk.on_delete) == ("accounts", ["id"], "CASCADE")
    assert [t.qualified for t in catalog.in_schema("billing")] == [
        "billing.invoices", "billing.accounts", "billing.events_old"
    ]  # fmt: skip


def test_postgres_columns_keep_unknown_types_by_name() -> None:
    accounts = read_postgres().table("accounts")
    assert accounts is not None
    snapshot, mood, credits, price = (accounts.column(n) for n in ("snapshot", "mood", "credits", "price"))
    assert snapshot is not None and (snapshot.type, snapshot.known_type) == ("xid8", False)
    assert snapshot.logical.name == "text"  # the nearest neutral type
    assert mood is not None and mood.type == "mood"
    assert credits is not None and credits.type == "positive"
    assert price is not None and price.type == "NUMERIC(10, 2)" and price.logical.precision == 10
    identity = accounts.column("id")
    assert identity is not None and identity.identity and not identity.nullable


def test_postgres_keys_constraints_and_indexes() -> None:
    catalog = read_postgres()
    pairs, refs, accounts = (catalog.table(n) for n in ("pairs", "pair_refs", "accounts"))
    assert pairs is not None and refs is not None and accounts is not None
    assert pairs.primary_key is not None and pairs.primary_key.columns == ["a", "b"]
    assert pairs.primary_key.name == "pk_pairs"
    [fk] = refs.foreign_keys
    assert (fk.name, fk.columns, fk.ref_table, fk.ref_columns, fk.on_delete) == (
        "fk_pair_refs_pairs", ["a", "b"], "pairs", ["a", "b"], "SET NULL"
    )  # fmt: skip
    [partial] = [ix for ix in refs.indexes if ix.name == "idx_pair_refs_ab"]
    assert partial.keys == [IndexKey(column="a"), IndexKey(column="b", descending=True)]
    assert partial.where == "(a > 0)" and partial.method is None  # the default method, btree
    [unique] = accounts.uniques
    assert (unique.name, unique.columns) == ("uq_accounts_email", ["email"])
    indexes = {ix.name: ix for ix in accounts.indexes}
    assert indexes["uq_accounts_email"].constraint == "uq_accounts_email"  # the constraint's own index
    expression = indexes["uq_accounts_lower_email"]
    assert expression.unique and expression.keys == [IndexKey(expression="lower(email::text)")]
    assert [(c.name, c.expression) for c in accounts.checks] == [("ck_accounts_price", "price >= 0::numeric")]
    assert accounts.comment == "who signs in"


def test_postgres_partitions_functions_triggers_types_policies() -> None:
    catalog = read_postgres()
    events, old = catalog.table("events"), catalog.table("billing.events_old")
    assert events is not None and old is not None and events.partitioned
    assert [p.qualified for p in events.partitions] == ["billing.events_old", "events_2024"]
    assert old.partition_of == TableRef(name="events")
    assert [(f.schema_name, f.name, f.arguments) for f in catalog.functions] == [
        (None, "set_updated_at", ""), ("billing", "total", "a integer, b integer")
    ]  # fmt: skip
    [trigger] = catalog.triggers
    assert (trigger.table_qualified, trigger.name, trigger.function) == (
        "billing.invoices", "trg_invoices_touch", "set_updated_at"
    )  # fmt: skip
    types = {t.name: t for t in catalog.types}
    assert types["mood"].values == ["sad", "ok", "happy"] and types["positive"].base == "integer"
    [policy] = catalog.policies
    assert (policy.table, policy.name, policy.command, policy.roles) == (
        "accounts", "accounts_own", "SELECT", ["public"]
    )  # fmt: skip
    accounts = catalog.table("accounts")
    assert accounts is not None and accounts.row_level_security
    assert [(v.schema_name, v.name) for v in catalog.views] == [("billing", "open_invoices")]


def test_the_catalog_is_json() -> None:
    catalog = read_postgres()
    assert Catalog.model_validate_json(catalog.model_dump_json()) == catalog


def test_mysql_catalog() -> None:
    with scratch_database("mysql", service_url(MYSQL)) as db:
        db.execute_script(
            """CREATE TABLE pairs (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (a, b)) COMMENT 'pairs';
CREATE TABLE pair_refs (
  id BIGINT AUTO_INCREMENT PRIMARY KEY, a INT, b INT, state ENUM('open', 'done') NOT NULL,
  CONSTRAINT uq_pair_refs_ab UNIQUE (a, b),
  CONSTRAINT fk_pair_refs_pairs FOREIGN KEY (a, b) REFERENCES pairs (a, b) ON DELETE CASCADE
);
CREATE TRIGGER trg_pair_refs BEFORE UPDATE ON pair_refs FOR EACH ROW SET NEW.state = 'open';
CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC RETURN x * 2;
CREATE TABLE goose_db_version (id INT PRIMARY KEY);
"""
        )
        catalog = reflect(db)
    assert catalog.schemas == [] and [t.qualified for t in catalog.tables] == ["pair_refs", "pairs"]
    refs, pairs = catalog.tables
    assert pairs.comment == "pairs" and pairs.primary_key is not None
    assert pairs.primary_key.columns == ["a", "b"]
    key = refs.column("id")
    assert key is not None and key.autoincrement and key.logical.name == "bigint"
    state = refs.column("state")
    assert state is not None and state.type == "ENUM('open','done')" and not state.nullable
    [fk] = refs.foreign_keys
    assert (fk.columns, fk.ref_table, fk.on_delete) == (["a", "b"], "pairs", "CASCADE")
    [unique] = refs.uniques
    assert (unique.name, unique.index) == ("uq_pair_refs_ab", "uq_pair_refs_ab")  # MySQL: one object
    [twice] = catalog.functions
    assert (twice.name, twice.kind) == ("twice", "function") and twice.returns.startswith("int")
    assert [(t.name, t.table) for t in catalog.triggers] == [("trg_pair_refs", "pair_refs")]


def test_sqlite_catalog() -> None:
    with scratch_database("sqlite") as db:
        db.execute_script(
            """CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL, extra);
CREATE TABLE tags (note_id INTEGER NOT NULL REFERENCES notes (id), tag TEXT NOT NULL,
  CONSTRAINT uq_tags UNIQUE (note_id, tag), CONSTRAINT ck_tags_tag CHECK (length(tag) > 0));
CREATE INDEX idx_tags_tag ON tags (tag) WHERE tag <> '';
CREATE TRIGGER trg_notes AFTER UPDATE ON notes BEGIN SELECT 1; END;
"""
        )
        catalog = reflect(db)
        assert table_refs(db) == [TableRef(name="notes"), TableRef(name="tags")]  # not sqlite_sequence
    notes, tags = catalog.tables
    extra = notes.column("extra")
    assert extra is not None and (extra.type, extra.known_type) == ("", False)  # declared without a type
    assert notes.comment is None  # SQLite keeps no comments
    [index] = tags.indexes
    assert (index.name, index.columns, index.where) == ("idx_tags_tag", ["tag"], "tag <> ''")
    assert [(u.name, u.columns) for u in tags.uniques] == [("uq_tags", ["note_id", "tag"])]
    assert [c.name for c in tags.checks] == ["ck_tags_tag"]
    assert [(t.name, t.table) for t in catalog.triggers] == [("trg_notes", "notes")]


def test_sqlite_column_keys_keep_their_name_and_actions() -> None:
    # SQLite keeps a key's name only in the table's SQL, and SQLAlchemy reads it (and ON DELETE / ON
    # UPDATE) for table-level keys only; a column's own REFERENCES is how the designer links an existing
    # SQLite table to a new one, so its name and action must survive a replay
    with scratch_database("sqlite") as db:
        db.execute_script(
            """CREATE TABLE teams (id TEXT NOT NULL PRIMARY KEY);
CREATE TABLE users (id TEXT NOT NULL PRIMARY KEY, email TEXT NOT NULL);
ALTER TABLE users ADD COLUMN team_id TEXT CONSTRAINT fk_users_teams REFERENCES teams (id) ON DELETE SET NULL;
CREATE TABLE badges (id INTEGER PRIMARY KEY,
  "team id" TEXT CONSTRAINT "badge→team" REFERENCES teams (id) ON DELETE CASCADE ON UPDATE RESTRICT,
  user_id TEXT REFERENCES users ON DELETE SET NULL,
  owner_id TEXT REFERENCES users (id),
  CONSTRAINT fk_badges_teams FOREIGN KEY (owner_id) REFERENCES teams (id) ON DELETE RESTRICT);
"""
        )
        catalog = reflect(db)
        tables = {t.name: t for t in project_view.design_tables(catalog)}

    def keys(table: str) -> list[tuple[str | None, list[str], str, str | None, str | None]]:
        found = catalog.table(table)
        assert found is not None
        return sorted(
            ((fk.name, fk.columns, fk.ref_table, fk.on_delete, fk.on_update) for fk in found.foreign_keys),
            key=str,
        )

    assert keys("users") == [("fk_users_teams", ["team_id"], "teams", "SET NULL", None)]
    assert keys("badges") == sorted(
        [
            ("badge→team", ["team id"], "teams", "CASCADE", "RESTRICT"),
            (None, ["user_id"], "users", "SET NULL", None),  # unnamed: SQLite has no name for it
            (None, ["owner_id"], "users", None, None),  # NO ACTION, as the other engines report it
            ("fk_badges_teams", ["owner_id"], "teams", "RESTRICT", None),  # table-level, read whole
        ],
        key=str,
    )
    [link] = tables["users"].foreign_keys  # the designer's view of the existing table
    assert (link.name, link.on_delete) == ("fk_users_teams", "SET NULL")


def test_the_designer_and_the_reviewer_see_filters_of_one_catalog() -> None:
    catalog = read_postgres()
    # the designer: every table, qualified outside the default schema, the default schema's functions
    designed = project_view.design_tables(catalog)
    assert [t.name for t in designed][:5] == ["accounts", "events", "events_2024", "pair_refs", "pairs"]
    assert "billing.invoices" in {t.name for t in designed} and all(t.existing for t in designed)
    assert project_view.functions(catalog) == ["set_updated_at"]
    assert project_view.triggered_tables(catalog) == {"billing.invoices"}
    assert project_view.partitions(catalog) == {"events": ["billing.events_old", "events_2024"]}
    # the reviewer: bare keys, qualified only where the default schema has the name too
    schema = review_view.review_schema(catalog, Schema(), {})
    assert set(schema.tables) == {
        "accounts", "pairs", "pair_refs", "events", "events_2024",
        "invoices", "billing.accounts", "events_old",
    }  # fmt: skip
    assert schema.functions == {"set_updated_at", "total"} and schema.types == {"mood", "positive"}
    partition_of = schema.tables["events_old"].partition_of
    assert partition_of is not None and partition_of.name == "events"


GENERATED_KEYS = {  # the columns the engine fills when a row leaves them out, then those it does not
    "postgresql": (
        "CREATE TABLE t (a BIGINT GENERATED ALWAYS AS IDENTITY, b SERIAL, c SMALLSERIAL, d INT PRIMARY KEY, "
        "e BIGINT DEFAULT 1);",
        {"a", "b", "c"},
    ),
    "mysql": ("CREATE TABLE t (a SMALLINT AUTO_INCREMENT PRIMARY KEY, d INT, e BIGINT DEFAULT 1);", {"a"}),
    "sqlite": ("CREATE TABLE t (a INTEGER PRIMARY KEY AUTOINCREMENT, d INT, e BIGINT DEFAULT 1);", set()),
}


@pytest.mark.parametrize("dialect", list(GENERATED_KEYS))
def test_the_designer_and_the_reviewer_agree_on_which_columns_fill_themselves(dialect: str) -> None:
    """One rule, the catalog's (identity, serial, AUTO_INCREMENT): the designer's identity default and the
    reviewer's identity flag are both read from it (a MySQL SMALLINT AUTO_INCREMENT key is one)."""
    sql, filled = GENERATED_KEYS[dialect]
    url = {"postgresql": POSTGRES, "mysql": MYSQL}.get(dialect)
    with scratch_database(dialect, service_url(url) if url else None) as db:  # type: ignore[arg-type]
        db.execute_script(sql)
        catalog = reflect(db)
    [found] = catalog.tables
    assert {c.name for c in found.columns if c.fills_itself} == filled
    [designed] = project_view.design_tables(catalog)
    assert {c.name for c in designed.columns if c.default_kind == "identity"} == filled
    reviewed = review_view.review_schema(catalog, Schema(), {}).tables["t"]
    assert {c.name for c in reviewed.columns if c.fills_itself} == filled


def test_reading_again_only_the_changed_tables_gives_the_full_reading() -> None:
    from schemawright.catalog.changes import tables_changed
    from schemawright.catalog.reflect import reflect_changed

    script = (
        "CREATE TABLE notes (id int PRIMARY KEY,\n"
        "    account_id bigint REFERENCES accounts (id) ON DELETE CASCADE);\n"
        "CREATE INDEX idx_notes_account_id ON notes (account_id);\n"
        "ALTER TABLE pair_refs ADD COLUMN note_id int REFERENCES notes (id);\n"
        "COMMENT ON COLUMN billing.invoices.account_id IS 'who pays';\n"
    )
    with scratch_database("postgresql", service_url(POSTGRES)) as db:
        db.execute_script(POSTGRES_SCHEMA)
        before = reflect(db)
        db.execute_script(script)
        changed = tables_changed([script], before)
        assert changed == {(None, "notes"), (None, "pair_refs"), ("billing", "invoices")}
        again = reflect_changed(db, before, changed)
        assert again.model_dump() == reflect(db).model_dump()
        # the other tables are the earlier reading's (copies: the partition fields are filled in again)
        pairs = next(t for t in before.tables if t.name == "pairs")
        assert next(t for t in again.tables if t.name == "pairs").columns is pairs.columns
        # which is why the caller must name every changed table: one left out is read as it was
        stale = reflect_changed(db, before, changed - {(None, "pair_refs")})
        refs = stale.table("pair_refs")
        assert refs is not None and refs.column("note_id") is None


def test_a_changed_table_in_a_partition_tree_is_read_with_everything_else() -> None:
    from schemawright.catalog.reflect import reflect_changed

    with scratch_database("postgresql", service_url(POSTGRES)) as db:
        db.execute_script(POSTGRES_SCHEMA)
        before = reflect(db)
        db.execute_script("ALTER TABLE events ADD COLUMN note text;")  # its partitions get the column too
        again = reflect_changed(db, before, {(None, "events")})
        assert again.model_dump() == reflect(db).model_dump()
        partition = again.table("events_2024")
        assert partition is not None and partition.column("note") is not None


def test_an_engine_that_cannot_tell_inheritance_keeps_no_table_from_the_earlier_reading() -> None:
    from schemawright.catalog.reflect import reflect_changed

    with scratch_database("sqlite") as db:
        db.execute_script("CREATE TABLE notes (id INTEGER PRIMARY KEY);")
        before = reflect(db)
        db.execute_script("ALTER TABLE notes ADD COLUMN body TEXT;")
        again = reflect_changed(db, before, set())  # told nothing changed: SQLite reads everything anyway
        notes = again.table("notes")
        assert notes is not None and notes.column("body") is not None
        assert again.model_dump() == reflect(db).model_dump()
