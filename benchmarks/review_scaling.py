"""How static review time grows with the length of a migration history.

Run: ``.venv/bin/python benchmarks/review_scaling.py [N …]`` (default 50 200 500). It generates a
golang-migrate style PostgreSQL history of N migrations (each creates a table with a foreign key to an earlier
one and its index, and alters an earlier table; every one has a down), reviews it statically
(``review_chain(..., engine=None)``), takes the best of a few runs per size, and fits ``time = c * N^k`` by
least squares on log-log: k near 1 is linear growth, near 2 quadratic.
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from schemawright.review.chain import Migration, Section  # noqa: E402
from schemawright.review.engine import review_chain  # noqa: E402


def history(n: int) -> list[Migration]:
    """N migrations: table t{i} (with an FK to t{i//2} and its index), plus a column on t{i-1}."""
    out = []
    for i in range(n):
        name = f"{i + 1:05d}_t{i}"
        up = [
            f"CREATE TABLE t{i} (\n"
            "    id BIGINT GENERATED ALWAYS AS IDENTITY,\n"
            f"    parent_id BIGINT{'' if i == 0 else f' REFERENCES t{i // 2} (id) ON DELETE CASCADE'},\n"
            "    title TEXT NOT NULL,\n"
            "    amount NUMERIC(12, 2),\n"
            "    note TEXT,\n"
            "    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
            "    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
            f"    CONSTRAINT pk_t{i} PRIMARY KEY (id)\n"
            ");",
            f"CREATE INDEX idx_t{i}_parent_id ON t{i} (parent_id);",
        ]
        down = [f"DROP TABLE IF EXISTS t{i};"]
        if i:
            up.insert(0, "SET lock_timeout = '5s';")
            up.append(f"ALTER TABLE t{i - 1} ADD COLUMN extra_{i} TEXT;")
            down.insert(0, f"ALTER TABLE t{i - 1} DROP COLUMN IF EXISTS extra_{i};")
        out.append(
            Migration(
                name,
                Section(f"{name}.up.sql", "\n".join(up) + "\n"),
                Section(f"{name}.down.sql", "\n".join(down) + "\n"),
            )
        )
    return out


def best_time(n: int, runs: int) -> float:
    migrations = history(n)
    best = math.inf
    for _ in range(runs):
        _forget_parses()
        start = time.perf_counter()
        review_chain(migrations, dialect="postgresql", engine=None)
        best = min(best, time.perf_counter() - start)
    return best


def _forget_parses() -> None:
    """Every run parses its scripts: the review remembers parsed scripts (for ``design``), which would
    make every run after the first skip parsing."""
    from schemawright.review import parse

    cached = getattr(parse, "_parse_script", None)
    if cached is not None and hasattr(cached, "cache_clear"):
        cached.cache_clear()


def exponent(points: list[tuple[int, float]]) -> float:
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [50, 200, 500]
    best_time(10, 1)  # warm-up: imports, sqlglot's dialect tables
    points = []
    for n in sizes:
        seconds = best_time(n, 3 if n <= 200 else 2)
        points.append((n, seconds))
        print(f"{n:5d} migrations: {seconds:8.3f} s  ({seconds / n * 1000:6.2f} ms per migration)")
    if len(points) >= 2:
        print(f"fitted exponent k (time ~ N^k): {exponent(points):.2f}")


if __name__ == "__main__":
    main()
