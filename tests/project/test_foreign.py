"""Django, Knex and migrate-mongo projects are detected; Django gets a RunSQL migration chained to its
latest migration, and the user is told what was and was not read."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from schemawright.pipeline import DesignError, DesignRequest, design, write_outputs
from schemawright.project.detect import detect
from schemawright.project.django_run import database_settings, django_available
from schemawright.project.foreign import find_foreign

SPECS = Path(__file__).parent / "specs"
needs_django = pytest.mark.skipif(
    not django_available(), reason="Django is not installed (pip install django)"
)


USERS_0001 = """from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [
        migrations.CreateModel(
            name="User",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("email", models.TextField(unique=True)),
            ],
            options={"db_table": "users"},
        ),
    ]
"""
USERS_0002 = """from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]
    operations = [
        migrations.AddField("User", "display_name", models.CharField(max_length=80, null=True)),
    ]
"""


def _django(root: Path) -> Path:
    migs = root / "shop" / "migrations"
    migs.mkdir(parents=True)
    (root / "shop" / "__init__.py").write_text("")
    (migs / "__init__.py").write_text("")
    (migs / "0001_initial.py").write_text(USERS_0001)
    (migs / "0002_user_name.py").write_text(USERS_0002)
    return migs


def _trusted(root: Path, pg_url: str) -> DesignRequest:
    """The project's migrations are Python: replaying them needs --trust-python-migrations."""
    return DesignRequest(spec_path=SPECS / "004_teams.md", root=root, postgres_url=pg_url, trust_python=True)


def test_django_is_detected_with_its_migrations(tmp_path: Path) -> None:
    migs = _django(tmp_path)
    found = detect(tmp_path)
    assert found.format == "django" and found.directory == migs
    assert [m.path.stem for m in found.migrations] == ["0001_initial", "0002_user_name"]
    assert found.foreign is not None and (found.foreign.app, found.foreign.latest) == (
        "shop",
        "0002_user_name",
    )


def test_django_settings_map_each_engine() -> None:
    pg = database_settings("postgresql+psycopg://u:p%40w@db.example:5433/app")
    assert pg == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "app",
        "USER": "u",
        "PASSWORD": "p@w",
        "HOST": "db.example",
        "PORT": "5433",
    }
    assert database_settings("mysql+pymysql://root@127.0.0.1:3306/t")["ENGINE"] == "django.db.backends.mysql"
    socket = database_settings("postgresql+psycopg://postgres@/sw?host=%2Ftmp%2Fpg")  # embedded PostgreSQL
    assert (socket["HOST"], socket["NAME"]) == ("/tmp/pg", "sw")
    sqlite = database_settings("sqlite:////tmp/x.db")
    assert sqlite == {"ENGINE": "django.db.backends.sqlite3", "NAME": "/tmp/x.db"}


@needs_django
def test_django_project_is_replayed_extended_and_verified_through_django(tmp_path: Path, pg_url: str) -> None:
    migs = _django(tmp_path)
    outcome = design(_trusted(tmp_path, pg_url))
    result = outcome.result
    report = result.verification.reports[0]
    assert result.verification.status == "passed", result.verification
    names = [s.name for s in report.steps]
    assert names[0] == "prior-1 django migrate shop 0002_user_name" and "up (django migrate shop)" in names
    assert "down (django migrate shop 0002_user_name)" in names and "snapshot-compare" in names
    assert any("replayed with Django itself" in a.text for a in result.assumptions)
    write_outputs(outcome, tmp_path)
    first = (migs / "0003_004_teams.py").read_text()
    ast.parse(first)
    assert "dependencies = [('shop', '0002_user_name')]" in first and "migrations.RunSQL(" in first
    assert "CREATE TABLE teams" in first and "CREATE TABLE users" not in first  # users is referenced
    assert "ALTER TABLE users" in first and "BIGINT" in first
    later = sorted(p.name for p in migs.glob("000[4-9]_*.py"))
    assert later, "the concurrent index and validation get migrations of their own"
    previous = "0003_004_teams"
    for name in later:
        text = (migs / name).read_text()
        ast.parse(text)
        assert f"dependencies = [('shop', {previous!r})]" in text
        previous = name[:-3]
        if "CONCURRENTLY" in text:
            assert "atomic = False" in text
    assert not list(tmp_path.rglob("__pycache__"))  # Django ran without writing into the project
    # Regenerating (--force) replaces the feature's own migrations, chained to the same parent.
    again = design(_trusted(tmp_path, pg_url))
    assert again.result.verification.status == "passed", again.result.verification
    assert sorted(again.replaced) == sorted(migs / n for n in ["0003_004_teams.py", *later])


