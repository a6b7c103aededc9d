"""Alembic environments where projects really keep them: ``alembic.ini`` one folder below the root
(``conf/alembic.ini``) naming a script location elsewhere, a ``--migrations-dir`` pointing at the
environment or its ``versions/``, and ``--format alembic`` failing in one line when there is none."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemawright.pipeline import DesignError, DesignRequest, design
from schemawright.project.detect import detect
from schemawright.project.errors import ProjectError

SPECS = Path(__file__).parent / "specs"
USERS = '''"""users"""
from alembic import op

revision = "aaa111"
down_revision = None


def upgrade():
    op.execute("CREATE TABLE users (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email TEXT NOT NULL)")


def downgrade():
    op.execute("DROP TABLE users")
'''


def _project(root: Path) -> Path:
    """``conf/alembic.ini`` whose script_location is ``db/schema`` (no usual folder name, no env.py)."""
    (root / "conf").mkdir(parents=True)
    (root / "conf" / "alembic.ini").write_text(
        "[alembic]\nscript_location = %(here)s/../db/schema\n", encoding="utf-8"
    )
    versions = root / "db" / "schema" / "versions"
    versions.mkdir(parents=True)
    (versions / "aaa111_users.py").write_text(USERS, encoding="utf-8")
    return versions


def test_alembic_ini_one_folder_down_is_found(tmp_path: Path) -> None:
    versions = _project(tmp_path)
    found = detect(tmp_path)
    assert found.format == "alembic" and found.directory == versions
    assert [m.version for m in found.migrations] == ["aaa111"]
    assert detect(tmp_path, fmt="alembic").directory == versions


@pytest.mark.parametrize("folder", ["db/schema/versions", "db/schema", "conf"])
def test_migrations_dir_names_the_environment(tmp_path: Path, folder: str) -> None:
    versions = _project(tmp_path)
    found = detect(tmp_path, tmp_path / folder, "alembic")
    assert found.format == "alembic" and found.directory == versions
    assert found.alembic is not None and [m.version for m in found.migrations] == ["aaa111"]


def test_format_alembic_without_an_environment_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "sql").mkdir()
    with pytest.raises(ProjectError, match="not an Alembic environment") as exc:
        detect(tmp_path, tmp_path / "sql", "alembic")
    assert "\n" not in str(exc.value)
    with pytest.raises(DesignError, match=r"no alembic\.ini") as err:
        design(DesignRequest(spec_path=SPECS / "002_notes.md", root=tmp_path, migration_format="alembic"))
    assert "\n" not in str(err.value)


def test_a_revision_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    versions = _project(tmp_path)
    (versions / "bbb222_bad.py").write_bytes(b'revision = "bbb222"\ndown_revision = "aaa111"\n# \xff\n')
    with pytest.raises(ProjectError, match=r"bbb222_bad\.py: not UTF-8"):
        detect(tmp_path, fmt="alembic")


def test_feature_extends_the_conf_alembic_chain(tmp_path: Path, pg_url: str) -> None:
    versions = _project(tmp_path)
    result = design(
        DesignRequest(
            spec_path=SPECS / "002_notes.md",
            root=tmp_path,
            migration_format="alembic",
            postgres_url=pg_url,
            trust_python=True,
        )
    ).result
    assert result.verification.status == "passed", result.verification
    revision = next(f for f in result.files if f.role == "migration")
    assert revision.path.startswith(str(versions.relative_to(tmp_path)))
    assert "down_revision = 'aaa111'" in revision.content and "CREATE TABLE users" not in revision.content


def test_first_revision_of_a_fresh_environment_verifies(tmp_path: Path, pg_url: str) -> None:
    (tmp_path / "alembic" / "versions").mkdir(parents=True)
    (tmp_path / "alembic.ini").write_text("[alembic]\nscript_location = alembic\n", encoding="utf-8")
    result = design(
        DesignRequest(
            spec_path=SPECS / "002_notes.md",
            root=tmp_path,
            migration_format="alembic",
            postgres_url=pg_url,
            trust_python=True,
        )
    ).result
    assert result.verification.status == "passed", result.verification  # alembic_version is no leftover


def test_merged_branches_are_one_head(tmp_path: Path) -> None:
    # a merge revision's down_revision is a tuple: every parent it names is joined, not only the first
    # (was: "Alembic has 2 heads" on a history whose branches were merged long ago)
    versions = _project(tmp_path)
    for name, parent in [("bbb222", '"aaa111"'), ("ccc333", '"aaa111"'), ("ddd444", '("bbb222", "ccc333")')]:
        (versions / f"{name}_step.py").write_text(f'revision = "{name}"\ndown_revision = {parent}\n')
    found = detect(tmp_path)
    assert [m.version for m in found.migrations] == ["aaa111", "bbb222", "ccc333", "ddd444"]


def test_a_src_layout_ini_with_a_package_location_is_found(tmp_path: Path) -> None:
    # src/{package}/alembic.ini naming `package:db/revisions` (was: not found, so a new golang-migrate
    # folder was started and the project's tables were created again, with exit 0)
    package = tmp_path / "src" / "app"
    versions = package / "db" / "revisions" / "versions"
    versions.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "alembic.ini").write_text("[alembic]\nscript_location = app:db/revisions\n")
    (versions / "aaa111_users.py").write_text(USERS, encoding="utf-8")
    found = detect(tmp_path)
    assert found.format == "alembic" and found.directory == versions


def test_an_ini_naming_several_environments_asks_which(tmp_path: Path) -> None:
    # `alembic --name core|tenant`: no default environment, so the design must not guess one
    (tmp_path / "src" / "app").mkdir(parents=True)
    (tmp_path / "src" / "app" / "alembic.ini").write_text(
        "[core]\nscript_location = %(here)s/core\n\n[tenant]\nscript_location = %(here)s/tenant\n"
    )
    with pytest.raises(
        ProjectError, match=r"names 2 Alembic environments \(\[core\] .*\[tenant\] .*--migrations-dir"
    ):
        detect(tmp_path)


ENV_PY = "from alembic import context\n\n# the application sets script_location in code (no alembic.ini)\n"


@pytest.mark.parametrize("base", ["", "src/"])
def test_an_environment_in_the_application_package_is_found(tmp_path: Path, base: str) -> None:
    # pypi/warehouse: warehouse/migrations/env.py + versions/, configured by `warehouse db`, no alembic.ini
    # (was: not found, so a golang-migrate folder was started in backend/migrations and the project's
    # tables were created again, with exit 0)
    package = tmp_path / base / "shop"
    versions = package / "migrations" / "versions"
    versions.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "migrations" / "env.py").write_text(ENV_PY)
    (versions / "aaa111_users.py").write_text(USERS, encoding="utf-8")
    found = detect(tmp_path)
    assert found.format == "alembic" and found.directory == versions
    assert [m.version for m in found.migrations] == ["aaa111"]


def test_a_package_folder_named_migrations_without_alembic_is_not_taken(tmp_path: Path) -> None:
    # a package's migrations/ that is not Alembic's (no env.py using it) does not make an Alembic project
    package = tmp_path / "shop"
    (package / "migrations" / "versions").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "migrations" / "env.py").write_text("print('setup')\n")
    assert detect(tmp_path).format != "alembic"


def test_feature_extends_an_alembic_chain_in_the_package(tmp_path: Path, pg_url: str) -> None:
    package = tmp_path / "shop"
    versions = package / "migrations" / "versions"
    versions.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "migrations" / "env.py").write_text(ENV_PY)
    (versions / "aaa111_users.py").write_text(USERS, encoding="utf-8")
    result = design(
        DesignRequest(spec_path=SPECS / "002_notes.md", root=tmp_path, postgres_url=pg_url)
    ).result
    assert result.verification.status == "passed", result.verification
    revision = next(f for f in result.files if f.role == "migration")
    assert revision.path.startswith("shop/migrations/versions/"), revision.path
    assert "down_revision = 'aaa111'" in revision.content and "CREATE TABLE users" not in revision.content
    assert "REFERENCES users (id)" in revision.content
