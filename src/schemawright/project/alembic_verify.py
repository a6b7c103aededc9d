"""Verify an Alembic project's whole chain through Alembic itself: upgrade to the old head, snapshot,
upgrade head (the new revisions), sample rows, downgrade back (the catalog must equal the snapshot),
upgrade head again (the catalog must equal the first upgrade's)."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from schemawright.design.models import RelationalDesign
from schemawright.engines.scratch import scratch_database
from schemawright.project.alembic_chain import AlembicLayout, run
from schemawright.project.detect import MigrationSet
from schemawright.project.formats import NewFile
from schemawright.verify.errors import EngineUnavailable
from schemawright.verify.models import VerificationReport
from schemawright.verify.relational import ToolCommand, _Run, _StepFailed, tool_round_trip


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
                # A first revision: `upgrade base` only creates alembic_version, which the downgrade keeps.
                r.step(f"prior-1 alembic upgrade {old_head}", lambda: run(u, layout, old_head))
                tool_round_trip(
                    r,
                    db,
                    design,
                    up=ToolCommand("alembic upgrade head", lambda: run(u, layout, "head")),
                    down=ToolCommand(
                        f"alembic downgrade -{len(new_files)}",
                        lambda: run(u, layout, f"-{len(new_files)}", downgrade=True),
                    ),
                    words=("upgrade", "downgrade"),
                )
    except EngineUnavailable as exc:
        report.status, report.error = "failed", str(exc)  # fail closed: only --no-verify skips
    except _StepFailed:
        report.status = "failed"
    report.seconds = round(time.perf_counter() - started, 3)
    return report
