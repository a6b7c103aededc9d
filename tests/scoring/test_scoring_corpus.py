from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.scoring.corpus import CorpusScore, render_table, score_corpus, spec_files
from benchmarks.scoring.metrics import Counts, SpecScore
from tests.corpus_paths import shared_spec
from tests.scoring.builders import design, fk, index, relational, table

NOTES_GOLD = """\
store: relational
dialect: postgresql
existing: 002_notes_existing
entities:
  note: {tables: [notes], attributes: {body: [body]}}
relationships:
  - {from: note, to: user}
reuse_existing: [users]
checks:
  - {kind: fk_indexed}
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[Path]:
    """A read-only corpus: a plain spec, a spec with an existing project, a spec without gold."""
    root = tmp_path / "corpus"
    (root / "gold").mkdir(parents=True)
    (root / "001_empty.md").write_text("# About page\n")
    (root / "gold" / "001_empty.yaml").write_text("store: none\nexpect_no_tables: true\n")
    (root / "002_notes.md").write_text("# Notes\n")
    (root / "gold" / "002_notes.yaml").write_text(NOTES_GOLD)
    migrations = root / "002_notes_existing" / "db"
    migrations.mkdir(parents=True)
    (migrations / "001.up.sql").write_text("CREATE TABLE users (id BIGINT PRIMARY KEY);\n")
    (root / "003_draft.md").write_text("# no gold yet\n")
    (root / "README.md").write_text("not a spec\n")
    for dirpath, _, files in os.walk(root):
        for name in files:
            os.chmod(os.path.join(dirpath, name), stat.S_IRUSR)
        os.chmod(dirpath, stat.S_IRUSR | stat.S_IXUSR)
    yield root
    for dirpath, _, _ in os.walk(root):
        os.chmod(dirpath, stat.S_IRWXU)


def notes_run(spec: Path, root: Path) -> dict[str, Any]:
    """A stand-in pipeline: checks it got a writable copy of the project and writes a migration."""
    if spec.stem == "001_empty":
        return design()
    assert (root / "db" / "001.up.sql").is_file()
    (root / "db" / "002.up.sql").write_text("CREATE TABLE notes (id BIGINT PRIMARY KEY);\n")
    notes = table("notes", "user_id BIGINT", "body", fks=[fk("user_id", "users")], indexes=[index("user_id")])
    return design(
        relational(table("users", existing=True), notes),
        files=[{"path": "db/002.up.sql", "role": "migration-up"}],
        verification={"status": "passed", "reports": [{"engine": "postgresql", "status": "passed"}]},
    )


def test_spec_files_pairs_specs_with_gold(corpus: Path) -> None:
    assert [s.name for s, _ in spec_files(corpus)] == ["001_empty.md", "002_notes.md"]


def test_score_corpus_designs_in_writable_copies(corpus: Path) -> None:
    result = score_corpus(corpus, notes_run)
    assert [s.spec for s in result.specs] == ["001_empty", "002_notes"]
    notes = result.specs[1]
    assert (notes.entities.f1, notes.attributes.f1, notes.relationships.f1) == (1.0, 1.0, 1.0)
    assert notes.verified == "yes"
    assert (result.checks_passed, result.checks_total) == (4, 4)  # no-tables, store, fk_indexed, reuse
    assert not (corpus / "002_notes_existing" / "db" / "002.up.sql").exists()


def test_a_crashing_run_is_reported_not_raised(corpus: Path) -> None:
    def crash(spec: Path, root: Path) -> dict[str, Any]:
        raise RuntimeError(f"cannot parse {spec.name}")

    result = score_corpus(corpus, crash)
    assert [s.error for s in result.specs] == [
        "RuntimeError: cannot parse 001_empty.md",
        "RuntimeError: cannot parse 002_notes.md",
    ]
    assert result.specs[1].entities.recall == 0.0
    text = render_table(result)
    assert "Errors:\n  001_empty: RuntimeError: cannot parse 001_empty.md" in text


def test_overall_is_micro_averaged() -> None:
    big = SpecScore(spec="big", entities=Counts(tp=9, fp=0, fn=1))
    small = SpecScore(spec="small", entities=Counts(tp=0, fp=1, fn=1))
    total = CorpusScore(specs=[big, small]).entities
    # per-spec recall 0.9 and 0.0 would average to 0.45; summed counts give 9 / 11
    assert total.recall == pytest.approx(9 / 11)
    assert total.precision == pytest.approx(9 / 10)


def test_render_table_rows_and_failures(corpus: Path) -> None:
    def wrong(spec: Path, root: Path) -> dict[str, Any]:
        return design(relational(table("notes", "user_id", fks=[fk("user_id", "users")])))

    result = score_corpus(corpus, wrong) + score_corpus(corpus, notes_run)
    lines = render_table(result, details=True).splitlines()
    assert lines[0].split() == [
        "spec", "ent", "P", "ent", "R", "ent", "F1", "attr", "P", "attr", "R", "attr", "F1",
        "rel", "P", "rel", "R", "rel", "F1", "checks", "verified",
    ]  # fmt: skip
    assert lines[2].split() == ["001_empty", "0.00", "-", "-", "-", "-", "-", "-", "-", "-", "0/1", "-"]
    overall = next(line for line in lines if line.startswith("overall")).split()
    assert overall[-3:] == ["6/8", "(75%)", "1/4"]  # wrong run 2/4 (no-tables, fk_indexed fail)
    assert "  002_notes  fk_indexed [*]: unindexed foreign keys: notes(user_id)" in lines
    assert "    extra entity: notes" in lines


def test_real_corpus_with_an_empty_design() -> None:
    corpus = shared_spec("gold").parent
    result = score_corpus(corpus, lambda spec, root: design())
    assert len(result.specs) == len(list((corpus / "gold").glob("*.yaml")))
    about = next(s for s in result.specs if s.spec == "008_about_page")
    assert about.failed_checks == []
    assert result.entities.tp == 0
