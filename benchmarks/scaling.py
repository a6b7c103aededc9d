"""How design time grows with the size of a spec: synthetic specs with N entities, designed unverified
(read/parse, analyze, design, emit, review; the whole ``design`` without verification), and the fitted
exponent k of ``time = c * N^k`` (least squares on log-log; k near 1 is linear, near 2 quadratic).

Each synthetic spec is an app-pipeline spec: a ``Tables/Collections Required`` table with N tables (each
with a few typed key fields and a foreign key to an earlier table) and an ``Entity Relationships`` block
with one ``[A] 1----* [B]`` line per foreign key — the structured input the readers take exactly, so the
time measured is the tool's, not the prose parser's. A report, not a test:

    python benchmarks/scaling.py [N ...]          (default 100 250 500 1000 2000)
    python benchmarks/scaling.py --profile N      (cProfile of one unverified design, top 25 by own time)
"""

from __future__ import annotations

import cProfile
import math
import pstats
import sys
import tempfile
import time
from pathlib import Path

from schemawright.pipeline import DesignRequest, design

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stages import STAGES, stage_times

SIZES = [100, 250, 500, 1000, 2000]
# Letters-only names (digits would read as versions; every name must pass the name-sanity gate).
_FIRST = [
    "amber",
    "azure",
    "bronze",
    "cedar",
    "coral",
    "crimson",
    "dusk",
    "ember",
    "fern",
    "frost",
    "golden",
    "granite",
    "harbor",
    "hazel",
    "indigo",
    "ivory",
    "jade",
    "juniper",
    "lagoon",
    "lemon",
    "maple",
    "marble",
    "meadow",
    "misty",
    "noble",
    "ocean",
    "olive",
    "onyx",
    "pearl",
    "pine",
    "quartz",
    "raven",
    "river",
    "ruby",
    "sable",
    "sage",
    "scarlet",
    "silver",
    "slate",
    "solar",
    "spruce",
    "stone",
    "storm",
    "summit",
    "tawny",
    "tidal",
    "topaz",
    "velvet",
    "willow",
]
_SECOND = [
    "ledger",
    "parcel",
    "beacon",
    "bundle",
    "cabinet",
    "anchor",
    "charter",
    "cipher",
    "barrel",
    "crate",
    "dossier",
    "folio",
    "gadget",
    "gazette",
    "hammer",
    "journal",
    "kettle",
    "lantern",
    "locker",
    "manifest",
    "medal",
    "module",
    "notebook",
    "orbit",
    "pallet",
    "pennant",
    "plaque",
    "portal",
    "quiver",
    "radar",
    "ribbon",
    "satchel",
    "sensor",
    "signal",
    "socket",
    "spindle",
    "tablet",
    "token",
    "turbine",
    "tunnel",
    "valve",
    "voucher",
    "wagon",
    "widget",
]


def entity_names(n: int) -> list[tuple[str, str]]:
    """``n`` distinct (table name, CamelCase entity name) pairs, e.g. ("amber_ledgers", "AmberLedger")."""
    pairs = [(a, b) for b in _SECOND for a in _FIRST]
    if n > len(pairs):
        raise ValueError(f"at most {len(pairs)} entities")
    return [(f"{a}_{b}s", f"{a.title()}{b.title()}") for a, b in pairs[:n]]


def synthetic_spec(n: int) -> str:
    """An app-pipeline spec with ``n`` tables; table i has a foreign key to table i // 2."""
    names = entity_names(n)
    rows, links = [], []
    for i, (table, entity) in enumerate(names):
        fields = ["id", "title", "status", "amount", "created_at"]
        if i:
            parent_table, parent_entity = names[i // 2]
            fields.append(f"{parent_table.removesuffix('s')}_id")
            links.append(f"[{parent_entity}] 1----* [{entity}]")
        rows.append(f"| {table} | {entity} records | {', '.join(fields)} |")
    return "\n".join(
        [
            f"# Feature ID: 900_scale_{n}",
            "",
            f"## Name: Scale {n}",
            "",
            "### Objective",
            f"Keep {n} kinds of records.",
            "",
            "## Database",
            "",
            "### Database Type",
            "- Type: PostgreSQL",
            "",
            "### Schema Design",
            "",
            "#### Tables/Collections Required",
            "| Entity | Purpose | Key Fields |",
            "|--------|---------|------------|",
            *rows,
            "",
            "#### Entity Relationships",
            "```",
            *links,
            "```",
            "",
        ]
    )


def fit(sizes: list[int], times: list[float]) -> tuple[float, float]:
    """(k, c) of ``time = c * N^k`` by least squares on log-log."""
    xs, ys = [math.log(n) for n in sizes], [math.log(max(t, 1e-9)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    k = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
    return k, math.exp(my - k * mx)


def _write(folder: Path, n: int) -> Path:
    path = folder / f"900_scale_{n}.md"
    path.write_text(synthetic_spec(n), encoding="utf-8")
    return path


def profile(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        spec = _write(Path(tmp), n)
        design(DesignRequest(spec_path=spec, root=Path(tmp), verify=False))  # warm imports
        profiler = cProfile.Profile()
        profiler.enable()
        design(DesignRequest(spec_path=spec, root=Path(tmp), verify=False))
        profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats("schemawright", 40)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--profile"]:
        profile(int(argv[1]) if len(argv) > 1 else 1000)
        return 0
    sizes = [int(a) for a in argv] or SIZES
    rows: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            spec = _write(Path(tmp), n)
            runs = 3 if n <= 500 else 1
            started = time.perf_counter()
            rows[n] = stage_times(spec, runs=runs)
            tables = _table_count(spec)
            print(
                f"N={n}: {tables} tables designed, measured in {time.perf_counter() - started:.1f} s",
                flush=True,
            )
    print()
    print(f"{'entities':>9}" + "".join(f"{s:>19}" for s in STAGES) + "   (seconds, medians)")
    for n in sizes:
        print(f"{n:9d}" + "".join(f"{rows[n][s]:19.3f}" for s in STAGES))
    if len(sizes) >= 2:
        print(f"{'k':>9}" + "".join(f"{fit(sizes, [rows[n][s] for n in sizes])[0]:19.2f}" for s in STAGES))
    return 0


def _table_count(spec: Path) -> int:
    with tempfile.TemporaryDirectory() as root:
        outcome = design(DesignRequest(spec_path=spec, root=Path(root), verify=False))
    return sum(len(getattr(store, "tables", [])) for store in outcome.result.stores)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
