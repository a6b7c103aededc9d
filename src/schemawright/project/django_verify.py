"""Verify a Django project's chain through Django itself: migrate every app up to the app's previous
migration, snapshot, ``migrate app`` (the new migrations), sample rows, ``migrate app <previous>`` (the
catalog must equal the snapshot), ``migrate app`` again (the catalog must equal the first migrate's)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from schemawright.design.models import RelationalDesign
from schemawright.project.detect import MigrationSet
from schemawright.project.django_run import apps_of, migrate, stage
from schemawright.project.formats import NewFile
from schemawright.verify.engines import scratch_database
from schemawright.verify.errors import EngineUnavailable
from schemawright.verify.models import VerificationReport
from schemawright.verify.relational import _Run, _StepFailed
from schemawright.verify.sample_rows import insert_sample_rows


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
            before = r.step("snapshot-before", db.snapshot)
            r.step(f"up (django migrate {app})", lambda: migrate(work, apps, [(app, None)]))
            after_up = db.snapshot()
            rows = r.step(
                "sample-rows",
                lambda: insert_sample_rows(db, design),
                lambda rs: ", ".join(x.table for x in rs) or "no new tables",
            )
            report.rows_inserted = len(rows)
            r.step(
                f"down (django migrate {app} {previous})",
                lambda: migrate(work, apps, [(app, previous)]),
            )
            r.compare(
                "snapshot-compare",
                before,
                db.snapshot(),
                ("before migrate", "after migrating back"),
                "migrating back must undo exactly what the new migrations created",
            )
            r.step(f"up-again (django migrate {app})", lambda: migrate(work, apps, [(app, None)]))
            r.compare(
                "snapshot-compare-up-again",
                after_up,
                db.snapshot(),
                ("after first migrate", "after second migrate"),
                "the migration must produce the same schema when re-applied after migrating back",
            )
    except EngineUnavailable as exc:
        report.status, report.error = "skipped", str(exc)
    except _StepFailed:
        report.status = "failed"
    report.seconds = round(time.perf_counter() - started, 3)
    return report
