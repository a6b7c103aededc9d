"""Type accuracy on found columns: for every gold attribute with a ``types:`` entry whose column the design
has, does the column's logical type meet it? (Rules of ``../shared/specs/README.md``: enum is met by an
enum-checked string or a lookup FK only, text by text or enum, nothing else widens.)

    python benchmarks/score_types.py ../shared/specs benchmarks/unseen -v
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from schemawright.design.models import Column, Table
from schemawright.design.relational import design_relational
from schemawright.domain.analyze import analyze
from schemawright.spec.parser import parse_spec
from tests.domain.gold import _matches, compare

_LOGICAL = {
    "uuid": "uuid", "bigint": "int", "integer": "int", "smallint": "int", "numeric": "decimal",
    "boolean": "bool", "date": "date", "time": "time", "timestamptz": "timestamp", "interval": "interval",
    "json": "json", "bytea": "bytes", "inet": "inet", "text": "text", "varchar": "text", "char": "text",
}  # fmt: skip


def logical(table: Table, column: Column) -> str:
    """The gold vocabulary's name for a column's type."""
    if column.enum_values:
        return "enum"
    if any(
        fk.columns == [column.name] and fk.ref_table.endswith(("statuses", "types", "kinds"))
        for fk in table.foreign_keys
    ):
        return "enum"
    return _LOGICAL.get(column.logical.name, column.logical.name)


def meets(got: str, want: str | list[str]) -> bool:
    wanted = want if isinstance(want, list) else [want]
    return any(got == w or (w == "text" and got == "enum") for w in wanted)


def score(folder: Path, verbose: bool) -> tuple[int, int]:
    hit = total = 0
    for spec in sorted(folder.glob("*.md")):
        gold_path = folder / "gold" / f"{spec.stem}.yaml"
        if not gold_path.exists():
            continue
        gold: dict[str, Any] = yaml.safe_load(gold_path.read_text())
        if gold.get("store") not in ("relational", None):
            continue
        model = analyze(parse_spec(spec.read_text(), str(spec)), spec.stem, spec.stem)
        design, _ = design_relational(model)
        _, _, _, mapping = compare(model, gold)
        tables = {t.name: t for t in design.tables}
        for gname, gspec in (gold.get("entities") or {}).items():
            types = gspec.get("types") or {}
            mine = next((e for e, g in mapping.items() if g == gname), None)
            table = next((t for t in tables.values() if mine and _matches(t.name, [mine])), None)
            if table is None:
                continue
            for attr, want in types.items():
                accepted = (gspec.get("attributes") or {}).get(attr) or [attr]
                column = next(
                    (c for name in accepted for c in table.columns if _matches(c.name, [name])), None
                )
                if column is None:
                    continue
                total += 1
                got = logical(table, column)
                if meets(got, want):
                    hit += 1
                elif verbose:
                    print(
                        f"  {spec.stem} {gname}.{attr}: want {want} got {got} ({column.name} {column.type})"
                    )
    return hit, total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folders", nargs="+")
    ap.add_argument("-v", action="store_true", help="list every miss")
    args = ap.parse_args()
    for folder in map(Path, args.folders):
        hit, total = score(folder, args.v)
        print(f"== {folder}: type accuracy {hit / total if total else 0:.2f} ({hit}/{total})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
