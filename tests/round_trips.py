"""Up → down → up on a scratch database, shared by the tests that apply migrations by hand."""

from __future__ import annotations

from typing import Any

from schemawright.engines.scratch import ScratchDatabase
from schemawright.verify.snapshots import diff_snapshots


def _same(before: dict[str, Any], after: dict[str, Any], what: str) -> None:
    assert before == after, f"{what}: " + "; ".join(diff_snapshots(before, after))


def up_down_up(db: ScratchDatabase, ups: list[str], downs: list[str]) -> dict[str, Any]:
    """``ups`` in order, ``downs`` (one per up) in reverse order, ``ups`` again: the down must restore the
    catalog and the second up must equal the first. Returns the catalog after the first up."""
    before = db.snapshot()
    for sql in ups:
        db.execute_script(sql)
    after = db.snapshot()
    for sql in reversed(downs):
        db.execute_script(sql)
    _same(before, db.snapshot(), "the down did not restore the catalog")
    for sql in ups:
        db.execute_script(sql)
    _same(after, db.snapshot(), "the second up differs from the first")
    return after
