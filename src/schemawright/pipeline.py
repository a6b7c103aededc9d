"""Wires the stages: spec text → SpecDocument → DomainModel → store design → SQL and documents →
verification. Front ends (CLI, benchmarks, tests) call :func:`design` for a spec or
:func:`design_from_model` for a model (``design --model``): both share every step after the model, so
a model read back from ``analyze`` designs exactly as its spec does. Nothing here prints."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from schemawright import __version__
from schemawright.analysis import analyze_file
from schemawright.design.models import RelationalDesign
from schemawright.design.relational import design_relational
from schemawright.design.store_choice import StoreChoice
from schemawright.domain.model import Assumption, DomainModel, Source
from schemawright.emit.decision_doc import render_decision_doc
from schemawright.engines import engine_for
from schemawright.io import validate_id
from schemawright.no_data import unreadable_data, unreadable_message
from schemawright.ops.feature import plan_feature, render_feature
from schemawright.ops.models import Operation
from schemawright.project.detect import MigrationSet
from schemawright.project.detect import detect as detect_migrations
from schemawright.project.django_run import django_available
from schemawright.project.errors import ProjectError
from schemawright.project.foreign import ForeignProject
from schemawright.project.formats import NewFile
from schemawright.project.formats import render as render_migration_files
from schemawright.project.formats import steps as migration_steps
from schemawright.project.load import ExistingProject, load_project
from schemawright.project.naming import follow_index_naming
from schemawright.result import DesignResult, FeatureInfo, OutputFile, ReviewSummary, Verification
from schemawright.spec.document import SpecDocument
from schemawright.verify.models import VerificationReport

RELATIONAL = ("postgresql", "mysql", "sqlite")


class DesignError(Exception):
    """The design could not be produced or did not verify (exit 1)."""


@dataclass
class DesignRequest:
    spec_path: Path
    root: Path = Path(".")
    feature_id: str | None = None
    feature_name: str | None = None
    db: str = "auto"
    migrations_dir: Path | None = None
    decisions_dir: Path | None = None
    verify: bool = True
    postgres_url: str | None = None  # None: SCHEMAWRIGHT_POSTGRES_URL, else the embedded engine
    embedded: bool = False  # force the embedded PostgreSQL even when a URL is configured
    migration_format: str | None = None  # --format: the project's migration tool; None detects it
    replay: bool = True  # --no-replay: run none of the project's existing migrations
    trust_python: bool = False  # --trust-python-migrations: import and run Alembic / Django migrations
    now: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    # design --all --force: IDs of the batch's later features, whose old migrations are about to be
    # replaced too; they are left out of this design's project (the chain the new migration follows)
    later_features: tuple[str, ...] = ()


@dataclass
class DesignOutcome:
    result: DesignResult
    model: DomainModel
    document: SpecDocument | None  # None when designed from a model file
    replaced: list[Path] = field(default_factory=list)


def choose_store(req: DesignRequest, model: DomainModel, found: MigrationSet) -> StoreChoice:
    """``--db``, then the model's declared stores, then the project's signals, else PostgreSQL (see
    :mod:`schemawright.design.store_choice`)."""
    from schemawright.design.store_choice import choose_store as choose
    from schemawright.design.store_choice import read_signals

    signals = [] if req.db != "auto" else read_signals(req.root, [(m.path, m.up) for m in found.migrations])
    declared = list(model.declared_stores)  # the chooser takes Supabase as PostgreSQL plus a flag
    return choose(
        req.db,
        ["postgresql" if s == "supabase" else s for s in declared],
        supabase_named="supabase" in declared,
        signals=signals,
        cache_needs=len(model.cache_needs),
    )


def design(req: DesignRequest) -> DesignOutcome:
    """Design from the spec at ``req.spec_path``: analyze it, then :func:`design_from_model`."""
    model, doc = analyze_file(req.spec_path, req.feature_id, req.feature_name)
    refuse_unreadable(model, str(req.spec_path))
    outcome = design_from_model(model, req)
    outcome.document = doc
    return outcome


def refuse_unreadable(model: DomainModel, source: str) -> None:
    """A spec that talks about data but yielded no entity fails before anything is designed or written
    (see :mod:`schemawright.no_data`); a UI-only or out-of-scope spec goes on to its "no schema change"."""
    sentence = unreadable_data(model)
    if sentence is not None:
        raise DesignError(unreadable_message(source, sentence))


def design_from_model(model: DomainModel, req: DesignRequest) -> DesignOutcome:
    """Design from a domain model (analyzed from a spec, read from a model file, or built by a program).
    ``req.spec_path`` names the input in file headers and ``feature.source``; the feature ID and name are
    the model's."""
    feature_id, name = validate_id(model.feature_id), model.feature_name
    root = req.root
    decisions = req.decisions_dir or root / "ai" / "decisions"
    try:  # an unreadable migration (not UTF-8, unreadable) is the project's problem: one line, exit 1
        found = detect_migrations(
            root, req.migrations_dir, req.migration_format, trust_python=req.trust_python  # type: ignore[arg-type]
        )
    except ProjectError as exc:
        raise DesignError(str(exc)) from exc
    if req.later_features:
        later = [m for f in req.later_features for m in found.of_feature(f)]
        found.migrations = [m for m in found.migrations if m not in later]
    result = DesignResult(feature=FeatureInfo(id=feature_id, name=name, source=str(req.spec_path)))
    operations: list[Operation] = []  # the relational migrations', for the document's existing-table changes
    result.assumptions.extend(model.assumptions)
    unsafe = Source(rule="unsafe migration file")  # symlinks out of the root, FIFOs, devices: not read
    result.assumptions.extend(Assumption(text=t, source=unsafe) for t in found.refused)
    result.not_understood.extend(model.not_understood)
    decision_path = decisions / f"{feature_id}_database_schema.md"
    replaced = found.files_of(feature_id)  # this feature's earlier migration files (--force replaces them)
    choice = choose_store(req, model, found)
    if not model.no_data_reason:
        rule = Source(rule="store choice")
        result.assumptions.extend(Assumption(text=t, source=rule) for t in choice.reasons)
    if model.no_data_reason:
        result.no_change_reason = model.no_data_reason
    elif choice.primary == "mongodb":
        _design_document(req, model, result, found.directory, root, decision_path, found.foreign)
    elif choice.primary == "firestore":
        _design_firestore(req, model, result, found.directory, root)
    else:
        dialect = "postgresql" if choice.primary == "supabase" else choice.primary
        if dialect not in RELATIONAL:
            raise DesignError(f"the {dialect} store is not supported yet — use --db postgresql")
        project = _load_project(req, found, dialect, feature_id)
        result.assumptions.extend(project.assumptions)
        relational, assumptions = design_relational(model, dialect, project.schema)
        follow_index_naming(relational, project.schema)  # the project's index names, when it has a habit
        result.assumptions.extend(assumptions)
        result.stores.append(relational)
        header = _header("--", req, feature_id, decision_path)
        if choice.primary == "supabase":
            from schemawright.design.supabase import add_row_level_security

            result.assumptions.extend(add_row_level_security(relational))
        # new tables, then safe changes to the project's own tables; every down is their reverse
        migration = plan_feature(relational, project.schema)
        operations = [op for step in migration.steps for op in step.operations]
        alter_rule = Source(rule="safe changes to existing tables")
        result.assumptions.extend(Assumption(text=t, source=alter_rule) for t in migration.notes)
        sql, separate = render_feature(migration, relational, header)
        stamp = found.next_version(req.now.strftime("%Y%m%d%H%M%S"))
        plan = migration_steps(stamp, feature_id, sql.up, sql.down, separate, header)
        new_files, notes = render_migration_files(  # the project's own format
            found, plan, relational.dialect, tool_ran=project.replayed and not project.static
        )
        result.files.extend(
            OutputFile(path=str(_rel(f.path, root)), role=f.role, content=f.content) for f in new_files
        )
        fmt_rule = Source(rule=f"{found.format} migration format")
        result.assumptions.extend(Assumption(text=n, source=fmt_rule) for n in notes)
        full_up, full_down = "".join(s.up for s in plan), "".join(s.down for s in reversed(plan))
        if req.verify:
            report = _verify_chain(req, relational, found, project, new_files, full_up, full_down)
            result.verification = Verification(status=report.status, reports=[report])
        result.review = _review(relational.dialect, full_up, full_down, project.prior_sql, feature_id)
        _add_keyvalue(req, model, result)
    result.files.insert(0, OutputFile(path=str(_rel(decision_path, root)), role="decision"))
    result.files[0].content = render_decision_doc(result, model, operations)
    return DesignOutcome(result=result, model=model, document=None, replaced=replaced)


