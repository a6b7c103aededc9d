"""Replay a migration chain statement by statement, run every rule, and assemble the report."""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

from sqlglot import exp

from schemawright.emit.sql.dialects import dialect_for
from schemawright.engines.splitter import Comment
from schemawright.gc_pause import collections_paused
from schemawright.review.apply import apply
from schemawright.review.chain import Migration, Section, read_chain
from schemawright.review.config import ReviewConfig, load_config
from schemawright.review.context import ParsedMigration, StatementContext
from schemawright.review.models import Finding, ReviewReport, Severity
from schemawright.review.parse import Statement, normalise_dialect, parse_script, split_cached
from schemawright.review.positives import positives
from schemawright.review.replay import EngineChoice, replay_chain
from schemawright.review.rules import (
    SCHEMA_RULES,
    TABLE_RULES,
    check_down,
    check_migration,
    check_statement,
    check_timeouts,
    check_validation,
)
from schemawright.review.schema import Schema, ident, key
from schemawright.review.suppress import Suppressions

DEFAULT_MIGRATIONS_DIR = Path("backend/migrations")
DEFAULT_ENGINE = EngineChoice()  # the environment's server, else embedded PostgreSQL / temp SQLite
_BEGIN = re.compile(r"^(BEGIN|START TRANSACTION)\b", re.I)
_COMMIT = re.compile(r"^(COMMIT|END|ROLLBACK)\b", re.I)


def review_project(
    root: Path,
    *,
    migrations_dir: Path | None = None,
    feature_id: str | None = None,
    dialect: str | None = None,
    engine: EngineChoice | None = DEFAULT_ENGINE,
) -> ReviewReport:
    """Review a project's migration folder; with ``feature_id``, only migrations whose name contains it
    are reviewed (when any do) while earlier ones still build the schema they run against.

    ``engine`` (default: the environment's server or embedded PostgreSQL, MySQL from its URL, SQLite
    always) replays the chain for real and reflects the catalog; ``None`` keeps the review static."""
    with collections_paused():
        return _review_project(root, migrations_dir, feature_id, dialect, engine)


def _review_project(
    root: Path,
    migrations_dir: Path | None,
    feature_id: str | None,
    dialect: str | None,
    engine: EngineChoice | None,
) -> ReviewReport:
    root = Path(root)
    config = load_config(root)
    folder = migrations_dir or Path(config.migrations_dir or _find_folder(root))
    folder = folder if folder.is_absolute() else root / folder
    if not folder.is_dir():
        raise FileNotFoundError(f"migrations folder not found: {folder}")
    migrations, notes = read_chain(folder, relative_to=root)
    chosen = dialect or config.dialect or sniff_dialect(m.up.sql for m in migrations)
    focus = None
    if feature_id and any(key(feature_id) in key(m.name) for m in migrations):
        focus = {m.name for m in migrations if key(feature_id) in key(m.name)}
    report = review_chain(
        migrations, dialect=chosen, focus=focus, config=config, feature_id=feature_id, engine=engine
    )
    report.notes = notes + report.notes
    return report


_MORE_DIRS = ("alembic/versions", "migrations/versions", "db/changelog", "src/main/resources/db/changelog")


def _find_folder(root: Path) -> Path:
    """The project's migrations folder: the first common one holding migrations (the list the design
    command uses, plus Alembic and Liquibase folders), else the root of a Django project (its apps'
    migrations are read from there), else an Alembic environment found as ``design`` finds it (an
    ``alembic.ini`` below the root, or one in the application's package), else backend/migrations."""
    from schemawright.project.detect import CANDIDATE_DIRS
    from schemawright.project.foreign import django_apps

    for candidate in (*CANDIDATE_DIRS, *_MORE_DIRS):
        folder = root / candidate
        if folder.is_dir() and any(p.suffix in (".sql", ".py") for p in folder.rglob("*") if p.is_file()):
            return Path(candidate)
    if root.is_dir() and django_apps(root):
        return Path(".")
    from schemawright.project.alembic_chain import find_layout

    layout = find_layout(root) if root.is_dir() else None  # alembic.ini anywhere near, or in the package
    if layout is not None:
        return layout.script_location
    return DEFAULT_MIGRATIONS_DIR


