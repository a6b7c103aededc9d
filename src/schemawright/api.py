"""The Python API: ``schemawright.analyze``, ``design``, ``review`` and ``verify``.

The CLI is a thin layer over these functions, so a program, an agent or a test gets exactly what a user
gets on the command line — the same rules, review, verification and outputs — as typed objects instead of
text. Errors are exceptions: :class:`UsageError` for bad input (the CLI's exit 2), :class:`DesignError`
for a design that fails verification or review, :class:`WriteError` when files cannot be written (exit 1).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from schemawright.analysis import Analyzer
from schemawright.domain.model import DomainModel
from schemawright.io import UsageError, WriteError
from schemawright.pipeline import (
    DesignError,
    DesignOutcome,
    DesignRequest,
    design_from_model,
    refuse_unreadable,
)

if TYPE_CHECKING:
    from schemawright.result import DesignResult
    from schemawright.review.models import ReviewReport
    from schemawright.verify.models import VerificationReport

__all__ = ["DesignError", "UsageError", "WriteError", "analyze", "design", "load_model", "review", "verify"]

SpecInput = str | os.PathLike[str]
MODEL_NAME = Path("domain_model")  # names an in-memory model in file headers and feature.source


def analyze(
    spec: SpecInput,
    *,
    feature_id: str | None = None,
    feature_name: str | None = None,
    analyzer: Analyzer = "rules",
) -> DomainModel:
    """Read a feature spec and return its :class:`DomainModel` (what ``schemawright analyze`` prints).

    ``spec`` is a path (``Path``, or a ``str`` naming an existing file) or the spec's markdown text (a
    ``str`` with a line break, or one naming no file). DBML, Mermaid ``erDiagram`` and Prisma files
    (``.dbml``, ``.mmd``, ``.prisma``) are read as models through the structured readers. The feature ID
    defaults to the file stem (``feature`` for text), the name to the spec's ``## Name:`` heading.
    ``analyzer="llm"`` or ``"hybrid"`` also sends the spec to the ``SCHEMAWRIGHT_LLM_*`` endpoint (see the
    README's *LLM analyzer*); an answer that is not a valid model raises :class:`DesignError`."""
    from schemawright.analysis import analyze_file, analyze_text

    path = _as_path(spec)
    if path is None:
        model, _ = analyze_text(str(spec), source="<text>", feature_id=feature_id or "feature",
                                feature_name=feature_name, analyzer=analyzer)
    else:
        model, _ = analyze_file(path, feature_id, feature_name, analyzer)
    return model


def load_model(path: SpecInput) -> DomainModel:
    """Read a model file written by ``analyze`` (YAML or JSON, possibly edited); raises
    :class:`schemawright.modelfile.load.ModelFileError` (a :class:`UsageError`) listing every problem
    with its line."""
    from schemawright.modelfile.load import load_model as load

    return load(Path(path))


def design(
    source: SpecInput | DomainModel,
    *,
    root: SpecInput = ".",
    feature_id: str | None = None,
    feature_name: str | None = None,
    db: str = "auto",
    migrations_dir: SpecInput | None = None,
    decisions_dir: SpecInput | None = None,
    migration_format: str | None = None,
    verify: bool = True,
    embedded: bool = False,
    postgres_url: str | None = None,
    write: bool = False,
    force: bool = False,
    allow_review_errors: bool = False,
    replay: bool = True,
    trust_python_migrations: bool = False,
    analyzer: Analyzer = "rules",
) -> DesignResult:
    """Design the schema for a spec (path or text), a model file (``.yaml``/``.yml``/``.json``, a DBML,
    Mermaid or Prisma file) or a :class:`DomainModel`, in the project at ``root``.

    Returns the design (what ``design --json`` prints; each output file's ``content`` included). Raises
    :class:`DesignError` when verification fails or the review finds an error-level problem (unless
    ``allow_review_errors``). With ``write`` the decision document and migrations are written atomically;
    an existing one for this feature is replaced only with ``force``. A relative folder is taken from the
    working directory when it exists there, else under ``root`` (never ``root`` twice).
    ``replay=False`` runs none of the project's existing migrations; Alembic and Django migrations are
    Python and run only with ``trust_python_migrations`` (see the README's *Security*). ``analyzer``
    reads a spec with the rule analyzer (default), an LLM or both (see :func:`analyze`).
    """
    from schemawright.writes.lock import writing_lock

    with writing_lock(Path(root), write):  # parallel writers queue: next version and overwrite check
        outcome = plan(
            source, root=Path(root), feature_id=feature_id, feature_name=feature_name, db=db,
            migrations_dir=_opt_path(migrations_dir), decisions_dir=_opt_path(decisions_dir),
            migration_format=migration_format, verify=verify, embedded=embedded, postgres_url=postgres_url,
            replay=replay, trust_python_migrations=trust_python_migrations, analyzer=analyzer,
        )
        accept(outcome, Path(root), writing=write, force=force, allow_review_errors=allow_review_errors)
        if write:
            from schemawright.pipeline import write_outputs

            write_outputs(outcome, Path(root))
    return outcome.result


def plan(
    source: SpecInput | DomainModel,
    *,
    root: Path,
    feature_id: str | None = None,
    feature_name: str | None = None,
    db: str = "auto",
    migrations_dir: Path | None = None,
    decisions_dir: Path | None = None,
    migration_format: str | None = None,
    verify: bool = True,
    embedded: bool = False,
    postgres_url: str | None = None,
    replay: bool = True,
    trust_python_migrations: bool = False,
    analyzer: Analyzer = "rules",
    now: datetime | None = None,
    later_features: Sequence[str] = (),
) -> DesignOutcome:
    """The design without acceptance checks or writing (the CLI and :func:`design` build on it).
    ``now`` fixes the migration's timestamp (``design --all`` gives each feature its own second);
    ``later_features`` leaves those features' existing migrations out of the project (``--all --force``)."""
    from schemawright.analysis import analyze_text
    from schemawright.modelfile.load import MODEL_SUFFIXES

    if not root.is_dir():
        raise UsageError(f"project root not found: {root} — pass an existing folder with --root")
    req = DesignRequest(
        spec_path=MODEL_NAME, root=root, feature_id=feature_id, feature_name=feature_name, db=db,
        migrations_dir=_under(root, migrations_dir), decisions_dir=_under(root, decisions_dir), verify=verify,
        embedded=embedded, postgres_url=postgres_url, migration_format=migration_format, replay=replay,
        trust_python=trust_python_migrations, later_features=tuple(later_features),
    )
    if now is not None:
        req.now = now
    path = None if isinstance(source, DomainModel) else _as_path(source)
    is_model = isinstance(source, DomainModel) or (path is not None and path.suffix.lower() in MODEL_SUFFIXES)
    if analyzer != "rules" and is_model:
        raise UsageError("--analyzer reads a spec; a model is designed as it is — drop --analyzer")
    if isinstance(source, DomainModel):
        return design_from_model(_renamed(source, feature_id, feature_name), req)
    if path is None:
        model, doc = analyze_text(str(source), source="<text>", feature_id=feature_id or "feature",
                                  feature_name=feature_name, analyzer=analyzer)
        refuse_unreadable(model, "<text>")
        req.spec_path = Path("spec")
        outcome = design_from_model(model, req)
        outcome.document = doc
        return outcome
    req.spec_path = path
    if path.suffix.lower() in MODEL_SUFFIXES:
        return design_from_model(_renamed(load_model(path), feature_id, feature_name), req)
    if analyzer != "rules":
        from schemawright.analysis import analyze_file

        model, doc = analyze_file(path, feature_id, feature_name, analyzer)
        refuse_unreadable(model, str(path))
        outcome = design_from_model(model, req)
        outcome.document = doc
        return outcome
    from schemawright.pipeline import design as design_spec

    return design_spec(req)


def accept(
    outcome: DesignOutcome, root: Path, *, writing: bool, force: bool, allow_review_errors: bool
) -> None:
    """The checks every design passes before it may be written: no silent overwrite, a passed (or
    skipped) verification, no error-level review finding. Raises :class:`DesignError` (exit 1)."""
    result = outcome.result
    decision = next(f for f in result.files if f.role == "decision")
    existing = [p for p in [root / decision.path] if p.exists()] + outcome.replaced
    if existing and not force and writing:
        raise DesignError(
            f"{existing[0]} already exists for feature {result.feature.id} — pass --force to replace it"
        )
    if result.verification.status == "failed":
        report = next(r for r in result.verification.reports if r.status == "failed")
        if not report.target:  # the engine itself could not be used (fail closed; --no-verify skips)
            raise DesignError(f"the {report.engine} design could not be verified: {report.error} — nothing "
                              "was written")
        raise DesignError(
            f"the {report.engine} design failed verification on {report.target}: {report.error} — nothing "
            "was written"
        )
    if result.review.errors and not allow_review_errors:
        raise DesignError(
            f"the review found {result.review.errors} error-level problem(s) in the design: "
            f"{result.review.findings[0]} — fix the spec or pass --allow-review-errors"
        )


def review(
    root: SpecInput = ".",
    *,
    migrations_dir: SpecInput | None = None,
    feature_id: str | None = None,
    dialect: str | None = None,
    replay: bool = True,
    embedded: bool = False,
) -> ReviewReport:
    """Review a project's migrations (what ``schemawright review`` reports): each finding has a stable
    code, severity, location, impact and fix. ``replay`` applies the chain on a real engine (the
    environment's server, else embedded PostgreSQL / a temp SQLite); without it the catalog is static."""
    from schemawright.review.engine import review_project
    from schemawright.review.replay import EngineChoice

    engine = EngineChoice(embedded=embedded) if replay else None
    return review_project(
        Path(root), migrations_dir=_opt_path(migrations_dir), feature_id=feature_id, dialect=dialect,
        engine=engine,
    )


def verify(
    up_sql: str,
    down_sql: str,
    *,
    dialect: Literal["postgresql", "mysql", "sqlite"] = "postgresql",
    prior_sql: Sequence[str] = (),
    url: str | None = None,
    embedded: bool = False,
) -> VerificationReport:
    """Prove a migration pair on a scratch database of ``dialect``: the ``prior_sql`` scripts, then up,
    down (the catalog must equal the one before up) and up again (it must equal the first up's). ``url``
    defaults to ``SCHEMAWRIGHT_POSTGRES_URL`` / ``SCHEMAWRIGHT_MYSQL_URL``; PostgreSQL without one runs
    embedded. Status "failed" (reason in ``error``, URL without password) also when the engine cannot be
    used: verification fails closed. (``design`` runs this
    with sample rows for every table it designs.)"""
    from schemawright.design.models import RelationalDesign
    from schemawright.engines import engine_for
    from schemawright.verify.relational import verify_relational

    url, embedded = engine_for(dialect).server(url, embedded)
    return verify_relational(
        RelationalDesign(dialect=dialect), up_sql, down_sql, prior_sql=prior_sql, url=url, embedded=embedded
    )


def _as_path(spec: SpecInput) -> Path | None:
    """A path for ``Path``-likes and for a one-line ``str`` naming an existing file; None for text."""
    if not isinstance(spec, str):
        return Path(spec)
    if "\n" in spec or not spec.strip():
        return None
    try:
        return Path(spec) if Path(spec).is_file() else None
    except OSError:  # a long one-liner is not a file name
        return None


def _renamed(model: DomainModel, feature_id: str | None, feature_name: str | None) -> DomainModel:
    update = {k: v for k, v in (("feature_id", feature_id), ("feature_name", feature_name)) if v}
    return model.model_copy(update=update) if update else model


def _opt_path(path: SpecInput | None) -> Path | None:
    return None if path is None else Path(path)


def _under(root: Path, path: Path | None) -> Path | None:
    """A relative folder option: from the working directory when it exists there, else under ``root``,
    never ``root`` joined twice (see :func:`~schemawright.project.detect.resolve_dir`)."""
    from schemawright.project.detect import resolve_dir

    return None if path is None else resolve_dir(root, path)
