"""``design --all FOLDER``: every feature spec of a folder designed in one process, in file-name order.

Each feature goes through exactly what ``design FILE`` does — plan, acceptance checks (no silent
overwrite, verification passed, no error-level review finding), the crash-safe write under the project
root's lock — with its ID from the file stem and its name from the spec (``## Name:``, else the first
heading, else the stem). A feature that fails is reported and the batch goes on; the features before and
after it are still written. Features build on each other: each is designed against the project as the
earlier ones left it (their tables exist, their migrations are replayed).

What one process saves over N runs: the imports, spaCy's model and, above all, the engine. The replay of
the project's migrations and the verification (also with ``--no-verify``, which still replays) share one
warm server for the whole batch (:mod:`schemawright.verify.warm`): the embedded PostgreSQL is started once
instead of once or twice per feature, a configured server gets one admin connection, and the replayed
history is copied from a chain template instead of being run again for every scratch database.

Migration versions stay unique and ordered: each feature's timestamp is one second after the previous
feature's (and after the last migration it wrote: a feature that alters existing tables writes several),
starting at the batch's start time, and the project's next-version rule (the latest plus one when the stamp
does not sort after it) still applies, so versions also stay after the project's own. A dry run writes
nothing, so each feature is then designed against the project as it is (earlier features' tables are not
seen)."""

from __future__ import annotations

import gc
import re
import time
import warnings
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Literal

from schemawright.analysis import Analyzer
from schemawright.io import MAX_SPEC_BYTES, UsageError, WriteError
from schemawright.pipeline import DesignError, DesignOutcome

SPEC_SUFFIXES = (".md", ".markdown")
NOT_FEATURES = frozenset({"readme", "index", "changelog", "contributing", "template"})
Status = Literal["written", "dry-run", "failed"]

# First headings that name the kind of document rather than the feature: the stem is the better name.
_GENERIC = re.compile(
    r"^(?:(?:product\s+)?requirements?(?:\s+document)?|design(?:\s+document)?|architecture(?:\s+document)?|"
    r"prd|spec(?:ification)?|feature(?:\s+spec(?:ification)?)?|feature\s+id\b.*)\s*$",
    re.I,
)
_PREFIX = re.compile(r"^(?:feature(?:\s+specification|\s+spec)?|prd|spec(?:ification)?)\s*[:—–-]\s*", re.I)
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_NAME_HEADING = re.compile(r"^\s*name\s*:", re.I)


@dataclass
class BatchOptions:
    """Every ``design`` option that applies to all features of a batch."""

    root: Path = Path(".")
    db: str = "auto"
    migrations_dir: Path | None = None
    decisions_dir: Path | None = None
    migration_format: str | None = None
    verify: bool = True
    embedded: bool = False
    replay: bool = True
    trust_python_migrations: bool = False
    analyzer: Analyzer = "rules"
    force: bool = False
    dry_run: bool = False
    allow_review_errors: bool = False


@dataclass
class FeatureResult:
    """One feature's line of the batch report."""

    spec: Path
    feature_id: str
    status: Status
    seconds: float
    error: str = ""
    name: str = ""
    written: list[Path] = field(default_factory=list)
    outcome: DesignOutcome | None = None
    warnings: list[str] = field(default_factory=list)  # the spec reader's (e.g. read as Windows-1252)

    @property
    def ok(self) -> bool:
        return self.status != "failed"


def feature_specs(folder: Path) -> list[Path]:
    """The feature specs directly in ``folder`` (``*.md``; README, index, changelog and hidden files are not
    features), sorted by file name. Raises :class:`UsageError` for a missing folder or one without specs."""
    if not folder.is_dir():
        raise UsageError(
            f"not a folder: {folder} — pass the folder holding the feature specs, e.g. ai/features/"
        )
    specs = sorted(
        (
            p
            for p in folder.iterdir()
            if p.suffix.lower() in SPEC_SUFFIXES
            and not p.name.startswith((".", "_"))
            and p.stem.lower() not in NOT_FEATURES
            and p.is_file()
        ),
        key=lambda p: p.name,
    )
    if not specs:
        raise UsageError(f"no feature specs (*.md) in {folder} — write one, e.g. {folder}/001_login.md")
    return specs


def spec_title(text: str) -> str | None:
    """The feature name a spec's first heading gives, or None when the analyzer's own rule should decide:
    the spec has a ``## Name:`` heading (that wins), has no heading, or its first heading only names the
    kind of document ("Requirements Document", "Feature ID: 001_x"). "Feature Specification: X" is X."""
    first: str | None = None
    fenced = ""
    for line in text.splitlines():
        fence = _FENCE.match(line)
        if fence:
            marker = fence.group(1)[0] * 3
            fenced = "" if fenced and marker == fenced else (fenced or marker)
            continue
        match = None if fenced else _HEADING.match(line)
        if match is None:
            continue
        heading = match.group(1).strip()
        if _NAME_HEADING.match(heading):
            return None
        if first is None:
            first = heading
    if first is None:
        return None
    title = _PREFIX.sub("", first).strip().strip("*_`").strip()
    if not title or _GENERIC.match(title) or len(title) > 120:
        return None
    return title


