"""Everything the designer needs to know about a project that already has migrations."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from schemawright.catalog.models import Catalog
from schemawright.design.conventions import ExistingSchema
from schemawright.domain.model import Assumption, Source
from schemawright.emit.sql.dialects import DialectName
from schemawright.engines.scratch import scratch_database
from schemawright.project.conventions import learn
from schemawright.project.detect import MigrationSet
from schemawright.project.django_run import django_available
from schemawright.project.knex import KnexRuntime, knex_runtime
from schemawright.project.reflect import design_tables, functions, partitions, triggered_tables
from schemawright.project.replay import dump_ddl, replay_alembic, replay_django, replay_knex, replay_lenient
from schemawright.project.replay import replay as replay_sql
from schemawright.project.static_history import static_history
from schemawright.project.transactions import runnable
from schemawright.verify.warm import reading, reflect_read


@dataclass
class ExistingProject:
    migrations: MigrationSet
    schema: ExistingSchema
    schema_ddl: str = ""  # Alembic, Django: the replayed schema as DDL, for the reviewer (revisions are code)
    notes: list[str] = field(default_factory=list)  # how the project's migrations were (not) replayed
    knex: KnexRuntime | None = None  # Knex: the runtime that replayed the chain (and verifies it)
    replayed: bool = True  # False: --no-replay (or nothing of the Python migrations could be read)
    # True: Alembic / Django migrations read statically (never imported), their SQL replayed as plain SQL;
    # verification then replays the schema they built rather than running the tool
    static: bool = False
    dialect: DialectName = "postgresql"  # the engine the existing migrations were replayed on

    @property
    def prior_sql(self) -> list[str]:
        """The existing up scripts in order: what verification and review replay before the new
        migration (for Alembic, the schema its revisions built, dumped as DDL)."""
        if not self.replayed:
            return []
        if self.migrations.format in ("alembic", "django", "knex"):
            return [self.schema_ddl] if self.schema_ddl else []
        return [runnable(m, self.dialect) for m in self.migrations.migrations]

    @property
    def assumptions(self) -> list[Assumption]:
        rule = Source(rule=f"the project's existing migrations ({self.migrations.format})")
        learned = [*self.notes, *self.schema.conventions.learned]
        return [Assumption(text=text, source=rule) for text in learned]


def load_project(
    found: MigrationSet,
    dialect: DialectName,
    *,
    exclude_name: str | None = None,
    url: str | None = None,
    embedded: bool = False,
    run: bool = True,
    trust_python: bool = False,
) -> ExistingProject:
    """Replay ``found`` (from :func:`detect`) on a scratch ``dialect`` database and reflect the result
    (see :func:`_load`), then learn what only the tool tells (Django's table names)."""
    project = _load(
        found,
        dialect,
        exclude_name=exclude_name,
        url=url,
        embedded=embedded,
        run=run,
        trust_python=trust_python,
    )
    _django_table_names(project)
    return project


def _django_table_names(project: ExistingProject) -> None:
    """Django names a model's table ``{app}_{model}``: where the project's tables are so named (no
    ``db_table`` of their own), new tables are named so in the app the migration goes to."""
    foreign = project.migrations.foreign
    if project.migrations.format != "django" or foreign is None or not foreign.app:
        return
    labels = {app.parent.name for app in foreign.apps} | {foreign.app, "auth", "django"}
    tables = [t.name for t in project.schema.tables]
    prefixed = [t for t in tables if t.split("_", 1)[0] in labels and "_" in t]
    if not prefixed or 2 * len(prefixed) <= len(tables):
        return
    conv = project.schema.conventions
    conv.django_app = foreign.app
    examples = ", ".join(prefixed[:3]) + ("…" if len(prefixed) > 3 else "")
    conv.learned.append(
        f"Tables are named {foreign.app}_{{model}}, as Django names a model's table in the app "
        f"{foreign.app} the migration goes to, like the project's ({examples})."
    )


def _load(
    found: MigrationSet,
    dialect: DialectName,
    *,
    exclude_name: str | None = None,
    url: str | None = None,
    embedded: bool = False,
    run: bool = True,
    trust_python: bool = False,
) -> ExistingProject:
    """Replay ``found`` (from :func:`detect`) on a scratch ``dialect`` database and reflect the result.
    ``exclude_name`` drops a migration being regenerated (``--force``). Raises ``ProjectError``.
    Nothing runs without ``run`` (``--no-replay``); Alembic and Django migrations (Python) run with their
    own tool only with ``trust_python``, and are otherwise read statically and replayed as SQL. Either
    way the returned notes say so, for the design's Assumptions."""
    if exclude_name:
        mine = found.of_feature(exclude_name)
        found.migrations = [m for m in found.migrations if m not in mine]
    if not found.migrations:
        return ExistingProject(found, ExistingSchema())
    if not run:
        return ExistingProject(found, ExistingSchema(), notes=[NO_REPLAY], replayed=False)
    if found.format in ("alembic", "django") and not trust_python:
        return _static_project(found, dialect, url, embedded)
    if found.format == "django" and not django_available():
        return ExistingProject(found, ExistingSchema())  # the Assumptions say how to install Django
    notes: list[str] = []
    runtime: KnexRuntime | None = None
    if found.format == "knex":
        usable = knex_runtime(knex_home(found), dialect)
        if isinstance(usable, str):
            return ExistingProject(found, ExistingSchema(), notes=[knex_missing(usable)])
        runtime = usable
        notes.append(
            f"The project's Knex migrations were replayed with Knex itself ({runtime.node_modules}) on a "
            "scratch database, and the new migration is verified through Knex (migrate:latest, "
            "migrate:rollback, migrate:latest)."
        )
    ddl = ""
    with scratch_database(dialect, url, embedded=embedded) as db:
        if found.alembic is not None:
            replay_alembic(db, found.alembic, found.migrations[-1].version)
            ddl = dump_ddl(db)
        elif found.format == "django":
            replay_django(db, found)
            ddl = dump_ddl(db)
        elif runtime is not None:
            replay_knex(db, runtime, found)
            ddl = dump_ddl(db)
        else:
            replay_sql(db, found.migrations)
        with reading(db) as replayed:  # design --all: the batch's replayed chain itself, not a copy of it
            catalog = reflect_read(replayed)
    return ExistingProject(found, _schema(catalog), ddl, notes, runtime, dialect=dialect)


def _static_project(
    found: MigrationSet, dialect: DialectName, url: str | None, embedded: bool
) -> ExistingProject:
    """The project's Alembic revisions or Django migrations read statically (:mod:`~schemawright.project.
    static_history`), their SQL replayed on a scratch database and reflected: nothing of the project's
    code is imported or run."""
    history = static_history(found, dialect)
    if not any(m.up.strip() for m in history.migrations):
        return ExistingProject(found, ExistingSchema(), notes=[untrusted(history.tool)], replayed=False)
    with scratch_database(dialect, url, embedded=embedded) as db:
        ddl, rejected = replay_lenient(db, history.migrations)  # the statements that ran: the prior
        with reading(db) as replayed:
            catalog = reflect_read(replayed)
    schema = _schema(catalog, model_tables=history.model_tables)
    return ExistingProject(found, schema, ddl, history.notes(rejected), dialect=dialect, static=True)


def _schema(catalog: Catalog, model_tables: dict[str, str] | None = None) -> ExistingSchema:
    """What the designer needs of a replayed and reflected catalog: tables, functions, conventions."""
    tables, names = design_tables(catalog), functions(catalog)
    return ExistingSchema(
        tables=tables,
        functions=names,
        conventions=learn(tables, names, triggered_tables(catalog)),
        partitions=partitions(catalog),
        model_tables=model_tables or {},
    )


NO_REPLAY = (
    "The existing migrations were not replayed (--no-replay): the existing tables are unknown to this "
    "design, and verification ran the new migration alone."
)


def untrusted(tool: str) -> str:
    """The one-line reason Python migrations were not run, for Assumptions and the CLI."""
    return (
        f"The project's {tool} are Python and were not imported or run (pass --trust-python-migrations to "
        "replay them): the existing tables are unknown to this design, and verification ran the new "
        "migration's SQL alone."
    )


def skipped_replay(text: str) -> bool:
    """Whether an Assumption says the existing migrations did not run (the CLI repeats it on stderr)."""
    return text == NO_REPLAY or "--trust-python-migrations" in text


def knex_home(found: MigrationSet) -> Path:
    """The folder holding the knexfile (and usually node_modules)."""
    config = found.foreign.config if found.foreign is not None else None
    return config.parent if config is not None else found.directory.parent


def knex_missing(reason: str) -> str:
    return (
        f"Knex could not be run: {reason}. The project's Knex migrations were therefore not replayed, so "
        "existing tables are not known to this design, and only the SQL itself was verified, not the Knex "
        "chain."
    )
