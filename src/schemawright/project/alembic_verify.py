"""Verify an Alembic project's whole chain through Alembic itself: upgrade to the old head, snapshot,
upgrade head (the new revisions), sample rows, downgrade back (the catalog must equal the snapshot),
upgrade head again (the catalog must equal the first upgrade's)."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from schemawright.design.models import RelationalDesign
from schemawright.project.alembic_chain import AlembicLayout, run
from schemawright.project.detect import MigrationSet
from schemawright.project.formats import NewFile
from schemawright.verify.engines import scratch_database
from schemawright.verify.errors import EngineUnavailable
from schemawright.verify.models import VerificationReport
from schemawright.verify.relational import _Run, _StepFailed
from schemawright.verify.sample_rows import insert_sample_rows


def _staged(found: MigrationSet, new_files: list[NewFile], into: Path) -> AlembicLayout:
    """A copy of the chain (only the revisions in it: a regenerated feature's old files are left out)
    plus the new revision files, in a throwaway script directory."""
    versions = into / "versions"
    versions.mkdir(parents=True)
    for migration in found.migrations:
        shutil.copy2(migration.path, versions / migration.path.name)
    for new in new_files:
        (versions / new.path.name).write_text(new.content, encoding="utf-8")
    return AlembicLayout(into, versions)


def verify_alembic(
    design: RelationalDesign,
    found: MigrationSet,
    new_files: list[NewFile],
    *,
    url: str | None = None,
    embedded: bool = False,
) -> VerificationReport:
    started = time.perf_counter()
    report = VerificationReport(engine=design.dialect, status="passed")
    old_head = found.migrations[-1].version if found.migrations else "base"
    try:
        with tempfile.TemporaryDirectory(prefix="schemawright-alembic-") as tmp:
            layout = _staged(found, new_files, Path(tmp))
            with scratch_database(design.dialect, url, embedded=embedded) as db:
                report.target = db.target
                r, u = _Run(report), db.sqlalchemy_url
                if old_head != "base":
                    r.step(f"prior-1 alembic upgrade {old_head}", lambda: run(u, layout, old_head))
                before = r.step("snapshot-before", db.snapshot)
                r.step("up (alembic upgrade head)", lambda: run(u, layout, "head"))
                after_up = db.snapshot()
                rows = r.step(
                    "sample-rows",
                    lambda: insert_sample_rows(db, design),
                    lambda rs: ", ".join(x.table for x in rs) or "no new tables",
                )
                report.rows_inserted = len(rows)
                back = f"-{len(new_files)}"
                r.step(f"down (alembic downgrade {back})", lambda: run(u, layout, back, downgrade=True))
                r.compare(
                    "snapshot-compare",
                    before,
                    db.snapshot(),
                    ("before upgrade", "after downgrade"),
                    "the downgrade must undo exactly what the upgrade created",
                )
                r.step("up-again (alembic upgrade head)", lambda: run(u, layout, "head"))
                r.compare(
                    "snapshot-compare-up-again",
                    after_up,
                    db.snapshot(),
                    ("after first upgrade", "after second upgrade"),
                    "the upgrade must produce the same schema when re-applied after downgrade",
                )
    except EngineUnavailable as exc:
        report.status, report.error = "skipped", str(exc)
    except _StepFailed:
        report.status = "failed"
    report.seconds = round(time.perf_counter() - started, 3)
    return report
