"""Time per pipeline stage for a spec: read/parse, analyze, design, emit, review, the whole unverified
design, and (optionally) verify on a warm server. A report, not a test; shared by ``scaling.py``.

    python benchmarks/stages.py [--verify] [SPEC ...]     (default: a few typical specs of ../shared/specs)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from schemawright.design.conventions import ExistingSchema
from schemawright.design.models import RelationalDesign
from schemawright.design.relational import design_relational
from schemawright.domain.analyze import analyze
from schemawright.domain.model import DomainModel
from schemawright.emit.sql.ddl import render_migration
from schemawright.io import read_spec
from schemawright.pipeline import DesignRequest, design
from schemawright.review import review_migration
from schemawright.spec.document import SpecDocument
from schemawright.spec.parser import parse_spec

REPO = Path(__file__).resolve().parents[1]
TYPICAL = ["001_signup.md", "003_library.md", "022_podcast_hosting.md", "026_bug_tracker.md"]
STAGES = ("read/parse", "analyze", "design", "emit", "review", "total (no verify)")
T = TypeVar("T")


def _timed(work: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    value = work()
    return time.perf_counter() - start, value


def stage_times(spec: Path, runs: int = 3) -> dict[str, float]:
    """Median seconds of each stage over ``runs`` (imports and caches warmed by a first, untimed run)."""
    samples: dict[str, list[float]] = {s: [] for s in STAGES}

    def read_parse() -> SpecDocument:
        return parse_spec(read_spec(spec), source=str(spec))

    for i in range(runs + 1):
        t_parse, doc = _timed(read_parse)
        t_analyze, model = _timed(partial(analyze, doc, spec.stem, spec.stem))
        t_design, designed = _timed(partial(_design, model))
        t_emit, sql = _timed(partial(render_migration, designed, "-- bench"))
        t_review, _ = _timed(partial(review_migration, sql.up, sql.down, dialect="postgresql"))
        with tempfile.TemporaryDirectory() as root:
            t_total, _ = _timed(partial(design, DesignRequest(spec_path=spec, root=Path(root), verify=False)))
        if i == 0:
            continue  # warm-up
        for name, value in zip(
            STAGES, (t_parse, t_analyze, t_design, t_emit, t_review, t_total), strict=True
        ):
            samples[name].append(value)
    return {name: statistics.median(values) for name, values in samples.items()}


def _design(model: DomainModel) -> RelationalDesign:
    designed, _ = design_relational(model, "postgresql", ExistingSchema())
    return designed


def verify_time(spec: Path, runs: int = 3) -> float:
    """Median seconds of the up/down/up round trip on a warm server: the embedded PostgreSQL started once
    (not counted), or ``$SCHEMAWRIGHT_POSTGRES_URL``."""
    import os

    from schemawright.verify.relational import verify_relational
    from schemawright.verify.warm import shared_postgres

    doc = parse_spec(read_spec(spec), source=str(spec))
    designed = _design(analyze(doc, spec.stem, spec.stem))
    sql = render_migration(designed, "-- bench")
    url = os.environ.get("SCHEMAWRIGHT_POSTGRES_URL")
    with shared_postgres(url, embedded=not url):
        verify_relational(designed, sql.up, sql.down, url=url, embedded=not url)  # starts the server
        times = []
        for _ in range(runs):
            seconds, report = _timed(
                partial(verify_relational, designed, sql.up, sql.down, url=url, embedded=not url)
            )
            if report.status != "passed":
                raise RuntimeError(f"{spec.name}: verification {report.status}: {report.error}")
            times.append(seconds)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    verify = "--verify" in argv
    names = [a for a in argv if a != "--verify"]
    specs = [Path(a) for a in names] or [REPO.parent / "shared" / "specs" / n for n in TYPICAL]
    header = "".join(f"{s:>19}" for s in STAGES) + ("         verify" if verify else "")
    print(f"{'spec':28}{header}   (milliseconds, medians)")
    for spec in specs:
        times = stage_times(spec)
        row = "".join(f"{times[s] * 1000:19.1f}" for s in STAGES)
        extra = f"{verify_time(spec) * 1000:15.1f}" if verify else ""
        print(f"{spec.name:28}{row}{extra}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
