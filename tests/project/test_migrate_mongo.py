"""migrate-mongo projects: a MongoDB design is written as one ``{ts}-{ID}.js`` migrate-mongo module whose
up(db)/down(db) create and drop the collections (validators and indexes), and it parses under node.
Running it needs a MongoDB server, which these tests do not have."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from schemawright.pipeline import DesignRequest, design, write_outputs
from schemawright.project.mongo_migrate import node_check, render_module

SPECS = Path(__file__).parent / "specs"


def test_migrate_mongo_project_gets_a_module(tmp_path: Path) -> None:
    (tmp_path / "migrate-mongo-config.js").write_text(
        "module.exports = { mongodb: { url: 'mongodb://localhost' }, migrationsDir: 'mongo-migrations' };\n"
    )
    request = DesignRequest(spec_path=SPECS / "002_notes.md", root=tmp_path, db="mongodb", verify=False)
    outcome = design(request)
    result = outcome.result
    written = [f for f in result.files if f.role != "decision"]
    assert len(written) == 1 and re.fullmatch(r"mongo-migrations/\d{14}-002_notes\.js", written[0].path)
    assert any("migrate-mongo" in a.text and "MongoDB server" in a.text for a in result.assumptions)
    write_outputs(outcome, tmp_path)
    path = tmp_path / written[0].path
    text = path.read_text()
    assert "module.exports = {\n  async up(db) {" in text and "async down(db) {" in text
    up, down = text.split("async down(db)")
    assert "await db.createCollection(" in up and "$jsonSchema" in up and ".createIndex(" in up
    assert "await db.collection(" in down and ".drop();" in down and "createCollection" not in down
    assert "getCollection" not in text
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    assert node_check(path) is None
    done = subprocess.run(
        ["node", "-e", f"const m = require({str(path)!r}); if (typeof m.up !== 'function') process.exit(3);"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_module_from_mongosh_scripts_runs_each_statement_in_order(tmp_path: Path) -> None:
    up = (
        "// header\n"
        'db.createCollection("a", {\n  "validator": {}\n});\n'
        'db.getCollection("a").createIndex({ "x": 1 }, {"name": "idx_a_x"});\n'
    )
    text = render_module(up, 'db.getCollection("a").drop();\n')
    assert text.startswith("// header\n")
    body = text.split("async up(db) {")[1].split("},")[0]
    assert body.index("await db.createCollection") < body.index('await db.collection("a").createIndex')
    (tmp_path / "m.js").write_text(text)
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    assert node_check(tmp_path / "m.js") is None
    (tmp_path / "bad.js").write_text("module.exports = {\n")
    assert node_check(tmp_path / "bad.js")