def _design_document(
    req: DesignRequest,
    model: DomainModel,
    result: DesignResult,
    migrations: Path,
    root: Path,
    decision_path: Path,
    foreign: ForeignProject | None = None,
) -> None:
    """MongoDB: the document design and its mongosh up/down scripts in the migrations folder (in a
    migrate-mongo project: one ``{ts}-{ID}.js`` migrate-mongo module instead)."""
    from schemawright.design.document import design_document
    from schemawright.emit.mongo import render_mongo
    from schemawright.verify.mongo import verify_mongo

    document, notes = design_document(model)
    result.stores.append(document)
    result.assumptions.extend(notes)
    fid = result.feature.id
    header = _header("//", req, fid, decision_path)
    scripts = render_mongo(document, header)
    stamp = req.now.strftime("%Y%m%d%H%M%S")
    files = [
        ("migration-up", migrations / f"{stamp}_{fid}.up.js", scripts.up),
        ("migration-down", migrations / f"{stamp}_{fid}.down.js", scripts.down),
    ]
    if foreign is not None and foreign.tool == "migrate-mongo":  # the project's own tool runs it
        from schemawright.project.foreign import notes as foreign_notes
        from schemawright.project.mongo_migrate import render_module

        module = render_module(scripts.up, scripts.down)
        files = [("migration", foreign.directory / f"{stamp}-{fid}.js", module)]
        rule = Source(rule="migrate-mongo migration format")
        result.assumptions.extend(Assumption(text=t, source=rule) for t in foreign_notes(foreign))
    for role, path, content in files:
        result.files.append(
            OutputFile.model_validate({"path": str(_rel(path, root)), "role": role, "content": content})
        )
    if req.verify:
        report = verify_mongo(scripts.up, scripts.down)
        result.verification = Verification(status=report.status, reports=[report])
    _add_keyvalue(req, model, result)