@needs_django
def test_a_broken_django_migration_names_the_problem(tmp_path: Path, pg_url: str) -> None:
    migs = _django(tmp_path)
    (migs / "0003_broken.py").write_text(
        "from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n"
        "    dependencies = [('shop', '0002_user_name')]\n"
        "    operations = [migrations.RunSQL('CREATE TABLE nope (')]\n"
    )
    with pytest.raises(DesignError, match="django migrate"):
        design(_trusted(tmp_path, pg_url))


def test_without_django_the_user_is_told_how_to_install_it(
    tmp_path: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import schemawright.pipeline
    import schemawright.project.django_run as run
    import schemawright.project.load

    for module in (run, schemawright.pipeline, schemawright.project.load):
        monkeypatch.setattr(module, "django_available", lambda: False)
    migs = _django(tmp_path)
    outcome = design(_trusted(tmp_path, pg_url))
    result = outcome.result
    assert result.verification.status == "passed", result.verification
    assert any("pip install django" in a.text and "not replayed" in a.text for a in result.assumptions)
    write_outputs(outcome, tmp_path)
    assert "dependencies = [('shop', '0002_user_name')]" in (migs / "0003_004_teams.py").read_text()


def test_knex_and_migrate_mongo_are_detected(tmp_path: Path) -> None:
    (tmp_path / "knexfile.js").write_text("module.exports = {};\n")
    knex = find_foreign(tmp_path)
    assert knex is not None and knex.tool == "knex" and knex.directory == tmp_path / "migrations"
    found = detect(tmp_path)
    assert found.format == "knex" and found.foreign == knex and not found.migrations
    (tmp_path / "knexfile.js").unlink()
    (tmp_path / "migrate-mongo-config.js").write_text("module.exports = { migrationsDir: 'mongo' };\n")
    mongo = find_foreign(tmp_path)
    assert mongo is not None and mongo.tool == "migrate-mongo" and mongo.directory == tmp_path / "mongo"


@needs_django
def test_django_apps_inside_a_package_are_installed_by_their_import_name(
    tmp_path: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # real projects keep their apps in a package (`proj/shop`, whose AppConfig names "proj.shop"), and the
    # root is often given relative (was: "No module named 'shop'", then "Cannot import 'proj.shop'")
    (tmp_path / "proj").mkdir()
    (tmp_path / "proj" / "__init__.py").write_text("")
    migs = _django(tmp_path / "proj")
    (tmp_path / "proj" / "shop" / "apps.py").write_text(
        "from django.apps import AppConfig\n\n\nclass ShopConfig(AppConfig):\n    name = 'proj.shop'\n"
    )
    monkeypatch.chdir(tmp_path)
    request = DesignRequest(
        spec_path=SPECS / "004_teams.md", root=Path("."), postgres_url=pg_url, trust_python=True
    )
    result = design(request).result
    assert result.verification.status == "passed", result.verification
    steps = [s.name for s in result.verification.reports[0].steps]
    assert steps[0] == "prior-1 django migrate shop 0002_user_name"
    first = next(f.content for f in result.files if f.path.endswith("0003_004_teams.py"))
    assert "CREATE TABLE users" not in first and "ALTER TABLE users" in first
    assert migs.is_dir()


def test_untrusted_django_migrations_are_read_statically_and_the_design_builds_on_them(
    tmp_path: Path, pg_url: str
) -> None:
    migs = _django(tmp_path)
    trap = 'from pathlib import Path\nPath(__file__).with_name("IMPORTED").write_text("ran")\n'
    for path in migs.glob("000*.py"):
        path.write_text(trap + path.read_text())
    request = DesignRequest(spec_path=SPECS / "004_teams.md", root=tmp_path, postgres_url=pg_url)
    result = design(request).result
    assert not (migs / "IMPORTED").exists()  # nothing of the migrations ran, with or without Django
    assert any("2 were read statically" in a.text for a in result.assumptions)
    assert not any("replayed with Django itself" in a.text for a in result.assumptions)
    assert result.verification.status == "passed", result.verification
    assert result.verification.reports[0].steps[0].name == "prior-1"  # the schema they build, replayed
    migration = next(f.content for f in result.files if f.path.endswith(".py"))
    assert "CREATE TABLE users" not in migration and "ALTER TABLE users" in migration  # users is referenced
    assert "dependencies = [('shop', '0002_user_name')]" in migration


BLOG_0001 = """from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = [migrations.swappable_dependency(settings.AUTH_USER_MODEL)]
    operations = [
        migrations.CreateModel(
            name="Post",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("author", models.ForeignKey(on_delete=models.CASCADE, to=settings.AUTH_USER_MODEL)),
            ],
        ),
    ]
"""


@needs_django
def test_untrusted_design_finds_djangos_own_user_table_and_app_prefixed_tables(
    tmp_path: Path, pg_url: str
) -> None:
    """``User`` is ``auth_user`` (Django's own auth migrations, read statically from the installed
    Django), ``Post`` is ``blog_post``: both referenced, neither created again."""
    migs = tmp_path / "blog" / "migrations"
    migs.mkdir(parents=True)
    for folder in (tmp_path / "blog", migs):
        (folder / "__init__.py").write_text("")
    (migs / "0001_initial.py").write_text(BLOG_0001)
    spec = tmp_path / "comments.md"
    spec.write_text(
        "# Feature ID: 007_comments\n\n## Name: Comments\n\n### Objective\nUsers comment on posts.\n\n"
        "## Database\n\n### Database Type\n- Type: PostgreSQL\n\n#### Tables/Collections Required\n"
        "| Entity | Purpose | Key Fields |\n|--------|---------|------------|\n"
        "| comments | a user's comment on a post | id, post_id, user_id, body |\n\n"
        "#### Entity Relationships\n```\n[Post] 1----* [Comment]\n[User] 1----* [Comment]\n```\n"
    )
    result = design(DesignRequest(spec_path=spec, root=tmp_path, postgres_url=pg_url)).result
    read = "Django's own migrations they depend on (contenttypes, auth) were read too"
    assert any(read in a.text for a in result.assumptions)
    assert result.verification.status == "passed", result.verification
    migration = next(f.content for f in result.files if f.path.endswith(".py"))
    assert "REFERENCES auth_user (id)" in migration and "REFERENCES blog_post (id)" in migration
    assert "CREATE TABLE users" not in migration and "CREATE TABLE posts" not in migration


COMMENTS_SPEC = (
    "# Feature ID: 007_comments\n\n## Name: Comments\n\n### Objective\nUsers comment on posts.\n\n"
    "## Database\n\n### Database Type\n- Type: PostgreSQL\n\n#### Tables/Collections Required\n"
    "| Entity | Purpose | Key Fields |\n|--------|---------|------------|\n"
    "| comments | a user's comment on a post | id, post_id, user_id, body |\n\n"
    "#### Entity Relationships\n```\n[Post] 1----* [Comment]\n[User] 1----* [Comment]\n```\n"
)


@needs_django
def test_new_tables_are_named_as_django_names_them_in_the_migrations_app(tmp_path: Path, pg_url: str) -> None:
    """healthchecks: every table is ``{app}_{model}`` (``api_check``, ``accounts_project``), and the new one
    was ``annotation``; now ``blog_comment``, the table Django gives a ``Comment`` model in ``blog``."""
    migs = tmp_path / "blog" / "migrations"
    migs.mkdir(parents=True)
    for folder in (tmp_path / "blog", migs):
        (folder / "__init__.py").write_text("")
    (migs / "0001_initial.py").write_text(BLOG_0001)
    spec = tmp_path / "comments.md"
    spec.write_text(COMMENTS_SPEC)
    result = design(DesignRequest(spec_path=spec, root=tmp_path, postgres_url=pg_url)).result
    assert result.verification.status == "passed", result.verification
    migration = next(f.content for f in result.files if f.path.endswith(".py"))
    assert "CREATE TABLE blog_comment (" in migration, migration
    assert "REFERENCES auth_user (id)" in migration and "REFERENCES blog_post (id)" in migration
    assert any(a.text.startswith("Tables are named blog_{model}") for a in result.assumptions)


def test_a_django_project_with_tables_of_its_own_names_keeps_the_usual_names(
    tmp_path: Path, pg_url: str
) -> None:
    _django(tmp_path)  # its one model sets db_table = "users"
    result = design(
        DesignRequest(spec_path=SPECS / "004_teams.md", root=tmp_path, postgres_url=pg_url)
    ).result
    migration = next(f.content for f in result.files if f.path.endswith(".py"))
    assert "CREATE TABLE teams" in migration and "shop_team" not in migration
