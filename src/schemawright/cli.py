"""Command line: ``schemawright design`` (and the other commands). Wiring only: the work is in the
pipeline stages. Human output goes to stderr, ``--json`` to stdout.

Start-up is kept cheap (``--help`` ≤ 0.1 s): the pipeline, SQLAlchemy, rich and the review engine are
imported inside the command that needs them, never at module level, and help is plain click text."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from schemawright import __version__
from schemawright.commands.analyze import analyze
from schemawright.commands.check import check
from schemawright.commands.mcp import mcp
from schemawright.commands.review import review

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Design database schemas from feature specs; write a decision document and a verified, "
    "reversible migration.",
)
DB_CHOICES = ("auto", "postgresql", "mysql", "sqlite", "mongodb", "supabase", "firestore")


def _err() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def _fail(code: int, message: str) -> typer.Exit:
    _err().print(f"[bold red]error:[/] {message}")
    return typer.Exit(code)


@app.command("design")
def design_command(
    feature_file: Annotated[
        Path | None,
        typer.Argument(
            help="The feature spec (markdown), e.g. ai/features/001_login.md; a DBML, Mermaid (.mmd) or "
            "Prisma file is read as a model. Omitted: $FEATURE_FILE, with $ID and $FEATURE_NAME "
            "(the app pipeline's orchestrator variables)."
        ),
    ] = None,
    model: Annotated[
        Path | None,
        typer.Option(
            "--model",
            help="Design from a model file instead of a spec: 'schemawright analyze' output (.yaml/.json), "
            "possibly edited, or a DBML, Mermaid (.mmd) or Prisma schema.",
        ),
    ] = None,
    id: Annotated[
        str | None,
        typer.Option("--id", help="Feature ID; default: the file stem (spec-kit: the folder name)."),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            help="Feature name; default: the spec's '## Name:' or the ID after its first '_', humanised.",
        ),
    ] = None,
    root: Annotated[
        Path,
        typer.Option(
            "--root", help="Project root; outputs go to ai/decisions and backend/migrations below it."
        ),
    ] = Path("."),
    db: Annotated[
        str,
        typer.Option(
            "--db",
            help="Store: auto (spec, then project signals, else PostgreSQL), postgresql, mysql, "
            "sqlite, mongodb, supabase, firestore.",
        ),
    ] = "auto",
    migrations_dir: Annotated[
        Path | None,
        typer.Option("--migrations-dir", help="Where migrations go (default ROOT/backend/migrations)."),
    ] = None,
    migration_format: Annotated[
        str | None,
        typer.Option("--format", help="Migration tool of the project: golang-migrate, dbmate, goose, flyway, "
                     "atlas, prisma, diesel, alembic, django, knex "
                     "(default: detected from the existing migrations, else golang-migrate)."),
    ] = None,
    decisions_dir: Annotated[
        Path | None,
        typer.Option("--decisions-dir", help="Where the decision document goes (default ROOT/ai/decisions)."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Write nothing; print what would be written.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace this feature's existing decision document and migration.")
    ] = False,
    no_verify: Annotated[
        bool, typer.Option("--no-verify", help="Skip applying the migration up/down/up on a real engine.")
    ] = False,
    no_replay: Annotated[
        bool,
        typer.Option("--no-replay", help="Run none of the project's existing migrations (existing tables "
                     "stay unknown; said under Assumptions)."),
    ] = False,
    trust_python_migrations: Annotated[
        bool,
        typer.Option("--trust-python-migrations", help="Import and run the project's Alembic / Django "
                     "migrations (Python) with their own tool to replay and verify the chain; off by default "
                     "(they are then read statically, never run)."),
    ] = False,
    embedded: Annotated[
        bool,
        typer.Option(
            "--embedded", help="Verify on the embedded PostgreSQL even when SCHEMAWRIGHT_POSTGRES_URL is set."
        ),
    ] = False,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print the design as JSON on stdout (schema: docs/design.schema.json)."),
    ] = False,
    allow_review_errors: Annotated[
        bool,
        typer.Option(
            "--allow-review-errors",
            help="Write the design even when the built-in review finds error-level problems in it.",
        ),
    ] = False,
    analyzer: Annotated[
        str,
        typer.Option("--analyzer", help="Who reads the spec: rules (offline, default), llm (the "
                     "OpenAI-compatible endpoint of $SCHEMAWRIGHT_LLM_URL; its answer is validated like "
                     "--model) or hybrid (both, merged)."),
    ] = "rules",
    all_folder: Annotated[
        Path | None,
        typer.Option(
            "--all",
            metavar="FOLDER",
            help="Design every feature spec (*.md) in FOLDER, e.g. ai/features/, in file-name order, in one "
            "process: ID from the file stem, name from the spec's '## Name:' or first heading; one warm "
            "PostgreSQL for all verifications. Each feature builds on the earlier ones; one line per "
            "feature at the end; exit 1 if any failed (the others are still written).",
        ),
    ] = None,
) -> None:
    """Design the schema for FEATURE_FILE (or the --model file) and write the decision document and
    migration. With no FEATURE_FILE and no --model, $FEATURE_FILE, $ID and $FEATURE_NAME are used, so
    it replaces the prompt call of an orchestration script unchanged.

    With --all FOLDER every spec in the folder is designed (batch mode; --force, --dry-run, --no-verify,
    --root and the other options apply to each feature).

    Exit codes: 0 success; 1 design, verification or write failure (nothing written; with --all: any
    feature failed, the others are written); 2 usage error (a bad model file: one line per problem, with
    the file and line; with --all: no spec in the folder).
    """
    import json
    import os

    from schemawright.analysis import ANALYZERS
    from schemawright.api import accept, plan
    from schemawright.io import UsageError, WriteError
    from schemawright.pipeline import DesignError, write_outputs
    from schemawright.project.detect import ALL_FORMATS as FORMATS

    err = _err()
    if db not in DB_CHOICES:
        raise _fail(2, f"unknown --db {db!r}: choose one of {', '.join(DB_CHOICES)}")
    if migration_format is not None and migration_format not in FORMATS:
        raise _fail(2, f"unknown --format {migration_format!r}: choose one of {', '.join(FORMATS)}")
    if analyzer not in ANALYZERS:
        raise _fail(2, f"unknown --analyzer {analyzer!r}: choose one of {', '.join(ANALYZERS)}")
    if feature_file is not None and model is not None:
        raise _fail(2, "pass either FEATURE_FILE or --model, not both")
    if all_folder is not None:
        given = [n for n, v in (("FEATURE_FILE", feature_file), ("--model", model), ("--id", id),
                                ("--name", name)) if v is not None]
        if given:
            raise _fail(2, f"--all takes each feature's ID and name from its spec — drop {', '.join(given)}")
        from schemawright.batch import BatchOptions
        from schemawright.commands.design_all import design_all

        design_all(all_folder, BatchOptions(
            root=root, db=db, migrations_dir=migrations_dir, decisions_dir=decisions_dir,
            migration_format=migration_format, verify=not no_verify, embedded=embedded, replay=not no_replay,
            trust_python_migrations=trust_python_migrations, analyzer=analyzer, force=force,
            dry_run=dry_run, allow_review_errors=allow_review_errors,
        ), as_json=as_json)
        return
    source = model or feature_file
    if source is None:  # the app pipeline's drop-in: its orchestrator exports these
        if not os.environ.get("FEATURE_FILE"):
            raise _fail(2, "no FEATURE_FILE given — pass the spec, --model FILE, or set $FEATURE_FILE")
        source = Path(os.environ["FEATURE_FILE"])
        id = id or os.environ.get("ID") or None
        name = name or os.environ.get("FEATURE_NAME") or None
    from schemawright.writes.lock import writing_lock

    with writing_lock(root, not dry_run):  # parallel runs queue: the next version and the overwrite check
        try:
            with _spec_warnings():
                outcome = plan(
                    source, root=root, feature_id=id, feature_name=name, db=db, migrations_dir=migrations_dir,
                    decisions_dir=decisions_dir, migration_format=migration_format, verify=not no_verify,
                    embedded=embedded, replay=not no_replay, trust_python_migrations=trust_python_migrations,
                    analyzer=analyzer,
                )
            accept(outcome, root, writing=not dry_run, force=force, allow_review_errors=allow_review_errors)
        except UsageError as exc:  # a model file's problems: one line each
            from rich.markup import escape

            *first, last = str(exc).splitlines() or [""]
            for line in first:
                _err().print(f"[bold red]error:[/] {escape(line)}")
            raise _fail(2, escape(last)) from None
        except DesignError as exc:
            from rich.markup import escape

            raise _fail(1, escape(str(exc))) from None  # quotes spec text: "[A] 1--* [B]" is not markup
        result = outcome.result
        from schemawright.project.load import skipped_replay

        for note in (a.text for a in result.assumptions if skipped_replay(a.text)):
            err.print(f"note: {note}")
        if as_json:
            sys.stdout.write(json.dumps(result.model_dump(mode="json"), indent=2) + "\n")
        if dry_run:
            for f in result.files:
                err.print(f"would write {f.path} ({f.role}, {len(f.content.encode())} bytes)")
            return
        try:
            written = write_outputs(outcome, root)
        except WriteError as exc:
            raise _fail(1, str(exc)) from None
    if result.no_change_reason:
        err.print(f"No schema change needed: {result.no_change_reason}")
    for path in written:
        err.print(f"wrote {path}")
    for report in result.verification.reports:
        where = f" on {report.target}" if report.target else ""
        detail = f" ({report.seconds:.2f} s)" if report.status != "skipped" else f": {report.error}"
        err.print(f"verification of the {report.engine} design: {report.status}{where}{detail}")


@contextmanager
def _spec_warnings() -> Iterator[None]:
    """Print the spec reader's warnings (a non-UTF-8 file read as Windows-1252) as one ``warning:`` line
    each, also when the command then fails; other warnings pass through as Python warnings."""
    import warnings

    from schemawright.io import SpecWarning

    caught: list[warnings.WarningMessage] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", SpecWarning)
            yield
    finally:
        for w in caught:
            if issubclass(w.category, SpecWarning):
                _err().print(f"[bold yellow]warning:[/] {w.message}")
            else:
                warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)


app.command("review")(review)
app.command("analyze")(analyze)
app.command("check")(check)
app.command("mcp")(mcp)


@app.command("version")
def version_command() -> None:
    """Print the version."""
    typer.echo(__version__)


def main() -> None:
    from schemawright import gc_pause
    from schemawright.signals import exit_on_sigterm

    gc_pause.process_ends_with_command = True
    exit_on_sigterm()  # unwind (drop scratch databases, stop the embedded server) on SIGTERM
    app()
