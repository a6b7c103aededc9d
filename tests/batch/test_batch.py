"""``schemawright.batch``: every spec of a folder designed in one process, on real engines."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest

from schemawright.batch import BatchOptions, feature_specs, run_batch, spec_title
from schemawright.io import UsageError
from tests.corpus_paths import EXAMPLES, REPO
from tests.services import POSTGRES, service_url

CORPUS = REPO / "tests" / "corpus"
SPECS = [EXAMPLES / "001_login.md", CORPUS / "103_music.md", CORPUS / "111_mentoring.md"]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    features = root / "ai" / "features"
    features.mkdir(parents=True)
    for spec in SPECS:
        shutil.copy(spec, features / spec.name)
    return root


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> str:
    url = service_url(POSTGRES)
    monkeypatch.setenv(POSTGRES, url)
    return url


def _ups(root: Path) -> list[Path]:
    return sorted((root / "backend" / "migrations").glob("*.up.sql"))


def test_feature_specs_are_the_folder_markdown_files_in_name_order(tmp_path: Path) -> None:
    for name in ("002_b.md", "001_a.md", "README.md", ".hidden.md", "notes.txt", "010_c.markdown"):
        (tmp_path / name).write_text("# x\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "003_d.md").write_text("# x\n")
    assert [p.name for p in feature_specs(tmp_path)] == ["001_a.md", "002_b.md", "010_c.markdown"]


def test_feature_specs_refuses_a_missing_or_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not a folder"):
        feature_specs(tmp_path / "absent")
    with pytest.raises(UsageError, match="no feature specs"):
        feature_specs(tmp_path)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("# Short Links\n\nbody", "Short Links"),
        ("# Feature Specification: Recipe Collections\n", "Recipe Collections"),
        ("# PRD: Long-Term Apartment Rentals\n", "Long-Term Apartment Rentals"),
        ("# Requirements Document\n\n## Glossary\n", None),
        ("# Feature ID: 001_signup\n\n## Name: Signup\n", None),  # the analyzer's '## Name:' rule decides
        ("# Support Tickets\n\n## Name: Helpdesk\n", None),
        ("```\n# not a heading\n```\n\n## Real Title\n", "Real Title"),
        ("no heading at all\n", None),
    ],
)
def test_spec_title(text: str, title: str | None) -> None:
    assert spec_title(text) == title


def test_batch_designs_every_feature_on_one_server_with_ordered_versions(project: Path, server: str) -> None:
    specs = feature_specs(project / "ai" / "features")
    results = run_batch(specs, BatchOptions(root=project))
    assert [r.status for r in results] == ["written"] * 3, [r.error for r in results]
    for r in results:
        assert r.outcome is not None and r.outcome.result.verification.status == "passed"
    ups = _ups(project)
    versions = [p.name.split("_", 1)[0] for p in ups]
    assert len(set(versions)) == len(versions)  # unique
    assert [p.name.split("_", 1)[1] for p in ups][:1] == ["001_login.up.sql"]  # ordered as the folder
    assert {p.name.split("_", 1)[1].removesuffix(".up.sql") for p in ups} >= {r.feature_id for r in results}
    firsts = [next(p for p in ups if p.name.endswith(f"_{r.feature_id}.up.sql")) for r in results]
    assert firsts == sorted(firsts)
    for r in results:
        assert (project / "ai" / "decisions" / f"{r.feature_id}_database_schema.md").is_file()
    assert not (project / ".schemawright").exists()  # the lock and staging area are tidied away


def test_a_failing_feature_does_not_stop_the_others(project: Path) -> None:
    (project / "ai" / "features" / "102_empty.md").write_text("   \n")
    specs = feature_specs(project / "ai" / "features")
    results = run_batch(specs, BatchOptions(root=project, verify=False))
    by_id = {r.feature_id: r for r in results}
    assert by_id["102_empty"].status == "failed" and "empty" in by_id["102_empty"].error
    assert [r.feature_id for r in results if r.ok] == ["001_login", "103_music", "111_mentoring"]
    assert len(_ups(project)) >= 3


def test_rerun_needs_force_and_force_replaces_the_whole_chain(project: Path, server: str) -> None:
    specs = feature_specs(project / "ai" / "features")
    first = run_batch(specs, BatchOptions(root=project))
    assert all(r.ok for r in first)
    before = _ups(project)
    again = run_batch(specs, BatchOptions(root=project))
    assert all(not r.ok and "already exists" in r.error for r in again)
    assert _ups(project) == before
    forced = run_batch(specs, BatchOptions(root=project, force=True))
    # each feature is designed without the later features' old migrations (they are being replaced), so
    # the chain replays and verifies
    assert all(r.ok for r in forced), [r.error for r in forced]
    after = _ups(project)
    assert len(after) == len(before) and not set(after) & set(before)


def test_dry_run_writes_nothing_and_keeps_versions_distinct(project: Path) -> None:
    specs = feature_specs(project / "ai" / "features")
    seen: list[int] = []
    results = run_batch(
        specs,
        BatchOptions(root=project, verify=False, dry_run=True),
        on_start=lambda _, __: seen.append(gc.get_freeze_count()),
    )
    assert [r.status for r in results] == ["dry-run"] * 3
    # what the first feature loaded is kept out of full garbage collections, until the batch ends
    assert seen[0] == 0 and seen[1] > 0 and gc.get_freeze_count() == 0
    assert not (project / "backend").exists() and not (project / "ai" / "decisions").exists()
    stamps = []
    for r in results:
        assert r.outcome is not None
        stamps += [Path(f.path).name[:14] for f in r.outcome.result.files if f.role == "migration-up"]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)


def test_the_feature_name_comes_from_the_spec(project: Path) -> None:
    (project / "ai" / "features" / "104_stock.md").write_text(
        "# Feature Specification: Plant Stock\n\n## Key Entities\n\n"
        "- **Plant**: a plant for sale, with a name and a price.\n"
    )
    results = run_batch(feature_specs(project / "ai" / "features"), BatchOptions(root=project, verify=False))
    names = {r.feature_id: r.name for r in results}
    assert names["104_stock"] == "Plant Stock"
    assert names["001_login"] == "Login"  # its '## Name:' heading
