"""Verify a Knex project's chain through Knex itself: ``migrate:latest`` with the existing migrations,
snapshot, ``migrate:latest`` with the new ones (one batch), sample rows, ``migrate:rollback`` (the catalog
must equal the snapshot), ``migrate:latest`` again (the catalog must equal the first one's)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from schemawright.design.models import RelationalDesign
from schemawright.engines.scratch import scratch_database
from schemawright.project.detect import MigrationSet
from schemawright.project.formats import NewFile
from schemawright.project.knex import KnexRuntime, run, stage
from schemawright.verify.errors import EngineUnavailable
from schemawright.verify.models import VerificationReport
from schemawright.verify.relational import ToolCommand, _Run, _StepFailed, tool_round_trip


def verify_knex(
    design: RelationalDesign,
    found: MigrationSet,
    new_files: list[NewFile],
    runtime: KnexRuntime,
    *,
    url: str | None = None,
    embedded: bool = False,
) -> VerificationReport:
    started = time.perf_counter()
    report = VerificationReport(engine=design.dialect, status="passed")
    try:
        with (
            tempfile.TemporaryDirectory(prefix="schemawright-knex-") as tmp,
            scratch_database(design.dialect, url, embedded=embedded) as db,
        ):
            report.target = db.target
            folder = stage(Path(tmp) / "migrations", [m.path for m in found.migrations])
            r, u = _Run(report), db.sqlalchemy_url
            if found.migrations:
                r.step("prior-1 knex migrate:latest (existing)", lambda: run(runtime, folder, u, ["latest"]))
            stage(folder, [], {f.path.name: f.content for f in new_files})
            tool_round_trip(
                r,
                db,
                design,
                up=ToolCommand("knex migrate:latest", lambda: run(runtime, folder, u, ["latest"])),
                down=ToolCommand("knex migrate:rollback", lambda: run(runtime, folder, u, ["rollback"])),
                words=("migrate:latest", "migrate:rollback"),
            )
    except EngineUnavailable as exc:
        report.status, report.error = "failed", str(exc)  # fail closed: only --no-verify skips
    except _StepFailed:
        report.status = "failed"
    report.seconds = round(time.perf_counter() - started, 3)
    return report
