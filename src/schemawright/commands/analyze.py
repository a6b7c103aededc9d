"""``schemawright analyze``: print (or write) a spec's domain model, the file ``design --model`` reads."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer


def analyze(
    feature_file: Annotated[
        Path, typer.Argument(help="The feature spec (markdown), or a DBML, Mermaid (.mmd) or Prisma file.")
    ],
    id: Annotated[
        str | None,
        typer.Option("--id", help="Feature ID; default: the file stem (spec-kit: the folder name)."),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option("--name", help="Feature name; default: the spec's '## Name:' or the ID, humanised."),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write the model to this file instead of stdout (atomically; an existing "
                     "file is replaced only with --force)."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the --out file when it exists.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="JSON with every field (default: YAML with defaults omitted).")
    ] = False,
    analyzer: Annotated[
        str,
        typer.Option("--analyzer", help="rules (offline, default), llm (the endpoint of "
                     "$SCHEMAWRIGHT_LLM_URL, answer validated) or hybrid (both, merged)."),
    ] = "rules",
) -> None:
    """Print the domain model of FEATURE_FILE: entities, attributes and kinds, relationships, constraints,
    access patterns, volumes, sensitivity, assumptions and sentences not understood, each element with
    its spec line and rule. Edit it and run 'schemawright design --model FILE'.
    Schema: docs/model.schema.json. Exit codes: 0 success; 1 the LLM gave no valid model, or the --out
    file exists (without --force) or cannot be written (then nothing changed); 2 usage error."""
    from schemawright.analysis import ANALYZERS
    from schemawright.api import analyze as analyze_spec
    from schemawright.io import UsageError, WriteError
    from schemawright.modelfile.dump import to_json, to_yaml

    if analyzer not in ANALYZERS:
        typer.echo(f"error: unknown --analyzer {analyzer!r}: choose one of {', '.join(ANALYZERS)}", err=True)
        raise typer.Exit(2)
    try:
        model = analyze_spec(feature_file, feature_id=id, feature_name=name, analyzer=analyzer)
    except UsageError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    except Exception as exc:
        from schemawright.pipeline import DesignError

        if not isinstance(exc, DesignError):
            raise
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    text = to_json(model) if as_json else to_yaml(model)
    if out is None:
        sys.stdout.write(text)
        return
    from schemawright.writes.atomic import write_atomic

    try:
        write_atomic(out, text, replace=force)
    except WriteError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"wrote {out}", err=True)
