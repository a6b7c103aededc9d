"""The MCP server: registers :class:`~schemawright.mcpserver.tools.Workspace`'s tools and resources with
the official ``mcp`` SDK (2.x, ``MCPServer``) and serves them over stdio. Tool errors are raised, so the
client sees ``isError`` with the one-line message."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceError
from mcp.server.mcpserver.exceptions import ToolError as SDKToolError

from schemawright import __version__
from schemawright.mcpserver.tools import ToolError, Workspace

Analyzer = Literal["rules", "llm", "hybrid"]
Db = Literal["auto", "postgresql", "mysql", "sqlite", "mongodb", "supabase", "firestore"]


def build(root: Path) -> MCPServer:
    ws = Workspace(root.resolve())
    server: MCPServer = MCPServer(
        "schemawright",
        version=__version__,
        instructions="Design database schemas from feature specs. analyze_spec reads a spec into a domain "
        "model you may correct; design_schema designs from a spec or a (corrected) model, verifies the "
        "migration on a real engine and writes the decision document and migration under the project root; "
        "review_schema lints the project's migrations; explain says why a table, column or index exists.",
    )

    @server.tool()
    def analyze_spec(
        spec_path: str | None = None, spec_text: str | None = None, feature_id: str | None = None,
        feature_name: str | None = None, analyzer: Analyzer = "rules", root: str | None = None,
    ) -> dict[str, Any]:
        """Read a feature spec (a path, relative to the project root, or its markdown text) and return its
        domain model: entities, attributes, relationships, rules, each with its spec line and rule id, plus
        assumptions and sentences not understood. Edit it and pass it to design_schema as model."""
        with _tool_errors():
            return ws.analyze_spec(spec_path, spec_text, feature_id, feature_name, analyzer, root)

    @server.tool()
    def design_schema(
        spec_path: str | None = None, spec_text: str | None = None, model: dict[str, Any] | None = None,
        feature_id: str | None = None, feature_name: str | None = None, root: str | None = None,
        db: Db = "auto", dry_run: bool = False, verify: bool = True, force: bool = False,
        analyzer: Analyzer = "rules",
    ) -> dict[str, Any]:
        """Design the schema from exactly one of spec_path, spec_text or model (a domain model as
        analyze_spec returns it). Verifies the migration up/down/up on a real engine unless verify is
        false; writes the decision document and migration under root unless dry_run (then their contents
        are returned). Fails, writing nothing, when verification or the built-in review fails."""
        with _tool_errors():
            return ws.design_schema(spec_path, spec_text, model, feature_id, feature_name, root, db,
                                    dry_run, verify, force, analyzer)

    @server.tool()
    def review_schema(
        root: str | None = None, feature_id: str | None = None, replay: bool = False
    ) -> dict[str, Any]:
        """Review the project's migrations for schema and migration-safety problems; each finding has a
        code, severity, location, impact and fix. replay applies the chain on a real engine first."""
        with _tool_errors():
            return ws.review_schema(root, feature_id, replay)

    @server.tool()
    def verify_migrations(
        feature_id: str | None = None, up_sql: str | None = None, down_sql: str | None = None,
        dialect: str | None = None, root: str | None = None,
    ) -> dict[str, Any]:
        """Prove a migration on a scratch database: up, down (the catalog must equal the one before) and up
        again. Either feature_id (its migrations in the project, after the earlier ones) or up_sql and
        down_sql."""
        with _tool_errors():
            return ws.verify_migrations(root, feature_id, up_sql, down_sql, dialect)

    @server.tool()
    def explain(
        table: str, column: str | None = None, index: str | None = None, feature_id: str | None = None,
        root: str | None = None, spec_path: str | None = None,
    ) -> dict[str, Any]:
        """Why a table, one of its columns or indexes exists in a design made in this session: the spec
        line and text it came from and the rule ids. With spec_path the spec is designed again first
        (nothing written)."""
        with _tool_errors():
            return ws.explain(table, column, index, feature_id, root, spec_path)

    @server.resource("schemawright://schema", mime_type="application/json")
    def current_schema() -> dict[str, Any]:
        """The project's current schema: the tables its up migrations build, in order."""
        with _tool_errors(ResourceError):
            return ws.current_schema()

    @server.resource("schemawright://decisions", mime_type="application/json")
    def decisions() -> list[str]:
        """The decision documents under ai/decisions."""
        with _tool_errors(ResourceError):
            return ws.decisions()

    @server.resource("schemawright://decisions/{name}", mime_type="text/markdown")
    def decision(name: str) -> str:
        """One decision document (markdown)."""
        with _tool_errors(ResourceError):
            return ws.decision(name)

    return server


@contextmanager
def _tool_errors(kind: type[Exception] = SDKToolError) -> Iterator[None]:
    """Our one-line errors as the SDK's deliberate ones, so the client sees the message (anything else is
    a crash, which the SDK reports without its text)."""
    try:
        yield
    except ToolError as exc:
        raise kind(str(exc)) from None


def serve(root: Path) -> None:
    build(root).run("stdio")
