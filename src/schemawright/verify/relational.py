"""Prove a relational migration pair on a real engine: up, rows, down restores, up again.

The round trip catches what review cannot: statements the engine rejects, constraints that
reject legitimate rows, down migrations that leave objects behind or cannot run with data in
the tables, and up migrations that are not repeatable after a down.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from schemawright.design.models import RelationalDesign
from schemawright.engines.scratch import ScratchDatabase, scratch_database
from schemawright.verify.errors import EngineUnavailable, VerifyError
from schemawright.verify.models import Step, VerificationReport
from schemawright.verify.sample_rows import insert_sample_rows
from schemawright.verify.snapshots import diff_snapshots

T = TypeVar("T")
_MAX_DIFF_LINES = 12


class _StepFailed(Exception):
    """Stops the run after a failed step; the step itself is already recorded."""


class _Run:
    def __init__(self, report: VerificationReport) -> None:
        self.report = report

    def step(self, name: str, action: Callable[[], T], detail: Callable[[T], str] = lambda _: "") -> T:
        started = time.perf_counter()
        try:
            result = action()
        except VerifyError as exc:
            self._record(name, False, str(exc), started)
            raise _StepFailed from exc
        self._record(name, True, detail(result), started)
        return result

    def compare(
        self, name: str, expected: dict[str, Any], actual: dict[str, Any], labels: tuple[str, str], hint: str
    ) -> None:
        started = time.perf_counter()
        diff = diff_snapshots(expected, actual, *labels)
        if not diff:
            self._record(name, True, "schemas identical", started)
            return
        shown = diff[:_MAX_DIFF_LINES] + (
            [f"… and {len(diff) - _MAX_DIFF_LINES} more"] if len(diff) > _MAX_DIFF_LINES else []
        )
        self._record(name, False, "\n".join(shown), started)
        self.report.error = f"{diff[0]} ({len(diff)} difference{'s' * (len(diff) > 1)}); {hint}"
        raise _StepFailed

    def _record(self, name: str, ok: bool, detail: str, started: float) -> None:
        self.report.steps.append(
            Step(name=name, ok=ok, detail=detail, seconds=round(time.perf_counter() - started, 4))
        )
        if not ok and not self.report.error:
            self.report.error = f"{name}: {detail.splitlines()[0] if detail else 'failed'}"


def verify_relational(
    design: RelationalDesign,
    up_sql: str,
    down_sql: str,
    *,
    prior_sql: Sequence[str] = (),
    url: str | None = None,
    embedded: bool = False,
) -> VerificationReport:
    """Run the up/down/up round trip on a scratch database of ``design.dialect``.

    ``prior_sql`` scripts (earlier migrations) are applied first so existing tables exist.
    Status is "failed" at the first failing step and also when the engine cannot be used (the reason,
    naming the URL without its password, is in ``error``): verification fails closed, and only not
    calling it (``--no-verify``) skips it. Else "passed".
    """
    started = time.perf_counter()
    report = VerificationReport(engine=design.dialect, status="passed")
    try:
        with scratch_database(design.dialect, url, embedded=embedded) as db:
            report.target = db.target
            _round_trip(_Run(report), db, design, up_sql, down_sql, prior_sql)
    except EngineUnavailable as exc:
        report.status, report.error = "failed", str(exc)  # fail closed: only --no-verify skips
    except _StepFailed:
        report.status = "failed"
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _round_trip(
    run: _Run,
    db: ScratchDatabase,
    design: RelationalDesign,
    up_sql: str,
    down_sql: str,
    prior_sql: Sequence[str],
) -> None:
    for i, script in enumerate(prior_sql, 1):
        run.step(f"prior-{i}", partial(db.execute_script, script))
    tool_round_trip(
        run,
        db,
        design,
        up=ToolCommand("", lambda: db.execute_script(up_sql)),
        down=ToolCommand("", lambda: db.execute_script(down_sql)),
        words=("up", "down"),
        nouns=("up migration", "down migration"),
    )


@dataclass(frozen=True)
class ToolCommand:
    """One command of a migration tool (``alembic upgrade head``, ``knex migrate:rollback`` …)."""

    label: str  # shown in the step name, e.g. "alembic upgrade head"
    run: Callable[[], object]


def tool_round_trip(
    r: _Run,
    db: ScratchDatabase,
    design: RelationalDesign,
    *,
    up: ToolCommand,
    down: ToolCommand,
    words: tuple[str, str],
    nouns: tuple[str, str] | None = None,
) -> None:
    """The round trip every verification shares once the scratch database holds the pre-feature schema:
    snapshot, up, sample rows, down (catalog must equal the snapshot), up again (catalog must equal the
    first up's). ``words`` names the tool's up and down in diffs, e.g. ("upgrade", "downgrade");
    ``nouns`` (default: the words) names them in hints. A command without a label is shown bare."""
    up_word, down_word = words
    up_noun, down_noun = nouns or words

    def named(step: str, command: ToolCommand) -> str:
        return f"{step} ({command.label})" if command.label else step

    before = r.step("snapshot-before", db.snapshot, lambda s: f"{len(s.get('tables', {}))} tables")
    r.step(named("up", up), up.run)
    after_up = db.snapshot()
    rows = r.step(
        "sample-rows",
        lambda: insert_sample_rows(db, design, after_up),  # the catalog as it is now
        lambda rs: ", ".join(x.table for x in rs) or "no new tables",
    )
    r.report.rows_inserted = len(rows)
    r.step(named("down", down), down.run)
    r.compare(
        "snapshot-compare",
        before,
        db.snapshot(),
        (f"before {up_word}", f"after {down_word}"),
        f"the {down_noun} must undo exactly what the {up_noun} created",
    )
    r.step(named("up-again", up), up.run)
    r.compare(
        "snapshot-compare-up-again",
        after_up,
        db.snapshot(),
        (f"after first {up_word}", f"after second {up_word}"),
        f"the {up_noun} must produce the same schema when re-applied after the {down_word}",
    )
