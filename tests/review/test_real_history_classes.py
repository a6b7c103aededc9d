"""False findings found by hand on real histories (issue 10, re-measured): each class as a minimal fixture
of our own, with its relatives that must still be reported."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from schemawright.review import review_migration, review_project
from schemawright.review.replay import EngineChoice
from tests.services import POSTGRES, service_url

HEAD = "from datetime import timedelta as td\n\nfrom django.db import migrations, models\n\n\n"
INITIAL = (
    HEAD + "class Migration(migrations.Migration):\n"
    "    initial = True\n"
    "    operations = [\n"
    '        migrations.CreateModel("Tag", [("id", models.AutoField(primary_key=True))]),\n'
    "        migrations.CreateModel(\n"
    '            "Order",\n'
    "            [\n"
    '                ("id", models.AutoField(primary_key=True)),\n'
    '                ("tags", models.ManyToManyField(to="shop.Tag")),\n'
    "            ],\n"
    "        ),\n"
    "        migrations.CreateModel(\n"
    '            "Line",\n'
    "            [\n"
    '                ("id", models.AutoField(primary_key=True)),\n'
    '                ("order", models.ForeignKey(on_delete=models.CASCADE, to="shop.Order")),\n'
    "            ],\n"
    "        ),\n"
    "    ]\n"
)
ADDED = (
    HEAD + "class Migration(migrations.Migration):\n"
    '    dependencies = [("shop", "0001_initial")]\n'
    "    operations = [\n"
    '        migrations.AddField("order", "note", models.CharField(blank=True, max_length=10)),\n'
    '        migrations.AddField("order", "body", models.TextField(blank=True)),\n'
    '        migrations.AddField("order", "grace", models.DurationField(default=td(hours=1))),\n'
    '        migrations.AddField("order", "placed", models.DateTimeField(auto_now_add=True)),\n'
    '        migrations.AddField("order", "paid", models.BooleanField(default=False)),\n'
    '        migrations.AddField("order", "code", models.CharField(max_length=5)),\n'
    '        migrations.AddField("order", "qty", models.IntegerField(blank=True)),\n'
    '        migrations.AddField("order", "memo", models.CharField(max_length=5, null=True)),\n'
    "    ]\n"
)


def django_project(root: Path) -> Path:
    migs = root / "shop" / "migrations"
    migs.mkdir(parents=True)
    for folder in (root / "shop", migs):
        (folder / "__init__.py").write_text("")
    (migs / "0001_initial.py").write_text(INITIAL)
    (migs / "0002_fields.py").write_text(ADDED)
    return root


@pytest.mark.parametrize("replayed", [False, True])
def test_django_adds_a_not_null_field_with_its_effective_default(tmp_path: Path, replayed: bool) -> None:
    """Django's schema editor adds a NOT NULL column with the field's default (a callable or an expression
    too), now for auto_now_add, or "" for a blank text field, and drops it right after: no SW601 for those.
    A field with none of these (``code``; ``qty``, blank but an integer) is still reported."""
    engine = EngineChoice(url=service_url(POSTGRES)) if replayed else None
    report = review_project(django_project(tmp_path), engine=engine)
    if replayed:
        assert report.catalog.startswith("reflected"), report.notes
    added = sorted(f.location.column or "" for f in report.findings if f.code == "SW601")
    assert added == ["code", "qty"], [f.message for f in report.findings if f.code == "SW601"]


def test_django_foreign_keys_have_their_on_delete_in_the_model(tmp_path: Path) -> None:
    """on_delete is required on every Django ForeignKey and Django runs it; the database constraint has none
    by design. SW301 is suppressed where the SQL is generated (and counted as suppressed)."""
    report = review_project(django_project(tmp_path), engine=None)
    assert "SW301" not in report.codes()
    assert report.suppressed >= 3  # Line.order and the join table's two foreign keys
    # hand-written SQL without ON DELETE is still reported
    sql = review_migration(
        "CREATE TABLE a (id INT PRIMARY KEY);\n"
        "CREATE TABLE b (id INT PRIMARY KEY, a_id INT REFERENCES a (id));\n"
        "CREATE INDEX idx_b_a ON b (a_id);\n",
        "DROP TABLE b;\nDROP TABLE a;\n",
        dialect="postgresql",
    )
    assert "SW301" in sql.codes()


@pytest.mark.parametrize("replayed", [False, True])
def test_django_many_to_many_table_indexes_both_foreign_keys(tmp_path: Path, replayed: bool) -> None:
    """Django's auto-created join table has an index on each foreign key column (so no SW201), the first
    one redundant beside the unique pair, as SW202 says."""
    engine = EngineChoice(url=service_url(POSTGRES)) if replayed else None
    report = review_project(django_project(tmp_path), engine=engine)
    assert not [f for f in report.findings if f.code == "SW201"], [f.message for f in report.findings]
    [redundant] = [f for f in report.findings if f.code == "SW202"]
    assert redundant.location.table == "shop_order_tags" and "order_id" in redundant.message


def codes_for(columns: str, *, dialect: str = "postgresql", table: str = "items") -> set[str]:
    up = f"CREATE TABLE {table} (\n    id BIGINT PRIMARY KEY,\n{columns}\n);\n"
    return review_migration(up, f"DROP TABLE {table};\n", dialect=dialect).codes()


@pytest.mark.parametrize(
    ("column", "reported"),
    [
        ("content_type TEXT NOT NULL", False),  # a MIME type: an open set (lemmy, warehouse)
        ("url_content_type TEXT", False),
        ("mime_type VARCHAR(100)", False),
        ("object_type TEXT NOT NULL", False),  # an authorization model's own types (openfga)
        ("entity_type TEXT NOT NULL", False),  # a polymorphic discriminator
        ("user_type TEXT NOT NULL", True),  # 'user' or 'userset': a closed set
        ("match_type INTEGER NOT NULL DEFAULT 0", True),
        ("association_type VARCHAR(50) NOT NULL", True),
        ("status TEXT NOT NULL", True),
    ],
)
def test_sw302_open_sets_named_type_are_not_statuses(column: str, reported: bool) -> None:
    assert ("SW302" in codes_for(f"    {column}")) == reported, column


@pytest.mark.parametrize(
    ("column", "reported"),
    [
        ("payment_method_token VARCHAR(35) NOT NULL", False),  # healthchecks: a processor's token
        ("tax_behavior VARCHAR NOT NULL", False),  # warehouse: Stripe's inclusive/exclusive
        ("billing_mode TEXT", False),
        ("price DOUBLE PRECISION NOT NULL", True),
        ("tax_amount TEXT NOT NULL", True),
        ("payment FLOAT", True),
        ("total REAL", True),
    ],
)
def test_sw103_a_thing_about_money_is_no_amount(column: str, reported: bool) -> None:
    assert ("SW103" in codes_for(f"    {column}")) == reported, column


@pytest.mark.parametrize(
    ("columns", "reported"),
    [
        ("    time TIMESTAMP NOT NULL DEFAULT now()", False),  # warehouse's events
        ("    observed TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP", False),
        ("    ts TIMESTAMPTZ NOT NULL", False),
        ("    time TIMESTAMP", True),  # nullable, no default: rows stay undated
        ("    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()", True),
        ("    next_run TIMESTAMPTZ", True),
    ],
)
def test_sw106_a_bare_time_or_an_insert_time_default_dates_the_rows(columns: str, reported: bool) -> None:
    assert ("SW106" in codes_for(columns)) == reported, columns


LINK = """CREATE TABLE rules (id TEXT PRIMARY KEY, updated_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE TABLE segments (key TEXT PRIMARY KEY, updated_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE TABLE rule_segments (
    rule_id TEXT NOT NULL REFERENCES rules ON DELETE CASCADE,
    segment_key TEXT NOT NULL REFERENCES segments ON DELETE CASCADE,
    UNIQUE (rule_id, segment_key)
);
"""


@pytest.mark.parametrize(
    ("up", "table", "reported"),
    [
        (LINK, "rule_segments", False),  # flipt: foreign keys only, no primary key
        (
            "CREATE TABLE project_events (id BIGINT PRIMARY KEY, tag TEXT NOT NULL, "
            "time TIMESTAMPTZ NOT NULL DEFAULT now());\n",
            "project_events",
            False,  # an event stream: written once
        ),
        ("CREATE TABLE audit_log (id BIGINT PRIMARY KEY, line TEXT NOT NULL);\n", "audit_log", False),
        (
            "CREATE TABLE events (id BIGINT PRIMARY KEY, title TEXT NOT NULL, starts_at TIMESTAMPTZ);\n",
            "events",
            True,  # a named event (a concert) is edited
        ),
        ("CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT NOT NULL);\n", "notes", True),
    ],
)
def test_sw107_append_only_tables_need_no_updated_at(up: str, table: str, reported: bool) -> None:
    report = review_migration(up, f"DROP TABLE {table};\n", dialect="postgresql")
    assert any(f.code == "SW107" and f.location.table == table for f in report.findings) == reported


@pytest.mark.parametrize(
    ("dialect", "column", "reported"),
    [
        ("postgresql", "key TEXT NOT NULL", False),  # flipt: not reserved in PostgreSQL nor SQL:2016
        ("postgresql", "index INT", False),
        ("postgresql", '"user" TEXT', True),
        ("postgresql", '"desc" TEXT', True),
        ("mysql", "`key` VARCHAR(255) NOT NULL", True),  # MySQL reserves it: quoted in every query
        ("mysql", "`index` INT", True),
        ("sqlite", '"index" INT', True),
        ("sqlite", "key TEXT", False),
    ],
)
def test_sw402_engine_only_reserved_words_count_on_their_engine(
    dialect: str, column: str, reported: bool
) -> None:
    assert ("SW402" in codes_for(f"    {column}", dialect=dialect)) == reported, (dialect, column)


ALEMBIC_BASE = '''"""tags"""
from alembic import op

revision = "a1"
down_revision = None


def upgrade():
    op.execute("CREATE TABLE tags (id BIGINT PRIMARY KEY, label TEXT NOT NULL)")


def downgrade():
    op.execute("DROP TABLE tags")
'''
# warehouse's habits: LOCK TABLE (needs Alembic's transaction), timeouts and an enum type made on the
# connection Alembic hands out
ALEMBIC_LOCKS = '''"""counts"""
import sqlalchemy as sa
from alembic import op

revision = "b2"
down_revision = "a1"


def upgrade():
    conn = op.get_bind()
    conn.execute(sa.text("SET lock_timeout = '4s'"))
    conn.execute(sa.text("SET statement_timeout = '60s'"))
    sa.Enum("red", "green", name="colour").create(conn)
    op.execute("LOCK TABLE tags IN SHARE ROW EXCLUSIVE MODE")
    op.add_column("tags", sa.Column("colour", sa.Enum("red", "green", name="colour", create_type=False)))


def downgrade():
    op.drop_column("tags", "colour")
    op.execute("DROP TYPE colour")
'''
ALEMBIC_CONCURRENT = '''"""index"""
from alembic import op

revision = "c3"
down_revision = "b2"


def upgrade():
    op.get_bind().commit()
    op.create_index("ix_tags_label", "tags", ["label"], postgresql_concurrently=True)


def downgrade():
    op.drop_index("ix_tags_label", table_name="tags")
'''


def alembic_project(root: Path, *, commit: bool = True) -> Path:
    folder = root / "alembic" / "versions"
    folder.mkdir(parents=True)
    (folder / "a1_tags.py").write_text(ALEMBIC_BASE)
    (folder / "b2_counts.py").write_text(ALEMBIC_LOCKS)
    concurrent = ALEMBIC_CONCURRENT
    if not commit:
        concurrent = concurrent.replace("    op.get_bind().commit()\n", "")
    (folder / "c3_index.py").write_text(concurrent)
    return root


def test_alembic_revisions_run_in_alembics_transaction_on_postgresql(tmp_path: Path) -> None:
    """Alembic runs each revision in a transaction on PostgreSQL (its transactional DDL): LOCK TABLE replays,
    and a type created with ``.create(conn)`` exists for the next operation, so the catalog is reflected
    (was: "LOCK TABLE can only be used in transaction blocks", static catalog, false findings after it).
    SET through ``conn.execute`` counts for SW619/SW620."""
    report = review_project(alembic_project(tmp_path), engine=EngineChoice(url=service_url(POSTGRES)))
    assert report.catalog.startswith("reflected"), report.notes
    assert not {"SW616", "SW617", "SW619", "SW620"} & report.codes(), [f.message for f in report.findings]


def test_alembic_concurrent_index_without_leaving_the_transaction_is_reported(tmp_path: Path) -> None:
    """A revision that does not commit (or use autocommit_block) before CREATE INDEX CONCURRENTLY fails in
    Alembic's transaction: SW616."""
    report = review_project(alembic_project(tmp_path, commit=False), engine=None)
    assert any(f.code == "SW616" and f.migration == "c3" for f in report.findings), report.findings


COUNT_PRIOR = """CREATE TABLE packages (id BIGINT PRIMARY KEY);
CREATE TABLE releases (id BIGINT PRIMARY KEY);
"""
COUNT_UP = """CREATE TABLE row_counts (id BIGINT PRIMARY KEY, table_name TEXT NOT NULL, n BIGINT NOT NULL);
CREATE FUNCTION count_rows() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE TRIGGER update_row_count AFTER INSERT OR DELETE ON packages
    FOR EACH ROW EXECUTE PROCEDURE count_rows();
CREATE TRIGGER update_row_count AFTER INSERT OR DELETE ON releases
    FOR EACH ROW EXECUTE PROCEDURE count_rows();
"""
COUNT_DOWN = """DROP TRIGGER update_row_count ON releases;
DROP TRIGGER update_row_count ON packages;
DROP FUNCTION count_rows();
DROP TABLE row_counts;
"""


def test_triggers_of_one_name_on_several_tables_are_several_triggers() -> None:
    """PostgreSQL names triggers per table (warehouse's update_row_count on four tables): dropping it on one
    table leaves the others (was: false SW618 'does not exist' on the second DROP TRIGGER)."""
    report = review_migration(COUNT_UP, COUNT_DOWN, dialect="postgresql", prior_sql=[COUNT_PRIOR])
    assert not {"SW613", "SW618"} & report.codes(), [f.message for f in report.findings]
    # a down that forgets one of them leaves it behind
    forgot = COUNT_DOWN.replace("DROP TRIGGER update_row_count ON packages;\n", "")
    report = review_migration(COUNT_UP, forgot, dialect="postgresql", prior_sql=[COUNT_PRIOR])
    [left] = [f for f in report.findings if f.code == "SW613"]
    assert "update_row_count on packages" in left.message, left.message
    # and dropping it twice on the same table fails
    twice = "DROP TRIGGER update_row_count ON releases;\n" + COUNT_DOWN
    report = review_migration(COUNT_UP, twice, dialect="postgresql", prior_sql=[COUNT_PRIOR])
    assert any(f.code == "SW618" and "update_row_count" in f.message for f in report.findings)


def test_a_renamed_table_keeps_its_triggers() -> None:
    up = "ALTER TABLE packages RENAME TO projects;\nDROP TRIGGER update_row_count ON projects;\n"
    down = (
        "CREATE TRIGGER update_row_count AFTER INSERT OR DELETE ON projects\n"
        "    FOR EACH ROW EXECUTE PROCEDURE count_rows();\n"
        "ALTER TABLE projects RENAME TO packages;\n"
    )
    prior = COUNT_PRIOR + COUNT_UP.split("\n", 1)[1]
    report = review_migration(up, down, dialect="postgresql", prior_sql=[prior])
    assert not {"SW613", "SW618"} & report.codes(), [f.message for f in report.findings]


ENV_PY = """from alembic import context
from sqlalchemy import create_engine, pool, text


def run_migrations_online():
    connectable = create_engine("postgresql://", poolclass=pool.NullPool)
    with connectable.connect() as connection:
        connection.execute(text("SET statement_timeout = 5000"))
        connection.execute(text("SET lock_timeout = 4000"))
        context.configure(connection=connection, transaction_per_migration=True)
        with context.begin_transaction():
            context.run_migrations()
"""
ALTER_TAGS = '''"""colour"""
import sqlalchemy as sa
from alembic import op

revision = "b2"
down_revision = "a1"


def upgrade():
    op.add_column("tags", sa.Column("colour", sa.Text()))


def downgrade():
    op.drop_column("tags", "colour")
'''


@pytest.mark.parametrize("env_sets", [True, False])
def test_alembic_env_py_timeouts_hold_for_every_revision(tmp_path: Path, env_sets: bool) -> None:
    """warehouse's env.py sets lock_timeout and statement_timeout on the connection before it runs the
    revisions: no SW619/SW620 for any of them (was 363 false findings). Without them, still reported."""
    folder = tmp_path / "migrations"
    (folder / "versions").mkdir(parents=True)
    (folder / "env.py").write_text(ENV_PY if env_sets else ENV_PY.replace("SET ", "SELECT 1 -- "))
    (folder / "versions" / "a1_tags.py").write_text(ALEMBIC_BASE)
    (folder / "versions" / "b2_colour.py").write_text(ALTER_TAGS)
    report = review_project(tmp_path, migrations_dir=Path("migrations"), engine=None)
    assert report.migrations == ["a1", "b2"]
    assert ({"SW619", "SW620"} <= report.codes()) != env_sets, [f.message for f in report.findings]


@pytest.mark.parametrize(
    ("dialect", "create", "reported"),
    [
        ("postgresql", "CREATE TABLE\nLANGUAGE (id INT PRIMARY KEY)", False),  # lemmy: it is `language`
        ("postgresql", "CREATE TABLE Tags (id INT PRIMARY KEY, Label TEXT)", False),
        ("postgresql", 'CREATE TABLE "Tags" (id INT PRIMARY KEY)', True),  # quoted: the case stays
        ("postgresql", 'CREATE TABLE tags (id INT PRIMARY KEY, "Label" TEXT)', True),
        ("mysql", "CREATE TABLE Tags (id INT PRIMARY KEY)", True),  # MySQL keeps the case as written
    ],
)
def test_sw401_unquoted_names_fold_as_the_engine_folds_them(
    dialect: str, create: str, reported: bool
) -> None:
    """PostgreSQL folds unquoted identifiers to lower case: `CREATE TABLE LANGUAGE` makes `language`, and
    the static model now stores it so (was: a false SW401 and a table `LANGUAGE` no later statement found)."""
    report = review_migration(f"{create};\n", "SELECT 1;\n", dialect=dialect)
    assert ("SW401" in report.codes()) == reported, [f.message for f in report.findings]


FUNCS = """CREATE FUNCTION manage_updated_at(_tbl regclass) RETURNS VOID AS $$ BEGIN END; $$ LANGUAGE plpgsql;
CREATE FUNCTION pair(a int, b int) RETURNS int AS $$ SELECT a + b $$ LANGUAGE sql;
CREATE FUNCTION other() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;
"""


def test_drop_function_with_named_arguments_drops_it() -> None:
    """Diesel's initial down: `DROP FUNCTION IF EXISTS diesel_manage_updated_at (_tbl regclass)` (was: the
    name kept a trailing space, the function stayed in the model: a false SW613)."""
    down = (
        "DROP FUNCTION IF EXISTS manage_updated_at (_tbl regclass);\n"
        "DROP FUNCTION pair (a int, b int), other ();\n"
    )
    report = review_migration(FUNCS, down, dialect="postgresql")
    assert "SW613" not in report.codes(), [f.message for f in report.findings]
    report = review_migration(
        FUNCS, "DROP FUNCTION IF EXISTS manage_updated_at (_tbl regclass);\n", dialect="postgresql"
    )
    [left] = [f for f in report.findings if f.code == "SW613"]
    assert "function other" in left.message and "function pair" in left.message


REPLY = """CREATE TABLE comment_reply (id serial PRIMARY KEY, recipient_id int NOT NULL,
    comment_id int NOT NULL, UNIQUE (recipient_id, comment_id));
CREATE INDEX idx_comment_reply_recipient ON comment_reply (recipient_id);
"""


@pytest.mark.parametrize(
    ("up", "codes"),
    [
        # lemmy 2025-08-01-000063: the table renamed, then its unnamed UNIQUE dropped by its PostgreSQL name
        (
            "ALTER TABLE comment_reply RENAME TO notification;\n"
            "ALTER TABLE notification DROP CONSTRAINT comment_reply_recipient_id_comment_id_key;\n",
            set(),
        ),
        ("ALTER TABLE comment_reply DROP CONSTRAINT comment_reply_recipient_id_comment_id_key;\n", set()),
        ("ALTER TABLE comment_reply DROP CONSTRAINT comment_reply_pkey;\n", {"SW101", "SW202"}),
        ("ALTER TABLE comment_reply ADD COLUMN note TEXT;\n", {"SW202"}),  # the unique still covers it
    ],
)
def test_drop_constraint_finds_constraints_declared_without_a_name(up: str, codes: set[str]) -> None:
    report = review_migration(up, "SELECT 1;\n", dialect="postgresql", prior_sql=[REPLY])
    assert {"SW101", "SW202"} & report.codes() == codes, [f.message for f in report.findings]


LONG_INDEX = "idx_post_aggregates_featured_community_newest_comment_time_necro"  # 64 bytes (lemmy)


@pytest.mark.parametrize(
    "up",
    [
        f"CREATE INDEX {LONG_INDEX} ON posts (created_at);\n",
        f"CREATE TABLE {LONG_INDEX} (id BIGINT PRIMARY KEY);\n",
        f"ALTER TABLE posts ADD COLUMN {LONG_INDEX} TEXT;\n",
        f"ALTER TABLE posts RENAME COLUMN title TO {LONG_INDEX};\n",
    ],
)
@pytest.mark.parametrize("replayed", [False, True])
def test_sw405_long_names_where_they_are_given(tmp_path: Path, up: str, replayed: bool) -> None:
    """squawk's identifier-too-long reports the statement; SW405 looked only at the final catalog, so a
    long name a later migration drops again (lemmy's post_aggregates indexes) went unreported."""
    folder = tmp_path / "backend" / "migrations"
    folder.mkdir(parents=True)
    (folder / "001_posts.up.sql").write_text(
        "CREATE TABLE posts (id BIGINT PRIMARY KEY, title TEXT, created_at TIMESTAMPTZ NOT NULL);\n"
    )
    (folder / "001_posts.down.sql").write_text("DROP TABLE posts;\n")
    later = f"DROP TABLE IF EXISTS {LONG_INDEX};\nDROP TABLE posts;\n"
    for name, long in (("long", LONG_INDEX), ("short", LONG_INDEX[:63])):
        (folder / "002_long.up.sql").write_text(up.replace(LONG_INDEX, long))
        (folder / "002_long.down.sql").write_text("SELECT 1;\n")
        (folder / "003_drop.up.sql").write_text(later.replace(LONG_INDEX, long))
        (folder / "003_drop.down.sql").write_text("SELECT 1;\n")
        engine = EngineChoice(url=service_url(POSTGRES)) if replayed else None
        report = review_project(tmp_path, engine=engine)
        found = [f for f in report.findings if f.code == "SW405"]
        if name == "short":
            assert not found, [f.message for f in found]
        else:  # where the name is given (and where the later DROP reaches it by the long name)
            [one] = [f for f in found if f.location.file == "backend/migrations/002_long.up.sql"]
            assert "64 bytes (limit 63)" in one.message and one.location.line == 1


COMBINED = """CREATE TABLE report_combined (id serial PRIMARY KEY, post_report_id int UNIQUE,
    CONSTRAINT report_combined_check CHECK (num_nonnulls (post_report_id) = 1));
CREATE TABLE community_report (id serial PRIMARY KEY);
"""


@pytest.mark.parametrize(
    ("up", "codes"),
    [
        # lemmy 2025-08-01-000032: three actions sqlglot reads one at a time only
        (
            "ALTER TABLE report_combined\n"
            "    ADD COLUMN community_report_id int UNIQUE REFERENCES community_report ON DELETE CASCADE,\n"
            "    DROP CONSTRAINT report_combined_check,\n"
            "    ADD CHECK (num_nonnulls (post_report_id, community_report_id) = 1);\n",
            {"SW607", "SW608", "SW610"},
        ),
        ("ALTER TABLE report_combined ADD CHECK (post_report_id > 0);\n", {"SW608"}),  # unnamed CHECK
        ("ALTER TABLE report_combined ADD CHECK (post_report_id > 0) NOT VALID;\n", set()),
        ("ALTER TABLE report_combined ADD COLUMN note TEXT, ADD COLUMN seen BOOLEAN;\n", set()),
    ],
)
def test_multi_action_alter_and_unnamed_check_are_read(up: str, codes: set[str]) -> None:
    report = review_migration(up, "SELECT 1;\n", dialect="postgresql", prior_sql=[COMBINED])
    assert {"SW607", "SW608", "SW610"} & report.codes() == codes, [f.message for f in report.findings]


def test_unnamed_check_gets_postgresqls_name() -> None:
    """``ADD CHECK (a > 0)`` is ``<table>_a_check`` (one column), else ``<table>_check``: a later DROP
    CONSTRAINT by that name finds it."""
    up = (
        "ALTER TABLE report_combined ADD CHECK (post_report_id > 0) NOT VALID;\n"
        "ALTER TABLE report_combined DROP CONSTRAINT report_combined_post_report_id_check;\n"
    )
    down = "ALTER TABLE report_combined DROP CONSTRAINT IF EXISTS report_combined_post_report_id_check;\n"
    report = review_migration(up, down, dialect="postgresql", prior_sql=[COMBINED])
    assert not {"SW613", "SW618"} & report.codes(), [f.message for f in report.findings]


LOCK_PRIOR = """CREATE TABLE users (id BIGINT PRIMARY KEY);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER trg_users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();
"""


@pytest.mark.parametrize(
    ("up", "codes"),
    [
        ("CREATE TABLE posts (id BIGINT PRIMARY KEY, user_id BIGINT REFERENCES users (id));\n", {"SW619"}),
        ("DROP TRIGGER trg_users_touch ON users;\n", {"SW619"}),
        (  # references a table made in the same migration: nobody waits
            "CREATE TABLE tags (id BIGINT PRIMARY KEY);\n"
            "CREATE TABLE posts (id BIGINT PRIMARY KEY, tag_id BIGINT REFERENCES tags (id));\n",
            set(),
        ),
        (
            "SET lock_timeout = '5s';\n"
            "CREATE TABLE posts (id BIGINT PRIMARY KEY, user_id BIGINT REFERENCES users (id));\n",
            set(),
        ),
        ("ALTER TABLE users ADD COLUMN note TEXT;\n", {"SW619", "SW620"}),
    ],
)
def test_sw619_a_new_foreign_key_locks_the_table_it_references(up: str, codes: set[str]) -> None:
    report = review_migration(up, "SELECT 1;\n", dialect="postgresql", prior_sql=[LOCK_PRIOR])
    assert {"SW619", "SW620"} & report.codes() == codes, [f.message for f in report.findings]


def test_sw405_a_long_name_in_a_drop() -> None:
    prior = f"CREATE TABLE posts (id BIGINT PRIMARY KEY);\nCREATE INDEX {LONG_INDEX[:63]} ON posts (id);\n"
    report = review_migration(
        f"DROP INDEX {LONG_INDEX};\n", "SELECT 1;\n", dialect="postgresql", prior_sql=[prior]
    )
    assert any(f.code == "SW405" and "64 bytes" in f.message for f in report.findings)


VIEW_PRIOR = (
    "CREATE TABLE users (id BIGINT PRIMARY KEY, name TEXT);\n"
    "CREATE VIEW user_names AS SELECT name FROM users;\n"
)


@pytest.mark.parametrize(
    ("up", "reported"),
    [
        ("DROP VIEW user_names;\n", True),  # ACCESS EXCLUSIVE on a view its readers use
        ("CREATE OR REPLACE VIEW user_names AS SELECT name, id FROM users;\n", True),
        ("CREATE VIEW ids AS SELECT id FROM users;\n", False),  # a new view locks nothing anyone waits on
        (
            "CREATE VIEW ids AS SELECT id FROM users;\n"
            "CREATE OR REPLACE VIEW ids AS SELECT id, name FROM users;\n",
            False,
        ),
    ],
)
def test_sw619_dropping_or_replacing_an_existing_view(up: str, reported: bool) -> None:
    report = review_migration(up, "SELECT 1;\n", dialect="postgresql", prior_sql=[VIEW_PRIOR])
    assert ("SW619" in report.codes()) == reported, [f.message for f in report.findings]


def test_an_alter_action_sqlglot_cannot_read_leaves_the_others_read() -> None:
    """lemmy 2025-08-20: DROP CONSTRAINT, ADD CONSTRAINT … CHECK, ALTER CONSTRAINT … NOT DEFERRABLE."""
    up = (
        "ALTER TABLE report_combined\n"
        "    DROP CONSTRAINT report_combined_check,\n"
        "    ADD CONSTRAINT report_combined_check CHECK (num_nonnulls (post_report_id) = 1),\n"
        "    ALTER CONSTRAINT report_combined_post_report_id_fkey NOT DEFERRABLE;\n"
    )
    report = review_migration(up, "SELECT 1;\n", dialect="postgresql", prior_sql=[COMBINED])
    assert "SW608" in report.codes(), [f.message for f in report.findings]


MVIEW = (
    "CREATE VIEW post_view AS SELECT id FROM posts;\n"
    "CREATE MATERIALIZED VIEW post_mview AS SELECT id FROM post_view;\n"
    "CREATE UNIQUE INDEX idx_post_mview_id ON post_mview (id);\n"
)


@pytest.mark.parametrize(
    ("down", "left"),
    [
        ("DROP MATERIALIZED VIEW post_mview;\nDROP VIEW post_view;\n", ""),
        ("DROP VIEW post_view CASCADE;\n", ""),  # lemmy 2020-01-21: the CASCADE takes the matview along
        ("DROP VIEW post_view;\n", "index"),
        ("SELECT 1;\n", "index"),
    ],
)
def test_dropping_a_materialized_view_drops_its_indexes(down: str, left: str) -> None:
    """lemmy 2020-01-13: the down drops the materialized views; their unique indexes go with them (was: a
    false SW613 'leaves behind: index idx_…_mview_id')."""
    prior = "CREATE TABLE posts (id BIGINT PRIMARY KEY);\n"
    report = review_migration(MVIEW, down, dialect="postgresql", prior_sql=[prior])
    messages = [f.message for f in report.findings if f.code == "SW613"]
    assert (left in " ".join(messages)) if left else not messages, messages


COUNTS = (
    "CREATE TABLE row_counts (id BIGINT PRIMARY KEY, table_name TEXT NOT NULL UNIQUE, n BIGINT NOT NULL,\n"
    "    status TEXT);\n"
)


@pytest.mark.parametrize(
    ("up", "reported"),
    [
        (
            "UPDATE row_counts SET table_name = 'projects' WHERE table_name = 'packages';\n",
            False,
        ),  # warehouse
        ("DELETE FROM row_counts WHERE id = 5;\n", False),
        ("UPDATE row_counts SET n = 0 WHERE table_name = 'a' AND n > 3;\n", False),
        ("UPDATE row_counts SET n = 0 WHERE status = 'stale';\n", True),  # any number of rows
        ("UPDATE row_counts SET n = 0;\n", True),
    ],
)
@pytest.mark.parametrize("replayed", [False, True])
def test_sw611_a_change_pinned_to_one_row_is_no_backfill(up: str, reported: bool, replayed: bool) -> None:
    engine = EngineChoice(url=service_url(POSTGRES)) if replayed else None
    report = review_migration(up, "SELECT 1;\n", dialect="postgresql", prior_sql=[COUNTS], engine=engine)
    assert ("SW611" in report.codes()) == reported, [f.message for f in report.findings]


UTILS = """CREATE SCHEMA utils;
CREATE TABLE utils.deps_saved_ddl (id serial NOT NULL, ddl_to_run text);
CREATE FUNCTION utils.save_and_drop_views (p_view_schema name) RETURNS void
    LANGUAGE plpgsql AS $$ BEGIN END; $$;
CREATE VIEW utils.saved AS SELECT 1 AS x;
"""


@pytest.mark.parametrize(
    ("down", "left"),
    [
        ("DROP SCHEMA utils CASCADE;\n", False),
        ("DROP SCHEMA IF EXISTS utils;\n", True),
        ("SELECT 1;\n", True),
    ],
)
def test_drop_schema_cascade_takes_what_the_schema_holds(down: str, left: bool) -> None:
    """lemmy's add_migration_utils down is `DROP SCHEMA utils CASCADE` (was: a false SW613 'leaves behind
    function save_and_drop_views, table deps_saved_ddl')."""
    report = review_migration(UTILS, down, dialect="postgresql")
    assert ("SW613" in report.codes()) == left, [f.message for f in report.findings]


DROP_PRIOR = (
    "CREATE TABLE users (id BIGINT PRIMARY KEY, email TEXT);\n"
    "CREATE INDEX idx_users_email ON users (email);\n"
)


@pytest.mark.parametrize(
    ("up", "reported"),
    [
        # squawk's require-lock-timeout on lemmy: DROP INDEX holds ACCESS EXCLUSIVE on the index's table
        ("DROP INDEX idx_users_email;\n", True),
        ("DROP INDEX IF EXISTS idx_made_outside_the_history;\n", True),
        ("DROP INDEX CONCURRENTLY idx_users_email;\n", False),  # SHARE UPDATE EXCLUSIVE: no reader waits
        ("SET lock_timeout = '5s';\nDROP INDEX idx_users_email;\n", False),
        (  # an index this migration made on a table it made: nobody else can wait on it
            "CREATE TABLE tags (id BIGINT PRIMARY KEY, name TEXT);\n"
            "CREATE INDEX idx_tags_name ON tags (name);\nDROP INDEX idx_tags_name;\n",
            False,
        ),
        # lemmy's custom_migration_runner: the dropped schema's trigger functions take their triggers along
        ("DROP SCHEMA IF EXISTS r CASCADE;\n", True),
        ("DROP SCHEMA IF EXISTS r;\n", False),
    ],
)
def test_sw619_drop_index_and_drop_schema_cascade_lock_tables(up: str, reported: bool) -> None:
    report = review_migration(up, "SELECT 1;\n", dialect="postgresql", prior_sql=[DROP_PRIOR])
    found = [f for f in report.findings if f.code == "SW619"]
    assert bool(found) == reported, [f.message for f in report.findings]
    if reported and up.startswith("DROP INDEX idx"):
        assert found[0].location.table == "users"
    if reported and up.startswith("DROP SCHEMA"):
        assert "depend on schema r " in found[0].message, found[0].message


MVIEW_PRIOR = (
    "CREATE TABLE users (id BIGINT PRIMARY KEY, email TEXT, score INT);\n"
    "CREATE MATERIALIZED VIEW user_scores AS SELECT id, score FROM users;\n"
    "CREATE UNIQUE INDEX idx_user_scores_id ON user_scores (id);\n"
)
REFRESH = "REFRESH MATERIALIZED VIEW CONCURRENTLY user_scores;\n"


def test_refresh_concurrently_runs_in_a_transaction_block() -> None:
    """The premise of the next test, on the real engine: unlike CREATE INDEX CONCURRENTLY, REFRESH
    MATERIALIZED VIEW CONCURRENTLY runs inside a transaction block, so the migration stays atomic."""
    with psycopg.connect(service_url(POSTGRES)) as conn:
        schema = "sw_refresh_tx"
        conn.execute(f"CREATE SCHEMA {schema}")
        try:
            conn.execute(f"SET search_path = {schema}")
            for stmt in MVIEW_PRIOR.strip().split(";\n"):
                conn.execute(stmt)
            conn.commit()
            conn.execute(REFRESH)  # psycopg opened a transaction block: BEGIN was sent before it
            conn.commit()
            with pytest.raises(psycopg.errors.ActiveSqlTransaction):
                conn.execute("CREATE INDEX CONCURRENTLY idx_users_email ON users (email)")
            conn.rollback()
        finally:
            conn.rollback()
            conn.execute(f"DROP SCHEMA {schema} CASCADE")
            conn.commit()


@pytest.mark.parametrize(
    ("up", "codes"),
    [
        # lemmy's create_private_message: the word CONCURRENTLY no longer makes the migration non-atomic,
        # so a statement without IF NOT EXISTS is no SW614 (a failed run rolls back entirely) …
        (REFRESH + "ALTER TABLE users ADD COLUMN handle TEXT;\n", set()),
        # … and NOT VALID + VALIDATE beside it share the transaction (SW621)
        (
            REFRESH + "ALTER TABLE users ADD CONSTRAINT ck_score CHECK (score >= 0) NOT VALID;\n"
            "ALTER TABLE users VALIDATE CONSTRAINT ck_score;\n",
            {"SW621"},
        ),
        # CREATE INDEX CONCURRENTLY cannot run in one: statement by statement, IF NOT EXISTS matters
        (
            "CREATE INDEX CONCURRENTLY idx_users_score ON users (score);\n"
            "ALTER TABLE users ADD COLUMN handle TEXT;\n",
            {"SW614"},
        ),
    ],
)
def test_only_statements_refused_in_a_transaction_make_a_migration_non_atomic(
    up: str, codes: set[str]
) -> None:
    report = review_migration(up, "SELECT 1;\n", dialect="postgresql", prior_sql=[MVIEW_PRIOR])
    assert {"SW614", "SW621"} & report.codes() == codes, [f.message for f in report.findings]
