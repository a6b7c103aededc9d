"""On real engines: the up of a plan, then its derived down, then the up again, leaves the catalog exactly as
after the first up, and the down leaves it exactly as before. Designs are generated (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemawright.design.conventions import ExistingSchema
from schemawright.design.models import Column, ForeignKey, Index, LogicalType, RelationalDesign, Table
from schemawright.ops.feature import plan_feature, render_feature
from schemawright.verify.engines import scratch_database
from tests.ops.strategies import designs
from tests.round_trips import up_down_up
from tests.services import service_url

URLS = {"postgresql": "SCHEMAWRIGHT_POSTGRES_URL", "mysql": "SCHEMAWRIGHT_MYSQL_URL"}
SLOW = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=12)


def _url(dialect: str) -> str | None:
    return service_url(URLS[dialect]) if dialect in URLS else None


@pytest.mark.parametrize("dialect", ["postgresql", "mysql", "sqlite"])
def test_new_tables_up_down_up_restores_the_catalog(dialect: str) -> None:
    url = _url(dialect)

    @SLOW
    @given(designs(dialect))
    def check(design: RelationalDesign) -> None:
        sql, separate = render_feature(plan_feature(design), design, "-- generated")
        assert not separate  # new tables need no migration of their own
        with scratch_database(dialect, url) as db:  # type: ignore[arg-type]
            up_down_up(db, [sql.up], [sql.down])

    check()


UUID, BIGINT = LogicalType(name="uuid"), LogicalType(name="bigint")


def _accounts(*, team: bool, note: bool, index: bool) -> Table:
    columns = [
        Column(name="id", type="BIGINT", logical=BIGINT, default_kind="identity"),
        Column(name="name", type="TEXT", logical=LogicalType(name="text")),
    ]
    if team:
        columns.append(Column(name="team_id", type="BIGINT", logical=BIGINT))  # NOT NULL: added nullable
    if note:
        columns.append(
            Column(
                name="flagged",
                type="BOOLEAN",
                logical=LogicalType(name="boolean"),
                default="false",
                default_kind="literal",
            )
        )
    fk = ForeignKey(name="fk_accounts_teams", columns=["team_id"], ref_table="teams", ref_columns=["id"])
    return Table(
        name="accounts",
        columns=columns,
        primary_key=["id"],
        foreign_keys=[fk] if team else [],
        indexes=[Index(name="idx_accounts_team_id", columns=["team_id"])] if team and index else [],
        existing=True,
    )


@pytest.mark.parametrize("dialect", ["postgresql", "mysql", "sqlite"])
def test_changes_to_an_existing_table_with_rows_are_undone_by_their_derived_downs(dialect: str) -> None:
    url = _url(dialect)
    base = RelationalDesign(dialect=dialect, tables=[_accounts(team=False, note=False, index=False)])  # type: ignore[arg-type]
    teams = Table(
        name="teams",
        columns=[Column(name="id", type="BIGINT", logical=BIGINT, default_kind="identity")],
        primary_key=["id"],
    )
    prior, _ = render_feature(
        plan_feature(
            base.model_copy(update={"tables": [base.tables[0].model_copy(update={"existing": False})]})
        ),
        base,
    )

    @settings(deadline=None, max_examples=6)
    @given(st.booleans(), st.booleans(), st.booleans())
    def check(team: bool, note: bool, index: bool) -> None:
        design = RelationalDesign(
            dialect=dialect,
            tables=[_accounts(team=team, note=note, index=index), teams],  # type: ignore[arg-type]
        )
        plan = plan_feature(design, ExistingSchema(tables=[base.tables[0]]))
        sql, separate = render_feature(plan, design, "-- generated")
        with scratch_database(dialect, url) as db:  # type: ignore[arg-type]
            db.execute_script(prior.up)
            db.execute("INSERT INTO accounts (name) VALUES ('existing row')")
            up_down_up(db, [sql.up, *(s.up for s in separate)], [sql.down, *(s.down for s in separate)])

    check()


def test_a_new_table_refers_to_an_existing_table_in_another_schema() -> None:
    """Reflection names a table outside the default schema ``schema.table``; the key refers to it there."""
    invoices = Table(
        name="billing.invoices",
        columns=[Column(name="id", type="BIGINT", logical=BIGINT)],
        primary_key=["id"],
        existing=True,
    )
    payments = Table(
        name="payments",
        columns=[
            Column(name="id", type="BIGINT", logical=BIGINT, default_kind="identity"),
            Column(name="invoice_id", type="BIGINT", logical=BIGINT),
        ],
        primary_key=["id"],
        foreign_keys=[
            ForeignKey(
                name="fk_payments_invoices",
                columns=["invoice_id"],
                ref_table="billing.invoices",
                ref_columns=["id"],
            )
        ],
    )
    design = RelationalDesign(dialect="postgresql", tables=[invoices, payments])
    sql, _ = render_feature(plan_feature(design, ExistingSchema(tables=[invoices])), design)
    assert "REFERENCES billing.invoices (id)" in sql.up
    with scratch_database("postgresql", _url("postgresql")) as db:
        db.execute_script("CREATE SCHEMA billing;\nCREATE TABLE billing.invoices (id bigint PRIMARY KEY);")
        up_down_up(db, [sql.up], [sql.down])
