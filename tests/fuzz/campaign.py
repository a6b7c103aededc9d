"""The fuzz campaign: generated specs in every style go through the real ``schemawright design`` command
(in-process, the Typer app itself), and everything it writes is checked on real engines.

Per case:

* the command ends with exit 0, or 1/2 with exactly one ``error:`` line; any other exception is a crash;
* a design that fails its own verification is a failure (the tool refused it correctly, but designed it);
* the decision document is inert markdown: no raw HTML but the document's own ``<details>``/``<summary>``,
  only the document's own headings and fence languages, table rows with the header's number of cells;
* every relational migration written goes up → down → up on a shared scratch database of its engine
  (PostgreSQL; MariaDB; SQLite through the command's own verification) with a sample row in every table,
  the catalog after down equal to the one before up and the second up equal to the first;
* every Redis key design is verified on the Redis server.

One scratch database per engine serves the whole run (a failed case gets a fresh one), so 1,000 cases fit
a CI step. ``tests/fuzz/test_fuzz_campaign.py`` runs it under pytest; ``python -m tests.fuzz.campaign N``
runs N cases and prints the summary."""

from __future__ import annotations

import concurrent.futures
import contextlib
import functools
import json
import multiprocessing
import os
import re
import sys
import tempfile
import time
import traceback
import zlib
from collections import Counter
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer.testing
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from schemawright.cli import app
from schemawright.design.keyvalue import KeyValueDesign
from schemawright.design.models import RelationalDesign
from schemawright.io import shown
from schemawright.result import DesignResult
from schemawright.verify.engines import ScratchDatabase, scratch_database
from schemawright.verify.errors import VerifyError
from schemawright.verify.redis import verify_keyvalue
from schemawright.verify.sample_rows import insert_sample_rows
from schemawright.verify.snapshots import diff_snapshots
from tests.fuzz.markdown_checks import document_problems
from tests.fuzz.strategies import HOSTILE, STYLES

SEED = 20261130  # the cases are a function of this seed and the strategies
POSTGRES, MYSQL, REDIS = "SCHEMAWRIGHT_POSTGRES_URL", "SCHEMAWRIGHT_MYSQL_URL", "SCHEMAWRIGHT_REDIS_URL"
DBS = ["auto", "auto", "postgresql", "postgresql", "postgresql", "mysql", "sqlite", "mongodb", "supabase",
       "firestore"]
LAYOUTS = ["plain", "plain", "spec-kit", "kiro", "hostile-folder"]
HOSTILE_FOLDER = "specs\n```\n## Injected\n<img src=x onerror=alert(1)>`x`"

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Case:
    style: str
    text: str
    db: str
    layout: str
    pass_id: bool
    name: str | None  # --name, sometimes hostile
    cli_verifies: bool  # the command verifies itself (always for SQLite, a share elsewhere)
    allow_review_errors: bool
    crlf: bool
    encoding: str  # utf-8, utf-8-sig or cp1252


@st.composite
def cases(draw: st.DrawFn) -> Case:
    style = draw(st.sampled_from(sorted(STYLES)))
    db = draw(st.sampled_from(DBS))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "cp1252"]))
    text = draw(STYLES[style])
    if draw(st.integers(0, 9)) != 7:  # most specs without control characters (a NUL refuses the file)
        text = _CONTROLS.sub("", text)
    layout, pass_id = draw(st.sampled_from(LAYOUTS)), draw(st.booleans())
    name = draw(st.none() | st.none() | st.sampled_from(HOSTILE))
    # 1 in 40 the command verifies itself on its own scratch database, as a user's run does (hypothesis
    # leans towards the ends of a range, so shares come from the text's checksum or a range's middle)
    by_command = db == "sqlite" or zlib.crc32(text.encode()) % 40 == 0
    return Case(
        style=style,
        text=text,
        db=db,
        layout=layout,
        pass_id=pass_id,
        name=name,
        cli_verifies=by_command,
        allow_review_errors=draw(st.integers(0, 4)) != 2,
        crlf=draw(st.integers(0, 9)) == 4,
        encoding=encoding,
    )


