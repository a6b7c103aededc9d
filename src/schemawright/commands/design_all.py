"""``schemawright design --all FOLDER``: the batch's terminal side — a progress bar while it runs (stderr,
only on a terminal), then one line per feature and a summary. The work is :mod:`schemawright.batch`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from schemawright.batch import BatchOptions, FeatureResult


def design_all(folder: Path, options: BatchOptions, *, as_json: bool) -> None:
    """Run the batch and report it; exit 1 when any feature failed (the others are still written), 2 when
    the folder holds no spec or the root does not exist."""
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from schemawright.batch import feature_specs, run_batch
    from schemawright.io import UsageError

    err = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        if not options.root.is_dir():
            raise UsageError(f"project root not found: {options.root} — pass an existing folder with --root")
        specs = feature_specs(folder)
    except UsageError as exc:
        err.print(f"[bold red]error:[/] {escape(str(exc))}")
        raise typer.Exit(2) from None
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )
    with progress:
        task = progress.add_task("designing", total=len(specs))

        def start(_: int, spec: Path) -> None:
            progress.update(task, description=f"designing {spec.stem}")

        def done(_: FeatureResult) -> None:
            progress.advance(task)

        results = run_batch(specs, options, on_start=start, on_done=done)
    width = max(len(r.feature_id) for r in results)
    for r in results:
        err.print(escape(line(r, width)))
    failed = sum(1 for r in results if not r.ok)
    total = sum(r.seconds for r in results)
    verb = "checked" if options.dry_run else "designed"
    err.print(
        f"{len(results) - failed} of {len(results)} features {verb}, {failed} failed, in {total:.1f} s "
        f"({total / len(results):.2f} s per feature)"
    )
    if as_json:
        sys.stdout.write(json.dumps([as_dict(r) for r in results], indent=2) + "\n")
    if failed:
        raise typer.Exit(1)


def line(r: FeatureResult, width: int) -> str:
    """One feature's report line: ID, ok/FAILED, what was written (or the error), verification, time."""
    head = f"{r.feature_id:<{width}}  {'ok' if r.ok else 'FAILED':6}"
    notes = "".join(f" (warning: {w})" for w in r.warnings)
    if not r.ok:
        return f"{head}  error: {r.error}{notes}  [{r.seconds:.2f} s]"
    assert r.outcome is not None
    result = r.outcome.result
    files = len(r.written) if r.written else len(result.files)
    what = f"{'would write' if not r.written else 'wrote'} {files} file{'s' * (files != 1)}"
    if result.no_change_reason:
        what = f"no schema change needed; {what}"
    checks = []
    for report in result.verification.reports:
        where = f" on {report.target}" if report.target else ""
        checks.append(f"{report.engine} {report.status}{where}")
    verified = f"; verification: {', '.join(checks)}" if checks else ""
    return f"{head}  {what}{verified}{notes}  [{r.seconds:.2f} s]"


def as_dict(r: FeatureResult) -> dict[str, object]:
    """A feature's entry of ``--all --json``: ID, spec, status, error, seconds, files written and the
    design (what ``design --json`` prints for it; null when it failed)."""
    return {
        "id": r.feature_id,
        "spec": str(r.spec),
        "status": r.status,
        "error": r.error or None,
        "seconds": round(r.seconds, 3),
        "written": [str(p) for p in r.written],
        "design": r.outcome.result.model_dump(mode="json") if r.outcome is not None else None,
    }
