from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from schemawright.design.models import Column, ForeignKey, LogicalType, RelationalDesign, Table
from schemawright.verify.engines import ScratchDatabase, scratch_database
from schemawright.verify.sample_rows import SampleRowError, insert_sample_rows, insertion_order
from tests.verify.designs import PRIOR, UP, Dialect, shop_design


def test_order_puts_parents_first_and_breaks_cycles_at_the_nullable_fk() -> None:
    names = [t.name for t in insertion_order(shop_design("postgresql"))]
    assert names.index("accounts") < names.index("customers") < names.index("orders")
    assert names.index("teams") < names.index("players")  # teams.captain_id is the nullable side
    assert set(names) == {"accounts", "customers", "orders", "teams", "players"}


def test_not_null_cycle_is_reported_with_the_fix() -> None:
    def table(name: str, ref: str) -> Table:
        return Table(name=name, columns=[
            Column(name="id", type="bigint", logical=LogicalType(name="bigint"), default_kind="identity"),
            Column(name="ref_id", type="bigint", logical=LogicalType(name="bigint")),
        ], foreign_keys=[ForeignKey(name=f"{name}_fk", columns=["ref_id"], ref_table=ref,
                                    ref_columns=["id"])])

    design = RelationalDesign(tables=[table("a", "b"), table("b", "a")])
    with pytest.raises(SampleRowError, match="make one of those foreign keys nullable"):
        insertion_order(design)


def _check_rows(db: ScratchDatabase, dialect: Dialect) -> None:
    db.execute_script(PRIOR[dialect])
    db.execute_script(UP[dialect])
    rows = {r.table: r.stored for r in insert_sample_rows(db, shop_design(dialect))}
    assert list(rows) == [t.name for t in insertion_order(shop_design(dialect))]

    account = next(a for a in db.query("SELECT * FROM accounts") if a["region"] != "eu")  # ours, not the seed
    assert len(account["legacy_code"]) <= 8  # NOT NULL column unknown to the design was filled
    customer = _one(db, "customers")
    assert customer["account_id"] == account["id"]
    assert customer["created_at"] is not None  # left to the database default
    order = _one(db, "orders")
    assert order["customer_id"] == customer["id"]
    assert order["id"] and order["parent_order_id"] is None  # generated uuid; self-reference left NULL
    assert order["status"] in ("pending", "paid", "shipped")
    assert Decimal(0) <= Decimal(str(order["total"])) <= Decimal(10000)
    assert _as_time(order["ends_at"]) > _as_time(order["starts_at"])
    team, player = _one(db, "teams"), _one(db, "players")
    assert team["captain_id"] is None
    assert player["team_id"] == team["id"] == rows["teams"]["id"]
    assert 1 <= player["rating"] <= 5


def _one(db: ScratchDatabase, table: str) -> dict[str, Any]:
    rows = db.query(f"SELECT * FROM {db.quote(table)}")
    assert len(rows) == 1, rows
    return rows[0]


def _as_time(value: Any) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def test_sample_rows_sqlite() -> None:
    with scratch_database("sqlite") as db:
        _check_rows(db, "sqlite")


def test_sample_rows_postgres(postgres_url: str) -> None:
    with scratch_database("postgresql", postgres_url) as db:
        _check_rows(db, "postgresql")


def test_sample_rows_mysql(mysql_url: str) -> None:
    with scratch_database("mysql", mysql_url) as db:
        _check_rows(db, "mysql")


def test_rejected_row_names_table_and_engine_message() -> None:
    with scratch_database("sqlite") as db:
        db.execute_script(PRIOR["sqlite"])
        db.execute_script(UP["sqlite"])
        with pytest.raises(SampleRowError, match="table orders was rejected: CHECK constraint failed"):
            insert_sample_rows(db, shop_design("sqlite", status_values=("archived", "paid")))
