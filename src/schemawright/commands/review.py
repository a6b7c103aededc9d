"""``schemawright review``: a plain function the CLI registers with ``app.command("review")(review)``.

The review engine, its renderers and pydantic are imported inside :func:`review`, so registering the
command costs nothing at start-up (``schemawright --help``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, cast

import typer

if TYPE_CHECKING:
    from schemawright.review.render import Format

FORMATS = ("text", "json", "sarif", "markdown")
FAIL_ON = ("error", "warning", "info", "never")


def review(
    root: Annotated[Path, typer.Option("--root", help="Project root (holds pyproject.toml).")] = Path("."),
    id: Annotated[
        str | None, typer.Option("--id", help="Feature id: review only its migrations; names markdown files.")
    ] = None,
    migrations_dir: Annotated[
        Path | None, typer.Option("--migrations-dir", help="Migrations folder (default backend/migrations).")
    ] = None,
    format: Annotated[str, typer.Option("--format", help="text, json, sarif or markdown.")] = "text",
    fail_on: Annotated[
        str, typer.Option("--fail-on", help="Exit 1 on findings at/above: error, warning, info or never.")
    ] = "error",
    dialect: Annotated[
        str | None, typer.Option("--dialect", help="postgresql, mysql or sqlite (default: detected).")
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write the report to this file.")] = None,
    no_replay: Annotated[
        bool,
        typer.Option("--no-replay", help="Do not apply the chain on a real engine; static catalog only."),
    ] = False,
    embedded: Annotated[
        bool, typer.Option("--embedded", help="Replay on the embedded PostgreSQL even when a URL is set.")
    ] = False,
) -> None:
    """Review the schema and migration safety of a project's migrations."""
    from schemawright import gc_pause

    # from the imports on, which the review keeps too; left off when the process ends with the command
    with gc_pause.collections_paused(leave_off=gc_pause.process_ends_with_command):
        _review(root, id, migrations_dir, format, fail_on, dialect, out, no_replay, embedded)


def _review(
    root: Path,
    id: str | None,
    migrations_dir: Path | None,
    format: str,
    fail_on: str,
    dialect: str | None,
    out: Path | None,
    no_replay: bool,
    embedded: bool,
) -> None:
    from pydantic import ValidationError

    from schemawright.review.chain import NOTHING_READ
    from schemawright.review.engine import fails, review_project
    from schemawright.review.render import render
    from schemawright.review.render_markdown import write_markdown
    from schemawright.review.replay import EngineChoice
    from schemawright.verify.errors import ServerUnusable

    if format not in FORMATS:
        _usage(f"--format must be one of {', '.join(FORMATS)}")
    if fail_on not in FAIL_ON:
        _usage(f"--fail-on must be one of {', '.join(FAIL_ON)}")
    if format == "markdown" and not id:
        _usage("--format markdown needs --id (it writes ai/reviews/{ID}_*.md)")
    if id is not None:
        from schemawright.io import UsageError, validate_id

        try:
            validate_id(id)
        except UsageError as err:
            _usage(str(err))
    try:
        engine = None if no_replay else EngineChoice(embedded=embedded)
        report = review_project(
            root, migrations_dir=migrations_dir, feature_id=id, dialect=dialect, engine=engine
        )
    except (FileNotFoundError, ValueError, ValidationError) as err:
        _usage(str(err))
    except ServerUnusable as err:  # fail closed: never a silent static review against a broken server
        typer.echo(f"error: {err} — or pass --no-replay to review statically", err=True)
        raise typer.Exit(1) from None
    if format == "markdown":
        for path in write_markdown(report, root, cast(str, id)):
            typer.echo(f"wrote {path}")
    else:
        text = render(report, cast("Format", format))
        if out is not None:
            out.write_text(text)
        else:
            typer.echo(text, nl=False)
    if not report.migrations and any(n.startswith(NOTHING_READ) for n in report.notes):
        typer.echo("error: no migration was read, so nothing was reviewed (see the note)", err=True)
        raise typer.Exit(2)
    raise typer.Exit(1 if fails(report, fail_on) else 0)


def _usage(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)
