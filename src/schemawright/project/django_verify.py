"""Verify a Django project's chain through Django itself: migrate every app up to the app's previous
migration, snapshot, ``migrate app`` (the new migrations), sample rows, ``migrate app <previous>`` (the
catalog must equal the snapshot), ``migrate app`` again (the catalog must equal the first migrate's)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from schemawright.design.models import RelationalDesign
from schemawright.engines.scratch import scratch_database
from schemawright.project.detect import MigrationSet
from schemawright.project.django_run import apps_of, migrate, stage
from schemawright.project.formats import NewFile
from schemawright.verify.errors import EngineUnavailable
from schemawright.verify.models import VerificationReport
from schemawright.verify.relational import ToolCommand, _Run, _StepFailed, tool_round_trip


def verify_django(
    design: RelationalDesign,
    found: MigrationSet,
    new_files: list[NewFile],
    *,
    url: str | None = None,
    embedded: bool = False,
) -> VerificationReport:
    assert found.foreign is not None
    started = time.perf_counter()
    report = VerificationReport(engine=design.dialect, status="passed")
    apps, target = apps_of(found.directory, found.foreign.apps)
    app = target.label
    previous = found.migrations[-1].path.stem if found.migrations else "zero"
    others = [(a.label, None) for a in apps if a != target]
    try:
        with (
            tempfile.TemporaryDirectory(prefix="schemawright-django-") as tmp,
            scratch_database(design.dialect, url, embedded=embedded) as db,
        ):
            work = stage(
                Path(tmp),
                apps,
                target,
                db.sqlalchemy_url,
                [m.path for m in found.migrations],
                {f.path.name: f.content for f in new_files},
            )
            report.target = db.target
            r = _Run(report)
            r.step(
                f"prior-1 django migrate {app} {previous}",
                lambda: migrate(work, apps, [*others, (app, previous)]),
            )
            tool_round_trip(
                r,
                db,
                design,
                up=ToolCommand(f"django migrate {app}", lambda: migrate(work, apps, [(app, None)])),
                down=ToolCommand(
                    f"django migrate {app} {previous}", lambda: migrate(work, apps, [(app, previous)])
                ),
                words=("migrate", "migrating back"),
            )
    except EngineUnavailable as exc:
        report.status, report.error = "failed", str(exc)  # fail closed: only --no-verify skips
    except _StepFailed:
        report.status = "failed"
    report.seconds = round(time.perf_counter() - started, 3)
    return report
