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
from schemawright.review.command import review

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
        Path, typer.Argument(help="The feature spec (markdown), e.g. ai/features/001_login.md.")
    ],
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
                     "atlas, prisma, alembic, django, knex "
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
) -> None:
    """Design the schema for FEATURE_FILE and write the decision document and migration.

    Exit codes: 0 success; 1 design, verification or write failure (nothing written); 2 usage error.
    """
    import json

    from schemawright.io import UsageError, WriteError
    from schemawright.pipeline import DesignError, DesignRequest, design, write_outputs
    from schemawright.project.detect import ALL_FORMATS as FORMATS

    err = _err()
    if db not in DB_CHOICES:
        raise _fail(2, f"unknown --db {db!r}: choose one of {', '.join(DB_CHOICES)}")
    if not root.is_dir():
        raise _fail(2, f"project root not found: {root} — pass an existing folder with --root")
    if migration_format is not None and migration_format not in FORMATS:
        raise _fail(2, f"unknown --format {migration_format!r}: choose one of {', '.join(FORMATS)}")
    request = DesignRequest(
        spec_path=feature_file,
        root=root,
        feature_id=id,
        feature_name=name,
        db=db,
        migrations_dir=_under(root, migrations_dir),
        decisions_dir=_under(root, decisions_dir),
        verify=not no_verify,
        embedded=embedded,
        migration_format=migration_format,
    )
    try:
        with _spec_warnings():
            outcome = design(request)
    except UsageError as exc:
        raise _fail(2, str(exc)) from None
    except DesignError as exc:
        raise _fail(1, str(exc)) from None
    result = outcome.result
    decision = next(f for f in result.files if f.role == "decision")
    existing = [p for p in [root / decision.path] if p.exists()] + outcome.replaced
    if existing and not force and not dry_run:
        raise _fail(
            1, f"{existing[0]} already exists for feature {result.feature.id} — pass --force to replace it"
        )
    if result.verification.status == "failed":
        report = next(r for r in result.verification.reports if r.status == "failed")
        raise _fail(
            1, f"the {report.engine} design failed verification on {report.target}: {report.error} — nothing "
               "was written"
        )
    if result.review.errors and not allow_review_errors:
        raise _fail(
            1,
            f"the review found {result.review.errors} error-level problem(s) in the design: "
            f"{result.review.findings[0]} — fix the spec or pass --allow-review-errors",
        )
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


def _under(root: Path, path: Path | None) -> Path | None:
    if path is None:
        return None
    return path if path.is_absolute() else root / path


app.command("review")(review)


@app.command("version")
def version_command() -> None:
    """Print the version."""
    typer.echo(__version__)


def main() -> None:
    app()
