"""``schemawright mcp``: serve the tools over MCP (stdio). The SDK is an optional extra, so its absence
is one line that says how to install it, not a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def mcp(
    root: Annotated[
        Path,
        typer.Option("--root", help="Default project root of tools and resources (a call may pass root)."),
    ] = Path("."),
) -> None:
    """Run the MCP server on stdio: tools analyze_spec, design_schema, review_schema, verify_migrations and
    explain; resources schemawright://schema (the project's current schema) and schemawright://decisions
    (its decision documents). Needs the extra: pip install 'schemawright[mcp]'. Exit codes: 0 when the
    client disconnects; 2 usage error (SDK missing, root not found)."""
    try:
        import mcp.server.mcpserver  # noqa: F401
    except ImportError:
        typer.echo("error: schemawright mcp needs the MCP SDK — pip install 'schemawright[mcp]'", err=True)
        raise typer.Exit(2) from None
    if not root.is_dir():
        typer.echo(f"error: project root not found: {root} — pass an existing folder with --root", err=True)
        raise typer.Exit(2)
    from schemawright.mcpserver.server import serve

    serve(root)