@dataclass
class Stats:
    cases: int = 0
    designed: int = 0
    tool_errors: Counter[str] = field(default_factory=Counter)
    verified: Counter[str] = field(default_factory=Counter)  # engine → migrations verified
    styles: Counter[str] = field(default_factory=Counter)
    stores: Counter[str] = field(default_factory=Counter)
    documents_checked: int = 0
    seconds: float = 0.0
    phase_seconds: Counter[str] = field(default_factory=Counter)  # "design" and each engine's checks

    def merge(self, other: Stats) -> None:
        for name in ("cases", "designed", "documents_checked", "seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("tool_errors", "verified", "styles", "stores", "phase_seconds"):
            getattr(self, name).update(getattr(other, name))

    def summary(self) -> str:
        errors = ", ".join(f"{k} {v}" for k, v in self.tool_errors.most_common(6))
        return (
            f"{self.cases} specs ({', '.join(f'{k} {v}' for k, v in sorted(self.styles.items()))}), "
            f"{self.seconds:.0f} s of case time: {self.designed} designed and written, "
            f"{sum(self.tool_errors.values())} one-line tool errors ({errors}); stores "
            f"{dict(sorted(self.stores.items()))}; {self.documents_checked} decision documents checked; "
            f"migrations verified up→down→up: {dict(sorted(self.verified.items()))}; seconds by phase: "
            f"{ {k: round(v) for k, v in sorted(self.phase_seconds.items())} }"
        )


@dataclass
class Failure:
    case: Case
    problem: str

    def save(self, folder: Path, n: int) -> Path:
        """The whole case, to reproduce it: the spec as written and the case's settings."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"failure_{n:03d}.md"
        path.write_text(self.case.text, encoding="utf-8")
        settings = {k: v for k, v in vars(self.case).items() if k != "text"}
        path.with_suffix(".txt").write_text(f"{settings}\n\n{self.problem}\n", encoding="utf-8")
        return path

    def __str__(self) -> str:
        where = f"[{self.case.style}, --db {self.case.db}, {self.case.layout}]"
        return f"{where} {self.problem}\n  spec: {self.case.text[:600]!r}"


class _Engine:
    """One scratch database of a dialect, opened on first use and replaced after a failed case."""

    def __init__(self, dialect: Any, url: str | None) -> None:
        self.dialect, self.url = dialect, url
        self._cm: AbstractContextManager[ScratchDatabase] | None = None
        self._db: ScratchDatabase | None = None

    def get(self) -> ScratchDatabase:
        if self._db is None:
            self._cm = scratch_database(self.dialect, self.url, embedded=False)
            self._db = self._cm.__enter__()
        return self._db

    def discard(self) -> None:
        if self._cm is not None:
            with contextlib.suppress(Exception):
                self._cm.__exit__(None, None, None)
        self._cm = self._db = None


class Campaign:
    """Runs cases; collects failures and statistics. Use as a context manager (closes the databases)."""

    def __init__(
        self, workdir: Path, *, postgres_url: str, mysql_url: str | None, redis_url: str | None
    ) -> None:
        self.workdir = workdir
        self.urls = {POSTGRES: postgres_url, MYSQL: mysql_url, REDIS: redis_url}
        self.engines = {"postgresql": _Engine("postgresql", postgres_url), "sqlite": _Engine("sqlite", None)}
        if mysql_url:
            self.engines["mysql"] = _Engine("mysql", mysql_url)
        self.runner = CliRunner()
        if hasattr(typer.testing, "_get_command"):  # build the click command of the app once, not per run
            typer.testing._get_command = functools.cache(typer.testing._get_command)
        self.failures: list[Failure] = []
        self.stats = Stats()
        self.unverified: Counter[str] = Counter()  # dialect → migrations with no engine configured

    def __enter__(self) -> Campaign:
        return self

    def __exit__(self, *exc: object) -> None:
        for engine in self.engines.values():
            engine.discard()

    # -- one case ------------------------------------------------------------------------------------

    def run(self, case: Case) -> None:
        started = time.perf_counter()
        self.stats.cases += 1
        self.stats.styles[case.style] += 1
        with tempfile.TemporaryDirectory(dir=self.workdir) as folder:
            try:
                problem = self._run(case, Path(folder))
            except Exception:  # the campaign's own checks crashed: report, keep going
                problem = "campaign error:\n" + traceback.format_exc(limit=8)
        if problem:
            self.failures.append(Failure(case, problem))
        self.stats.seconds += time.perf_counter() - started

    def _run(self, case: Case, root: Path) -> str | None:
        spec = _write_spec(case, root)
        args = ["design", str(spec), "--root", str(root), "--db", case.db, "--json"]
        if case.pass_id:
            args += ["--id", "fz_001"]
        if case.name is not None:
            args += ["--name", case.name]
        if not case.cli_verifies:
            args.append("--no-verify")
        if case.allow_review_errors:
            args.append("--allow-review-errors")
        env = {k: v for k, v in self.urls.items() if v}
        started = time.perf_counter()
        result = self.runner.invoke(app, args, env=env)
        self.stats.phase_seconds["design"] += time.perf_counter() - started
        output = result.stdout + result.stderr
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            exc = result.exception
            tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__, limit=-6))
            return f"crash: {type(exc).__name__}: {exc}\n{tb}"
        if "Traceback" in output:
            return "a traceback in the output:\n" + output[-2000:]
        if result.exit_code:
            return self._tool_error(result.exit_code, result.stderr, root)
        design = DesignResult.model_validate_json(result.stdout)
        self.stats.designed += 1
        problems: list[str] = []
        for f in design.files:
            if not (root / f.path).is_file():
                problems.append(f"listed output {f.path!r} was not written")
            elif f.path.endswith(".json"):  # firestore.indexes.json and the collections' JSON Schemas
                try:
                    json.loads((root / f.path).read_text(encoding="utf-8"))
                except ValueError as exc:
                    problems.append(f"{f.path} is not JSON: {exc}")
        decision = next(f for f in design.files if f.role == "decision")
        problems += [f"decision document: {p}" for p in document_problems((root / decision.path).read_text())]
        self.stats.documents_checked += 1
        if design.verification.status == "failed":
            problems.append(f"the command's own verification failed: {design.verification.reports}")
        for store in design.stores:
            kind = store.kind if store.kind != "relational" else store.dialect
            self.stats.stores[kind if store.kind != "document" else store.engine] += 1
            if isinstance(store, RelationalDesign):
                problems += self._verify_relational(store, design, root, case)
            elif isinstance(store, KeyValueDesign):
                problems += self._verify_keyvalue(store)
        return "\n".join(problems) or None

    def _tool_error(self, code: int, stderr: str, root: Path) -> str | None:
        lines = [li for li in stderr.strip().splitlines() if not li.startswith(("warning:", "note:"))]
        if code not in (1, 2) or len(lines) != 1 or not lines[0].startswith("error: "):
            return f"exit {code} without exactly one 'error:' line:\n{stderr[-2000:]}"
        if "no MySQL/MariaDB server configured" in lines[0] and not self.urls[MYSQL]:
            self.unverified["mysql"] += 1  # fail-closed as it should be: this machine has no MySQL URL
            return None
        if "failed verification" in lines[0] or "could not be verified" in lines[0]:
            return f"the design failed its own verification: {lines[0]}"
        self.stats.tool_errors[_error_kind(lines[0], root)] += 1
        return None

    def _verify_relational(
        self, store: RelationalDesign, design: DesignResult, root: Path, case: Case
    ) -> list[str]:
        up = [f for f in design.files if f.role == "migration-up"]
        down = [f for f in design.files if f.role == "migration-down"]
        if len(up) != 1 or len(down) != 1:
            return [f"expected one up and one down migration, got {[(f.path, f.role) for f in design.files]}"]
        if case.cli_verifies:  # the command verified it itself (status checked above)
            self.stats.verified[store.dialect + " (by the command)"] += 1
            return []
        engine = self.engines.get(store.dialect)
        if engine is None:
            self.unverified[store.dialect] += 1
            return []
        started = time.perf_counter()
        up_sql, down_sql = (root / up[0].path).read_text(), (root / down[0].path).read_text()
        problem = round_trip(engine, store, up_sql, down_sql)
        self.stats.phase_seconds[store.dialect] += time.perf_counter() - started
        if problem is None:
            self.stats.verified[store.dialect] += 1
            return []
        return [f"{store.dialect} round trip: {problem}"]

    def _verify_keyvalue(self, store: KeyValueDesign) -> list[str]:
        if not self.urls[REDIS]:
            self.unverified["redis"] += 1
            return []
        started = time.perf_counter()
        report = verify_keyvalue(store, self.urls[REDIS])
        self.stats.phase_seconds["redis"] += time.perf_counter() - started
        if report.status != "passed":
            return [f"redis keys: {report.status}: {report.error}"]
        self.stats.verified["redis"] += 1
        return []


def round_trip(engine: _Engine, design: RelationalDesign, up: str, down: str) -> str | None:
    """up → sample rows → down (catalog as before) → up (catalog as after the first up) → down, on the
    engine's shared scratch database; on failure the database is replaced so the next case starts empty."""
    db = engine.get()
    try:
        before = db.snapshot()
        if before.get("tables"):
            engine.discard()  # leftovers: start over on a fresh database
            db = engine.get()
            before = db.snapshot()
        db.execute_script(up)
        after_up = db.snapshot()
        insert_sample_rows(db, design)
        db.execute_script(down)
        diff = diff_snapshots(before, db.snapshot(), "before up", "after down")
        if diff:
            raise VerifyError("down does not restore the catalog: " + "; ".join(diff[:4]))
        db.execute_script(up)
        diff = diff_snapshots(after_up, db.snapshot(), "after first up", "after second up")
        if diff:
            raise VerifyError("the second up differs from the first: " + "; ".join(diff[:4]))
        db.execute_script(down)
    except VerifyError as exc:
        engine.discard()
        return str(exc)
    return None


def _write_spec(case: Case, root: Path) -> Path:
    folder = {
        "plain": root / "ai" / "features",
        "spec-kit": root / "specs" / "001-fuzz-feature",
        "kiro": root / ".kiro" / "specs" / "fuzz-feature",
        "hostile-folder": root / HOSTILE_FOLDER,
    }[case.layout]
    stem = {"spec-kit": "spec", "kiro": "requirements"}.get(case.layout, "fz_001")
    folder.mkdir(parents=True, exist_ok=True)
    text = case.text.replace("\n", "\r\n") if case.crlf else case.text
    encoding = case.encoding
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    path = folder / f"{stem}.md"
    path.write_bytes(data)
    return path


def _error_kind(line: str, root: Path) -> str:
    """A short label for the summary: the error's first words, the spec's path and quoted text dropped."""
    message = line.removeprefix("error: ").replace(shown(root), "ROOT").split(" — ")[0]
    message = re.sub(r"ROOT.*?\.md:? |ROOT\S*|['\"].*", "… ", message)
    return " ".join(message.split()[:6])


def run_cases(campaign: Campaign, examples: int, shard: tuple[int, int] = (0, 1)) -> None:
    """The ``examples`` generated cases, the same ones every run (hypothesis with the fixed ``SEED``, no
    example database, no shrinking: each failure is reported as found and the run goes on); with
    ``shard=(k, n)`` only every n-th case from the k-th."""
    index = [-1]

    @seed(SEED)
    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=cases())
    def each(case: Case) -> None:
        index[0] += 1
        if index[0] % shard[1] == shard[0]:
            campaign.run(case)

    each()


