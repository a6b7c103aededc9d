from __future__ import annotations

import pytest

from benchmarks.scoring.match import NameMatcher, assign, bare_table_name, index_column, normalize


@pytest.fixture(scope="module")
def m() -> NameMatcher:
    return NameMatcher()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("copies", "copy"),
        ("branches", "branch"),
        ("statuses", "status"),
        ("people", "person"),
        ("email_verification_tokens", "email_verification_token"),
        ("serialNumber", "serial_number"),
        ("Order_Items", "orderitems"),
        ("serial_numbers", "serialNumber"),
        ("indices", "indexes"),
        ("bonuses", "bonus"),
        ("menus", "menu"),
    ],
)
def test_same_names(m: NameMatcher, a: str, b: str) -> None:
    assert m.same(a, b)
    assert m.same(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("user", "user_profile"),
        ("password", "password_hash"),
        ("ip", "ip_address"),
        ("status", "stat"),
    ],
)
def test_different_names(m: NameMatcher, a: str, b: str) -> None:
    assert not m.same(a, b)


@pytest.mark.parametrize(
    ("name", "variants"),
    [
        ("data", {"data"}),  # not the classical "datum", and a mass noun has no plural
        ("analysis", {"analysis", "analyses"}),  # not "analysi"
        ("bonus", {"bonus", "bonuses"}),  # not "bonu"
        ("indices", {"indices", "index"}),
        ("order_items", {"orderitems", "orderitem"}),
    ],
)
def test_variants_avoid_inflect_quirks(m: NameMatcher, name: str, variants: set[str]) -> None:
    assert m.variants(name) == variants


def test_normalize_removes_underscores_and_case_but_keeps_path_dots() -> None:
    assert normalize("Meta.Sensor_ID") == "meta.sensorid"


def test_rank_prefers_exact_then_earlier_accepted(m: NameMatcher) -> None:
    assert m.rank("users", ["accounts", "users"]) == (0, 1)
    assert m.rank("user", ["users", "accounts"]) == (1, 0)
    assert m.rank("members", ["users"]) is None


@pytest.mark.parametrize(
    ("expr", "column"),
    [
        ("lower(email)", "email"),
        ('LOWER("email")', "email"),
        ("lower(trim(email))", "email"),
        ("created_at DESC", "created_at"),
        ("-created_at", "created_at"),
        ("`code`", "code"),
        ("(lower(email))", "email"),
    ],
)
def test_index_column_peels_expressions(expr: str, column: str) -> None:
    assert index_column(expr) == column


def test_bare_table_name_drops_schema() -> None:
    assert bare_table_name('"public"."users"') == "users"


def test_assign_is_one_to_one_best_first() -> None:
    scores = {("a", "x"): (1,), ("a", "y"): (0,), ("b", "y"): (0,), ("b", "z"): (2,)}
    result = assign(["a", "b"], ["x", "y", "z"], lambda k, i: scores.get((k, i)))
    # "a" takes y (its best, and first in key order among ties); "b" falls back to z.
    assert result == {"a": "y", "b": "z"}
