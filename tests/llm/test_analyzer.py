"""The LLM analyzer over recorded answers: a valid one becomes the model with ``llm.*`` provenance, an
invalid one is answered with its problems and the next attempt is used, garbage fails after the bounded
retries; and ``hybrid`` keeps the rule analyzer's elements and adds the LLM's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import schemawright
from schemawright.llm.client import LLMError
from tests.llm.conftest import RECORDED, Endpoint, Reply, recorded

SPEC = RECORDED / "042_plant_swaps.md"
LINES = SPEC.read_text().splitlines()


def test_valid_answer_is_the_model_with_llm_provenance(endpoint: Endpoint) -> None:
    endpoint.script = [Reply(content=recorded("valid.json"))]
    model = schemawright.analyze(SPEC, analyzer="llm")
    assert model.feature_id == "042_plant_swaps" and model.feature_name != "ignored too"  # ours
    assert [e.name for e in model.entities] == ["gardener", "plant", "swap"]
    gardener = model.entities[0]
    assert [a.name for a in gardener.attributes] == ["name", "email"]  # "id" is the designer's
    swap = model.entities[2]
    assert (swap.source.rule, swap.source.line, swap.source.text) == ("llm.entity", 7, LINES[6])
    assert gardener.attributes[1].source.rule == "llm.attribute"
    receiver = model.relationships[-1]
    assert (receiver.source.rule, receiver.source.line, receiver.source.text) == ("llm.relationship", 0, "")
    assert any("recorded-model" in a.text and a.source.rule == "llm.analyzer" for a in model.assumptions)
    [request] = endpoint.requests
    prompt = request["messages"][1]["content"]
    assert "   7 | - A swap records" in prompt  # numbered lines, so the answer can cite them


def test_invalid_then_valid_sends_the_problems_back(endpoint: Endpoint) -> None:
    endpoint.script = [Reply(content=recorded("invalid.json")), Reply(content=recorded("valid.json"))]
    model = schemawright.analyze(SPEC, analyzer="llm")
    assert len(model.entities) == 3
    retry = endpoint.requests[1]["messages"]
    assert retry[2] == {"role": "assistant", "content": recorded("invalid.json")}
    feedback = retry[3]["content"]
    assert "'full_name' is not one of" in feedback
    assert "duplicate entity 'gardener'" in feedback
    assert "unknown entity 'plant'" in feedback
    assert "unknown key 'colour'" in feedback


def test_fenced_json_is_accepted(endpoint: Endpoint) -> None:
    endpoint.script = [Reply(content="```json\n" + recorded("valid.json") + "```")]
    assert len(schemawright.analyze(SPEC, analyzer="llm").entities) == 3


def test_garbage_fails_after_the_bounded_retries(endpoint: Endpoint) -> None:
    endpoint.script = [Reply(content=recorded("garbage.txt"))] * 5
    with pytest.raises(LLMError, match="no valid domain model in 3 attempts") as exc:
        schemawright.analyze(SPEC, analyzer="llm")
    assert "\n" not in str(exc.value)
    assert len(endpoint.requests) == 3


def test_hybrid_keeps_rule_readings_and_adds_the_llm_ones(endpoint: Endpoint) -> None:
    rules = schemawright.analyze(SPEC)
    answer = json.loads(recorded("valid.json"))
    answer["entities"].append({"name": "garden_bed", "attributes": [{"name": "label", "kind": "name"}]})
    endpoint.script = [Reply(content=json.dumps(answer))]
    model = schemawright.analyze(SPEC, analyzer="hybrid")
    names = [e.name for e in model.entities]
    assert names[: len(rules.entities)] == [e.name for e in rules.entities]
    assert "garden_bed" in names
    for entity in model.entities:
        rule = rules.entity(entity.name)
        expected = rule.source.rule if rule is not None else "llm.entity"
        assert entity.source.rule == expected
    assert any(a.source.rule == "llm.hybrid" for a in model.assumptions)
    assert not any(e.source.rule.startswith("llm.") for e in model.entities if rules.entity(e.name))


def test_schema_files_and_models_take_no_analyzer(endpoint: Endpoint, tmp_path: Path) -> None:
    dbml = RECORDED.parent.parent / "pipeline" / "structured" / "library.dbml"
    with pytest.raises(schemawright.UsageError, match="schema file"):
        schemawright.analyze(dbml, analyzer="llm")
    with pytest.raises(schemawright.UsageError, match="drop --analyzer"):
        schemawright.design(schemawright.analyze(SPEC), root=tmp_path, analyzer="hybrid", verify=False)
    assert endpoint.requests == []
