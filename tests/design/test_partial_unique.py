"""Partial unique rules render their condition in each engine's own terms."""

from __future__ import annotations

import sqlite3

import pytest

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
from schemawright.emit.sql.ddl import render_migration
from schemawright.emit.sql.dialects import DialectName


def _model() -> DomainModel:
    return DomainModel(
        feature_id="t",
        feature_name="t",
        entities=[
            Entity(name="shop", attributes=[Attribute(name="name", kind=Kind.NAME)]),
            Entity(
                name="shop_address",
                attributes=[
                    Attribute(name="street", kind=Kind.NAME),
                    Attribute(name="is_primary", kind=Kind.BOOLEAN),
                ],
            ),
        ],
        relationships=[
            Relationship(
                child="shop_address", parent="shop", cardinality=Cardinality.MANY_TO_ONE, ownership="owned"
            )
        ],
        uniques=[
            UniqueRule(entity="shop_address", attributes=["shop", "is_primary"], where="is_primary = true")
        ],
    )


@pytest.mark.parametrize(
    ("dialect", "expected"),
    [("postgresql", "is_primary = TRUE"), ("sqlite", "is_primary = 1"), ("mysql", "is_primary = 1")],
)
def test_boolean_condition_uses_the_engines_truth_value(dialect: DialectName, expected: str) -> None:
    design, _ = design_relational(_model(), dialect)
    table = design.table("shop_addresses")
    assert table is not None
    [partial] = [ix for ix in table.indexes if ix.where]
    assert partial.unique and partial.where == expected


def test_partial_unique_is_enforced_on_sqlite() -> None:
    design, _ = design_relational(_model(), "sqlite")
    sql = render_migration(design)
    db = sqlite3.connect(":memory:")
    db.executescript(sql.up)
    db.execute("INSERT INTO shops (id, name) VALUES ('s', 'Corner')")
    insert = "INSERT INTO shop_addresses (id, shop_id, street, is_primary) VALUES (?, 's', 'Main St', ?)"
    db.execute(insert, ("a", 1))
    db.execute(insert, ("b", 0))
    db.execute(insert, ("c", 0))
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(insert, ("d", 1))


def test_owned_self_reference_cascades() -> None:
    model = DomainModel(
        feature_id="t",
        feature_name="t",
        entities=[Entity(name="folder", attributes=[Attribute(name="name", kind=Kind.NAME)])],
        relationships=[
            Relationship(child="folder", parent="folder", role="parent", required=False, ownership="owned")
        ],
    )
    design, _ = design_relational(model, "postgresql")
    folders = design.table("folders")
    assert folders is not None
    [fk] = folders.foreign_keys
    assert fk.columns == ["parent_id"] and fk.on_delete == "CASCADE"
