"""Analyzer time once its imports are warm: one short spec analysed repeatedly, and the repo's development
corpus (tests/corpus) per spec. A report, not a test: these were wall-clock asserts in the test suite
(``< 0.1 s``) that failed under load; the targets are printed beside the measurements.

    python benchmarks/analyze_time.py [RUNS]        (default 5; medians)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from schemawright.domain.analyze import analyze
from schemawright.spec.parser import parse_spec

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"
SHORT = "# Lockers\n\nA locker has a code and a size. " * 20


def _seconds(work: object) -> float:
    start = time.perf_counter()
    work()  # type: ignore[operator]
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv else 5
    specs = [(p.stem, p.read_text()) for p in sorted(CORPUS.glob("[0-9]*.md"))]
    analyze(parse_spec(SHORT), "t", "t")  # warm imports and caches

    def short() -> None:
        analyze(parse_spec(SHORT), "t", "t")

    def whole_corpus() -> None:
        for stem, text in specs:
            analyze(parse_spec(text), stem, stem.split("_", 1)[-1])

    warm = statistics.median(_seconds(short) for _ in range(runs))
    per_spec = statistics.median(_seconds(whole_corpus) for _ in range(runs)) / max(len(specs), 1)
    print(f"{'case':40} {'median (s)':>11} {'target (s)':>11}")
    print(f"{'short spec, warm':40} {warm:11.3f} {0.1:11.1f}")
    print(f"{f'tests/corpus, per spec ({len(specs)} specs)':40} {per_spec:11.3f} {0.1:11.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
