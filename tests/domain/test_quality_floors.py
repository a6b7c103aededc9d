"""Floors the analyzer must keep on every spec set we have, including the blind and paraphrased ones.

They state a minimum we are sure of on text the rules were not written against (the scores measured
when they were set are in the closing notes and the README, well above these), not the score a tuned
corpus reached. And on every set, no table or column name may fail the name-sanity gate.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from schemawright.domain.analyze import analyze
from schemawright.domain.sanity import check_names
from schemawright.spec.parser import parse_spec
from tests.domain.gold import CORPUS, Score, compare

ROOT = Path(__file__).resolve().parents[2]
SETS = [
    CORPUS,
    ROOT / "benchmarks" / "paraphrases",
    ROOT / "benchmarks" / "unseen",
    ROOT / "benchmarks" / "blind2",
    ROOT / "benchmarks" / "blind3",
    ROOT / "benchmarks" / "blind4",
    ROOT / "benchmarks" / "blind5",
    ROOT / "benchmarks" / "blind6",
    ROOT / "benchmarks" / "blind7",
    ROOT / "benchmarks" / "blind8",
    ROOT / "benchmarks" / "blind9",
    ROOT / "benchmarks" / "blind10",
    ROOT / "benchmarks" / "blind11",
    ROOT / "benchmarks" / "blind12",
    ROOT / "benchmarks" / "blind13",
    ROOT / "benchmarks" / "blind14",
    ROOT / "benchmarks" / "blind15",
    ROOT / "benchmarks" / "blind16",
    ROOT / "benchmarks" / "blind17",
    ROOT / "benchmarks" / "dev2",
    ROOT / "tests" / "corpus",
]


def _specs(folder: Path) -> list[tuple[Path, dict[str, object]]]:
    out = []
    for spec in sorted(folder.glob("*.md")):
        gold = folder / "gold" / f"{spec.stem}.yaml"
        if gold.exists():
            data = yaml.safe_load(gold.read_text())
            if data.get("store") in ("relational", None):
                out.append((spec, data))
    return out


@pytest.mark.parametrize("folder", [s for s in SETS if s.exists()], ids=lambda p: p.name)
def test_domain_scores_stay_above_the_floor(folder: Path) -> None:
    totals = [Score(), Score(), Score()]
    for spec, gold in _specs(folder):
        model = analyze(parse_spec(spec.read_text(), str(spec)), spec.stem, spec.stem)
        for total, score in zip(totals, compare(model, gold)[:3], strict=True):
            total.add(score)
    entities, attributes, relationships = totals
    assert entities.f1 >= 0.65, entities
    assert attributes.f1 >= 0.50, attributes
    assert relationships.f1 >= 0.35, relationships


@pytest.mark.parametrize("folder", [s for s in SETS if s.exists()], ids=lambda p: p.name)
def test_no_name_fails_the_sanity_gate(folder: Path) -> None:
    for spec in sorted(folder.glob("*.md")):
        if spec.name == "README.md":
            continue
        model = analyze(parse_spec(spec.read_text(), str(spec)), spec.stem, spec.stem)
        assert check_names(model) == [], spec.name
