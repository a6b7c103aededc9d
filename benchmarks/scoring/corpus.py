"""Run a design function over a corpus folder and score every spec that has a gold file.

Each spec is designed in a fresh temporary project root (a writable copy of its
``NNN_*_existing/`` folder when the gold names one), so runs never touch the corpus and never
see each other's migrations. A spec whose design run raises is scored as an empty design and
keeps the error, so one crash shows up in the table instead of hiding the rest.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from benchmarks.scoring.gold import load_gold
from benchmarks.scoring.metrics import Counts, SpecScore
from benchmarks.scoring.score import score_design

SPEC_NAME = re.compile(r"^\d{3}_.+\.md$")
DesignRun = Callable[[Path, Path], dict[str, Any]]


class CorpusScore(BaseModel):
    specs: list[SpecScore] = Field(default_factory=list)

    def _total(self, attr: str) -> Counts:
        total = Counts(scored=False)
        for spec in self.specs:
            total = total + getattr(spec, attr)
        return total

    @property
    def entities(self) -> Counts:
        """Micro-averaged over specs: counts summed, then P/R/F1."""
        return self._total("entities")

    @property
    def attributes(self) -> Counts:
        return self._total("attributes")

    @property
    def relationships(self) -> Counts:
        return self._total("relationships")

    @property
    def checks_passed(self) -> int:
        return sum(s.checks_passed for s in self.specs)

    @property
    def checks_total(self) -> int:
        return sum(s.checks_total for s in self.specs)

    @property
    def check_pass_rate(self) -> float | None:
        return self.checks_passed / self.checks_total if self.checks_total else None

    def __add__(self, other: CorpusScore) -> CorpusScore:
        return CorpusScore(specs=[*self.specs, *other.specs])


def make_writable(root: Path) -> None:
    """The corpus is read-only; its copy must accept new migrations and be deletable."""
    for dirpath, _, filenames in os.walk(root):
        os.chmod(dirpath, os.stat(dirpath).st_mode | stat.S_IWUSR | stat.S_IRUSR | stat.S_IXUSR)
        for name in filenames:
            path = os.path.join(dirpath, name)
            os.chmod(path, os.stat(path).st_mode | stat.S_IWUSR | stat.S_IRUSR)


def spec_files(corpus_dir: Path) -> list[tuple[Path, Path]]:
    """(spec, gold) pairs of a corpus folder, in name order; specs without gold are skipped."""
    pairs = []
    for spec in sorted(corpus_dir.iterdir()):
        gold = corpus_dir / "gold" / f"{spec.stem}.yaml"
        if spec.is_file() and SPEC_NAME.match(spec.name) and gold.is_file():
            pairs.append((spec, gold))
    return pairs


def score_corpus(corpus_dir: Path, run: DesignRun, *, check_dialect: bool = True) -> CorpusScore:
    """Design and score every spec of ``corpus_dir``; ``run(spec_path, root)`` returns the design JSON."""
    result = CorpusScore()
    for spec_path, gold_path in spec_files(corpus_dir):
        gold = load_gold(gold_path)
        with tempfile.TemporaryDirectory(prefix=f"sw-{spec_path.stem}-") as tmp:
            root = Path(tmp) / "project"
            if gold.existing:
                shutil.copytree(corpus_dir / gold.existing, root)
                make_writable(root)
            else:
                root.mkdir()
            error = ""
            try:
                design = run(spec_path, root)
            except Exception as exc:  # a crash is a result to report, not a reason to stop
                design, error = {}, f"{type(exc).__name__}: {exc}"
            score = score_design(design, gold, root, check_dialect=check_dialect)
        result.specs.append(
            score.model_copy(update={"spec": spec_path.stem, "corpus": corpus_dir.name, "error": error})
        )
    return result


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _prf(counts: Counts) -> list[str]:
    if not counts.scored and not (counts.tp or counts.fp or counts.fn):
        return ["-", "-", "-"]
    return [_ratio(counts.precision), _ratio(counts.recall), _ratio(counts.f1)]


def render_table(score: CorpusScore, *, details: bool = False) -> str:
    """A plain-text table: one row per spec, the overall (micro-averaged) row, then every failed
    check with its reason (and, with ``details``, the missed and spurious items)."""
    corpora = {s.corpus for s in score.specs}
    header = ["spec", "ent P", "ent R", "ent F1", "attr P", "attr R", "attr F1", "rel P", "rel R", "rel F1"]
    header += ["checks", "verified"]
    rows: list[list[str]] = []
    for s in score.specs:
        name = f"{s.corpus}/{s.spec}" if len(corpora) > 1 else s.spec
        verified = "error" if s.error else s.verified
        rows.append(
            [
                name,
                *_prf(s.entities),
                *_prf(s.attributes),
                *_prf(s.relationships),
                f"{s.checks_passed}/{s.checks_total}",
                verified,
            ]
        )
    rate = score.check_pass_rate
    overall_checks = f"{score.checks_passed}/{score.checks_total}"
    if rate is not None:
        overall_checks += f" ({rate:.0%})"
    verified_count = sum(1 for s in score.specs if s.verified == "yes")
    rows.append(
        [
            "overall",
            *_prf(score.entities),
            *_prf(score.attributes),
            *_prf(score.relationships),
            overall_checks,
            f"{verified_count}/{len(score.specs)}",
        ]
    )
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )

    out = [line(header), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows[:-1]]
    out += ["  ".join("-" * w for w in widths), line(rows[-1])]
    failures = [(s, c) for s in score.specs for c in s.failed_checks]
    errors = [s for s in score.specs if s.error]
    if errors:
        out += ["", "Errors:"]
        out += [f"  {s.spec}: {s.error}" for s in errors]
    if failures:
        out += ["", "Failed checks:"]
        out += [f"  {s.spec}  {c.kind} [{c.target}]: {c.reason}" for s, c in failures]
    if details:
        for s in score.specs:
            lines = []
            for label, counts in (
                ("entity", s.entities),
                ("attribute", s.attributes),
                ("relationship", s.relationships),
            ):
                if counts.missed:
                    lines.append(f"    missed {label}: {', '.join(counts.missed)}")
                if counts.spurious:
                    lines.append(f"    extra {label}: {', '.join(counts.spurious)}")
            if lines:
                out += ["", f"  {s.spec}:", *lines]
    return "\n".join(out)
