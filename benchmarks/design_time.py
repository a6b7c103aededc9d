"""Design time per spec: without verification, and with verification on the embedded PostgreSQL (and the
server in SCHEMAWRIGHT_POSTGRES_URL when set). A report, not a test:

    python benchmarks/design_time.py [SPEC ...]        (default: ../shared/specs/*.md and examples/*.md)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from schemawright.pipeline import DesignRequest, design

REPO = Path(__file__).resolve().parents[1]


def _time(spec: Path, *, verify: bool, embedded: bool, runs: int) -> tuple[float, str]:
    samples = []
    status = "-"
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as root:
            start = time.perf_counter()
            outcome = design(DesignRequest(spec_path=spec, root=Path(root), verify=verify, embedded=embedded))
            samples.append(time.perf_counter() - start)
            status = outcome.result.verification.status
    return statistics.median(samples), status


def main(argv: list[str]) -> int:
    specs = [Path(a) for a in argv] or sorted((REPO.parent / "shared" / "specs").glob("[0-9]*.md")) + sorted(
        (REPO / "examples").glob("*.md")
    )
    # Warm imports so the first spec does not pay for them.
    _time(specs[0], verify=False, embedded=False, runs=1)
    server = bool(os.environ.get("SCHEMAWRIGHT_POSTGRES_URL"))
    print(f"{'spec':32} {'no verify (ms)':>15} {'embedded PG (s)':>16} {'server PG (s)':>14}")
    for spec in specs:
        plain, _ = _time(spec, verify=False, embedded=False, runs=5)
        try:
            emb, emb_status = _time(spec, verify=True, embedded=True, runs=1)
            emb_text = f"{emb:.2f} {emb_status}"
        except Exception as exc:  # a report: show the failure and go on
            emb_text = f"error: {str(exc)[:40]}"
        srv_text = "-"
        if server:
            try:
                srv, srv_status = _time(spec, verify=True, embedded=False, runs=1)
                srv_text = f"{srv:.2f} {srv_status}"
            except Exception as exc:
                srv_text = f"error: {str(exc)[:40]}"
        print(f"{spec.name:32} {plain * 1000:15.1f} {emb_text:>16} {srv_text:>14}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
