"""End to end: the structured corpus specs and the shipped example design to their gold files and their
migrations verify up → down → up on the PostgreSQL server and on the embedded PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.scoring import load_gold, score_design
from schemawright.pipeline import DesignRequest, design, write_outputs
from tests.corpus_paths import EXAMPLES, SHARED_SPECS, shared_spec
from tests.services import service_url

STRUCTURED = ["001_signup", "004_events"]


def _design(spec: Path, root: Path, *, url: str | None, embedded: bool) -> dict[str, object]:
    outcome = design(DesignRequest(spec_path=spec, root=root, postgres_url=url, embedded=embedded))
    write_outputs(outcome, root)
    return outcome.result.model_dump(mode="json")


@pytest.mark.parametrize("name", STRUCTURED)
def test_structured_spec_meets_gold_and_verifies_on_server(name: str, tmp_path: Path) -> None:
    url = service_url("SCHEMAWRIGHT_POSTGRES_URL")
    result = _design(shared_spec(f"{name}.md"), tmp_path, url=url, embedded=False)
    verification = result["verification"]
    assert isinstance(verification, dict)
    assert verification["status"] == "passed", verification
    [report] = verification["reports"]
    assert report["target"].startswith("server")
    assert [s["name"] for s in report["steps"] if s["ok"]][-1] == "snapshot-compare-up-again"
    score = score_design(result, load_gold(SHARED_SPECS / "gold" / f"{name}.yaml"), tmp_path)
    assert score.entities.recall == 1.0 and score.relationships.recall == 1.0
    failed = [c for c in score.checks if not c.passed]
    assert failed == []


@pytest.mark.slow
@pytest.mark.parametrize("spec", [*(f"{n}.md" for n in STRUCTURED), "example"])
def test_verifies_on_embedded_postgres(spec: str, tmp_path: Path) -> None:
    path = EXAMPLES / "001_login.md" if spec == "example" else shared_spec(spec)
    result = _design(path, tmp_path, url=None, embedded=True)
    verification = result["verification"]
    assert isinstance(verification, dict)
    assert verification["status"] == "passed", verification
    assert verification["reports"][0]["target"].startswith("embedded PostgreSQL")
    assert verification["reports"][0]["rows_inserted"] >= 2
    doc = (tmp_path / "ai/decisions" / f"{path.stem}_database_schema.md").read_text()
    assert "**passed**" in doc
