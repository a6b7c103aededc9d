"""The static schema model: copy-on-write copies stay independent, and the incremental comparison of two
schemas equals the full one."""

from __future__ import annotations

from schemawright.review.apply import apply as apply_statement
from schemawright.review.parse import parse_script
from schemawright.review.schema import Schema, column, column_keys


def apply(schema: Schema, sql: str) -> Schema:
    statements, _ = parse_script(sql, "postgresql", "x.sql")
    for stmt in statements:
        apply_statement(schema, stmt)
    return schema


BASE = """
CREATE TABLE users (id BIGINT PRIMARY KEY, email TEXT NOT NULL, name VARCHAR(20));
CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT REFERENCES users (id));
CREATE INDEX idx_orders_user_id ON orders (user_id);
CREATE TYPE mood AS ENUM ('a', 'b');
CREATE VIEW v_users AS SELECT id FROM users;
"""


def test_a_copy_and_its_original_change_independently() -> None:
    original = apply(Schema(), BASE)
    copy = original.copy()
    apply(
        copy,
        "ALTER TABLE users ALTER COLUMN name TYPE TEXT; ALTER TABLE users ADD COLUMN age INT;"
        "ALTER TABLE users RENAME COLUMN email TO mail; DROP INDEX idx_orders_user_id;"
        "ALTER TABLE orders RENAME TO purchases; DROP TYPE mood;",
    )
    users = original.table("users")
    assert users is not None and column_keys(users) == ["id", "email", "name"]
    name = column(users, "name")
    assert name is not None and name.type == "VARCHAR(20)"
    assert original.table("orders") is not None and original.index_owner("idx_orders_user_id") is not None
    assert "mood" in original.types
    # and the other way round: the original changing after the copy leaves the copy alone
    apply(original, "ALTER TABLE users DROP COLUMN name; CREATE INDEX idx_users_email ON users (email);")
    copied_users = copy.table("users")
    assert copied_users is not None and column_keys(copied_users) == ["id", "name", "age", "mail"]
    assert copy.index_owner("idx_users_email") is None
    copied_name = column(copied_users, "name")
    assert copied_name is not None and copied_name.type == "TEXT"


def full_diff(now: Schema, before: Schema) -> tuple[set[str], set[str]]:
    return now.objects() - before.objects(), before.objects() - now.objects()


def test_incremental_changes_equal_the_full_comparison() -> None:
    steps = [
        "CREATE TABLE tags (id BIGINT PRIMARY KEY, label TEXT);",
        "ALTER TABLE users ADD COLUMN age INT; CREATE INDEX idx_users_age ON users (age);",
        "DROP TABLE orders;",
        "ALTER TABLE users RENAME TO accounts;",
        "DROP INDEX idx_orders_user_id; CREATE INDEX idx_orders_user_id ON users (email);",
        "ALTER TABLE orders ADD COLUMN note TEXT; DROP VIEW v_users; CREATE FUNCTION f() RETURNS INT "
        "AS $$ SELECT 1 $$ LANGUAGE sql;",
        "ALTER TABLE stub_only ADD COLUMN x INT;",  # a table created outside the visible chain
        "",
    ]
    for sql in steps:
        before = apply(Schema(), BASE)
        now = before.copy()
        apply(now, sql)
        assert now.changes_since(before) == full_diff(now, before), sql
        # a further copy (the down's) still compares correctly with the schema before the up
        later = now.copy()
        apply(later, "DROP TABLE IF EXISTS tags; ALTER TABLE users DROP COLUMN email;")
        assert later.changes_since(before) == full_diff(later, before), sql


def test_a_column_s_line_is_where_its_name_stands_whole_in_any_case_or_quoted() -> None:
    import re

    from schemawright.review.apply import _find_word

    script = (
        "CREATE TABLE notes (\n"
        "    id BIGINT PRIMARY KEY,\n"
        "    author_id BIGINT,\n"  # not 'id' inside a longer name
        '    "Body" TEXT,\n'
        "    ÉTAT TEXT,\n"  # not ASCII: the pattern itself
        "    CONSTRAINT fk_notes_author FOREIGN KEY (author_id) REFERENCES users (id)\n"
        ");"
    )
    schema = apply(Schema(), script)
    notes = schema.tables["notes"]
    # unquoted names as PostgreSQL stores them (it folds ASCII letters only: ÉTAT is État)
    assert {c.name: c.line for c in notes.columns} == {"id": 2, "author_id": 3, "Body": 4, "État": 5}
    assert [fk.line for fk in notes.foreign_keys] == [6]
    # the same positions as the pattern it replaces, on lines and words like these
    for word in ("id", "ID", "Body", "body", "author", "users", "missing", "ÉTAT", "état", '"x'):
        found = re.search(rf"(?<![\w\"]){re.escape(word)}(?![\w\"])|\"{re.escape(word)}\"", script, re.I)
        assert _find_word(script, word) == (-1 if found is None else found.start())


