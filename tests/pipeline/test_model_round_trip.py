"""``analyze`` then ``design --model`` designs exactly what ``design`` on the spec does: the same stores,
migration SQL, decision document and assumptions, for every corpus spec (only the file named as the
input differs: the headers say which file the design was generated from)."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

import pytest

from schemawright.analysis import analyze_file
from schemawright.modelfile.dump import to_json, to_yaml
from schemawright.modelfile.load import load_model
from schemawright.pipeline import DesignOutcome, DesignRequest, design, design_from_model
from tests.corpus_paths import REPO, SHARED_SPECS

SPECS = sorted(p for p in SHARED_SPECS.glob("*.md") if p.name != "README.md") + sorted(
    (REPO / "tests" / "corpus").glob("*.md")
)
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)


def _request(path: Path, root: Path) -> DesignRequest:
    return DesignRequest(spec_path=path, root=root, verify=False, now=NOW)


def _comparable(outcome: DesignOutcome, inputs: tuple[str, ...]) -> dict[str, object]:
    data = outcome.result.model_dump(mode="json")
    data.pop("feature")  # feature.source names the input file
    text = {f.path: f.content for f in outcome.result.files}
    for name in inputs:  # headers and the summary name the input file
        text = {path: content.replace(name, "<input>") for path, content in text.items()}
    return {"result": data, "files": text}


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_design_from_the_analyzed_model_equals_design_from_the_spec(
    spec: Path, fmt: str, tmp_path: Path
) -> None:
    from_spec = design(_request(spec, tmp_path))
    model, _ = analyze_file(spec)
    path = tmp_path / f"model.{fmt}"
    path.write_text(to_yaml(model) if fmt == "yaml" else to_json(model))
    from_model = design_from_model(load_model(path), _request(path, tmp_path))
    names = (str(spec), str(path), re.sub(r"[^\w./ -]", "_", spec.name), path.name, spec.name)
    assert _comparable(from_model, names) == _comparable(from_spec, names)


SUPABASE = """# Notes

## Name: Notes

A user has an email. A note has a title and a body and belongs to one user.

## Database
- Type: Supabase
"""


def test_a_spec_naming_supabase_keeps_it_in_the_model(tmp_path: Path) -> None:
    spec = tmp_path / "010_notes.md"
    spec.write_text(SUPABASE)
    model, _ = analyze_file(spec)
    assert model.declared_stores == ["supabase"]
    path = tmp_path / "model.yaml"
    path.write_text(to_yaml(model))
    from_model = design_from_model(load_model(path), _request(path, tmp_path))
    names = (str(spec), str(path), spec.name, path.name)
    assert _comparable(from_model, names) == _comparable(design(_request(spec, tmp_path)), names)
    assert "ENABLE ROW LEVEL SECURITY" in from_model.result.files[1].content
