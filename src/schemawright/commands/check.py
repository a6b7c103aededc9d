"""``schemawright check``: the CI gate — the review's error-level findings plus drift between the
decision documents and the migrations (see :mod:`schemawright.drift`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer


def check(
    root: Annotated[Path, typer.Option("--root", help="Project root.")] = Path("."),
    migrations_dir: Annotated[
        Path | None,
        typer.Option("--migrations-dir", help="Migrations folder (default: detected, as design does)."),
    ] = None,
    decisions_dir: Annotated[
        Path | None, typer.Option("--decisions-dir", help="Decision documents (default ROOT/ai/decisions).")
    ] = None,
    no_replay: Annotated[
        bool, typer.Option("--no-replay", help="Review on the static catalog; start no database.")
    ] = False,
    embedded: Annotated[
        bool, typer.Option("--embedded", help="Replay on the embedded PostgreSQL even when a URL is set.")
    ] = False,
) -> None:
    """Fail (exit 1) when the project's migrations have error-level review findings or a decision
    document lists a table or column the migrations no longer create (drift). Exit codes: 0 clean;
    1 review errors or drift; 2 usage error."""
    from schemawright.api import review
    from schemawright.drift import find_drift, migrated_schema
    from schemawright.project.detect import detect
    from schemawright.project.errors import ProjectError
    from schemawright.verify.errors import ServerUnusable

    if not root.is_dir():
        _usage(f"project root not found: {root} — pass an existing folder with --root")
    try:
        folder = detect(root, migrations_dir, strict=False).directory  # the review reads any SQL layout
        if not folder.is_dir():
            raise FileNotFoundError(f"migrations folder not found: {folder} — pass --migrations-dir")
        report = review(root, migrations_dir=folder, replay=not no_replay, embedded=embedded)
        schema = migrated_schema(folder, root, report.dialect)
    except (FileNotFoundError, ValueError, ProjectError) as exc:
        _usage(str(exc))
    except ServerUnusable as exc:  # fail closed, as design and review do
        typer.echo(f"error: {exc} — or pass --no-replay", err=True)
        raise typer.Exit(1) from None
    decisions = _under(root, decisions_dir) if decisions_dir else root / "ai" / "decisions"
    drift = find_drift(decisions, schema, root) if decisions.is_dir() else []
    errors = [f for f in report.findings if f.severity.value == "error"]
    for finding in errors:
        where = f"{finding.location.file}:{finding.location.line}"
        typer.echo(f"{where}: {finding.code} error: {finding.message}")
    for item in drift:
        typer.echo(f"{item.document}:{item.line}: drift: {item.message}")
    verdict = "failed" if errors or drift else "passed"
    typer.echo(
        f"check {verdict}: {len(errors)} review error(s), {len(drift)} drift(s) "
        f"({len(report.migrations)} migration(s), catalog {report.catalog})",
        err=True,
    )
    raise typer.Exit(1 if errors or drift else 0)


def _under(root: Path, path: Path) -> Path:
    return path if path.is_absolute() else root / path


def _usage(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)