def run_batch(
    specs: Sequence[Path],
    options: BatchOptions,
    *,
    on_start: Callable[[int, Path], None] | None = None,
    on_done: Callable[[FeatureResult], None] | None = None,
) -> list[FeatureResult]:
    """Design every spec in order (see the module docstring); one :class:`FeatureResult` each. Never
    raises for a feature's failure; ``KeyboardInterrupt`` and ``SystemExit`` (SIGTERM) stop the batch,
    after the feature being written is whole (the journal) and the embedded server is stopped."""
    started = datetime.now(timezone.utc)
    ids = [spec.stem for spec in specs]
    results: list[FeatureResult] = []
    with ExitStack() as stack:
        if options.verify or options.replay:  # the project's migrations are replayed even without --verify
            from schemawright.verify.warm import shared_postgres

            stack.enter_context(shared_postgres(embedded=options.embedded))
        stack.callback(gc.unfreeze)
        now = started
        for i, spec in enumerate(specs):
            if on_start is not None:
                on_start(i, spec)
            later = tuple(ids[i + 1 :]) if options.force else ()
            result = _one(spec, ids[i], options, now, later)
            results.append(result)
            if i == 0:
                _settle()
            now = max(
                [now + timedelta(seconds=1), *(_stamp(p) + timedelta(seconds=1) for p in result.written)]
            )
            if on_done is not None:
                on_done(result)
    return results


def _settle() -> None:
    """After the first feature: what it loaded for good (modules, spaCy's model, the reference tables) is
    left out of Python's full garbage collections for the rest of the batch (``gc.freeze``, undone when the
    batch ends). Those collections scan every live object, and the batch keeps adding some (each feature's
    result): without this, every second or third feature paid 0.2–0.4 s for one."""
    gc.collect()
    gc.freeze()


def _one(
    spec: Path, feature_id: str, options: BatchOptions, now: datetime, later: tuple[str, ...]
) -> FeatureResult:
    from schemawright.api import accept, plan
    from schemawright.io import SpecWarning
    from schemawright.pipeline import write_outputs
    from schemawright.writes.lock import writing_lock

    clock = time.perf_counter()
    root = options.root
    outcome: DesignOutcome | None = None
    written: list[Path] = []
    error = ""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SpecWarning)
        try:
            with writing_lock(root, not options.dry_run):  # per feature, like N single runs would
                _refuse_overwrite(feature_id, options)
                outcome = plan(
                    spec,
                    root=root,
                    feature_id=feature_id,
                    feature_name=_title(spec),
                    db=options.db,
                    migrations_dir=options.migrations_dir,
                    decisions_dir=options.decisions_dir,
                    migration_format=options.migration_format,
                    verify=options.verify,
                    embedded=options.embedded,
                    replay=options.replay,
                    trust_python_migrations=options.trust_python_migrations,
                    analyzer=options.analyzer,
                    now=now,
                    later_features=later,
                )
                accept(
                    outcome,
                    root,
                    writing=not options.dry_run,
                    force=options.force,
                    allow_review_errors=options.allow_review_errors,
                )
                if not options.dry_run:
                    written = write_outputs(outcome, root)
        except (UsageError, DesignError, WriteError) as exc:
            error = " ".join(str(exc).split("\n"))
        except Exception as exc:  # a bug in one feature must not lose the others' results
            error = f"unexpected {type(exc).__name__}: {exc} — please report this spec"
    spec_warnings = [str(w.message) for w in caught if issubclass(w.category, SpecWarning)]
    return FeatureResult(
        spec=spec,
        feature_id=feature_id,
        status="failed" if error else ("dry-run" if options.dry_run else "written"),
        seconds=time.perf_counter() - clock,
        error=error,
        name=outcome.result.feature.name if outcome is not None else "",
        written=written,
        outcome=None if error else outcome,
        warnings=spec_warnings,
    )


def _refuse_overwrite(feature_id: str, options: BatchOptions) -> None:
    """Without ``--force`` a feature designed before fails at once, with ``design``'s "already exists"
    line: designing it again would replay the later features' migrations without its own, and fail on
    that instead (or waste the time)."""
    if options.force or options.dry_run:
        return
    from schemawright.api import _under

    decisions = _under(options.root, options.decisions_dir) or options.root / "ai" / "decisions"
    existing = decisions / f"{feature_id}_database_schema.md"
    if existing.exists():
        raise DesignError(f"{existing} already exists for feature {feature_id} — pass --force to replace it")


_STAMP = re.compile(r"^(\d{14})_")


def _stamp(path: Path) -> datetime:
    """The UTC timestamp a written migration's name (or its folder's, Prisma) starts with; the epoch
    for other files (decision documents, numbered versions)."""
    for part in (path.name, path.parent.name):
        match = _STAMP.match(part)
        if match:
            try:
                return datetime.strptime(match.group(1), "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc)
            except ValueError:
                continue
    return datetime.fromtimestamp(0, timezone.utc)


def _title(spec: Path) -> str | None:
    """:func:`spec_title` of the file, read leniently: an unreadable spec fails in the design itself,
    with the one-line reason ``design FILE`` gives."""
    try:
        if spec.stat().st_size > MAX_SPEC_BYTES:
            return None
        return spec_title(spec.read_bytes().decode("utf-8", errors="replace"))
    except OSError:
        return None
