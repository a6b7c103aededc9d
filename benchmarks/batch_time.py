"""``design --all`` time per feature: the batch over copies of a spec folder in a scratch project, without
verification and with it (on one warm embedded PostgreSQL, or the server in SCHEMAWRIGHT_POSTGRES_URL).
A report, not a test; issue 12's targets for a typical feature are ≤ 0.3 s unverified and ≤ 1.5 s verified.

    python benchmarks/batch_time.py [FOLDER] [--no-verify] [--limit N]
        (default FOLDER: ../shared/specs, else tests/corpus; both passes unless --no-verify)

Specs that declare another store than PostgreSQL (MySQL without SCHEMAWRIGHT_MYSQL_URL fails verification,
MongoDB is not run) stay in the batch, as they would in a real project; the summary counts only the
features verified on PostgreSQL as "verified". The first feature also pays the imports, spaCy's model and
(when verifying) the embedded server's start; the medians leave it out. Next to each feature's wall time
is this process's CPU time for it: on a shared machine the wall time follows the load, the CPU time much
less (the database server's work is not in it).
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from schemawright.batch import BatchOptions, FeatureResult, feature_specs, run_batch

REPO = Path(__file__).resolve().parents[1]
TARGETS = {False: 0.3, True: 1.5}


def _copy(folder: Path, limit: int | None) -> tuple[Path, list[Path]]:
    root = Path(tempfile.mkdtemp(prefix="schemawright-batch-bench-"))
    features = root / "ai" / "features"
    features.mkdir(parents=True)
    for spec in feature_specs(folder)[:limit]:
        shutil.copy(spec, features / spec.name)
    return root, feature_specs(features)


def _postgres_verified(r: FeatureResult) -> bool:
    if r.outcome is None:
        return False
    return any(
        v.engine == "postgresql" and v.status == "passed" for v in r.outcome.result.verification.reports
    )


def run(folder: Path, verify: bool, limit: int | None) -> list[FeatureResult]:
    root, specs = _copy(folder, limit)
    try:
        label = "verified" if verify else "unverified"
        print(f"\n{label}: {len(specs)} specs from {folder}")
        print(f"{'feature':34} {'status':8} {'seconds':>8} {'cpu':>6}  verification")
        started = time.perf_counter()
        cpu: dict[str, float] = {}

        def start(_: int, spec: Path) -> None:
            cpu[spec.stem] = time.process_time()

        def done(r: FeatureResult) -> None:
            cpu[r.feature_id] = time.process_time() - cpu[r.feature_id]
            checks = ""
            if r.outcome is not None:
                checks = ", ".join(f"{v.engine} {v.status}" for v in r.outcome.result.verification.reports)
            detail = checks or (r.error[:70] if r.error else "")
            used = cpu[r.feature_id]
            print(f"{r.feature_id:34} {r.status:8} {r.seconds:8.2f} {used:6.2f}  {detail}", flush=True)

        results = run_batch(specs, BatchOptions(root=root, verify=verify), on_start=start, on_done=done)
        wall = time.perf_counter() - started
    finally:
        shutil.rmtree(root, ignore_errors=True)
    rest = results[1:] or results
    designed = [r for r in rest if r.ok]
    verified = [r.seconds for r in rest if _postgres_verified(r)]
    print(f"wall time {wall:.1f} s for {len(results)} features ({wall / len(results):.2f} s per feature)")
    if designed:
        seconds = [r.seconds for r in designed]
        print(
            f"per designed feature after the first: median {statistics.median(seconds):.2f} s, "
            f"max {max(seconds):.2f} s (target {TARGETS[verify]} s); this process's CPU: median "
            f"{statistics.median(cpu[r.feature_id] for r in designed):.2f} s (the server's is not counted)"
        )
    if verify and verified:
        print(
            f"per feature verified on PostgreSQL ({len(verified)}): "
            f"median {statistics.median(verified):.2f} s, "
            f"max {max(verified):.2f} s"
        )
    return results


def main(argv: list[str]) -> int:
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    positional = [a for i, a in enumerate(argv) if not a.startswith("--") and argv[i - 1 : i] != ["--limit"]]
    shared = REPO.parent / "shared" / "specs"
    folder = Path(positional[0]) if positional else (shared if shared.is_dir() else REPO / "tests" / "corpus")
    run(folder, verify=False, limit=limit)
    if "--no-verify" not in argv:
        run(folder, verify=True, limit=limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
