"""An empty model is "no schema change" only when the spec means it; a spec whose data sentences were not
understood fails with one line (exit 1) and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from schemawright import pipeline
from schemawright.cli import app
from schemawright.domain.model import Assumption, DomainModel, Entity, Source
from schemawright.no_data import shorten, unreadable_data, unreadable_message
from schemawright.spec.document import SpecDocument
from tests.corpus_paths import shared_spec

LOREM = "Lorem: the thing shall foo the bar of the baz quickly."


def _model(*sentences: str, **fields: object) -> DomainModel:
    model = DomainModel(feature_id="901_lorem", feature_name="Lorem", **fields)  # type: ignore[arg-type]
    model.not_understood = [Assumption(text=s, source=Source(line=6 + i)) for i, s in enumerate(sentences)]
    return model


def test_data_sentences_without_an_entity_are_unreadable() -> None:
    model = _model(
        LOREM, "The wibble is recorded.", no_data_reason="The spec describes no data that must be stored."
    )
    found = unreadable_data(model)
    assert found is not None and found.text == LOREM and found.source.line == 6


@pytest.mark.parametrize(
    "fields",
    [
        {"entities": [Entity(name="thing")]},
        {"out_of_scope": ["Editing the content from an admin panel", "Any backend or database work"]},
        {"no_data_reason": "The spec puts backend and database work out of scope."},
        {"no_data_reason": "The spec is UI-only: a static page."},
    ],
    ids=["has-entity", "scope-excludes-database", "reason-out-of-scope", "reason-ui-only"],
)
def test_an_entity_or_a_deliberate_empty_model_is_not_an_error(fields: dict[str, object]) -> None:
    assert unreadable_data(_model(LOREM, **fields)) is None


def test_nothing_mentioning_data_is_not_an_error() -> None:
    assert unreadable_data(_model(no_data_reason="The spec describes no data that must be stored.")) is None


def test_message_is_one_line_quoting_the_shortened_sentence() -> None:
    long = "The frobnicator shall " + "keep the wibble of every baz and " * 5 + "more."
    message = unreadable_message("specs/901_lorem.md", Assumption(text=long, source=Source(line=12)))
    assert "\n" not in message
    assert message.startswith('specs/901_lorem.md: the spec describes data (e.g. line 12: "The frobnicator')
    assert message.endswith(
        'but no entity could be read; rewrite it with "A <thing> has …" sentences, add a Key Entities/Data '
        "Models section, or pass a model file (--model)"
    )
    quoted = shorten(long)
    assert len(quoted) <= 80 and quoted.endswith("…") and f'"{quoted}"' in message
    assert shorten("two\n  lines") == "two lines"


def _analyzed_as(monkeypatch: pytest.MonkeyPatch, extra: list[Assumption]) -> None:
    """The real analyzer, with ``extra`` sentences reported as not understood: the exit code must not
    depend on which sentences today's analyzer happens to report."""
    real = pipeline.analyze_file

    def analyze_file(path: Path, *args: object) -> tuple[DomainModel, SpecDocument]:
        model, doc = real(path, *args)  # type: ignore[arg-type]
        model.not_understood = [*model.not_understood, *extra]
        return model, doc

    monkeypatch.setattr(pipeline, "analyze_file", analyze_file)


def test_cli_refuses_a_spec_whose_data_was_not_understood(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = tmp_path / "901_lorem.md"
    spec.write_text(f"# Feature ID: 901_lorem\n\n## Name: Lorem\n\n### Objective\n{LOREM}\n")
    _analyzed_as(monkeypatch, [Assumption(text=LOREM, source=Source(line=6))])
    result = CliRunner().invoke(app, ["design", str(spec), "--root", str(tmp_path), "--no-verify"])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(
        f'error: {spec}: the spec describes data (e.g. line 6: "{LOREM}") but no entity'
    )
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["901_lorem.md"]  # nothing written


def test_cli_keeps_no_schema_change_for_a_ui_only_spec(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sentence = 'Show a static "About us" page with the company story, team photos and a contact link.'
    _analyzed_as(monkeypatch, [Assumption(text=sentence, source=Source(line=6))])
    result = CliRunner().invoke(
        app, ["design", str(shared_spec("008_about_page.md")), "--root", str(tmp_path), "--no-verify"]
    )
    assert result.exit_code == 0, result.stderr
    doc = (tmp_path / "ai/decisions/008_about_page_database_schema.md").read_text()
    assert "No schema change is needed" in doc
    assert "## Not understood" in doc and sentence in doc


def test_cli_refuses_an_unreadable_spec_with_the_real_analyzer(tmp_path: Path) -> None:
    """No stand-in: today's analyzer reports this sentence (a value noun, no pattern) and finds no entity."""
    sentence = "Lorem: the thing shall foo the price of the baz quickly."
    spec = tmp_path / "901_lorem.md"
    spec.write_text(f"# Feature ID: 901_lorem\n\n## Name: Lorem\n\n### Objective\n{sentence}\n")
    root = tmp_path / "project"
    root.mkdir()
    result = CliRunner().invoke(app, ["design", str(spec), "--root", str(root), "--no-verify"])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f'error: {spec}: the spec describes data (e.g. line 6: "{sentence}") but no entity could be read; '
        'rewrite it with "A <thing> has …" sentences, add a Key Entities/Data Models section, or pass a '
        "model file (--model)"
    ]
    assert not any(root.iterdir())
