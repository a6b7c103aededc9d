"""Findings that used to fire on correct migrations (issue 10): partial foreign key indexes (SW201), creation
timestamps not called created_at (SW106), CASCADE drops and the enum swap (SW613, SW618). Each is checked
against PostgreSQL: the planner for SW201, the replayed chain for the others."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from schemawright.review import review_migration, review_project
from schemawright.review.replay import EngineChoice
from tests.services import POSTGRES, service_url

PARENT = """CREATE TABLE authors (
    id BIGINT GENERATED ALWAYS AS IDENTITY,
    name TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_authors PRIMARY KEY (id)
);
"""
CHILD = """CREATE TABLE posts (
    id BIGINT GENERATED ALWAYS AS IDENTITY,
    author_id BIGINT REFERENCES authors (id) ON DELETE CASCADE,
    deleted_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_posts PRIMARY KEY (id)
);
"""


def engine() -> EngineChoice:
    return EngineChoice(url=service_url(POSTGRES))


def planner_uses_index(predicate: str) -> bool:
    """Whether PostgreSQL plans the foreign key's own lookup (the one a parent DELETE runs, as a generic
    plan) with a partial index ``WHERE predicate`` rather than a sequential scan."""
    with psycopg.connect(service_url(POSTGRES)) as conn:
        conn.execute("CREATE TEMP TABLE authors (id BIGINT PRIMARY KEY)")
        conn.execute(
            "CREATE TEMP TABLE posts (id BIGINT PRIMARY KEY, author_id BIGINT REFERENCES authors (id), "
            "deleted_at TIMESTAMPTZ)"
        )
        conn.execute(f"CREATE INDEX idx_posts_author_id ON posts (author_id) WHERE {predicate}")
        conn.execute("SET enable_seqscan = off")
        conn.execute("SET plan_cache_mode = force_generic_plan")
        conn.execute(
            "PREPARE ri(BIGINT) AS SELECT 1 FROM ONLY posts x WHERE author_id = $1 FOR KEY SHARE OF x"
        )
        plan = " ".join(str(row[0]) for row in conn.execute("EXPLAIN EXECUTE ri(1)"))
        conn.rollback()
    return "idx_posts_author_id" in plan


@pytest.mark.parametrize(
    "predicate",
    [
        "author_id IS NOT NULL",
        "NOT (author_id IS NULL)",
        "deleted_at IS NULL",
        "author_id IS NOT NULL AND deleted_at IS NULL",
    ],
)
def test_sw201_partial_index_covers_the_foreign_key_exactly_when_postgresql_can_use_it(
    predicate: str,
) -> None:
    index = f"CREATE INDEX idx_posts_author_id ON posts (author_id) WHERE {predicate};"
    report = review_migration(
        CHILD + index, "DROP TABLE IF EXISTS posts;", dialect="postgresql", prior_sql=[PARENT]
    )
    reported = [f for f in report.findings if f.code == "SW201"]
    assert bool(reported) == (not planner_uses_index(predicate)), predicate
    if reported:  # the message says why the partial index does not count
        assert "idx_posts_author_id is partial" in reported[0].message


def test_sw201_still_reports_a_foreign_key_with_no_index_at_all() -> None:
    report = review_migration(CHILD, "DROP TABLE IF EXISTS posts;", dialect="postgresql", prior_sql=[PARENT])
    [missing] = [f for f in report.findings if f.code == "SW201"]
    assert "partial" not in missing.message


# A partitioned table's foreign key indexed the only way PostgreSQL allows (it refuses CREATE INDEX
# CONCURRENTLY on a partitioned table): the parent's index ON ONLY (a catalog entry), each partition's built
# CONCURRENTLY in a migration of its own, then attached — the pattern ``design`` writes.
PARTITIONED_HISTORY = {
    "20250101000000_views": (
        """CREATE TABLE campaigns (id BIGINT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE page_views (
    id BIGINT NOT NULL, viewed_at TIMESTAMPTZ NOT NULL, campaign_id BIGINT NOT NULL,
    CONSTRAINT pk_page_views PRIMARY KEY (id, viewed_at)
) PARTITION BY RANGE (viewed_at);
CREATE TABLE page_views_2025 PARTITION OF page_views FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE page_views_default PARTITION OF page_views DEFAULT;
ALTER TABLE page_views ADD CONSTRAINT fk_page_views_campaigns FOREIGN KEY (campaign_id)
    REFERENCES campaigns (id) ON DELETE CASCADE;
""",
        "DROP TABLE IF EXISTS page_views;\nDROP TABLE IF EXISTS campaigns;\n",
    ),
    "20250101000001_index": (
        "SET lock_timeout = '5s';\n"
        "CREATE INDEX IF NOT EXISTS idx_page_views_campaign_id ON ONLY page_views (campaign_id);\n",
        "DROP INDEX IF EXISTS idx_page_views_campaign_id;\n",
    ),
    "20250101000002_index_2025": (
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_views_2025 ON page_views_2025 (campaign_id);\n",
        "DROP INDEX CONCURRENTLY IF EXISTS idx_views_2025;\n",
    ),
    "20250101000003_index_default": (
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_views_default ON page_views_default (campaign_id);\n",
        "DROP INDEX CONCURRENTLY IF EXISTS idx_views_default;\n",
    ),
    "20250101000004_attach": (
        "ALTER INDEX idx_page_views_campaign_id ATTACH PARTITION idx_views_2025;\n"
        "ALTER INDEX idx_page_views_campaign_id ATTACH PARTITION idx_views_default;\n",
        "DROP INDEX IF EXISTS idx_page_views_campaign_id;\n",
    ),
}


def write_history(root: Path, names: list[str]) -> None:
    folder = root / "backend" / "migrations"
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        up, down = PARTITIONED_HISTORY[name]
        (folder / f"{name}.up.sql").write_text(up)
        (folder / f"{name}.down.sql").write_text(down)


@pytest.mark.parametrize("replayed", [True, False])
def test_sw201_counts_an_index_created_on_only_the_partitioned_parent(tmp_path: Path, replayed: bool) -> None:
    write_history(tmp_path, list(PARTITIONED_HISTORY))
    report = review_project(tmp_path, engine=engine() if replayed else None)
    assert report.catalog.startswith("reflected") == replayed  # the history runs on PostgreSQL as written
    codes = {(f.code, f.location.file.rsplit("/", 1)[-1]) for f in report.findings}
    assert not [c for c in codes if c[0] == "SW201"], codes
    # ON ONLY builds nothing and cannot be CONCURRENTLY; a partitioned index cannot be dropped CONCURRENTLY
    assert ("SW606", "20250101000001_index.up.sql") not in codes
    assert ("SW615", "20250101000001_index.down.sql") not in codes


def test_sw201_reports_a_partitioned_foreign_key_with_no_index(tmp_path: Path) -> None:
    write_history(tmp_path, ["20250101000000_views"])
    report = review_project(tmp_path, engine=engine())
    [missing] = [f for f in report.findings if f.code == "SW201"]
    assert missing.location.table == "page_views"


def table_with(columns: str) -> str:
    return f"CREATE TABLE articles (\n    id BIGINT PRIMARY KEY,\n    title TEXT NOT NULL,\n{columns}\n);\n"


@pytest.mark.parametrize(
    ("columns", "reported"),
    [
        ("    published_at TIMESTAMPTZ NOT NULL DEFAULT now()", False),
        ("    posted_on DATE NOT NULL", False),
        ("    recorded_time TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP", False),
        ("    created_at TIMESTAMPTZ", False),  # the usual name counts as it always did
        ("    published_at TIMESTAMPTZ", True),  # a draft has none: rows stay undated
        ("    deleted_at TIMESTAMPTZ", True),
        ("    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()", True),  # moves with every change
        ("    switched_on BOOLEAN NOT NULL DEFAULT false", True),  # a flag, not a time
    ],
)
def test_sw106_any_timestamp_named_column_every_row_has_dates_the_rows(columns: str, reported: bool) -> None:
    report = review_migration(table_with(columns), "DROP TABLE IF EXISTS articles;", dialect="postgresql")
    assert ("SW106" in report.codes()) == reported, columns


def test_sw106_on_the_reflected_catalog() -> None:
    up = table_with("    published_at TIMESTAMPTZ NOT NULL DEFAULT now(),\n    deleted_at TIMESTAMPTZ")
    report = review_migration(up, "DROP TABLE IF EXISTS articles;", dialect="postgresql", engine=engine())
    assert report.catalog.startswith("reflected") and "SW106" not in report.codes()


ENUM_PRIOR = """CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE people (
    id BIGINT PRIMARY KEY,
    mood mood NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
"""
SWAP_UP = """ALTER TYPE mood RENAME TO mood_old;
CREATE TYPE mood AS ENUM ('happy', 'sad', 'meh');
ALTER TABLE people ALTER COLUMN mood TYPE mood USING mood::text::mood;
DROP TYPE mood_old;
"""
SWAP_DOWN = """ALTER TYPE mood RENAME TO mood_new;
CREATE TYPE mood AS ENUM ('happy', 'sad');
ALTER TABLE people ALTER COLUMN mood TYPE mood USING mood::text::mood;
DROP TYPE mood_new;
"""


def test_enum_swap_is_neither_a_conflict_nor_a_non_restoring_down() -> None:
    report = review_migration(
        SWAP_UP, SWAP_DOWN, dialect="postgresql", prior_sql=[ENUM_PRIOR], engine=engine()
    )
    assert report.catalog.startswith("reflected")  # PostgreSQL ran the up and the down
    assert not {"SW613", "SW617", "SW618"} & report.codes(), [f.message for f in report.findings]


def test_an_enum_swap_that_forgets_the_old_type_is_still_reported() -> None:
    up = SWAP_UP.replace("DROP TYPE mood_old;\n", "")
    report = review_migration(up, SWAP_DOWN, dialect="postgresql", prior_sql=[ENUM_PRIOR])
    [left] = [f for f in report.findings if f.code == "SW613"]
    assert "type mood_old" in left.message


CASCADE_UP = """CREATE TABLE tags (
    id BIGINT PRIMARY KEY,
    label TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE VIEW tag_labels AS SELECT label FROM tags;
CREATE VIEW tag_labels_upper AS SELECT upper(label) AS label FROM tag_labels;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql
    AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END $$;
CREATE TRIGGER trg_people_touch BEFORE UPDATE ON people FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TYPE colour AS ENUM ('red', 'green');
ALTER TABLE people ADD COLUMN colour colour;
"""
CASCADE_DOWN = """DROP TABLE tags CASCADE;
DROP FUNCTION touch() CASCADE;
DROP TYPE colour CASCADE;
"""


def test_cascade_drops_take_their_dependents_with_them() -> None:
    report = review_migration(
        CASCADE_UP, CASCADE_DOWN, dialect="postgresql", prior_sql=[ENUM_PRIOR], engine=engine()
    )
    assert report.catalog.startswith("reflected")
    assert not {"SW613", "SW617", "SW618"} & report.codes(), [f.message for f in report.findings]


def test_without_cascade_the_dependents_are_left_behind() -> None:
    down = "DROP VIEW tag_labels_upper;\nDROP VIEW tag_labels;\nDROP TABLE tags;\nDROP FUNCTION touch();\n"
    report = review_migration(CASCADE_UP, down, dialect="postgresql", prior_sql=[ENUM_PRIOR])
    [left] = [f for f in report.findings if f.code == "SW613"]
    assert "column people.colour" in left.message and "type colour" in left.message
    # and a statement after a CASCADE that drops what the CASCADE already took fails on PostgreSQL
    late = "DROP TABLE tags CASCADE;\nDROP VIEW tag_labels;\n"
    report = review_migration(CASCADE_UP, late, dialect="postgresql", prior_sql=[ENUM_PRIOR])
    assert any(f.code == "SW618" and "tag_labels" in f.message for f in report.findings)


SUB_PARTITIONED = """CREATE TABLE page_views (id BIGINT NOT NULL, viewed_at TIMESTAMPTZ NOT NULL)
    PARTITION BY RANGE (viewed_at);
CREATE TABLE page_views_2025 PARTITION OF page_views
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY RANGE (viewed_at);
CREATE TABLE page_views_2025_h1 PARTITION OF page_views_2025 FOR VALUES FROM ('2025-01-01') TO ('2025-07-01');
"""


@pytest.mark.parametrize("replayed", [True, False])
def test_sw613_dropping_a_partitioned_table_drops_its_sub_partitions(tmp_path: Path, replayed: bool) -> None:
    """DROP TABLE of a partitioned table takes its partitions' partitions too, not only its own."""
    folder = tmp_path / "backend" / "migrations"
    folder.mkdir(parents=True)
    (folder / "001_views.up.sql").write_text(SUB_PARTITIONED)
    (folder / "001_views.down.sql").write_text("DROP TABLE page_views;\n")
    report = review_project(tmp_path, engine=engine() if replayed else None)
    assert not [f for f in report.findings if f.code == "SW613"], report.findings


RENAME_PRIOR = """CREATE TABLE site (id BIGINT PRIMARY KEY, actor_id TEXT NOT NULL);
CREATE INDEX idx_site_actor ON site (actor_id);
"""


@pytest.mark.parametrize("keyword", ["", "COLUMN "])
def test_a_column_rename_without_column_keeps_the_table(keyword: str) -> None:
    # COLUMN is optional in PostgreSQL's RENAME; sqlglot read `RENAME a TO b` as renaming the table to `a`,
    # so the table and its index left the static model (was: false SW618 on the next DROP INDEX)
    up = f"ALTER TABLE site RENAME {keyword}actor_id TO ap_id;\nDROP INDEX idx_site_actor;\n"
    down = "CREATE INDEX idx_site_actor ON site (ap_id);\nALTER TABLE site RENAME ap_id TO actor_id;\n"
    report = review_migration(up, down, dialect="postgresql", prior_sql=[RENAME_PRIOR])
    assert "SW618" not in report.codes() and "SW613" not in report.codes(), [
        f.message for f in report.findings
    ]
    [rename] = [f for f in report.findings if f.code == "SW605"]
    assert "site.actor_id" in rename.message and "ap_id" in rename.message
