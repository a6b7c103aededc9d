"""End to end over stdio with the SDK's own client (``mcp.client.stdio`` + ``ClientSession``): the server
runs as ``schemawright mcp --root TMP`` in a subprocess; the test lists the tools, analyzes a corpus spec,
designs and verifies it on PostgreSQL, reviews the project, explains a column, verifies the feature's
migration and reads the resources."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.corpus_paths import shared_spec
from tests.services import service_url

pytest.importorskip("mcp.client.stdio")

from mcp import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client


def _data(result: Any) -> Any:
    assert not result.is_error, result.content
    return result.structured_content if result.structured_content is not None else json.loads(
        result.content[0].text
    )


async def _session_run(root: Path, env: dict[str, str]) -> dict[str, Any]:
    params = StdioServerParameters(
        command=sys.executable,
        args=["-c", "from schemawright.cli import main; main()", "mcp", "--root", str(root)],
        env=env,
        cwd=str(root),
    )
    out: dict[str, Any] = {}
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        out["tools"] = sorted(t.name for t in (await session.list_tools()).tools)
        spec = {"spec_path": "specs/001_signup.md"}
        out["model"] = _data(await session.call_tool("analyze_spec", spec))
        model = out["model"]
        model["entities"][0]["description"] = "someone who swaps plants"  # an agent's correction
        out["design"] = _data(await session.call_tool("design_schema", {"model": model}))
        out["again"] = await session.call_tool("design_schema", {"model": model})  # exists: refused
        out["review"] = _data(await session.call_tool("review_schema", {}))
        out["explain"] = _data(await session.call_tool(
            "explain", {"table": "users", "column": "email", "feature_id": "001_signup"}))
        out["explain_missing"] = await session.call_tool("explain", {"table": "nope"})
        out["verify"] = _data(await session.call_tool("verify_migrations", {"feature_id": "001_signup"}))
        out["schema"] = json.loads((await session.read_resource("schemawright://schema")).contents[0].text)
        out["decisions"] = json.loads((await session.read_resource("schemawright://decisions")).contents[0].text)
        doc = await session.read_resource(f"schemawright://decisions/{out['decisions'][0]}")
        out["decision"] = doc.contents[0].text
    return out


def test_mcp_end_to_end_over_stdio(tmp_path: Path) -> None:
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "001_signup.md").write_text(shared_spec("001_signup.md").read_text())
    env = {**os.environ, "SCHEMAWRIGHT_POSTGRES_URL": service_url("SCHEMAWRIGHT_POSTGRES_URL")}
    out = asyncio.run(asyncio.wait_for(_session_run(tmp_path, env), timeout=240))

    assert out["tools"] == ["analyze_spec", "design_schema", "explain", "review_schema", "verify_migrations"]
    user = out["model"]["entities"][0]
    assert user["name"] == "user"
    email = next(a for a in user["attributes"] if a["name"] == "email")

    design = out["design"]
    assert design["verification"]["status"] == "passed"
    assert design["review"]["errors"] == 0
    written = design["written"]
    assert "ai/decisions/001_signup_database_schema.md" in written
    assert all((tmp_path / path).is_file() for path in written)
    assert out["again"].is_error and "already exists" in out["again"].content[0].text

    assert not [f for f in out["review"]["findings"] if f["severity"] == "error"]

    why = out["explain"]["why_column"]
    assert (why["line"], why["rule"]) == (email["source"]["line"], email["source"]["rule"])
    assert why["line"] > 0
    assert "email" in why["text"] and why["type"]
    assert out["explain"]["why"]["line"] == user["source"]["line"] and out["explain"]["why"]["rule"]
    assert out["explain_missing"].is_error and "users" in out["explain_missing"].content[0].text

    assert out["verify"]["status"] == "passed"
    tables = {t["name"]: t for t in out["schema"]["tables"]}
    assert {"users", "email_verification_tokens"} <= set(tables)
    assert "email" in {c["name"] for c in tables["users"]["columns"]}
    assert out["decisions"] == ["001_signup_database_schema.md"]
    assert "users" in out["decision"]