@dataclass
class Outcome:
    stats: Stats
    failures: list[Failure]
    unverified: Counter[str]
    seconds: float  # wall time of the whole run


def _shard(workdir: Path, urls: dict[str, str | None], examples: int, shard: tuple[int, int]) -> Outcome:
    started = time.perf_counter()
    folder = workdir / f"worker{shard[0]}"
    folder.mkdir(parents=True, exist_ok=True)
    postgres = urls[POSTGRES] or ""  # none: $SCHEMAWRIGHT_POSTGRES_URL, else the embedded PostgreSQL
    with Campaign(folder, postgres_url=postgres, mysql_url=urls[MYSQL], redis_url=urls[REDIS]) as c:
        run_cases(c, examples, shard)
    return Outcome(c.stats, c.failures, c.unverified, time.perf_counter() - started)


def run_campaign(workdir: Path, examples: int, urls: dict[str, str | None], workers: int = 1) -> Outcome:
    """Run the campaign; with ``workers`` > 1 the cases are split over forked processes (each generates
    the same sequence and runs its share, with its own scratch database per engine)."""
    if workers <= 1:
        return _shard(workdir, urls, examples, (0, 1))
    started = time.perf_counter()
    context = multiprocessing.get_context("fork")
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
        parts = list(pool.map(_shard, *zip(*[(workdir, urls, examples, (k, workers)) for k in range(workers)],
                                             strict=True)))
    total = Outcome(Stats(), [], Counter(), time.perf_counter() - started)
    for part in parts:
        total.stats.merge(part.stats)
        total.failures += part.failures
        total.unverified.update(part.unverified)
    return total


def workers() -> int:
    """``$SCHEMAWRIGHT_FUZZ_WORKERS``, else one process per CPU, at most four."""
    return int(os.environ.get("SCHEMAWRIGHT_FUZZ_WORKERS") or min(4, os.cpu_count() or 1))


def main() -> None:
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    urls = {POSTGRES: os.environ.get(POSTGRES), MYSQL: os.environ.get(MYSQL), REDIS: os.environ.get(REDIS)}
    with tempfile.TemporaryDirectory() as work:
        outcome = run_campaign(Path(work), examples, urls, workers())
    saved = Path(os.environ.get("FUZZ_FAILURES", "fuzz-failures"))
    for n, failure in enumerate(outcome.failures):
        print(failure, f"\n  saved: {failure.save(saved, n)}\n")
    print(outcome.stats.summary(), f"(wall {outcome.seconds:.0f} s)")
    print(f"{len(outcome.failures)} failures; not verified (no engine): {dict(outcome.unverified)}")
    sys.exit(1 if outcome.failures else 0)


if __name__ == "__main__":
    main()
