"""Quality benchmark: score designs against the corpus gold files (``specs/README.md`` format).

``score_design`` scores one design JSON; ``score_corpus`` runs a design function over a corpus
folder and ``render_table`` prints the result. Metric definitions are in ``scoring.score``.
"""

from benchmarks.scoring.corpus import CorpusScore, render_table, score_corpus
from benchmarks.scoring.gold import Gold, load_gold
from benchmarks.scoring.metrics import CheckResult, Counts, SpecScore
from benchmarks.scoring.score import score_design

__all__ = [
    "CheckResult",
    "CorpusScore",
    "Counts",
    "Gold",
    "SpecScore",
    "load_gold",
    "render_table",
    "score_corpus",
    "score_design",
]
