"""The model file: YAML/JSON round trips exactly, provenance survives as comments, every problem in a bad
file is reported once with its line, and the published JSON Schema is current."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from schemawright.domain.analyze import analyze
from schemawright.domain.model import Attribute, DomainModel, Entity, Kind, Relationship, Source
from schemawright.modelfile.dump import to_json, to_yaml
from schemawright.modelfile.load import ModelFileError, load_model, parse_model
from schemawright.modelfile.provenance import format_source, parse_source
from schemawright.modelfile.schema import model_schema
from schemawright.spec.parser import parse_spec
from tests.corpus_paths import EXAMPLES, REPO


def _login() -> DomainModel:
    spec = EXAMPLES / "001_login.md"
    return analyze(parse_spec(spec.read_text(), source=str(spec)), "001_login", "Login")


def test_yaml_and_json_round_trip_exactly() -> None:
    model = _login()
    assert parse_model(to_yaml(model)) == model
    assert parse_model(to_json(model)) == model


def test_yaml_omits_defaults_and_keeps_provenance_in_comments() -> None:
    said = Source(line=4, text="A member has an email.", rule="prose.has")
    email = Attribute(name="email", kind=Kind.EMAIL, source=said)
    model = DomainModel(
        feature_id="001_x",
        feature_name="X",
        entities=[Entity(name="member", source=said, attributes=[email])],
    )
    text = to_yaml(model)
    assert "required" not in text and "source" not in text
    assert '# spec line 4: rule prose.has — "A member has an email."\n  - name: member' in text
    assert "- {name: email, kind: email}  # spec line 4: rule prose.has\n" in text  # text shared with entity
    assert parse_model(text) == model


@pytest.mark.parametrize(
    "source",
    [
        Source(line=12, rule="prose.has_many"),
        Source(rule="store choice"),
        Source(line=3),
        Source(text='multi\nline "quoted" — text'),
        Source(line=7, text="x", rule="sql.column"),
    ],
)
def test_provenance_comment_round_trips(source: Source) -> None:
    assert parse_source("# " + format_source(source)) == source


def test_ordinary_comments_are_not_provenance() -> None:
    assert parse_source("# remember to ask the product owner") is None
    assert parse_source("# rule") is None


def test_hand_written_yaml_without_comments_loads(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(
        "feature_id: 002_loans\nfeature_name: Loans\nentities:\n"
        "  - name: member\n    attributes:\n      - {name: email, kind: email, unique: true}\n"
        "  - name: loan\n    attributes:\n      - {name: due_on, kind: date}\n"
        "relationships:\n  - {child: loan, parent: member, ownership: history}\n"
    )
    model = load_model(path)
    assert [e.name for e in model.entities] == ["member", "loan"]
    assert model.relationships == [Relationship(child="loan", parent="member", ownership="history")]
    assert model.entities[0].attributes[0].source == Source()


BAD = """\
feature_id: 001_x
feature_name: X
entities:
  - name: user
    attributes:
      - {name: email, kind: email}
      - {name: email, kind: monie}
  - name: user
  - name: book
    requird: false
relationships:
  - {child: loan, parent: user}
  - {child: book, parent: user, cardinality: many_to_few}
uniques:
  - {entity: shelf, attributes: [code]}
declared_stores: [postgres]
"""


def test_bad_model_reports_one_error_per_problem_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "model.yaml"
    path.write_text(BAD)
    with pytest.raises(ModelFileError) as caught:
        load_model(path)
    lines = str(caught.value).splitlines()
    expected = [
        (7, "entities[0].attributes[1].name: duplicate attribute 'email'"),
        (7, "entities[0].attributes[1].kind: 'monie' is not one of"),
        (8, "entities[1].name: duplicate entity 'user'"),
        (10, "entities[2].requird: unknown key 'requird'"),
        (12, "relationships[0].child: unknown entity 'loan'"),
        (13, "relationships[1].cardinality: 'many_to_few' is not one of 'many_to_one'"),
        (15, "uniques[0].entity: unknown entity 'shelf'"),
        (16, "declared_stores[0]: 'postgres' is not one of 'postgresql'"),
    ]
    assert len(lines) == len(expected)
    for line, (number, start) in zip(lines, expected, strict=True):
        assert line.startswith(f"{path}:{number}: {start}"), line


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("feature_id: x\n  bad: [\n", 2, "not valid YAML"),
        ("feature_id: a\nfeature_id: b\nfeature_name: X\n", 2, "duplicate key 'feature_id'"),
        ("- just a list\n", 1, "the model must be a mapping"),
        ("feature_name: X\n", 1, "feature_id: required but missing"),
        ("feature_id: 'bad id'\nfeature_name: X\n", 1, "feature_id 'bad id'"),
        ("", 1, "the file holds no model"),
    ],
)
def test_syntax_and_shape_problems(text: str, line: int, message: str) -> None:
    with pytest.raises(ModelFileError) as caught:
        parse_model(text, "m.yaml")
    assert f"m.yaml:{line}: " in str(caught.value) and message in str(caught.value)


def test_yaml_model_validates_against_the_published_schema() -> None:
    schema = json.loads((REPO / "docs" / "model.schema.json").read_text())
    model = _login()
    jsonschema.validate(yaml.safe_load(to_yaml(model)), schema)
    jsonschema.validate(json.loads(to_json(model)), schema)


def test_published_model_schema_is_current() -> None:
    assert (REPO / "docs" / "model.schema.json").read_text() == model_schema()
