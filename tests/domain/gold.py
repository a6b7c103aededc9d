"""Domain-level comparison with the corpus gold files: entity, attribute and relationship F1.

The full scorer (``benchmarks.scoring``) compares generated schemas; this one compares the logical
model directly, so analyzer regressions show up without running the designers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from schemawright.domain.analyze import analyze
from schemawright.domain.model import Cardinality, DomainModel, Entity
from schemawright.domain.naming import plural, singular
from schemawright.spec.parser import parse_spec

CORPUS = Path("/work/shared/specs")
OWN_CORPUS = Path(__file__).resolve().parents[1] / "corpus"  # tests/corpus: specs written for this repo


def _norm(name: str) -> set[str]:
    base = name.lower().replace("-", "_")
    forms = {base, singular(base), plural(singular(base))}
    return {f.replace("_", "") for f in forms}


def _matches(name: str, accepted: list[str]) -> bool:
    mine = _norm(name)
    return any(mine & _norm(a) for a in accepted)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def f1(self) -> float:
        if not self.tp:
            return 0.0 if (self.fp or self.fn) else 1.0
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)


def _gold_entities(gold: dict[str, Any]) -> dict[str, tuple[list[str], dict[str, list[str]]]]:
    out: dict[str, tuple[list[str], dict[str, list[str]]]] = {}
    for name, spec in (gold.get("entities") or {}).items():
        out[name] = ([name, *spec.get("tables", [])], dict(spec.get("attributes") or {}))
    for name, spec in (gold.get("collections") or {}).items():
        out[name] = ([name, *spec.get("names", [])], dict(spec.get("fields") or {}))
    return out


def compare(model: DomainModel, gold: dict[str, Any]) -> tuple[Score, Score, Score, dict[str, str]]:
    """Returns (entities, attributes, relationships, my-entity → gold-entity map).

    A many-to-many link that carries data is compared as the entity its junction table is."""
    model = model.model_copy(deep=True)
    for rel in model.relationships:
        if rel.cardinality is Cardinality.MANY_TO_MANY and (rel.through or rel.attributes):
            name = rel.through or "_".join(sorted((rel.child, rel.parent)))
            rel.through = name
            if model.entity(name) is None:
                model.entities.append(Entity(name=name, attributes=list(rel.attributes)))
    golds = _gold_entities(gold)
    extra = [*(gold.get("optional_entities") or []), *(gold.get("reuse_existing") or [])]
    mapping: dict[str, str] = {}
    for entity in model.entities:
        for gname, (accepted, _) in golds.items():
            if gname not in mapping.values() and _matches(entity.name, accepted):
                mapping[entity.name] = gname
                break
        else:
            for name in extra:
                if _matches(entity.name, [name]):
                    mapping[entity.name] = singular(name)
    ents = Score()
    ents.tp = sum(1 for e in model.entities if e.name in mapping and mapping[e.name] in golds)
    ents.fp = sum(1 for e in model.entities if e.name not in mapping)
    ents.fn = len(golds) - ents.tp
    attrs = Score()
    for gname, (_, gattrs) in golds.items():
        mine = next((e for e in model.entities if mapping.get(e.name) == gname), None)
        names = [a.name for a in mine.attributes] if mine else []
        if mine is not None:
            names += [r.role or r.parent for r in model.relationships if r.child == mine.name]
        hit = {
            k for k, acc in gattrs.items() if any(_matches(n, acc) or _matches(n + "_id", acc) for n in names)
        }
        attrs.tp += len(hit)
        attrs.fn += len(gattrs) - len(hit)
        if mine is not None:
            attrs.fp += sum(
                1
                for a in mine.attributes
                if a.name not in ("created_at", "updated_at")
                and not any(_matches(a.name, acc) for acc in gattrs.values())
            )
    rels = Score()
    wanted: set[tuple[str, ...]] = set()
    between: list[tuple[str, str]] = []
    for rel in gold.get("relationships") or []:
        if "between" in rel:
            a, b = rel["between"]
            between.append((a, b))
        elif "many_to_many" in rel:
            wanted.add(("m2m", *sorted(rel["many_to_many"])))
        else:
            wanted.add((rel["from"], rel["to"]))
    for name, spec in (gold.get("collections") or {}).items():
        for target in spec.get("fields") or {}:
            if target in golds:
                wanted.add((name, target))
    found: set[tuple[str, ...]] = set()
    for r in model.relationships:
        child, parent = mapping.get(r.child, "?" + r.child), mapping.get(r.parent, "?" + r.parent)
        if r.cardinality is Cardinality.MANY_TO_MANY:
            found.add(("m2m", *sorted((child, parent))))
            if r.through:
                found.add((mapping.get(r.through, r.through), child))
                found.add((mapping.get(r.through, r.through), parent))
        else:
            found.add((child, parent))
    # as benchmarks/scoring/score.py: a many-to-many is also met by any table with a foreign key to each
    # end (two to the same table for a self pair), and that table's edges to the ends are then used
    parents: dict[str, list[str]] = {}
    used: set[tuple[str, ...]] = set()
    for r in model.relationships:
        if r.cardinality is not Cardinality.MANY_TO_MANY and r.child in mapping:
            parents.setdefault(mapping[r.child], []).append(mapping.get(r.parent, "?" + r.parent))
    for key in [w for w in wanted if w[0] == "m2m" and w not in found]:
        a, b = key[1], key[2]
        junction = next(
            (j for j, ps in parents.items() if (ps.count(a) >= 2 if a == b else a in ps and b in ps)), None
        )
        if junction is not None:
            found.add(key)
            used |= {(junction, a), (junction, b)}
    rels.tp = len(wanted & found)
    rels.fn = len(wanted - found)
    extra = found - wanted - used
    for a, b in between:  # a one-to-one in either direction, or through a junction
        hit = {(a, b), (b, a), ("m2m", *sorted((a, b)))} & extra
        if hit:
            rels.tp += 1
            extra -= hit
        else:
            rels.fn += 1
    rels.fp = len(extra)
    return ents, attrs, rels, mapping


def corpus(folder: Path = CORPUS) -> list[tuple[str, DomainModel, dict[str, Any]]]:
    out = []
    for spec in sorted(folder.glob("*.md")):
        if spec.name == "README.md":
            continue
        gold_path = folder / "gold" / f"{spec.stem}.yaml"
        if not gold_path.exists():
            continue
        gold = yaml.safe_load(gold_path.read_text())
        model = analyze(parse_spec(spec.read_text()), spec.stem, spec.stem.split("_", 1)[-1])
        out.append((spec.stem, model, gold))
    return out


def table(folder: Path = CORPUS) -> str:
    rows = ["spec                     entity  attr    rel"]
    total = [Score(), Score(), Score()]
    for stem, model, gold in corpus(folder):
        scores = compare(model, gold)[:3]
        for t, s in zip(total, scores, strict=True):
            t.add(s)
        rows.append(f"{stem:24} " + "  ".join(f"{s.f1:.2f}  " for s in scores))
    rows.append(f"{'overall':24} " + "  ".join(f"{s.f1:.2f}  " for s in total))
    return "\n".join(rows)


if __name__ == "__main__":
    import sys

    print(table(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS))