def review_migration(
    up_sql: str,
    down_sql: str,
    *,
    dialect: str,
    prior_sql: Sequence[str] = (),
    name: str = "<generated>",
    engine: EngineChoice | None = None,
) -> ReviewReport:
    """Review one up/down pair, e.g. a design's own output, with earlier migrations as context
    (static unless ``engine`` is given: ``design`` has already run the chain on a real engine)."""
    prior = [
        Migration(f"prior_{i:03d}", Section(f"<prior {i}>", sql), None) for i, sql in enumerate(prior_sql)
    ]
    target = Migration(name, Section(f"{name}.up.sql", up_sql), Section(f"{name}.down.sql", down_sql))
    return review_chain([*prior, target], dialect=dialect, focus={name}, engine=engine)


def review_chain(
    migrations: Sequence[Migration],
    *,
    dialect: str,
    focus: set[str] | None = None,
    config: ReviewConfig | None = None,
    feature_id: str | None = None,
    engine: EngineChoice | None = None,
) -> ReviewReport:
    with collections_paused():
        return _review_chain(migrations, dialect, focus, config, feature_id, engine)


def _review_chain(
    migrations: Sequence[Migration],
    dialect: str,
    focus: set[str] | None,
    config: ReviewConfig | None,
    feature_id: str | None,
    engine: EngineChoice | None,
) -> ReviewReport:
    dialect = normalise_dialect(dialect)
    findings: list[Finding] = []
    touched: set[str] = set()
    suppressions = Suppressions()
    reviewed: list[str] = []
    parsed_all = [_parse(migration, dialect, suppressions) for migration in migrations]
    lead = 0  # the migrations before the first reviewed one only build the schema the others run against
    while lead < len(migrations) and focus is not None and migrations[lead].name not in focus:
        lead += 1
    schema = _context_schema(migrations[:lead], parsed_all[:lead], dialect)
    for migration, parsed in zip(migrations[lead:], parsed_all[lead:], strict=True):
        active = focus is None or migration.name in focus
        if active:
            reviewed.append(migration.name)
        schema, found, changed = _review_one(parsed, schema, dialect, active)
        findings += found
        if active:
            touched |= changed
    catalog, catalog_label, notes = schema, "static", []
    if engine is not None:
        replayed = replay_chain(migrations, dialect, schema, focus, engine)
        # a statement the static rules already know the engine rejects is reported once, by the engine
        rejected = {(f.location.file, f.location.line) for f in replayed.findings if f.code == "SW617"}
        findings = [
            f for f in findings if f.code != "SW617" or (f.location.file, f.location.line) not in rejected
        ]
        findings += replayed.findings
        notes += [replayed.note] if replayed.note else []
        if replayed.schema is not None:
            catalog, catalog_label = replayed.schema, f"reflected ({replayed.target})"
            active_paths = {m.up.path for m in migrations if focus is None or m.name in focus}
            # tables the static model could not see (DO blocks, dynamic SQL) that an active migration made
            touched |= {
                k for k, t in catalog.tables.items() if k not in schema.tables and t.path in active_paths
            }
    tables = [t for k, t in catalog.tables.items() if k in touched]
    for table in tables:
        for table_rule in TABLE_RULES:
            findings += table_rule(table, catalog, dialect)
    for schema_rule in SCHEMA_RULES:
        findings += schema_rule(tables, catalog, dialect)

    kept = [f for f in findings if not suppressions.suppressed(f)]
    suppressed = len(findings) - len(kept)
    kept = (config or ReviewConfig()).apply(kept)
    kept.sort(key=lambda f: (-f.severity.rank, f.location.file, f.location.line, f.code))
    report = ReviewReport(
        dialect=dialect,
        feature_id=feature_id,
        migrations=reviewed,
        tables=sorted(t.name for t in tables if not t.stub),
        findings=kept,
        suppressed=suppressed,
        catalog=catalog_label,
        notes=notes,
    )
    report.positives = positives(report, catalog, tables)
    return report


