"""``schemawright mcp`` without the optional SDK: one line saying how to install it, exit 2."""

from __future__ import annotations

import sys

import pytest
from typer.testing import CliRunner

from schemawright.cli import app


def test_missing_sdk_is_one_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "mcp.server.mcpserver", None)  # import fails as if not installed
    result = CliRunner().invoke(app, ["mcp"])
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert "pip install 'schemawright[mcp]'" in line


def test_help_lists_the_command() -> None:
    result = CliRunner().invoke(app, ["mcp", "--help"])
    assert result.exit_code == 0 and "analyze_spec" in result.stdout
