"""False findings found by hand on real histories (issue 10, re-measured): each class as a minimal fixture
of our own, with its relatives that must still be reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemawright.review import review_migration, review_project
from schemawright.review.replay import EngineChoice
from tests.services import POSTGRES, service_url

HEAD = "from datetime import timedelta as td\n\nfrom django.db import migrations, models\n\n\n"
INITIAL = (
    HEAD + "class Migration(migrations.Migration):\n"
    "    initial = True\n"
    "    operations = [\n"
    '        migrations.CreateModel("Tag", [("id", models.AutoField(primary_key=True))]),\n'
    "        migrations.CreateModel(\n"
    '            "Order",\n'
    "            [\n"
    '                ("id", models.AutoField(primary_key=True)),\n'
    '                ("tags", models.ManyToManyField(to="shop.Tag")),\n'
    "            ],\n"
    "        ),\n"
    "        migrations.CreateModel(\n"
    '            "Line",\n'
    "            [\n"
    '                ("id", models.AutoField(primary_key=True)),\n'
    '                ("order", models.ForeignKey(on_delete=models.CASCADE, to="shop.Order")),\n'
    "            ],\n"
    "        ),\n"
    "    ]\n"
)
ADDED = (
    HEAD + "class Migration(migrations.Migration):\n"
    '    dependencies = [("shop", "0001_initial")]\n'
    "    operations = [\n"
    '        migrations.AddField("order", "note", models.CharField(blank=True, max_length=10)),\n'
    '        migrations.AddField("order", "body", models.TextField(blank=True)),\n'
    '        migrations.AddField("order", "grace", models.DurationField(default=td(hours=1))),\n'
    '        migrations.AddField("order", "placed", models.DateTimeField(auto_now_add=True)),\n'
    '        migrations.AddField("order", "paid", models.BooleanField(default=False)),\n'
    '        migrations.AddField("order", "code", models.CharField(max_length=5)),\n'
    '        migrations.AddField("order", "qty", models.IntegerField(blank=True)),\n'
    '        migrations.AddField("order", "memo", models.CharField(max_length=5, null=True)),\n'
    "    ]\n"
)


def django_project(root: Path) -> Path:
    migs = root / "shop" / "migrations"
    migs.mkdir(parents=True)
    for folder in (root / "shop", migs):
        (folder / "__init__.py").write_text("")
    (migs / "0001_initial.py").write_text(INITIAL)
    (migs / "0002_fields.py").write_text(ADDED)
    return root


@pytest.mark.parametrize("replayed", [False, True])
def test_django_adds_a_not_null_field_with_its_effective_default(tmp_path: Path, replayed: bool) -> None:
    """Django's schema editor adds a NOT NULL column with the field's default (a callable or an expression
    too), now for auto_now_add, or "" for a blank text field, and drops it right after: no SW601 for those.
    A field with none of these (``code``; ``qty``, blank but an integer) is still reported."""
    engine = EngineChoice(url=service_url(POSTGRES)) if replayed else None
    report = review_project(django_project(tmp_path), engine=engine)
    if replayed:
        assert report.catalog.startswith("reflected"), report.notes
    added = sorted(f.location.column or "" for f in report.findings if f.code == "SW601")
    assert added == ["code", "qty"], [f.message for f in report.findings if f.code == "SW601"]


def test_django_foreign_keys_have_their_on_delete_in_the_model(tmp_path: Path) -> None:
    """on_delete is required on every Django ForeignKey and Django runs it; the database constraint has none
    by design. SW301 is suppressed where the SQL is generated (and counted as suppressed)."""
    report = review_project(django_project(tmp_path), engine=None)
    assert "SW301" not in report.codes()
    assert report.suppressed >= 3  # Line.order and the join table's two foreign keys
    # hand-written SQL without ON DELETE is still reported
    sql = review_migration(
        "CREATE TABLE a (id INT PRIMARY KEY);\n"
        "CREATE TABLE b (id INT PRIMARY KEY, a_id INT REFERENCES a (id));\n"
        "CREATE INDEX idx_b_a ON b (a_id);\n",
        "DROP TABLE b;\nDROP TABLE a;\n",
        dialect="postgresql",
    )
    assert "SW301" in sql.codes()


@pytest.mark.parametrize("replayed", [False, True])
def test_django_many_to_many_table_indexes_both_foreign_keys(tmp_path: Path, replayed: bool) -> None:
    """Django's auto-created join table has an index on each foreign key column (so no SW201), the first
    one redundant beside the unique pair, as SW202 says."""
    engine = EngineChoice(url=service_url(POSTGRES)) if replayed else None
    report = review_project(django_project(tmp_path), engine=engine)
    assert not [f for f in report.findings if f.code == "SW201"], [f.message for f in report.findings]
    [redundant] = [f for f in report.findings if f.code == "SW202"]
    assert redundant.location.table == "shop_order_tags" and "order_id" in redundant.message
