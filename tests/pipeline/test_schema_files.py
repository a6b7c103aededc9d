"""``design`` on a DBML file, a Mermaid erDiagram and a Prisma schema: each is read as the model through
its structured reader and the resolver, designs the expected tables and foreign keys, and verifies on a
real PostgreSQL (``$SCHEMAWRIGHT_POSTGRES_URL``, else the shared embedded one)."""

from __future__ import annotations

from pathlib import Path

import pytest

import schemawright
from schemawright.design.models import RelationalDesign
from tests.corpus_paths import REPO
from tests.services import service_url

FILES = REPO / "tests" / "pipeline" / "structured"
NAMES = ["library.dbml", "library.mmd", "library.prisma"]


@pytest.mark.parametrize("name", NAMES)
def test_schema_file_designs_tables_and_foreign_keys(name: str, tmp_path: Path) -> None:
    url = service_url("SCHEMAWRIGHT_POSTGRES_URL")
    result = schemawright.design(
        FILES / name, root=tmp_path, feature_id="005_library", postgres_url=url, write=True
    )
    [store] = result.stores
    assert isinstance(store, RelationalDesign)
    tables = {t.name: t for t in store.tables}
    assert {"members", "books", "loans"} <= set(tables)
    assert {fk.ref_table for fk in tables["loans"].foreign_keys} == {"members", "books"}
    assert result.verification.status == "passed"
    assert (tmp_path / "ai" / "decisions" / "005_library_database_schema.md").exists()


@pytest.mark.parametrize("name", NAMES)
def test_cited_lines_are_the_files_own(name: str) -> None:
    model = schemawright.analyze(FILES / name)
    lines = (FILES / name).read_text().splitlines()
    loan = next(r for r in model.relationships if r.parent == "member")
    assert lines[loan.source.line - 1].strip() == loan.source.text
    for entity in model.entities:
        assert lines[entity.source.line - 1].strip() == entity.source.text
        for attr in entity.attributes:
            if attr.source.line:
                assert lines[attr.source.line - 1].strip() == attr.source.text


def test_prisma_datasource_declares_the_store() -> None:
    assert schemawright.analyze(FILES / "library.prisma").declared_stores == ["postgresql"]


def test_schema_file_without_a_table_is_a_usage_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.dbml"
    empty.write_text("// nothing here yet\n")
    with pytest.raises(schemawright.UsageError, match="no table or model found"):
        schemawright.analyze(empty)
