"""Domain-level quality report: entity / attribute / relationship F1 of the analyzer's model against gold.

Faster than ``score_corpus.py`` (no design, no verification), for measuring the analyzer alone:

    python benchmarks/score_domain.py ../shared/specs benchmarks/unseen -v
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from schemawright.domain.analyze import analyze
from schemawright.spec.parser import parse_spec
from tests.domain.gold import Score, compare


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folders", nargs="+")
    ap.add_argument("-v", action="store_true", help="list missed and extra elements")
    args = ap.parse_args()
    for folder in map(Path, args.folders):
        total = [Score(), Score(), Score()]
        t0 = time.perf_counter()
        for spec in sorted(folder.glob("*.md")):
            gold_path = folder / "gold" / f"{spec.stem}.yaml"
            if not gold_path.exists():
                continue
            gold = yaml.safe_load(gold_path.read_text())
            if gold.get("store") not in ("relational", None):
                continue
            model = analyze(parse_spec(spec.read_text(), str(spec)), spec.stem, spec.stem)
            ent, att, rel, mapping = compare(model, gold)
            for acc, s in zip(total, (ent, att, rel), strict=True):
                acc.add(s)
            print(f"{spec.stem:34} ent {ent.f1:.2f}  attr {att.f1:.2f}  rel {rel.f1:.2f}")
            if args.v:
                print("     entities:", sorted(e.name for e in model.entities))
                print("     unmatched:", sorted(e.name for e in model.entities if e.name not in mapping))
                for r in model.relationships:
                    print(f"       REL {r.child} -> {r.parent} {r.cardinality.value} {r.role}")
        secs = time.perf_counter() - t0
        e, a, r = total
        scores = f"entity F1 {e.f1:.2f}  attribute F1 {a.f1:.2f}  relationship F1 {r.f1:.2f}"
        print(f"== {folder}: {scores}  ({secs:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
