"""Start-up cost: wall time of ``schemawright --help`` and of ``import schemawright`` in a fresh interpreter.
A report, not a test (wall time depends on the machine and its load); issue 12's targets are ≤ 0.1 s for
``--help`` and ≤ 0.2 s for the import. A bare ``python -c pass`` is shown as the floor.

    python benchmarks/startup.py [RUNS]        (default 15; the median and the minimum are printed)
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

CASES = {
    "python -c pass": ["-c", "pass"],
    "import schemawright": ["-c", "import schemawright"],
    "import schemawright.cli": ["-c", "import schemawright.cli"],
    "schemawright --help": [
        "-c",
        "import sys; sys.argv = ['schemawright', '--help']; from schemawright.cli import main; main()",
    ],
    "schemawright design --help": [
        "-c",
        "import sys; sys.argv = ['schemawright', 'design', '--help']; "
        "from schemawright.cli import main; main()",
    ],
}
TARGETS = {"import schemawright": 0.2, "schemawright --help": 0.1}


def _run(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv else 15
    print(f"{'case':30} {'median (s)':>11} {'min (s)':>8} {'target (s)':>11}")
    for name, args in CASES.items():
        _run(args)  # warm the file cache and .pyc files
        samples = [_run(args) for _ in range(runs)]
        target = f"{TARGETS[name]:.1f}" if name in TARGETS else "-"
        print(f"{name:30} {statistics.median(samples):11.3f} {min(samples):8.3f} {target:>11}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
