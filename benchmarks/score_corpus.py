"""Quality benchmark: design every spec of one or more corpus folders and score it against gold.

    python benchmarks/score_corpus.py                       # ../shared/specs
    python benchmarks/score_corpus.py ../shared/specs --extra tests/corpus --verify
    python benchmarks/score_corpus.py A B --json result.json --details

Runs the real pipeline in-process (``schemawright.pipeline.design_json``) on a scratch copy of
each spec's project, scores it with ``benchmarks/scoring/`` (dev-only: not in the installed package),
prints one row per spec, the micro-averaged overall row and every failed check. It is a report, not a
test: the exit code is 0 whatever the scores (2 on usage errors).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "specs"


def _load_pipeline() -> Callable[..., dict[str, Any]]:
    # The repository root for the scorer (benchmarks/scoring, not part of the installed package), src for
    # running from a clone without an install.
    sys.path[:0] = [str(REPO), str(REPO / "src")]
    try:
        from schemawright.pipeline import design_json
    except ImportError as exc:
        sys.exit(f"score_corpus: schemawright.pipeline.design_json is not importable yet ({exc})")
    return design_json


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="*", type=Path, help=f"corpus folders (default {DEFAULT_CORPUS})")
    parser.add_argument(
        "--extra", action="append", type=Path, default=[], help="another corpus folder (repeatable)"
    )
    parser.add_argument("--verify", action="store_true", help="verify each design on its engine")
    parser.add_argument("--db", default="auto", help="store choice passed to the pipeline (default auto)")
    parser.add_argument("--json", type=Path, help="also write the full scores as JSON here")
    parser.add_argument(
        "--details", action="store_true", help="list missed and extra entities/attributes/relationships"
    )
    args = parser.parse_args(argv)

    folders: list[Path] = [*(args.corpus or [DEFAULT_CORPUS]), *args.extra]
    missing = [f for f in folders if not f.is_dir()]
    if missing:
        parser.error(f"not a folder: {', '.join(map(str, missing))}")

    design_json = _load_pipeline()
    from benchmarks.scoring.corpus import CorpusScore, render_table, score_corpus

    def run(spec: Path, root: Path) -> dict[str, Any]:
        return design_json(spec, root=root, db=args.db, verify=args.verify)

    total = CorpusScore()
    for folder in folders:
        total = total + score_corpus(folder, run, check_dialect=args.db == "auto")
    print(render_table(total, details=args.details))
    if args.json:
        args.json.write_text(total.model_dump_json(indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
