"""``design`` on a DBML file, a Mermaid erDiagram and a Prisma schema: each is read as the model through
the structured readers and designs the expected tables and foreign keys, verified on a real engine."""

from __future__ import annotations

from pathlib import Path

import pytest

import schemawright
from tests.corpus_paths import REPO

FILES = REPO / "tests" / "pipeline" / "structured"
# DBML and Prisma reach the model once the reader-based analyzer (domain/analyzer.py + domain/resolve.py)
# is the analyze path; until then the rule-based analyzer reads only Mermaid (XPASS then: drop the mark).
pending = pytest.mark.xfail(reason="DBML/Prisma readers are not in the analyze path yet", strict=False)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("library.dbml", marks=pending),
        "library.mmd",
        pytest.param("library.prisma", marks=pending),
    ],
)
def test_schema_file_designs_tables_and_foreign_keys(name: str, tmp_path: Path) -> None:
    result = schemawright.design(FILES / name, root=tmp_path, feature_id="005_library", write=True)
    [store] = result.stores
    tables = {t.name: t for t in store.tables}
    assert {"members", "books", "loans"} <= set(tables)
    assert {fk.ref_table for fk in tables["loans"].foreign_keys} == {"members", "books"}
    assert result.verification.status == "passed"
    assert (tmp_path / "ai" / "decisions" / "005_library_database_schema.md").exists()


def test_cited_lines_are_the_files_own() -> None:
    model = schemawright.analyze(FILES / "library.mmd")
    lines = (FILES / "library.mmd").read_text().splitlines()
    loan = next(r for r in model.relationships if r.parent == "member")
    assert lines[loan.source.line - 1].strip() == loan.source.text
