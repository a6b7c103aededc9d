"""Result types of the scorer: counts with precision/recall/F1, check outcomes, per-spec scores.

Counts keep true positives, false positives and false negatives rather than ratios so that
corpus totals are micro-averaged (summing counts) instead of averaging per-spec ratios, which
would let a two-table spec weigh as much as a ten-table one.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


def seconds(value: float) -> str:
    """``7776000.0`` → ``7776000``: durations read as written, not in exponent form."""
    if value in (float("inf"), float("-inf")):
        return "∞" if value > 0 else "-∞"
    return str(int(value)) if value == int(value) else f"{value:.3f}"


class Counts(BaseModel):
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = Field(default_factory=list)  # gold items not found (the fn)
    spurious: list[str] = Field(default_factory=list)  # predicted items not in the gold (the fp)
    scored: bool = True  # False when the gold says nothing about this dimension

    @property
    def precision(self) -> float | None:
        """TP / (TP + FP); None when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """TP / (TP + FN); None when the gold expects nothing."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall; None when either is undefined."""
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            tp=self.tp + other.tp,
            fp=self.fp + other.fp,
            fn=self.fn + other.fn,
            missed=self.missed + other.missed,
            spurious=self.spurious + other.spurious,
            scored=self.scored or other.scored,
        )

    def hit(self) -> None:
        self.tp += 1

    def miss(self, label: str) -> None:
        self.fn += 1
        self.missed.append(label)

    def extra(self, label: str) -> None:
        self.fp += 1
        self.spurious.append(label)


class CheckResult(BaseModel):
    kind: str
    target: str
    passed: bool
    reason: str


class SpecScore(BaseModel):
    spec: str = ""
    corpus: str = ""
    store: str = ""
    entities: Counts = Field(default_factory=Counts)
    attributes: Counts = Field(default_factory=Counts)
    relationships: Counts = Field(default_factory=Counts)
    checks: list[CheckResult] = Field(default_factory=list)
    verified: str = "-"  # "yes" | "no" | "partial" | "skipped" | "-" (see score.verified_flag)
    error: str = ""  # the pipeline failed on this spec; scored as an empty design

    @property
    def checks_passed(self) -> int:
        return sum(1 for c in self.checks if c.passed)

    @property
    def checks_total(self) -> int:
        return len(self.checks)

    @property
    def failed_checks(self) -> list[CheckResult]:
        return [c for c in self.checks if not c.passed]
