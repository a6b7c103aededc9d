"""Textbook measure: the analyzer's model of each textbook domain description (``4xx_*.md``) against its
gold, with exact name matching, as the public textbook benchmark scores every system.

    python benchmarks/score_textbook.py                    # benchmarks/unseen
    python benchmarks/score_textbook.py FOLDER ... -v      # -v: list missed and extra names

Why a second scorer: the corpus and domain scorers forgive spelling (``_`` removed, synonyms through the
design), which is right for judging designs but flatters the analyzer against published numbers. Here a
name counts only when it equals an accepted gold name after lower-casing and singular/plural
normalisation (of its last word, by lemminflect's noun lemmas, independent of the analyzer's own naming):

* entities: the model's entity names against each gold entity's ``tables`` (its key when it lists none);
* attributes: the attributes of each matched entity against that gold entity's accepted names; every
  attribute of an unmatched model entity is extra, every attribute of an unmatched gold entity missed;
  ``id``, ``created_at`` and ``updated_at`` are not counted (the gold format leaves them out);
* associations: relationships as unordered pairs of entity names (``from``/``to``, ``many_to_many`` and
  ``between`` alike; a model many-to-many is its one pair of ends).

Counts are micro-averaged over specs. It is a report, not a test: the exit code is 0 whatever the scores.
The analyzer runs in-process on ``parse_spec`` output, as in ``score_domain.py``.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from schemawright.domain.analyze import analyze  # noqa: E402
from schemawright.domain.model import DomainModel  # noqa: E402
from schemawright.spec.parser import parse_spec  # noqa: E402

DEFAULT_FOLDER = REPO / "benchmarks" / "unseen"
BOOKKEEPING = frozenset({"id", "created_at", "updated_at"})


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@cache
def normal(name: str) -> str:
    """Lower-cased, its last word singular: ``Department_Locations`` → ``department_location``."""
    from lemminflect import getLemma

    *head, last = name.strip().lower().split("_")
    lemmas = getLemma(last, upos="NOUN") if last else ()
    return "_".join([*head, lemmas[0] if lemmas else last])


def same(name: str, accepted: list[str]) -> bool:
    return normal(name) in {normal(a) for a in accepted}


def score(model: DomainModel, gold: dict[str, Any]) -> tuple[Counts, Counts, Counts]:
    """(entities, attributes, associations) of one model against one gold file."""
    entities, attributes, associations = Counts(), Counts(), Counts()
    golds: dict[str, dict[str, Any]] = gold.get("entities") or {}
    accepted = {g: list(spec.get("tables") or [g]) for g, spec in golds.items()}
    mapping: dict[str, str] = {}  # model entity → gold entity, each gold entity matched at most once
    for entity in model.entities:
        match = next(
            (g for g, names in accepted.items() if g not in mapping.values() and same(entity.name, names)),
            None,
        )
        if match is None:
            entities.fp += 1
            entities.extra.append(entity.name)
        else:
            mapping[entity.name] = match
    entities.tp = len(mapping)
    entities.missed = [g for g in golds if g not in mapping.values()]
    entities.fn = len(entities.missed)

    for entity in model.entities:
        gold_attrs: dict[str, Any] = (golds.get(mapping.get(entity.name, "")) or {}).get("attributes") or {}
        wanted = {k: list(v) if isinstance(v, list) else [v if v else k] for k, v in gold_attrs.items()}
        found: set[str] = set()
        for attr in entity.attributes:
            if attr.name in BOOKKEEPING:
                continue
            key = next((k for k, names in wanted.items() if k not in found and same(attr.name, names)), None)
            if key is None:
                attributes.fp += 1
                attributes.extra.append(f"{entity.name}.{attr.name}")
            else:
                found.add(key)
        attributes.tp += len(found)
        attributes.missed += [f"{mapping[entity.name]}.{k}" for k in wanted if k not in found]
    for g, spec in golds.items():
        if g not in mapping.values():
            attributes.missed += [f"{g}.{k}" for k in spec.get("attributes") or {}]
    attributes.fn = len(attributes.missed)

    def gold_end(model_name: str) -> str:
        return mapping.get(model_name, normal(model_name))

    wanted_pairs: set[frozenset[str]] = set()
    for rel in gold.get("relationships") or []:
        ends = rel.get("many_to_many") or rel.get("between") or [rel.get("from"), rel.get("to")]
        if all(ends):
            wanted_pairs.add(frozenset(g if g in golds else normal(g) for g in (ends[0], ends[-1])))
    found_pairs = {frozenset((gold_end(r.child), gold_end(r.parent))) for r in model.relationships}
    associations.tp = len(wanted_pairs & found_pairs)
    associations.missed = sorted(" -- ".join(sorted(p)) for p in wanted_pairs - found_pairs)
    associations.extra = sorted(" -- ".join(sorted(p)) for p in found_pairs - wanted_pairs)
    associations.fn, associations.fp = len(associations.missed), len(associations.extra)
    return entities, attributes, associations


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folders", nargs="*", type=Path, help=f"spec folders (default {DEFAULT_FOLDER})")
    parser.add_argument("-v", action="store_true", help="list missed and extra names per spec")
    args = parser.parse_args(argv)
    total = (Counts(), Counts(), Counts())
    specs = 0
    for folder in args.folders or [DEFAULT_FOLDER]:
        for spec in sorted(folder.glob("4[0-9][0-9]_*.md")):
            gold_path = folder / "gold" / f"{spec.stem}.yaml"
            if not gold_path.exists():
                continue
            gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
            model = analyze(parse_spec(spec.read_text(encoding="utf-8"), str(spec)), spec.stem, spec.stem)
            parts = score(model, gold)
            specs += 1
            for acc, part in zip(total, parts, strict=True):
                acc.add(part)
            print(
                f"{spec.stem:32} "
                + "  ".join(f"{label} {c.f1:.2f}" for label, c in zip(LABELS, parts, strict=True))
            )
            if args.v:
                for label, c in zip(LABELS, parts, strict=True):
                    print(f"    {label}: missed {c.missed}; extra {c.extra}")
    print(f"== {specs} textbook specs, exact names")
    for label, c in zip(LABELS, total, strict=True):
        counts = f"tp {c.tp} fp {c.fp} fn {c.fn}"
        print(f"{label:12} P {c.precision:.2f}  R {c.recall:.2f}  F1 {c.f1:.2f}  ({counts})")
    return 0


LABELS = ("entity", "attribute", "association")

if __name__ == "__main__":
    raise SystemExit(main())
