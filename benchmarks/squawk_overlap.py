"""Which of squawk's findings on a real history does ``schemawright review`` also report (issue 10)?

Run: ``python benchmarks/squawk_overlap.py MIGRATIONS_DIR [--root ROOT] [--replay] [--show N]``
(needs ``pip install squawk-cli``). squawk lints each migration's up section, written to its own file, as the
migration tool runs it: a goose file's ``-- +goose Down`` section is no part of the up, and squawk, which
reads whole files, would lint it as one (the whole-file count is shown beside, so the difference is
visible). Its findings on the rules both tools have (the catalog's ``squawk=`` mapping) are matched, per
statement, with the review's findings on the same rule: a squawk finding counts as reported when the review
has a finding of a mapped code on the same statement of the same migration. The ones the review lacks are
listed per rule with the statement, so each can be judged.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from schemawright.review.catalog import RULES  # noqa: E402
from schemawright.review.chain import Migration, read_chain  # noqa: E402
from schemawright.review.engine import review_chain, sniff_dialect  # noqa: E402
from schemawright.review.parse import parse_script  # noqa: E402

# squawk rule -> our codes that report it
MAPPED: dict[str, set[str]] = defaultdict(set)
for _rule in RULES:
    for _name in _rule.squawk:
        MAPPED[_name].add(_rule.code)


# squawk reports these once per file, at the first statement that needs them; the review once per
# migration (SW619) or on the table's column in the catalog (SW104): matched per migration
PER_MIGRATION = {"require-lock-timeout", "prefer-timestamp-tz"}


def _squawk() -> str:
    found = shutil.which("squawk") or str(Path(sys.executable).parent / "squawk")
    if not Path(found).exists():
        sys.exit("squawk not found: pip install squawk-cli")
    return found


def _run_squawk(texts: list[str], cwd: Path, in_tx: list[bool]) -> list[tuple[int, int, str]]:
    """squawk's findings on each text as (text index, 0-based line, rule name), run in ``cwd`` (the
    project's root: squawk reads a ``.squawk.toml`` there, none from this repository), with
    ``--assume-in-transaction`` for the texts the migration tool runs in one transaction, as squawk's
    documentation advises for such tools (otherwise it asks for IF NOT EXISTS on every statement)."""
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        for flag in (True, False):
            paths = []
            for i, text in enumerate(texts):
                if in_tx[i] == flag:
                    path = Path(tmp) / f"{i:05d}.sql"
                    path.write_text(text)
                    paths.append(str(path))
            if not paths:
                continue
            extra = ["--assume-in-transaction"] if flag else []
            cmd = [_squawk(), "--reporter", "json", *extra, *paths]
            proc = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd)
            found += [
                (int(Path(f["file"]).stem), f["line"], f["rule_name"])
                for f in json.loads(proc.stdout or "[]")
            ]
    return found


_NO_TRANSACTION_BLOCK = re.compile(
    r"^\s*(?:CREATE\s+(?:UNIQUE\s+)?INDEX\s+CONCURRENTLY|DROP\s+INDEX\s+CONCURRENTLY|REINDEX\b[^;]*\bCONCURRENTLY|"
    r"ALTER\s+TABLE\b[^;]*\bDETACH\s+PARTITION\b[^;]*\bCONCURRENTLY)\b",
    re.I | re.M,
)


def in_transaction(migration: Migration) -> bool:
    """Whether a failed run rolls the whole up back: PostgreSQL runs a migration's script in one
    transaction (the tool's, or the implicit one of a multi-statement query) unless the tool is told
    not to or the script has a statement that cannot run in one (CREATE/DROP INDEX CONCURRENTLY…; not
    REFRESH MATERIALIZED VIEW CONCURRENTLY)."""
    return not migration.no_transaction and not _NO_TRANSACTION_BLOCK.search(migration.up.sql)


_CREATES = re.compile(
    r"^CREATE\s+(?:(?:GLOBAL\s+|LOCAL\s+)?(?:TEMP|TEMPORARY|UNLOGGED)\s+)?TABLE\s+"
    r"(?:IF\s+NOT\s+EXISTS\s+)?([\w.\"]+)",
    re.I,
)
_TARGET = re.compile(
    r"^(?:ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?|DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?|"
    r"CREATE\s+(?:UNIQUE\s+)?INDEX\s+.*?\bON\s+(?:ONLY\s+)?)([\w.\"]+)",
    re.I | re.S,
)
# statements that take no lock a table's readers or writers wait on: new functions, views, types, schemas,
# extensions and sequences, enum values, a function dropped, and CONCURRENTLY (SHARE UPDATE EXCLUSIVE)
_NO_TABLE_LOCK = re.compile(
    r"^(?:CREATE\s+(?:OR\s+REPLACE\s+)?(?:FUNCTION|PROCEDURE|VIEW|TYPE|SCHEMA|EXTENSION|SEQUENCE)\b|"
    r"ALTER\s+TYPE\b|DROP\s+FUNCTION\b|CREATE\s+(?:UNIQUE\s+)?INDEX\s+CONCURRENTLY\b|"
    r"DROP\s+INDEX\s+CONCURRENTLY\b)",
    re.I,
)


def _name(raw: str) -> str:
    return raw.replace('"', "").split(".")[-1].lower()


class Statements:
    """Statement start lines of one up section, to place a line in its statement, and the tables the up
    creates before each statement."""

    def __init__(self, migration: Migration, dialect: str) -> None:
        up = migration.up
        stmts, _ = parse_script(up.sql, dialect, up.path, up.first_line)
        self.starts = [s.line for s in stmts]
        self.texts = [" ".join(s.text.split()) for s in stmts]
        self.created_before: list[set[str]] = []
        created: set[str] = set()
        for text in self.texts:
            self.created_before.append(set(created))
            if m := _CREATES.match(text):
                created.add(_name(m[1]))

    def index(self, line: int) -> int:
        return max(bisect.bisect_right(self.starts, line) - 1, 0)


def why_not(rule: str, migration: Migration, placed: Statements, stmt: int) -> str:
    """Why squawk's finding lies outside the review's rules (it is wrong or out of scope), or ""."""
    text = placed.texts[stmt] if stmt < len(placed.texts) else ""
    if rule == "ban-concurrent-index-creation-in-transaction" and migration.no_transaction:
        return "runs outside a transaction (the tool's no-transaction marker, which squawk does not read)"
    target = _TARGET.match(text)
    if target and _name(target[1]) in placed.created_before[stmt]:
        return "table created earlier in the same migration (no other session can see or wait on it)"
    if rule == "require-lock-timeout" and _NO_TABLE_LOCK.match(text):
        return "locks no table that reads or writes wait on (function, view, type, schema, CONCURRENTLY)"
    if rule == "require-lock-timeout" and _CREATES.match(text):
        refs = {_name(r) for r in re.findall(r"\bREFERENCES\s+([\w.\"]+)", text, re.I)}
        if refs and refs <= placed.created_before[stmt]:
            return "table created earlier in the same migration (no other session can see or wait on it)"
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--root", type=Path, help="the project root (default: the folder)")
    parser.add_argument("--replay", action="store_true", help="replay on the configured server too")
    parser.add_argument("--show", type=int, default=5, help="missed findings listed per rule")
    parser.add_argument("--per-migration", action="store_true", help="review each migration on its own")
    parser.add_argument("--whole-files", action="store_true", help="also run squawk on whole files")
    args = parser.parse_args()
    folder = args.folder.resolve()
    root = (args.root or folder).resolve()
    migrations, _ = read_chain(folder, relative_to=root)
    dialect = sniff_dialect(m.up.sql for m in migrations)
    placed = [Statements(m, dialect) for m in migrations]

    engine = None
    if args.replay:
        from schemawright.review.engine import DEFAULT_ENGINE

        engine = DEFAULT_ENGINE
    by_path = {m.up.path: i for i, m in enumerate(migrations)}
    ours: set[tuple[int, int, str]] = set()
    if args.per_migration:  # each migration reviewed as in its own pull request: the history before it
        reports = [
            review_chain(migrations[: i + 1], dialect=dialect, engine=engine, focus={m.name})
            for i, m in enumerate(migrations)
        ]
    else:
        reports = [review_chain(migrations, dialect=dialect, engine=engine)]
    for report in reports:
        for f in report.findings:
            i = by_path.get(f.location.file)
            down = migrations[i].down if i is not None else None
            if i is None or (
                down is not None and down.path == f.location.file and f.location.line >= down.first_line
            ):
                continue  # not in an up section
            ours.add((i, placed[i].index(f.location.line), f.code))
            ours.add((i, -1, f.code))  # per-migration rules: anywhere in the migration

    in_tx = [in_transaction(m) for m in migrations]
    theirs = _run_squawk([m.up.sql for m in migrations], root, in_tx)
    total: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    rejected: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    missed: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, line, name in theirs:
        if name not in MAPPED:
            continue
        stmt = placed[i].index(line + migrations[i].up.first_line)
        total[name] += 1
        at = -1 if name in PER_MIGRATION else stmt
        if any((i, at, code) in ours for code in MAPPED[name]):
            hit[name] += 1
        elif reason := why_not(name, migrations[i], placed[i], stmt):
            rejected[name] += 1
            reasons[reason] += 1
        else:
            missed[name].append((i, stmt))
    print(f"{folder}: {len(migrations)} migrations, dialect {dialect}, catalog {reports[-1].catalog}")
    print(f"{'squawk rule':45} {'ours':>5} / {'squawk':>6} {'out of scope':>12}  codes")
    for name in sorted(total):
        codes = ",".join(sorted(MAPPED[name]))
        print(f"{name:45} {hit[name]:5d} / {total[name]:6d} {rejected[name]:12d}  {codes}")
    hits, all_, out = sum(hit.values()), sum(total.values()), sum(rejected.values())
    print(f"{'all mapped rules':45} {hits:5d} / {all_:6d} {out:12d}")
    print(f"reported {hits} of the {all_ - out} squawk findings in scope ({hits / max(all_ - out, 1):.1%})")
    for reason, count in reasons.most_common():
        print(f"  out of scope, {count:4d}: {reason}")
    if args.whole_files:
        texts = [Path(root / m.up.path).read_text() for m in migrations]
        whole = Counter(name for _, _, name in _run_squawk(texts, root, in_tx) if name in MAPPED)
        print(
            f"squawk on whole files (a goose Down section read as up): {sum(whole.values())} mapped findings"
        )
    for name, where in sorted(missed.items()):
        print(f"\n-- missed {name} ({len(where)}):")
        for i, stmt in where[: args.show]:
            text = placed[i].texts[stmt] if stmt < len(placed[i].texts) else "?"
            print(f"   {migrations[i].name}: {text[:200]}")


if __name__ == "__main__":
    main()
