"""Prisma, Liquibase formatted SQL and Alembic revisions are discovered with their source lines."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from schemawright.cli import app
from schemawright.review.engine import review_project

TAGS = "CREATE TABLE tags (\n    id BIGINT PRIMARY KEY,\n    name TEXT NOT NULL\n);\n"


def test_prisma_without_down_is_explained(tmp_path: Path) -> None:
    folder = tmp_path / "prisma" / "migrations" / "20240101000000_tags"
    folder.mkdir(parents=True)
    (folder / "migration.sql").write_text(TAGS)
    report = review_project(tmp_path, engine=None)
    [missing] = [f for f in report.findings if f.code == "SW612"]
    assert "Prisma Migrate has no down migrations" in missing.message
    (folder / "down.sql").write_text("DROP TABLE IF EXISTS tags;\n")
    assert "SW612" not in review_project(tmp_path, engine=None).codes()


def test_liquibase_changesets_and_rollbacks(tmp_path: Path) -> None:
    folder = tmp_path / "db" / "changelog"
    folder.mkdir(parents=True)
    (folder / "changelog.sql").write_text(
        "--liquibase formatted sql\n--changeset ann:1\n" + TAGS + "--rollback DROP TABLE tags;\n"
        "--changeset ann:2\nALTER TABLE tags ADD COLUMN slug TEXT NOT NULL;\n"
    )
    report = review_project(tmp_path, engine=None)
    assert report.migrations == ["ann:1", "ann:2"]
    [added] = [f for f in report.findings if f.code == "SW601"]
    assert (added.location.file, added.location.line) == ("db/changelog/changelog.sql", 9)
    assert any(f.code == "SW612" and f.migration == "ann:2" for f in report.findings)


def test_alembic_operations_are_read_statically_and_the_rest_noted(tmp_path: Path) -> None:
    folder = tmp_path / "alembic" / "versions"
    folder.mkdir(parents=True)
    (folder / "b2_age.py").write_text(
        'import sqlalchemy as sa\nfrom alembic import op\n\nrevision = "b2"\ndown_revision = "a1"\n\n'
        "def upgrade():\n"
        '    op.add_column("tags", sa.Column("age", sa.Integer(), nullable=False))\n'
        "    for row in op.get_bind().execute(sa.text('SELECT 1')):\n        pass\n\n"
        'def downgrade():\n    op.drop_column("tags", "age")\n'
    )
    (folder / "a1_tags.py").write_text(
        f'revision = "a1"\ndown_revision = None\n\ndef upgrade():\n    op.execute("""{TAGS}""")\n\n'
        'def downgrade():\n    op.execute("DROP TABLE tags")\n'
    )
    report = review_project(tmp_path, engine=None)
    assert report.migrations == ["a1", "b2"]
    [added] = [f for f in report.findings if f.code == "SW601"]  # NOT NULL column without a default
    assert (added.location.file, added.location.line) == ("alembic/versions/b2_age.py", 8)
    assert "alembic/versions/b2_age.py: upgrade() line 9: not read: a for loop" in report.notes


def test_django_migrations_are_read_statically_from_the_project_root(tmp_path: Path) -> None:
    migs = tmp_path / "shop" / "migrations"
    migs.mkdir(parents=True)
    for folder in (tmp_path / "shop", migs):
        (folder / "__init__.py").write_text("")
    (migs / "0001_initial.py").write_text(
        "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n"
        "    initial = True\n    operations = [\n"
        '        migrations.CreateModel("Order", [("id", models.BigAutoField(primary_key=True))]),\n    ]\n'
    )
    (migs / "0002_total.py").write_text(
        "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n"
        '    dependencies = [("shop", "0001_initial")]\n    operations = [\n'
        '        migrations.AddField("order", "total", models.IntegerField()),\n'
        "        migrations.RunPython(fill_totals),\n    ]\n"
    )
    report = review_project(tmp_path, engine=None)
    assert report.migrations == ["shop.0001_initial", "shop.0002_total"]
    [added] = [f for f in report.findings if f.code == "SW601"]  # NOT NULL column without a default
    assert (added.location.file, added.location.line) == ("shop/migrations/0002_total.py", 7)
    [unread] = [n for n in report.notes if "RunPython" in n]
    assert unread.startswith("shop/migrations/0002_total.py: line 8: not read: RunPython")


def test_python_files_no_tool_reads_are_not_a_silent_pass(tmp_path: Path) -> None:
    """A Django app's migrations without ``__init__.py`` (Django skips them too), or helper scripts: the
    review says nothing was read and exits 2 instead of reporting a clean history."""
    folder = tmp_path / "shop" / "migrations"
    folder.mkdir(parents=True)
    (folder / "0001_initial.py").write_text("from django.db import migrations\n")
    command = ["review", "--root", str(tmp_path), "--migrations-dir", "shop/migrations", "--no-replay"]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 2
    assert "note: No migrations were read from shop/migrations: its 1 Python file(s)" in result.stdout
    assert "error: no migration was read, so nothing was reviewed" in result.stderr
    (folder / "__init__.py").write_text("")  # now Django's: read, nothing to flag
    assert CliRunner().invoke(app, command).exit_code == 0


def test_an_alembic_environment_in_the_application_package_is_reviewed(tmp_path: Path) -> None:
    # pypi/warehouse keeps warehouse/migrations/{env.py,versions/} with no alembic.ini (was: "migrations
    # folder not found: backend/migrations" unless --migrations-dir named it)
    package = tmp_path / "shop"
    folder = package / "migrations" / "versions"
    folder.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "migrations" / "env.py").write_text("from alembic import context\n")
    (folder / "a1_tags.py").write_text(
        f'revision = "a1"\ndown_revision = None\n\ndef upgrade():\n    op.execute("""{TAGS}""")\n\n'
        'def downgrade():\n    op.execute("DROP TABLE tags")\n'
    )
    (folder / "b2_age.py").write_text(
        'import sqlalchemy as sa\nfrom alembic import op\n\nrevision = "b2"\ndown_revision = "a1"\n\n'
        "def upgrade():\n"
        '    op.add_column("tags", sa.Column("age", sa.Integer(), nullable=False))\n\n'
        'def downgrade():\n    op.drop_column("tags", "age")\n'
    )
    report = review_project(tmp_path, engine=None)
    assert report.migrations == ["a1", "b2"]
    [added] = [f for f in report.findings if f.code == "SW601"]
    assert added.location.file == "shop/migrations/versions/b2_age.py"
