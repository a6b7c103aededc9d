"""The MCP tools and resources as plain functions over the Python API (:mod:`schemawright.api`): what
an agent calls, returning JSON-ready dicts. Every failure is an exception with one line that says what to
do; the server turns it into a tool error. Relative paths are under the project root (per call, else the
server's ``--root``), and designs are written only below that root."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from schemawright.result import DesignResult

T = TypeVar("T")


class ToolError(Exception):
    """A call the tool cannot serve (bad arguments, a failed design); one line."""


@dataclass
class Workspace:
    """The server's state: the default project root (``--root``) and the designs made in this session,
    which ``explain`` reads (a design on disk only has its decision document, not its provenance)."""

    root: Path
    designs: dict[tuple[str, str], DesignResult] = field(default_factory=dict)

    def project(self, root: str | None) -> Path:
        path = Path(root).expanduser() if root else self.root
        if not path.is_dir():
            raise ToolError(f"project root not found: {path}")
        return path.resolve()

    # -- tools -----------------------------------------------------------------------------------------
    def analyze_spec(self, spec_path: str | None, spec_text: str | None, feature_id: str | None,
                     feature_name: str | None, analyzer: str, root: str | None) -> dict[str, Any]:
        from schemawright.api import analyze

        spec = self._spec(spec_path, spec_text, root)
        return _run(lambda: analyze(spec, feature_id=feature_id, feature_name=feature_name,
                                    analyzer=analyzer)).model_dump(mode="json")  # type: ignore[arg-type]

    def design_schema(self, spec_path: str | None, spec_text: str | None, model: dict[str, Any] | None,
                      feature_id: str | None, feature_name: str | None, root: str | None, db: str,
                      dry_run: bool, verify: bool, force: bool, analyzer: str) -> dict[str, Any]:
        from schemawright.api import design

        project = self.project(root)
        given = [x for x in (spec_path, spec_text, model) if x]
        if len(given) != 1:
            raise ToolError("pass exactly one of spec_path, spec_text or model")
        source: Any = self._model(model) if model else self._spec(spec_path, spec_text, root)
        result = _run(lambda: design(source, root=project, feature_id=feature_id, feature_name=feature_name,
                                     db=db, verify=verify, write=not dry_run, force=force,
                                     analyzer=analyzer))  # type: ignore[arg-type]
        self.designs[(str(project), result.feature.id)] = result
        out = result.model_dump(mode="json")
        out["written"] = [] if dry_run else [f.path for f in result.files]
        if dry_run:
            out["file_contents"] = {f.path: f.content for f in result.files}
        return out

    def review_schema(self, root: str | None, feature_id: str | None, replay: bool) -> dict[str, Any]:
        from schemawright.api import review

        project = self.project(root)
        report = _run(lambda: review(project, feature_id=feature_id, replay=replay))
        return report.model_dump(mode="json")

    def verify_migrations(self, root: str | None, feature_id: str | None, up_sql: str | None,
                          down_sql: str | None, dialect: str | None) -> dict[str, Any]:
        """Verify SQL given as text, or the migrations of ``feature_id`` in the project, after replaying
        the ones before it."""
        from schemawright.api import verify
        from schemawright.emit.sql.dialects import is_dialect

        prior: list[str] = []
        if feature_id:
            prior, up_sql, down_sql, sniffed = self._feature_sql(self.project(root), feature_id)
            dialect = dialect or sniffed
        if not up_sql or down_sql is None:
            raise ToolError("pass feature_id (a feature with migrations in the project), or up_sql and "
                            "down_sql")
        if dialect is not None and not is_dialect(dialect):
            raise ToolError(f"dialect must be postgresql, mysql or sqlite, not {dialect!r}")
        up, down = up_sql, down_sql
        report = _run(lambda: verify(up, down, dialect=dialect or "postgresql", prior_sql=prior))  # type: ignore[arg-type]
        return report.model_dump(mode="json")

    def explain(self, table: str, column: str | None, index: str | None, feature_id: str | None,
                root: str | None, spec_path: str | None) -> dict[str, Any]:
        from schemawright.mcpserver.explain import explain

        project = self.project(root)
        if spec_path and (feature_id is None or (str(project), feature_id) not in self.designs):
            self.design_schema(spec_path, None, None, feature_id, None, root, "auto", dry_run=True,
                               verify=False, force=True, analyzer="rules")  # again, writing nothing
        mine = [r for (where, fid), r in self.designs.items()
                if where == str(project) and (feature_id is None or fid == feature_id)]
        hits = [r for r in mine if table in _tables(r)]
        if not hits:
            known = ", ".join(sorted({t for r in mine for t in _tables(r)}))
            hint = f"tables: {known}" if known else "call design_schema first (or pass spec_path)"
            raise ToolError(f"no design in this session has table {table!r} — {hint}")
        try:
            return explain(hits[-1], table, column, index)
        except LookupError as exc:
            raise ToolError(str(exc)) from None

    # -- resources -------------------------------------------------------------------------------------
    def current_schema(self) -> dict[str, Any]:
        """The tables the project's up migrations build, parsed statically in order."""
        from schemawright.drift import migrated_schema
        from schemawright.project.detect import detect

        folder = detect(self.root, strict=False).directory  # parsed statically, whatever the layout
        if not folder.is_dir():
            return {"migrations": str(folder), "tables": []}
        schema = migrated_schema(folder, self.root)
        tables = [
            {"name": t.name, "primary_key": list(t.primary_key.columns) if t.primary_key else [],
             "columns": [{"name": c.name, "type": c.type, "nullable": c.nullable, "default": c.default}
                         for c in t.columns],
             "foreign_keys": [{"columns": list(f.columns), "ref_table": f.ref_table,
                               "ref_columns": list(f.ref_columns), "on_delete": f.on_delete}
                              for f in t.foreign_keys]}
            for t in schema.tables.values() if not getattr(t, "stub", False)
        ]
        where = folder.relative_to(self.root) if folder.is_relative_to(self.root) else folder
        return {"migrations": str(where), "tables": tables}

    def decisions(self) -> list[str]:
        folder = self.root / "ai" / "decisions"
        return sorted(p.name for p in folder.glob("*.md") if p.is_file()) if folder.is_dir() else []

    def decision(self, name: str) -> str:
        if name not in self.decisions():
            known = ", ".join(self.decisions()) or "none"
            raise ToolError(f"no decision document {name!r} — documents: {known}")
        return (self.root / "ai" / "decisions" / name).read_text(encoding="utf-8")

    # -- helpers ---------------------------------------------------------------------------------------
    def _spec(self, spec_path: str | None, spec_text: str | None, root: str | None) -> Path | str:
        if bool(spec_path) == bool(spec_text):
            raise ToolError("pass exactly one of spec_path or spec_text")
        if spec_text:
            return spec_text if "\n" in spec_text else spec_text + "\n"  # text, never taken for a file name
        path = Path(str(spec_path)).expanduser()
        return path if path.is_absolute() else self.project(root) / path

    def _model(self, data: dict[str, Any]) -> Any:
        import json

        from schemawright.modelfile.load import parse_model

        return _run(lambda: parse_model(json.dumps(data, indent=2), "<model>"))

    def _feature_sql(self, root: Path, feature_id: str) -> tuple[list[str], str, str, str]:
        from schemawright.project.detect import detect
        from schemawright.review.engine import sniff_dialect

        found = detect(root)
        migrations = sorted(found.migrations, key=lambda m: m.key)
        own = found.of_feature(feature_id)
        if not own:
            raise ToolError(f"no migration of feature {feature_id!r} in {found.directory}")
        first = migrations.index(own[0])
        prior = [m.up for m in migrations[:first]]
        up = "\n".join(m.up for m in own)
        down = "\n".join(m.down or "" for m in reversed(own))
        return prior, up, down, sniff_dialect([*prior, up])


def _tables(result: DesignResult) -> set[str]:
    from schemawright.design.models import RelationalDesign

    return {t.name for s in result.stores if isinstance(s, RelationalDesign) for t in s.tables}


def _run(call: Callable[[], T]) -> T:
    """The API's exceptions as one-line :class:`ToolError` s (a model file's problems stay one per line)."""
    from schemawright.io import UsageError, WriteError
    from schemawright.pipeline import DesignError

    try:
        return call()
    except (UsageError, DesignError, WriteError) as exc:
        raise ToolError(str(exc)) from None
