"""Hostile names (reserved words, unicode, very long names, quotes, semicolons) never break the SQL.

Attribute names go raw, entity names through the domain's ``snake`` (the analyzer never makes an entity
name any other way: they keep reserved words and length), then through the real designer and emitter for
every dialect, and the migration is applied up/down/up on the real engine. Names that an engine
compares as equal (MySQL folds case and accents in column names) are generated distinct, since that is a
duplicate-name problem, not a quoting one.
"""

from __future__ import annotations

import os
import unicodedata

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from schemawright.design.conventions import Conventions, ExistingSchema
from schemawright.design.relational import design_relational
from schemawright.domain.model import (
    Attribute,
    Cardinality,
    DomainModel,
    Entity,
    Kind,
    Relationship,
    UniqueRule,
)
from schemawright.domain.naming import snake
from schemawright.emit.sql.ddl import render_migration
from schemawright.emit.sql.dialects import IDENTIFIER_LIMIT, DialectName, shorten
from schemawright.verify.relational import verify_relational
from tests.services import service_url

RESERVED = ["order", "group", "key", "desc", "user", "select", "table", "index", "from", "where", "check"]
_chars = st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"), max_codepoint=0xFFFF
)
_hostile = (
    st.one_of(
        st.sampled_from(RESERVED),
        st.text(_chars, min_size=1, max_size=12),
        st.text(_chars, min_size=60, max_size=140),
        st.sampled_from(
            [
                "a'b",
                'q"uote',
                "semi;colon",
                "back`tick",
                "drop table x; --",
                "naïve_ünïcødé",
                "日本語の名前",
                "100%",
            ]
        ),
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)


def _key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c)).strip()


_names = st.lists(_hostile, min_size=4, max_size=6, unique_by=_key)


def _model(names: list[str]) -> DomainModel:
    parent, child, *attrs = names
    parent, child = snake(parent) or "parent", snake(child) or "child"
    if parent == child:
        child += "_item"
    return DomainModel(
        feature_id="prop",
        feature_name="prop",
        entities=[
            Entity(name=parent, attributes=[Attribute(name=attrs[0], kind=Kind.NAME, unique=True)]),
            Entity(
                name=child,
                attributes=[Attribute(name=a, kind=Kind.COUNT) for a in attrs[1:]]
                + [Attribute(name=attrs[0], kind=Kind.TEXT)],
            ),
        ],
        relationships=[Relationship(child=child, parent=parent)],
        uniques=[UniqueRule(entity=child, attributes=[attrs[0]], where=f"{attrs[0]} is not null")],
    )


def _url(dialect: DialectName) -> str | None:
    if dialect == "mysql":
        return service_url("SCHEMAWRIGHT_MYSQL_URL")
    if dialect == "postgresql":
        return os.environ.get("SCHEMAWRIGHT_POSTGRES_URL")
    return None


@pytest.mark.parametrize("dialect", ["postgresql", "mysql", "sqlite"])
def test_hostile_names_apply(dialect: DialectName) -> None:
    url = _url(dialect)

    @settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_names)
    @example(["LPT1", "COM1", "name", "total"])  # Windows device names: MariaDB's errno 150 on a foreign key
    def run(names: list[str]) -> None:
        design, _ = design_relational(_model(names), dialect)
        identifiers = [t.name for t in design.tables] + [c.name for t in design.tables for c in t.columns]
        identifiers += [ix.name for t in design.tables for ix in t.indexes]
        assert all(len(i.encode()) <= IDENTIFIER_LIMIT[dialect] for i in identifiers)
        for table in design.tables:
            assert len({_key(c.name) for c in table.columns}) == len(table.columns)
        sql = render_migration(design)
        embedded = dialect == "postgresql" and not url
        report = verify_relational(design, sql.up, sql.down, url=url, embedded=embedded)
        assert report.status == "passed", (report.error, sql.up)

    run()


DEVICE_NAMES = ["lpt1", "COM9", "Con", "nul", "aux", "prn"]


@pytest.mark.parametrize("dialect", ["postgresql", "mysql", "sqlite"])
def test_device_names_are_renamed_on_mysql_only(dialect: DialectName) -> None:
    """MySQL and MariaDB store a table named after a Windows device (CON, LPT1 …) under an altered file
    name and InnoDB then rejects foreign keys to or from it; the MySQL design renames such a new table and
    says so, other engines keep the name."""
    model = DomainModel(
        feature_id="dev",
        feature_name="dev",
        entities=[
            Entity(name="lpt1"),
            Entity(name="tag"),
            Entity(name="com9", attributes=[Attribute(name="label", kind=Kind.NAME)]),
        ],
        relationships=[
            Relationship(child="com9", parent="lpt1"),
            Relationship(child="com9", parent="tag", cardinality=Cardinality.MANY_TO_MANY, through="lpt3"),
        ],
    )
    design, assumptions = design_relational(model, dialect)
    names = sorted(t.name for t in design.tables)
    if dialect == "mysql":
        assert names == ["com9_table", "lpt1_table", "lpt3_table", "tags"]
        fks = {(t.name, fk.ref_table) for t in design.tables for fk in t.foreign_keys}
        assert fks == {("com9_table", "lpt1_table"), ("lpt3_table", "com9_table"), ("lpt3_table", "tags")}
        renamed = [a.text for a in assumptions if "is named" in a.text and "device name" in a.text]
        assert len(renamed) == 3 and any(t.startswith("The table lpt1 is named lpt1_table") for t in renamed)
    else:
        assert names == ["com9", "lpt1", "lpt3", "tags"]
        assert not any("device name" in a.text for a in assumptions)


@pytest.mark.parametrize("name", DEVICE_NAMES)
def test_device_name_tables_apply_on_mysql(name: str) -> None:
    """Up → down → up on the real MySQL/MariaDB with a device-named parent and child (each ran into errno 150
    before: ``Foreign key constraint is incorrectly formed``). Singular table names, as a project that uses
    them gets, so ``con`` is not saved by its plural."""
    url = service_url("SCHEMAWRIGHT_MYSQL_URL")
    other = "lpt2" if name.casefold() != "lpt2" else "com2"
    existing = ExistingSchema(conventions=Conventions(plural_tables=False))
    design, _ = design_relational(_model([name, other, "title", "total"]), "mysql", existing)
    sql = render_migration(design)
    report = verify_relational(design, sql.up, sql.down, url=url)
    assert report.status == "passed", (report.error, sql.up)
    assert sorted(t.name for t in design.tables) == sorted([f"{name.casefold()}_table", f"{other}_table"])


@given(st.text(min_size=1, max_size=300), st.text(min_size=1, max_size=300))
def test_shorten_is_deterministic_and_collision_free(a: str, b: str) -> None:
    for dialect in ("postgresql", "mysql", "sqlite"):
        short_a = shorten(a, dialect)  # type: ignore[arg-type]
        assert short_a == shorten(a, dialect)  # type: ignore[arg-type]
        assert len(short_a.encode()) <= IDENTIFIER_LIMIT[dialect]
        if a != b:
            assert short_a != shorten(b, dialect)  # type: ignore[arg-type]
