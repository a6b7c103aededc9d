"""Compare `schemawright review` with squawk on the PostgreSQL part of the review corpus.

Run: ``.venv/bin/python benchmarks/review_vs_squawk.py`` (needs ``pip install squawk-cli``).
squawk sees only each file's up section, as it would in CI; schemawright also gets the corpus' prior setup,
so it knows which tables already existed. Per comparable rule (catalog ``squawk=`` mapping) it counts the
files where the tools agree, and lists what only one of them catches; it also times both on the whole set.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from schemawright.review.catalog import RULES  # noqa: E402
from schemawright.review.engine import review_chain  # noqa: E402
from tests.review.corpus_cases import Case, all_cases  # noqa: E402


def squawk_binary() -> str:
    found = shutil.which("squawk") or str(Path(sys.executable).parent / "squawk")
    if not Path(found).exists():
        sys.exit("squawk not found: pip install squawk-cli")
    return found


def run_squawk(cases: list[Case]) -> tuple[dict[str, set[str]], float]:
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for case in cases:
            path = Path(tmp) / f"{case.name}.sql"
            path.write_text(case.up_sql)
            paths.append(str(path))
        start = time.perf_counter()
        proc = subprocess.run([squawk_binary(), "--reporter", "json", *paths], capture_output=True, text=True)
        seconds = time.perf_counter() - start
    hits: dict[str, set[str]] = {case.name: set() for case in cases}
    for item in json.loads(proc.stdout or "[]"):
        hits[Path(item["file"]).stem].add(item["rule_name"])
    return hits, seconds


def run_ours(cases: list[Case]) -> tuple[dict[str, set[str]], float]:
    hits: dict[str, set[str]] = {}
    start = time.perf_counter()
    for case in cases:
        report = review_chain(case.migrations, dialect=case.dialect, focus={case.name})
        down = case.migrations[-1].down
        down_line = down.first_line if down else 10**9
        # compare on the up section only, as squawk sees it
        hits[case.name] = {f.code for f in report.findings if f.location.line < down_line}
    return hits, time.perf_counter() - start


def main() -> None:
    cases = [c for c in all_cases() if c.dialect == "postgresql"]
    ours, ours_s = run_ours(cases)
    theirs, squawk_s = run_squawk(cases)
    ours_s_again = run_ours(cases)[1]  # second run: without import/warm-up cost

    rows = []
    for rule in (r for r in RULES if r.squawk):
        both = only_ours = only_squawk = neither = 0
        ours_only_files, squawk_only_files = [], []
        for case in cases:
            a = rule.code in ours[case.name]
            b = bool(theirs[case.name] & set(rule.squawk))
            both += a and b
            neither += not a and not b
            if a and not b:
                only_ours += 1
                ours_only_files.append(case.name)
            if b and not a:
                only_squawk += 1
                squawk_only_files.append(case.name)
        agree = (both + neither) / len(cases)
        rows.append(
            (
                rule.code,
                "/".join(rule.squawk),
                both,
                only_ours,
                only_squawk,
                agree,
                ours_only_files,
                squawk_only_files,
            )
        )

    print(f"PostgreSQL corpus files: {len(cases)}\n")
    print(f"{'code':6} {'squawk rule(s)':62} {'both':>4} {'only SW':>7} {'only sq':>7} {'agree':>6}")
    for code, names, both, oo, os_, agree, _, _ in rows:
        print(f"{code:6} {names[:62]:62} {both:4d} {oo:7d} {os_:7d} {agree:6.0%}")
    print("\nDisagreements (file names):")
    for code, _, _, _, _, _, oo_files, os_files in rows:
        if oo_files or os_files:
            print(f"  {code}: only schemawright: {', '.join(oo_files) or '-'}")
            print(f"  {' ' * len(code)}  only squawk:       {', '.join(os_files) or '-'}")
    mapped = {n for r in RULES for n in r.squawk}
    unmapped = Counter(n for hits in theirs.values() for n in hits if n not in mapped)
    print("\nsquawk rules with no schemawright equivalent (files hit):")
    for name, count in unmapped.most_common():
        print(f"  {name:45} {count}")
    ours_only_codes = Counter(
        c for hits in ours.values() for c in hits if not next(r for r in RULES if r.code == c).squawk
    )
    print("\nschemawright rules with no squawk equivalent (files hit):")
    for code, count in sorted(ours_only_codes.items()):
        print(f"  {code:6} {next(r.name for r in RULES if r.code == code):40} {count}")
    print(
        f"\nTime for the whole set: schemawright {ours_s:.3f} s (warm {ours_s_again:.3f} s), "
        f"squawk {squawk_s:.3f} s; ratio schemawright/squawk = {ours_s / squawk_s:.1f}x "
        f"(warm {ours_s_again / squawk_s:.1f}x)"
    )


if __name__ == "__main__":
    main()