# The schema after a chain of context migrations (none of them reviewed), by the chain's digest: ``design``
# reviews its migration after every earlier one, so ``design --all`` replayed the whole history statically
# again for each feature. Schemas are copy-on-write (:meth:`Schema.copy`): a remembered one is shared, never
# changed, and costs its table dict.
_CONTEXT: OrderedDict[str, Schema] = OrderedDict()
_CONTEXT_SIZE = 8
_CONTEXT_LOCK = threading.Lock()


def _context_schema(
    migrations: Sequence[Migration], parsed: Sequence[ParsedMigration], dialect: str
) -> Schema:
    """The schema the ups of ``migrations`` (not reviewed: no findings, their downs never matter) build,
    starting from the longest chain already replayed; the same as replaying them one by one."""
    digests: list[str] = []
    digest = hashlib.sha256(dialect.encode())
    for migration in migrations:
        up = migration.up
        for part in (migration.name, up.path, str(up.first_line), up.sql):
            data = part.encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "big") + data)
        digests.append(digest.hexdigest())
    start, schema = 0, Schema()
    with _CONTEXT_LOCK:
        for i in range(len(digests), 0, -1):
            known = _CONTEXT.get(digests[i - 1])
            if known is not None:
                _CONTEXT.move_to_end(digests[i - 1])
                start, schema = i, known.copy()
                break
    for step in parsed[start:]:
        for stmt in step.up:
            apply(schema, stmt)
    if digests and start < len(digests):
        with _CONTEXT_LOCK:
            _CONTEXT[digests[-1]] = schema.copy()
            while len(_CONTEXT) > _CONTEXT_SIZE:
                _CONTEXT.popitem(last=False)
    return schema


def _parse(migration: Migration, dialect: str, suppressions: Suppressions) -> ParsedMigration:
    up, up_comments = parse_script(migration.up.sql, dialect, migration.up.path, migration.up.first_line)
    suppressions.add_file(migration.up.path, (s.raw for s in up), up_comments)
    down: list[Statement] | None = None
    down_comments: list[Comment] = []
    if migration.down is not None:
        d = migration.down
        down, down_comments = parse_script(d.sql, dialect, d.path, d.first_line)
        suppressions.add_file(d.path, (s.raw for s in down), down_comments)
    return ParsedMigration(
        migration.name,
        up,
        up_comments,
        migration.up.path,
        down,
        down_comments,
        migration.down.path if migration.down else "",
        migration.implicit_transaction,
        migration.no_transaction,
    )


def _review_one(
    migration: ParsedMigration, schema: Schema, dialect: str, active: bool
) -> tuple[Schema, list[Finding], set[str]]:
    """Findings of one migration and the schema after its up; the down is replayed on a copy."""
    before = schema.copy()
    findings: list[Finding] = []
    created: set[str] = set()
    touched: set[str] = set()
    in_tx = migration.implicit_transaction
    up_atomic, down_atomic = (
        _atomic(migration, stmts, dialect) for stmts in (migration.up, migration.down or [])
    )
    for stmt in migration.up:
        if _BEGIN.match(stmt.text):
            in_tx = True
        elif _COMMIT.match(stmt.text):
            in_tx = migration.implicit_transaction
        if active:
            ctx = StatementContext(
                dialect, migration.name, schema, frozenset(created), in_tx, "up", up_atomic
            )
            findings += check_statement(stmt, ctx)
        apply(schema, stmt)
        created |= _created_table(stmt)
        touched |= _touched_tables(stmt, schema)
    after_up = schema
    after_down = after_up.copy()
    for stmt in migration.down or []:
        if active:
            ctx = StatementContext(
                dialect, migration.name, after_down, frozenset(created), False, "down", down_atomic
            )
            findings += check_statement(stmt, ctx)
        apply(after_down, stmt)
    if active:
        findings += check_migration(migration, before, after_up, after_down)
        findings += check_down(migration, before, after_down, dialect)
        findings += check_timeouts(migration, dialect, before)
        for stmts, atomic in ((migration.up, up_atomic), (migration.down or [], down_atomic)):
            new = set().union(*(_created_table(s) for s in stmts))
            findings += check_validation(migration.name, stmts, atomic, dialect, new)
    return after_up, findings, touched


