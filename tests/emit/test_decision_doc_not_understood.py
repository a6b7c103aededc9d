"""The decision document's "Not understood" section: every sentence the analyzer could not read, with its
spec line, after the assumptions, as inert text; no section when there is none. ``--json`` carries them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from schemawright.domain.model import Assumption, Attribute, DomainModel, Entity, Kind, Source
from schemawright.pipeline import DesignRequest, design_from_model
from schemawright.result import DesignResult
from schemawright.schema_doc import design_schema

HOSTILE = "The <b>wibble</b> of each baz is kept ``` forever"


def _design(tmp_path: Path, *sentences: str) -> DesignResult:
    note = Entity(name="note", attributes=[Attribute(name="title", kind=Kind.TITLE)], source=Source(line=3))
    model = DomainModel(feature_id="001_notes", feature_name="Notes", entities=[note])
    model.not_understood = [Assumption(text=s, source=Source(line=7 + i)) for i, s in enumerate(sentences)]
    req = DesignRequest(spec_path=Path("001_notes.md"), root=tmp_path, verify=False)
    return design_from_model(model, req).result


def test_section_lists_each_sentence_with_its_line_after_the_assumptions(tmp_path: Path) -> None:
    doc = _design(tmp_path, "Lorem: the thing shall foo the bar.", HOSTILE).files[0].content
    assert doc.index("## Assumptions") < doc.index("## Not understood") < doc.index("## Traceability")
    section = doc[doc.index("## Not understood") : doc.index("## Traceability")]
    assert "- Lorem: the thing shall foo the bar. (spec line 7)" in section
    hostile = next(line for line in section.splitlines() if "wibble" in line)
    assert "<b>" not in hostile and "&lt;b>" in hostile  # no tag from the spec
    assert "```" not in hostile and hostile.endswith("(spec line 8)")  # no fence either


def test_no_section_when_everything_was_understood(tmp_path: Path) -> None:
    assert "## Not understood" not in _design(tmp_path).files[0].content


def test_json_carries_the_sentences_and_matches_the_published_schema(tmp_path: Path) -> None:
    data = _design(tmp_path, "Lorem: the thing shall foo the bar.").model_dump(mode="json")
    jsonschema.validate(data, json.loads(design_schema()))
    assert data["not_understood"] == [
        {"text": "Lorem: the thing shall foo the bar.", "source": {"line": 7, "text": "", "rule": ""}}
    ]
