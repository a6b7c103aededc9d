"""Time ``schemawright review`` against squawk on a real migration history (issue 10: ≤ 3× squawk's time).

Run: ``python benchmarks/review_history.py MIGRATIONS_DIR [--runs 3] [--replay] [--profile OUT]``
(needs ``pip install squawk-cli``); ``--synthetic N`` instead of a folder times a generated PostgreSQL
history of N migrations (:mod:`benchmarks.synthetic_history`, golang-migrate layout; issue 10 names 300).
Both tools run as a fresh process, as in CI: schemawright
``review --no-replay`` (``--replay``: the default, replayed on the configured server) on the folder, squawk
on each migration's up section written to a temporary file (squawk reads whole files; a goose file's down
section would be linted too). Each run times both back to back and prints the ratio, so machine load hits
both alike; the range over the runs, and the medians, are the figures to quote. CPU time is shown too: on
a shared machine it counts less of other processes' load. ``--profile OUT`` also writes a cProfile of one
review run (read it with ``python -m pstats OUT``).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from schemawright.review.chain import read_chain  # noqa: E402

_MAIN = "import sys; from schemawright.cli import main; sys.argv[0] = 'schemawright'; main()"


def _squawk() -> str:
    found = shutil.which("squawk") or str(Path(sys.executable).parent / "squawk")
    if not Path(found).exists():
        sys.exit("squawk not found: pip install squawk-cli")
    return found


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _timed(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run (CPU counts less of other processes' load on a shared machine)."""
    start, cpu = time.perf_counter(), _cpu()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):  # 1: findings at the failing level
        sys.exit(f"{cmd[0]} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return seconds, _cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?")
    parser.add_argument("--synthetic", type=int, metavar="N", help="a generated history of N migrations")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--replay", action="store_true", help="replay on the configured server too")
    parser.add_argument("--profile", type=Path, help="write a cProfile of one review run here")
    args = parser.parse_args()
    if (args.folder is None) == (args.synthetic is None):
        parser.error("give a migrations folder or --synthetic N")
    with tempfile.TemporaryDirectory() as generated:
        if args.synthetic is not None:
            sys.path.insert(0, str(REPO / "benchmarks"))
            from synthetic_history import write_history

            args.folder = Path(generated)
            write_history(args.folder, args.synthetic)
        _compare(args)


def _compare(args: argparse.Namespace) -> None:
    folder = args.folder.resolve()
    migrations, _ = read_chain(folder)
    review = [sys.executable, "-c", _MAIN, "review", "--root", str(folder), "--migrations-dir", str(folder)]
    review += ["--format", "json", "--fail-on", "never"] + ([] if args.replay else ["--no-replay"])
    with tempfile.TemporaryDirectory() as tmp:
        ups = []
        for i, m in enumerate(migrations):
            path = Path(tmp) / f"{i:05d}.sql"
            path.write_text(m.up.sql)
            ups.append(str(path))
        squawk = [_squawk(), "--reporter", "json", *ups]
        _timed(squawk), _timed(review)  # warm the file cache and .pyc files
        print(f"{folder}: {len(migrations)} migrations")
        ratios, cpu_ratios = [], []
        cpus: tuple[list[float], list[float]] = ([], [])
        for run in range(args.runs):
            (ours, ours_cpu), (theirs, theirs_cpu) = _timed(review), _timed(squawk)
            cpus[0].append(ours_cpu)
            cpus[1].append(theirs_cpu)
            ratios.append(ours / theirs)
            cpu_ratios.append(ours_cpu / max(theirs_cpu, 1e-3))
            print(
                f"run {run + 1}: schemawright {ours:.3f} s (CPU {ours_cpu:.3f} s), "
                f"squawk {theirs:.3f} s (CPU {theirs_cpu:.3f} s), "
                f"ratio {ratios[-1]:.1f}x (CPU {cpu_ratios[-1]:.1f}x)"
            )
        print(
            f"ratio range: {min(ratios):.1f}x - {max(ratios):.1f}x "
            f"(CPU {min(cpu_ratios):.1f}x - {max(cpu_ratios):.1f}x)"
        )
        ours_cpu, theirs_cpu = (statistics.median(c) for c in cpus)
        print(
            f"medians: ratio {statistics.median(ratios):.1f}x (CPU {statistics.median(cpu_ratios):.1f}x); "
            f"CPU schemawright {ours_cpu:.3f} s, squawk {theirs_cpu:.3f} s "
            f"(ratio of the medians {ours_cpu / max(theirs_cpu, 1e-3):.1f}x)"
        )
        if args.profile:
            script = Path(tmp) / "schemawright_main.py"  # cProfile runs a script or a module, not -c
            script.write_text(_MAIN + "\n")
            _timed([sys.executable, "-m", "cProfile", "-o", str(args.profile), str(script), *review[3:]])
            print(f"profile written to {args.profile}")


if __name__ == "__main__":
    main()