def _scan_owner(schema: Schema, name: str) -> object:
    """The table index_owner must return: the first, in order, holding an index of that name."""
    return next(
        (t for t in schema.tables.values() if any((i.name or "").lower() == name for i in t.indexes)), None
    )


def test_index_owner_is_the_first_table_holding_the_index() -> None:
    steps = [
        BASE,
        "CREATE INDEX idx_users_email ON users (email); CREATE INDEX ix_same ON users (name);",
        "CREATE INDEX ix_same ON orders (user_id);",  # MySQL names indexes per table: two hold ix_same
        "ALTER INDEX idx_users_email RENAME TO idx_users_mail;",
        "ALTER TABLE users RENAME TO accounts; CREATE INDEX idx_late ON stub_only (x);",
        "DROP INDEX ix_same; ALTER TABLE orders DROP COLUMN user_id;",
        "DROP TABLE accounts; CREATE TABLE users (id BIGINT PRIMARY KEY);",
        "CREATE INDEX idx_users_email ON users (id);",
    ]
    names = {"idx_orders_user_id", "idx_users_email", "idx_users_mail", "ix_same", "idx_late", "nope"}
    schema, copies = Schema(), []
    for sql in steps:
        copies.append(schema.copy())  # copies share what index_owner looks things up in
        apply(schema, sql)
        for name in names:
            assert schema.index_owner(name.upper()) is _scan_owner(schema, name), (sql, name)
    for copy in copies:
        for name in names:
            assert copy.index_owner(name) is _scan_owner(copy, name), name


def test_rules_comparing_before_and_after_see_the_schema_before_the_up() -> None:
    """A review applies each up to the running schema in place and keeps the schema before it only as a
    copy-on-write snapshot (no deep copy per migration). The rules that compare states still see the state
    before the up (the down's SW613 names what the up dropped), the next migration sees the state after the
    up (SW606: users exists), and the down's changes stay out of the chain (age is still there)."""
    from schemawright.review.chain import Migration, Section
    from schemawright.review.engine import review_chain

    def migration(name: str, up: str, down: str) -> Migration:
        return Migration(name, Section(f"{name}.up.sql", up), Section(f"{name}.down.sql", down))

    history = [
        migration(
            "001_users",
            "CREATE TABLE users (id BIGINT PRIMARY KEY, email TEXT NOT NULL, name TEXT);\n"
            "CREATE INDEX idx_users_email ON users (email);\n",
            "DROP TABLE users;\n",
        ),
        migration(
            "002_trim",
            "ALTER TABLE users DROP COLUMN name;\nDROP INDEX idx_users_email;\n"
            "ALTER TABLE users ADD COLUMN age INT;\n",
            "ALTER TABLE users DROP COLUMN age;\n",
        ),
        migration("003_age", "CREATE INDEX idx_users_age ON users (age);\n", "DROP INDEX idx_users_age;\n"),
    ]
    report = review_chain(history, dialect="postgresql")
    sw613 = [f.message for f in report.findings if f.code == "SW613"]
    assert sw613 == ["The down of 002_trim does not recreate: column users.name, index idx_users_email."]
    sw606 = [f.message for f in report.findings if f.code == "SW606"]
    assert sw606 == ["Index idx_users_age is built on existing table users without CONCURRENTLY."]
    # the schema the history leaves: the ups' changes, none of the downs'
    schema = Schema()
    for step in history:
        apply(schema, step.up.sql)
    users = schema.table("users")
    assert users is not None and column_keys(users) == ["id", "email", "age"]
    assert schema.index_owner("idx_users_email") is None and schema.index_owner("idx_users_age") is users