def _atomic(migration: ParsedMigration, stmts: Sequence[Statement], dialect: str) -> bool:
    """Whether a failed run of the script rolls back entirely: PostgreSQL and SQLite DDL is
    transactional, MySQL DDL commits implicitly, and CONCURRENTLY or a no-transaction marker means the
    script runs statement by statement."""
    if not dialect_for(dialect).transactional_ddl or migration.no_transaction:
        return False
    return not any(_NO_TRANSACTION_BLOCK.match(s.upper) for s in stmts)


# statements PostgreSQL refuses inside a transaction block (REFRESH MATERIALIZED VIEW CONCURRENTLY, and the
# word in a function body or a string, leave the script transactional)
_NO_TRANSACTION_BLOCK = re.compile(
    r"^\s*(?:CREATE (?:UNIQUE )?INDEX CONCURRENTLY\b|DROP INDEX CONCURRENTLY\b|REINDEX\b.*\bCONCURRENTLY\b|"
    r"ALTER TABLE\b.*\bDETACH PARTITION\b.*\bCONCURRENTLY\b)"
)


def _created_table(stmt: Statement) -> set[str]:
    e = stmt.expr
    if isinstance(e, exp.Create) and str(e.args.get("kind")).upper() == "TABLE":
        return {key(ident(e.this))}
    return set()


def _touched_tables(stmt: Statement, schema: Schema) -> set[str]:
    e = stmt.expr
    if isinstance(e, exp.Create):
        kind = str(e.args.get("kind")).upper()
        if kind == "TABLE":
            return {key(ident(e.this))}
        if kind == "INDEX":
            return {key(ident(e.this.args.get("table")))}
    if isinstance(e, exp.Alter):
        renamed = [a for a in e.args.get("actions") or [] if isinstance(a, exp.AlterRename)]
        return {key(ident(renamed[-1].this))} if renamed else {key(ident(e.this))}
    if isinstance(e, exp.Comment):
        return {key(ident(e.this))}
    return set()


def sniff_dialect(scripts: object) -> str:
    """Guess the dialect from engine-specific syntax when neither the caller nor the config says. Only the
    code counts: a backtick or ``ENGINE=`` in a comment, a string or a function body says nothing."""
    text = "\n".join(_code_only(str(s)) for s in scripts)  # type: ignore[attr-defined]
    if re.search(r"AUTO_INCREMENT|ENGINE\s*=|`\w+`", text, re.I):
        return "mysql"
    if re.search(r"AUTOINCREMENT|\bWITHOUT ROWID\b|PRAGMA\s", text, re.I):
        return "sqlite"
    return "postgresql"


_LITERAL = re.compile(r"\$\$.*?\$\$|\$(?P<tag>[A-Za-z_]\w*)\$.*?\$(?P=tag)\$|'(?:[^'\\]|''|\\.)*'", re.S)


def _code_only(sql: str) -> str:
    """``sql`` without comments (the splitter sets them aside), string literals and dollar-quoted bodies.
    Split by PostgreSQL's rules, the default: MySQL and SQLite code keeps its markers under them (the split
    the review remembers, which it reuses when the scripts are PostgreSQL and start on their file's first
    line)."""
    statements, _ = split_cached(sql, "postgresql", 1)
    return "\n".join(_LITERAL.sub("''", s.code) for s in statements)


def fails(report: ReviewReport, fail_on: str) -> bool:
    """True when the report has a finding at or above ``fail_on`` (``never`` never fails)."""
    if fail_on == "never":
        return False
    return bool(report.at_or_above(Severity(fail_on)))
