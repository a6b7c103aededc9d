"""Relational metrics and every relational check kind, on hand-written designs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from benchmarks.scoring.gold import Gold, load_gold
from benchmarks.scoring.metrics import CheckResult, SpecScore
from benchmarks.scoring.score import score_design
from tests.corpus_paths import shared_spec
from tests.scoring.builders import design, fk, gold, index, relational, table


def signup_design(**overrides: Any) -> dict[str, Any]:
    """A good design for 001_signup; ``overrides`` replace whole tables by name."""
    users = table(
        "users",
        "email",
        "password_hash BYTEA",
        "display_name",
        "email_verified_at TIMESTAMPTZ",
        "accepted_terms_version",
        "terms_accepted_at TIMESTAMPTZ",
        indexes=[index("lower(email)", unique=True)],
    )
    tokens = table(
        "email_verification_tokens",
        "user_id BIGINT",
        "token_hash BYTEA",
        "expires_at TIMESTAMPTZ",
        "used_at TIMESTAMPTZ",
        fks=[fk("user_id", "users", "CASCADE")],
        indexes=[index("user_id")],
        unique=[["token_hash"]],
    )
    tables = {"users": users, "email_verification_tokens": tokens, **overrides}
    return design(relational(*[t for t in tables.values() if t is not None]))


@pytest.fixture(scope="module")
def signup_gold() -> Gold:
    return load_gold(shared_spec("gold/001_signup.yaml"))


def check(score: SpecScore, kind: str) -> CheckResult:
    found = [c for c in score.checks if c.kind == kind]
    assert len(found) == 1, [c.kind for c in score.checks]
    return found[0]


def test_good_signup_design_scores_perfectly(signup_gold: Gold, tmp_path: Path) -> None:
    score = score_design(signup_design(), signup_gold, tmp_path)
    assert (score.entities.tp, score.entities.fp, score.entities.fn) == (2, 0, 0)
    assert (score.attributes.tp, score.attributes.fp, score.attributes.fn) == (9, 0, 0)
    assert score.relationships.f1 == 1.0
    assert [c for c in score.checks if not c.passed] == []
    assert check(score, "unique_on").reason.startswith("index")  # found through lower(email)


def test_flawed_signup_design_is_penalised(signup_gold: Gold, tmp_path: Path) -> None:
    users = table("users", "email", "password", "nickname", "display_name")  # no unique, plain password
    users["columns"] = [c for c in users["columns"] if c["name"] != "updated_at"]
    tokens = table("tokens", "token", "user_id BIGINT", fks=[fk("user_id", "users")])  # unindexed FK
    score = score_design(design(relational(users, tokens)), signup_gold, tmp_path)
    assert score.entities.missed == ["email_verification_token"]
    assert score.entities.spurious == ["tokens"]
    assert score.attributes.spurious == ["users.password", "users.nickname"]
    assert score.relationships.missed == ["email_verification_token -> user (table not found)"]
    failed = {c.kind for c in score.checks if not c.passed}
    assert failed == {"forbid_column", "unique_on", "timestamps", "fk_indexed"}


def test_entity_precision_ignores_optional_junction_and_partition_tables(tmp_path: Path) -> None:
    g = gold(
        entities={"post": {"tables": ["posts"]}, "tag": {"tables": ["tags"]}, "view": {"tables": ["views"]}},
        optional_entities=["drafts"],
        relationships=[{"many_to_many": ["post", "tag"]}],
    )
    d = design(
        relational(
            table("posts"),
            table("tags"),
            table("post_tags", "post_id", "tag_id", fks=[fk("post_id", "posts"), fk("tag_id", "tags")]),
            table("views", partition={"method": "range", "column": "created_at"}),
            table("views_2026_01"),
            table("drafts"),
            table("audit_events"),
            table("users", existing=True),
        )
    )
    score = score_design(d, g, tmp_path)
    assert (score.entities.tp, score.entities.fp, score.entities.fn) == (3, 1, 0)
    assert score.entities.spurious == ["audit_events"]
    assert (score.relationships.tp, score.relationships.fp, score.relationships.fn) == (1, 0, 0)


def test_attributes_skip_bookkeeping_but_count_accepted_fk_and_timestamp_columns(tmp_path: Path) -> None:
    g = gold(
        entities={
            "member": {"tables": ["members"]},
            "log": {
                "tables": ["access_logs"],
                "attributes": {"accessor": ["accessed_by", "user_id"], "at": ["accessed_at", "created_at"]},
            },
        },
        relationships=[{"from": "log", "to": "member"}],
    )
    logs = table("access_logs", "member_id BIGINT", "user_id BIGINT", "deleted_at", "reason")
    logs["foreign_keys"] = [fk("member_id", "members"), fk("user_id", "members")]
    score = score_design(design(relational(table("members"), logs)), g, tmp_path)
    # accessor ← user_id (an FK column) and at ← created_at (a timestamp) are hits; member_id is an FK
    # and deleted_at/id/updated_at are bookkeeping; only "reason" is an unexpected attribute.
    assert (score.attributes.tp, score.attributes.fp, score.attributes.fn) == (2, 1, 0)
    assert score.attributes.spurious == ["access_logs.reason"]
    # two foreign keys between the same tables are one edge
    assert (score.relationships.tp, score.relationships.fp) == (1, 0)


def test_relationships_count_reversed_and_unexpected_edges(tmp_path: Path) -> None:
    g = gold(
        entities={"order": {"tables": ["orders"]}, "customer": {"tables": ["customers"]}},
        relationships=[{"from": "order", "to": "customer"}],
    )
    d = design(
        relational(
            table("orders"),
            table("customers", "order_id BIGINT", fks=[fk("order_id", "orders")]),
        )
    )
    score = score_design(d, g, tmp_path)
    assert score.relationships.missed == ["order -> customer"]
    assert score.relationships.spurious == ["customers -> orders"]
    assert score.relationships.f1 == 0.0


def test_many_to_many_needs_a_junction_not_a_plain_foreign_key(tmp_path: Path) -> None:
    g = gold(
        entities={"post": {"tables": ["posts"]}, "tag": {"tables": ["tags"]}},
        relationships=[{"many_to_many": ["post", "tag"]}],
    )
    d = design(relational(table("posts", "tag_id", fks=[fk("tag_id", "tags")]), table("tags")))
    score = score_design(d, g, tmp_path)
    assert score.relationships.missed == ["post <-> tag"]
    assert score.relationships.spurious == ["posts -> tags"]


def test_self_many_to_many_needs_two_foreign_keys(tmp_path: Path) -> None:
    g = gold(entities={"user": {"tables": ["users"]}}, relationships=[{"many_to_many": ["user", "user"]}])
    follows = table("follows", fks=[fk("follower_id", "users"), fk("followed_id", "users")])
    score = score_design(design(relational(table("users"), follows)), g, tmp_path)
    assert score.relationships.tp == 1
    assert score.entities.fp == 0  # the junction is not a spurious entity
    one_fk = table("follows", fks=[fk("follower_id", "users")])
    assert score_design(design(relational(table("users"), one_fk)), g, tmp_path).relationships.tp == 0


BETWEEN = {
    "entities": {"invoice_line": {"tables": ["invoice_lines"]}, "job": {"tables": ["jobs"]}},
    "relationships": [{"between": ["invoice_line", "job"]}],
}


@pytest.mark.parametrize(
    "tables",
    [
        [table("invoice_lines", "job_id", fks=[fk("job_id", "jobs")]), table("jobs")],
        [
            table("invoice_lines"),
            table("jobs", "invoice_line_id", fks=[fk("invoice_line_id", "invoice_lines")]),
        ],
    ],
    ids=["from-first", "from-second"],
)
def test_between_is_found_in_either_direction(tables: list[dict[str, Any]], tmp_path: Path) -> None:
    score = score_design(design(relational(*tables)), gold(**BETWEEN), tmp_path)
    assert (score.relationships.tp, score.relationships.fp, score.relationships.fn) == (1, 0, 0)


def test_between_is_found_through_a_junction_that_is_no_spurious_entity(tmp_path: Path) -> None:
    link = table("invoice_line_jobs", fks=[fk("invoice_line_id", "invoice_lines"), fk("job_id", "jobs")])
    score = score_design(
        design(relational(table("invoice_lines"), table("jobs"), link)), gold(**BETWEEN), tmp_path
    )
    assert (score.relationships.tp, score.relationships.fp, score.relationships.fn) == (1, 0, 0)
    assert score.entities.fp == 0


def test_between_without_any_link_is_missed(tmp_path: Path) -> None:
    score = score_design(design(relational(table("invoice_lines"), table("jobs"))), gold(**BETWEEN), tmp_path)
    assert score.relationships.missed == ["invoice_line -- job"]
    unresolved = gold(entities=BETWEEN["entities"], relationships=[{"between": ["invoice_line", "ledger"]}])
    score = score_design(design(relational(table("invoice_lines"), table("jobs"))), unresolved, tmp_path)
    assert score.relationships.missed == ["invoice_line -- ledger (table not found)"]


def test_entity_mapping_prefers_the_better_name(tmp_path: Path) -> None:
    g = gold(
        entities={
            "cook": {"tables": ["cooks", "users"]},
            "member": {"tables": ["members", "users"]},
        }
    )
    score = score_design(design(relational(table("users"), table("member"))), g, tmp_path)
    # "member" takes the table "member" (plural variant of its first choice) and leaves users to cook
    assert score.entities.tp == 2


# ---------------------------------------------------------------- check kinds, inline gold

PEOPLE = {"person": {"tables": ["people"]}, "team": {"tables": ["teams"]}}


def run_check(spec: dict[str, Any], *tables: dict[str, Any], root: Path) -> CheckResult:
    g = gold(entities=PEOPLE, checks=[spec])
    score = score_design(design(relational(*tables)), g, root)
    return next(c for c in score.checks if c.kind == spec["kind"])


CASES: list[tuple[str, dict[str, Any], dict[str, Any], dict[str, Any]]] = [
    (
        "forbid_column",
        {"kind": "forbid_column", "entity": "person", "columns": ["password"]},
        table("people", "password_hash BYTEA"),
        table("people", "passwords"),
    ),
    (
        "unique_on",
        {"kind": "unique_on", "entity": "person", "columns": ["team_id", "email"]},
        table("people", "team_id", "email", unique=[["team_id", "email"]]),
        table("people", "team_id", "email", "nick", unique=[["email", "nick"]]),
    ),
    (
        "partial_unique",
        {"kind": "partial_unique", "entity": "person", "columns": ["badge"]},
        table("people", "badge", indexes=[index("badge", unique=True, where="left_at IS NULL")]),
        table("people", "badge", unique=[["badge"]]),
    ),
    (
        "unique_or_exclusion_on (exclusion)",
        {"kind": "unique_or_exclusion_on", "entity": "person", "columns": ["desk", "starts_at", "ends_at"]},
        table(
            "people",
            "desk",
            "starts_at",
            "ends_at",
            checks=["EXCLUDE USING gist (desk WITH =, tstzrange(starts_at, ends_at) WITH &&)"],
        ),
        table("people", "desk", "starts_at", "ends_at", indexes=[index(["desk", "starts_at"])]),
    ),
    (
        "unique_or_exclusion_on (unique)",
        {"kind": "unique_or_exclusion_on", "entity": "person", "columns": ["desk", "starts_at"]},
        table("people", "desk", "starts_at", indexes=[index(["desk", "starts_at"], unique=True)]),
        table("people", "desk", "starts_at", "name", unique=[["desk", "name"]]),
    ),
    (
        "numeric_type",
        {"kind": "numeric_type", "entity": "person", "columns": ["salary"]},
        table("people", "salary NUMERIC(12,2)"),
        table("people", "salary DOUBLE PRECISION"),
    ),
    (
        "not_plain_type (encrypted name)",
        {"kind": "not_plain_type", "entity": "person", "columns": ["iban"]},
        table("people", "iban_encrypted TEXT"),
        table("people", "iban VARCHAR(34)"),
    ),
    (
        "not_plain_type (binary)",
        {"kind": "not_plain_type", "entity": "person", "columns": ["national_id"]},
        table("people", "national_id VARBINARY(256)"),
        table("people", "national_id_hash TEXT"),
    ),
    (
        "check_constraint",
        {"kind": "check_constraint", "entity": "person"},
        table("people", "age INTEGER", checks=["age >= 0"]),
        table("people", "age INTEGER"),
    ),
    (
        "index_leading",
        {"kind": "index_leading", "entity": "person", "columns": ["team_id"]},
        table("people", "team_id", indexes=[index(["team_id", "created_at"])]),
        table("people", "team_id", indexes=[index(["created_at", "team_id"])]),
    ),
    (
        "index_leading (lower)",
        {"kind": "index_leading", "entity": "person", "columns": ["email"]},
        table("people", "email", indexes=[index("lower(email)", unique=True)]),
        table("people", "email", indexes=[index("lower(name)")]),
    ),
    (
        "timestamps",
        {"kind": "timestamps", "entity": "person"},
        table("people"),
        {
            **table("people"),
            "columns": [{"name": "id", "type": "BIGINT"}, {"name": "created_at", "type": "X"}],
        },
    ),
    (
        "has_columns_any",
        {"kind": "has_columns_any", "entity": "person", "columns": ["deleted_at", "archived_at"]},
        table("people", "archived_at"),
        table("people", "removed"),
    ),
    (
        "partitioned",
        {"kind": "partitioned", "entity": "person"},
        table("people", partition={"method": "range", "column": "created_at"}),
        table("people"),
    ),
]


@pytest.mark.parametrize(("name", "spec", "good", "bad"), CASES, ids=[c[0] for c in CASES])
def test_table_check_kinds(name: str, spec: dict[str, Any], good: Any, bad: Any, tmp_path: Path) -> None:
    passed = run_check(spec, good, table("teams"), root=tmp_path)
    assert passed.passed, passed.reason
    failed = run_check(spec, bad, table("teams"), root=tmp_path)
    assert not failed.passed
    assert failed.reason


def test_entity_check_without_a_table_fails(tmp_path: Path) -> None:
    result = run_check({"kind": "check_constraint", "entity": "person"}, table("teams"), root=tmp_path)
    assert not result.passed
    assert result.reason == "no table for person"


def test_unknown_check_kind_fails(tmp_path: Path) -> None:
    result = run_check({"kind": "made_up"}, table("people"), root=tmp_path)
    assert (result.passed, result.reason) == (False, "unknown check kind 'made_up'")


def test_on_delete(tmp_path: Path) -> None:
    spec = {"kind": "on_delete", "from": "person", "to": "team", "rule": ["CASCADE", "SET NULL"]}
    cascade = table("people", fks=[fk("team_id", "teams", "CASCADE")], indexes=[index("team_id")])
    restrict = table("people", fks=[fk("team_id", "teams", "RESTRICT")], indexes=[index("team_id")])
    assert run_check(spec, cascade, table("teams"), root=tmp_path).passed
    result = run_check(spec, restrict, table("teams"), root=tmp_path)
    assert not result.passed
    assert "RESTRICT" in result.reason
    assert not run_check(spec, table("people"), table("teams"), root=tmp_path).passed  # no FK at all


def test_fk_indexed(tmp_path: Path) -> None:
    spec = {"kind": "fk_indexed"}
    by_index = table("people", fks=[fk("team_id", "teams")], indexes=[index(["team_id", "name"])])
    by_pk = table("people", fks=[fk("team_id", "teams")], pk=["team_id", "id"])
    only_partial = table("people", fks=[fk("team_id", "teams")], indexes=[index("team_id", where="x")])
    second_column = table("people", fks=[fk("team_id", "teams")], indexes=[index(["name", "team_id"])])
    assert run_check(spec, by_index, table("teams"), root=tmp_path).passed
    assert run_check(spec, by_pk, table("teams"), root=tmp_path).passed
    assert not run_check(spec, only_partial, table("teams"), root=tmp_path).passed
    result = run_check(spec, second_column, table("teams"), root=tmp_path)
    assert (result.passed, result.reason) == (False, "unindexed foreign keys: people(team_id)")


def test_store_check_reports_dialect(tmp_path: Path) -> None:
    g = gold(dialect="mysql", entities=PEOPLE)
    d = design(relational(table("people"), dialect="postgresql"))
    score = score_design(d, g, tmp_path)
    assert not check(score, "store").passed
    assert check(score_design(d, g, tmp_path, check_dialect=False), "store").passed
    mysql = design(relational(table("people"), dialect="mysql"))
    assert check(score_design(mysql, g, tmp_path), "store").passed