def _design_firestore(
    req: DesignRequest, model: DomainModel, result: DesignResult, migrations: Path, root: Path
) -> None:
    """Firestore: ``firestore.indexes.json`` and ``firestore.rules`` in the project root (Firebase's
    convention), the collections' JSON Schemas in the migrations folder. No emulator runs here."""
    from schemawright.design.firestore import design_firestore
    from schemawright.emit.firestore import render_indexes, render_rules, render_schemas
    from schemawright.verify.models import VerificationReport

    firestore, notes = design_firestore(model)
    result.stores.append(firestore)
    result.assumptions.extend(notes)
    fid = result.feature.id
    header = f"// schemawright {__version__}: feature {fid}; from {_safe_comment(req.spec_path.name)}"
    stamp = req.now.strftime("%Y%m%d%H%M%S")
    files = [
        ("schema", migrations / f"{stamp}_{fid}.firestore.schema.json", render_schemas(firestore)),
        ("indexes", root / "firestore.indexes.json", render_indexes(firestore)),
        ("rules", root / "firestore.rules", render_rules(firestore, header)),
    ]
    for role, path, content in files:
        result.files.append(
            OutputFile.model_validate({"path": str(_rel(path, root)), "role": role, "content": content})
        )
    rule = Source(rule="firestore files")
    result.assumptions.append(
        Assumption(
            text="firestore.indexes.json and firestore.rules are written to the project root, where "
            "firebase init puts them and firebase.json refers to them; they describe this feature's "
            "collections only (merge them by hand into a project that already has its own).",
            source=rule,
        )
    )
    if req.verify:
        report = VerificationReport(
            engine="firestore",
            status="skipped",
            error="no Firestore emulator on this machine: the indexes and rules were not deployed; the "
            "document JSON Schemas are checked by the test suite against valid and invalid samples",
        )
        result.verification = Verification(status="skipped", reports=[report])
    _add_keyvalue(req, model, result)


def _add_keyvalue(req: DesignRequest, model: DomainModel, result: DesignResult) -> None:
    """A relational spec that names Redis or asks for caches, rate limits, expiring tokens, presence or
    fast counters also gets a Redis key design (its own store entry and verification report)."""
    if not model.cache_needs and "redis" not in model.declared_stores:
        return
    from schemawright.design.keyvalue import design_keyvalue
    from schemawright.verify.redis import verify_keyvalue

    keyvalue, notes = design_keyvalue(model)
    result.stores.append(keyvalue)
    result.assumptions.extend(notes)
    if req.verify:
        report = verify_keyvalue(keyvalue)
        v = result.verification
        v.reports.append(report)
        if report.status == "failed" or v.status == "not-run":  # a skipped Redis check keeps "passed"
            v.status = report.status


