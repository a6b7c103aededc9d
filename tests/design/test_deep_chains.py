"""Graph walks in the designers are loops, not recursion: a chain of thousands of tables is ordered (parents
first) without hitting Python's recursion limit, in the same order the recursive walk gave."""

from __future__ import annotations

from schemawright.design.models import ForeignKey, Table
from schemawright.design.relational import _ordered


def _table(i: int, parents: list[int]) -> Table:
    fks = [
        ForeignKey(name=f"fk_{i}_{p}", columns=[f"t{p}_id"], ref_table=f"t{p}", ref_columns=["id"])
        for p in parents
    ]
    return Table(name=f"t{i}", foreign_keys=fks)


def test_a_chain_of_5000_tables_is_ordered_parents_first() -> None:
    n = 5000
    tables = [_table(i, [i + 1] if i < n - 1 else []) for i in range(n)]
    assert [t.name for t in _ordered(tables)] == [f"t{i}" for i in reversed(range(n))]


def test_cycles_and_self_references_keep_every_table_once() -> None:
    tables = [_table(0, [1, 0]), _table(1, [2]), _table(2, [0]), _table(3, [3, 1])]
    assert [t.name for t in _ordered(tables)] == ["t2", "t1", "t0", "t3"]
