"""Times of day ("an opening time (HH:MM)", "a shift start time of day", declared type `time`) are TIME
columns that verify up → down → up. Each sentence is written for this test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from schemawright.design.document import design_document
from schemawright.domain.analyze import analyze
from schemawright.domain.model import Kind
from schemawright.pipeline import DesignRequest, design
from schemawright.spec.parser import parse_spec
from tests.services import service_url

BAKERY = """# Bakery hours

## Requirements

- A bakery has a name, an opening time (HH:MM) and a closing time of day.
- A baker has a full name and a shift start time of day.
- A baker belongs to one bakery.
"""

SHOWS = """# Puppet theatre

## Data Model

| Field | Type | Constraints |
|---|---|---|
| title | string | required |
| curtain_up | time | required |
"""


def _run(tmp_path: Path, db: str, url: str | None = None) -> dict[str, Any]:
    spec = tmp_path / "bakery.md"
    spec.write_text(BAKERY)
    outcome = design(DesignRequest(spec_path=spec, root=tmp_path, db=db, postgres_url=url))
    return outcome.result.model_dump(mode="json")


def test_time_words_are_time_of_day() -> None:
    model = analyze(parse_spec(BAKERY), "t", "t")
    bakery, baker = model.entity("bakery"), model.entity("baker")
    assert bakery is not None and baker is not None
    assert {a.name: a.kind for a in bakery.attributes}.items() >= {
        "opening_time": Kind.TIME,
        "closing_time": Kind.TIME,
    }.items()
    assert baker.attribute("shift_start_time") is not None
    assert baker.attribute("shift_start_time").kind is Kind.TIME  # type: ignore[union-attr]


def test_declared_time_type_is_time_of_day() -> None:
    model = analyze(parse_spec(SHOWS), "t", "t")
    attrs = {a.name: a.kind for e in model.entities for a in e.attributes}
    assert attrs.get("curtain_up") is Kind.TIME


def test_mongodb_validator_takes_hh_mm_strings() -> None:
    model = analyze(parse_spec(BAKERY), "t", "t")
    doc, _ = design_document(model)
    [coll] = [c for c in doc.collections if c.name == "bakeries"]
    node = coll.validator["$jsonSchema"]["properties"]["opening_time"]
    assert node["bsonType"] == "string" and node["pattern"].startswith("^")


def _check(result: dict[str, Any], rendered: str) -> None:
    verification = result["verification"]
    assert verification["status"] == "passed", verification
    found = _find_column(result, "bakeries", "opening_time")
    assert found["type"] == rendered


def _find_column(result: dict[str, Any], table: str, column: str) -> dict[str, Any]:
    for store in result["stores"]:
        for t in store.get("tables") or []:
            if t["name"] == table:
                return dict(next(c for c in t["columns"] if c["name"] == column))
    raise AssertionError(f"no {table}.{column}")


def test_time_column_verifies_on_sqlite(tmp_path: Path) -> None:
    _check(_run(tmp_path, "sqlite"), "TEXT")


def test_time_column_verifies_on_postgresql(tmp_path: Path) -> None:
    url = service_url("SCHEMAWRIGHT_POSTGRES_URL")
    _check(_run(tmp_path, "postgresql", url), "TIME")


def test_time_column_verifies_on_mysql(tmp_path: Path) -> None:
    service_url("SCHEMAWRIGHT_MYSQL_URL")
    _check(_run(tmp_path, "mysql"), "TIME(0)")