def _engine(req: DesignRequest, dialect: str) -> tuple[str | None, bool]:
    """(url, embedded) of the engine that replays and verifies ``dialect`` migrations."""
    return engine_for(dialect).server(embedded=req.embedded, postgres_url=req.postgres_url)


def _load_project(req: DesignRequest, found: MigrationSet, dialect: str, feature_id: str) -> ExistingProject:
    """Replay and reflect the project's existing migrations (this feature's own excluded, for --force)."""
    from schemawright.verify.errors import VerifyError

    url, embedded = _engine(req, dialect)
    try:
        return load_project(
            found,
            dialect,  # type: ignore[arg-type]
            exclude_name=feature_id,
            url=url,
            embedded=embedded,
            run=req.replay,
            trust_python=req.trust_python,
        )
    except (ProjectError, VerifyError) as exc:
        raise DesignError(str(exc)) from exc


def _review(dialect: str, up: str, down: str, prior_sql: list[str], feature_id: str) -> ReviewSummary:
    """The design's own migration through the reviewer; error-level findings fail ``design``."""
    from schemawright.review import review_migration

    report = review_migration(up, down, dialect=dialect, prior_sql=prior_sql, name=feature_id)
    return ReviewSummary(
        errors=sum(1 for f in report.findings if f.severity.value == "error"),
        warnings=sum(1 for f in report.findings if f.severity.value == "warning"),
        findings=[f"{f.code} {f.severity.value}: {f.message}" for f in report.findings],
    )


def _verify_chain(
    req: DesignRequest,
    design: RelationalDesign,
    found: MigrationSet,
    project: ExistingProject,
    new_files: list[NewFile],
    up: str,
    down: str,
) -> VerificationReport:
    """The whole chain — the project's existing migrations, then this one up, down, up — run by the
    project's own tool where it has one we can drive (Alembic, Django, Knex), else as plain SQL."""
    url, embedded = _engine(req, design.dialect)
    tool_ran = project.replayed and not project.static  # the project's own tool built the schema
    if found.format == "alembic" and tool_ran:
        from schemawright.project.alembic_verify import verify_alembic

        return verify_alembic(design, found, new_files, url=url, embedded=embedded)
    if found.format == "django" and django_available() and tool_ran:
        from schemawright.project.django_verify import verify_django

        return verify_django(design, found, new_files, url=url, embedded=embedded)
    if found.format == "knex" and project.knex is not None:
        from schemawright.project.knex_verify import verify_knex

        return verify_knex(design, found, new_files, project.knex, url=url, embedded=embedded)
    from schemawright.verify.relational import verify_relational

    return verify_relational(design, up, down, prior_sql=project.prior_sql, url=url, embedded=embedded)


def _header(comment: str, req: DesignRequest, feature_id: str, decision_path: Path) -> str:
    """The generated-file header, in the file's comment syntax (``--`` for SQL, ``//`` for JavaScript)."""
    return (
        f"{comment} schemawright {__version__}: feature {feature_id}\n"
        f"{comment} Generated from {_safe_comment(req.spec_path.name)}; "
        f"see {_safe_comment(str(_rel(decision_path, req.root)))}"
    )


def _rel(path: Path, root: Path) -> Path:
    try:
        return path.resolve().relative_to(root.resolve())
    except ValueError:
        return path


def _safe_comment(text: str) -> str:
    """Text placed in a SQL comment: one line, printable, no comment terminators."""
    return re.sub(r"[^\w./ -]", "_", text)[:120]


def write_outputs(outcome: DesignOutcome, root: Path) -> list[Path]:
    """Write every output file as one change that survives a crash (staged, journaled, moved in last; see
    :mod:`schemawright.writes.journal`) under the root's lock; returns the paths written."""
    from schemawright.writes.journal import commit
    from schemawright.writes.lock import root_lock

    files = [(_abs(Path(f.path), root), f.content) for f in outcome.result.files]
    with root_lock(root):
        commit(root, files, remove=outcome.replaced)
    return [p for p, _ in files]


def _abs(path: Path, root: Path) -> Path:
    return path if path.is_absolute() else root / path


def design_json(spec_path: Path, *, root: Path, db: str = "auto", verify: bool = False) -> dict[str, Any]:
    """Design ``spec_path`` into the project at ``root`` (writing its files there) and return the
    ``design --json`` document. Used by the quality scorer on scratch project roots."""
    outcome = design(DesignRequest(spec_path=spec_path, root=root, db=db, verify=verify))
    write_outputs(outcome, root)
    data: dict[str, Any] = outcome.result.model_dump(mode="json")
    return data
