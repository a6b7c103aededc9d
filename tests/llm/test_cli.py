"""``design`` and ``analyze`` with ``--analyzer llm`` through the CLI against the local endpoint: a valid
answer designs and verifies; every untrustworthy answer (garbage, a timeout, an oversize body) is exit 1
with one line and nothing on disk; a missing URL is one usage line and nothing is sent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from schemawright.cli import app
from tests.llm.conftest import RECORDED, Endpoint, Reply, recorded
from tests.services import service_url

runner = CliRunner()
SPEC = RECORDED / "042_plant_swaps.md"


def _files(root: Path) -> list[str]:
    """Every file under root but the run lock (.schemawright/): outputs only."""
    files = (p for p in root.rglob("*") if p.is_file() and ".schemawright" not in p.parts)
    return sorted(str(p.relative_to(root)) for p in files)


def test_valid_answer_designs_and_verifies(endpoint: Endpoint, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCHEMAWRIGHT_POSTGRES_URL", service_url("SCHEMAWRIGHT_POSTGRES_URL"))
    endpoint.script = [Reply(content=recorded("invalid.json")), Reply(content=recorded("valid.json"))]
    result = runner.invoke(app, ["design", str(SPEC), "--root", str(tmp_path), "--analyzer", "llm", "--json"])
    assert result.exit_code == 0, result.stderr
    design = json.loads(result.stdout)
    assert design["verification"]["status"] == "passed"
    tables = {t["name"] for t in design["stores"][0]["tables"]}
    assert {"gardeners", "plants", "swaps"} <= tables
    doc = (tmp_path / "ai" / "decisions" / "042_plant_swaps_database_schema.md").read_text()
    assert "llm.entity" in doc or "recorded-model" in doc
    assert len(endpoint.requests) == 2


@pytest.mark.parametrize(
    ("case", "replies", "message"),
    [
        ("garbage", [Reply(content=recorded("garbage.txt"))] * 3, "no valid domain model in 3 attempts"),
        ("timeout", [Reply(content=recorded("valid.json"), sleep=3.0)], "did not answer within 0.5 s"),
        ("oversize", [Reply(content="{" + " " * 1_100_000 + "}")], "refused unread"),
    ],
)
def test_untrustworthy_answers_never_reach_disk(
    endpoint: Endpoint, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str, replies: list[Reply],
    message: str,
) -> None:
    monkeypatch.setenv("SCHEMAWRIGHT_LLM_TIMEOUT", "0.5")
    endpoint.script = list(replies)
    result = runner.invoke(app, ["design", str(SPEC), "--root", str(tmp_path), "--analyzer", "llm"])
    assert result.exit_code == 1, (case, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and message in lines[0], lines
    assert _files(tmp_path) == []


def test_missing_url_is_one_usage_line_and_nothing_is_sent(
    endpoint: Endpoint, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SCHEMAWRIGHT_LLM_URL")
    for command in (["design", str(SPEC), "--root", str(tmp_path)], ["analyze", str(SPEC)]):
        result = runner.invoke(app, [*command, "--analyzer", "hybrid"])
        assert result.exit_code == 2, result.stderr
        [line] = result.stderr.strip().splitlines()
        assert "SCHEMAWRIGHT_LLM_URL" in line and "nothing was sent" in line
    assert endpoint.requests == [] and _files(tmp_path) == []


def test_default_analyzer_sends_nothing(endpoint: Endpoint) -> None:
    result = runner.invoke(app, ["analyze", str(SPEC)])
    assert result.exit_code == 0, result.stderr
    assert endpoint.requests == []


def test_analyze_prints_the_llm_model_or_fails_with_one_line(endpoint: Endpoint) -> None:
    endpoint.script = [Reply(content=recorded("valid.json"))]
    result = runner.invoke(app, ["analyze", str(SPEC), "--analyzer", "llm"])
    assert result.exit_code == 0, result.stderr
    assert "rule llm.entity" in result.stdout
    endpoint.script = [Reply(content=recorded("garbage.txt"))] * 3
    result = runner.invoke(app, ["analyze", str(SPEC), "--analyzer", "llm"])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1


def test_unknown_analyzer_is_a_usage_error() -> None:
    result = runner.invoke(app, ["analyze", str(SPEC), "--analyzer", "gpt"])
    assert result.exit_code == 2 and "choose one of rules, llm, hybrid" in result.stderr
