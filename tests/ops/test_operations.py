"""Operations by example: what each one writes, what undoes it, and how a down is derived from an up."""

from __future__ import annotations

from pathlib import Path

from pydantic import TypeAdapter

from schemawright.design.conventions import ExistingSchema
from schemawright.design.models import Column, ForeignKey, Index, LogicalType, Policy, RelationalDesign, Table
from schemawright.ops import models as o
from schemawright.ops.feature import plan_feature, render_feature
from schemawright.ops.plan import Step, down_operations, render_step
from schemawright.ops.render import renderer_for
from schemawright.pipeline import DesignRequest, design

UUID = LogicalType(name="uuid")
TEAM_ID = Column(name="team_id", type="UUID", logical=UUID, nullable=True)
FK = ForeignKey(
    name="fk_users_teams", columns=["team_id"], ref_table="teams", ref_columns=["id"], on_delete="SET NULL"
)
TEAMS = Table(
    name="teams",
    columns=[
        Column(name="id", type="UUID", logical=UUID),
        Column(name="name", type="TEXT", logical=LogicalType(name="text")),
    ],
    primary_key=["id"],
    indexes=[Index(name="idx_teams_name", columns=["name"])],
    updated_at_trigger=True,
)


def render(op: o.Operation, dialect: str = "postgresql") -> str:
    return renderer_for(dialect, [TEAMS]).render(op)


def test_create_table_is_undone_by_drop_table_which_keeps_the_table_to_create_it_again() -> None:
    create = o.CreateTable(table=TEAMS)
    assert create.reverse() == o.DropTable(table=TEAMS)
    assert create.reverse().reverse() == create
    assert render(create).startswith("CREATE TABLE teams (\n\tid UUID NOT NULL, ")
    assert render(create.reverse()) == "DROP TABLE IF EXISTS teams;"


def test_a_foreign_key_added_not_valid_is_dropped_by_its_reverse_on_each_engine() -> None:
    add = o.AddForeignKey(table="users", foreign_key=FK, not_valid=True)
    assert render(add) == (
        "ALTER TABLE users ADD CONSTRAINT fk_users_teams FOREIGN KEY(team_id) REFERENCES teams (id) "
        "ON DELETE SET NULL NOT VALID;"
    )
    assert render(add.reverse()) == "ALTER TABLE users DROP CONSTRAINT IF EXISTS fk_users_teams;"
    assert render(add.reverse(), "mysql") == "ALTER TABLE users DROP FOREIGN KEY fk_users_teams;"
    assert "NOT VALID" not in render(add, "mysql")  # only PostgreSQL has it


def test_validating_a_constraint_cannot_be_undone_so_its_reverse_is_a_comment() -> None:
    validate = o.ValidateConstraint(table="users", name="fk_users_teams")
    assert render(validate) == "ALTER TABLE users VALIDATE CONSTRAINT fk_users_teams;"
    assert render(validate.reverse()) == "-- nothing to undo: the constraint is dropped by the feature's down"


def test_a_concurrent_index_runs_outside_a_transaction() -> None:
    index = Index(name="idx_users_team_id", columns=["team_id"])
    build = o.CreateIndex(table="users", index=index, concurrently=True, if_not_exists=True)
    assert not build.transactional and not build.reverse().transactional
    assert o.CreateIndex(table="users", index=index).transactional
    assert render(build) == "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_users_team_id ON users (team_id);"
    assert render(build.reverse()) == "DROP INDEX CONCURRENTLY IF EXISTS idx_users_team_id;"
    assert (
        render(o.CreateIndex(table="users", index=index).reverse(), "mysql")
        == "DROP INDEX idx_users_team_id ON users;"
    )
    assert not Step(operations=[build], compact=True).transactional


def test_a_partitioned_tables_index_is_made_on_only_the_parent_and_in_the_partitions_own_schema() -> None:
    index = Index(name="ix_campaign", columns=["campaign_id"])
    parent = o.CreateIndex(table="page_views", index=index, only=True, if_not_exists=True)
    assert render(parent) == "CREATE INDEX IF NOT EXISTS ix_campaign ON ONLY page_views (campaign_id);"
    leaf = o.CreateIndex(
        table="page_views_2024", table_schema="archive", index=index, concurrently=True, if_not_exists=True
    )
    assert (
        render(leaf)
        == "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_campaign ON archive.page_views_2024 (campaign_id);"
    )
    assert render(leaf.reverse()) == "DROP INDEX CONCURRENTLY IF EXISTS archive.ix_campaign;"
    attach = o.AttachIndexPartition(parent="ix_campaign", index="archive.ix_campaign", root="ix_campaign")
    assert render(attach) == "ALTER INDEX ix_campaign ATTACH PARTITION archive.ix_campaign;"
    # an attached index cannot be detached: the down drops the root, and tells the review why (SW613, SW618)
    comment, drop = render(attach.reverse()).split("\n")
    assert drop == "DROP INDEX IF EXISTS ix_campaign;"
    assert comment.startswith("-- schemawright:ignore SW613, SW618 PostgreSQL cannot detach an attached")


def test_a_supabase_policy_is_created_only_where_auth_exists_and_dropped_by_its_reverse() -> None:
    owner = '(select auth.uid()) = "user_id"'
    policy = Policy(
        name="notes_owner",
        table="notes",
        roles=["authenticated"],
        using=owner,
        with_check=owner,
        guard="supabase",
    )
    sql = render(o.CreatePolicy(policy=policy))
    assert sql.startswith("DO $$\nBEGIN\n  IF to_regprocedure('auth.uid()') IS NOT NULL")
    assert 'EXECUTE \'CREATE POLICY "notes_owner" ON "notes" FOR ALL TO authenticated USING (' in sql
    assert (
        render(o.CreatePolicy(policy=policy).reverse()) == 'DROP POLICY IF EXISTS "notes_owner" ON "notes";'
    )
    plain = render(o.CreatePolicy(policy=policy.model_copy(update={"guard": "none"})))
    assert plain.startswith('CREATE POLICY "notes_owner" ON "notes"') and plain.endswith(";")


def test_operations_are_json() -> None:
    ops: list[o.Operation] = [
        o.CreateTable(table=TEAMS),
        o.AddColumn(table="users", column=TEAM_ID),
        o.AddForeignKey(table="users", foreign_key=FK, not_valid=True),
        o.ValidateConstraint(table="users", name="fk_users_teams"),
        o.CreateIndex(table="users", index=Index(name="ix", columns=["team_id"]), concurrently=True),
    ]
    adapter = TypeAdapter(list[o.Operation])
    data = adapter.dump_python(ops, mode="json")
    assert [d["op"] for d in data] == [
        "create_table",
        "add_column",
        "add_foreign_key",
        "validate_constraint",
        "create_index",
    ]
    assert adapter.validate_python(data) == ops


def test_the_down_is_the_reversed_up_without_what_dropping_the_table_removes() -> None:
    up: list[o.Operation] = [
        o.CreateTable(table=TEAMS),
        o.CreateIndex(table="teams", index=TEAMS.indexes[0]),
        o.CreateUpdatedAtFunction(),
        o.CreateUpdatedAtTrigger(table="teams"),
        o.EnableRowLevelSecurity(table="teams"),
        o.AddColumn(table="users", column=TEAM_ID),
    ]
    assert down_operations(up) == [
        o.DropColumn(table="users", column=TEAM_ID),
        o.DropUpdatedAtTrigger(table="teams"),
        o.DropUpdatedAtFunction(),
        o.DropTable(table=TEAMS),  # takes its index and its row-level security with it
    ]
    up_sql, down_sql = render_step(Step(operations=up), renderer_for("postgresql", [TEAMS]), "-- feature")
    assert up_sql.startswith("-- feature\nSET lock_timeout = '5s';\n\nCREATE TABLE teams")
    assert down_sql == (
        "-- feature\n"
        "ALTER TABLE users DROP COLUMN team_id;\n\n"
        "DROP TRIGGER IF EXISTS trg_teams_updated_at ON teams;\n"
        "DROP FUNCTION IF EXISTS set_updated_at();\n\n"
        "DROP TABLE IF EXISTS teams;\n"
    )


def _users(*, existing: bool) -> Table:
    return Table(
        name="users",
        columns=[Column(name="id", type="UUID", logical=UUID), *([TEAM_ID] if existing else [])],
        primary_key=["id"],
        foreign_keys=[FK] if existing else [],
        indexes=[Index(name="idx_users_team_id", columns=["team_id"])] if existing else [],
        existing=True,
    )


def test_a_link_to_an_existing_table_is_three_safe_migrations_whose_downs_are_derived() -> None:
    design = RelationalDesign(dialect="postgresql", tables=[_users(existing=True), TEAMS])
    before = ExistingSchema(tables=[_users(existing=False)])
    plan = plan_feature(design, before)
    main, validate, index = plan.steps
    assert [type(op) for op in main.operations] == [
        o.CreateTable,
        o.CreateIndex,
        o.CreateUpdatedAtFunction,
        o.CreateUpdatedAtTrigger,
        o.AddColumn,
        o.AddForeignKey,
    ]
    assert (validate.suffix, index.suffix, index.transactional) == ("validate_1", "index_1", False)
    sql, separate = render_feature(plan, design, "-- f")
    assert "ALTER TABLE users ADD COLUMN team_id UUID;" in sql.up
    assert sql.down.startswith(
        "-- f\nALTER TABLE users DROP CONSTRAINT IF EXISTS fk_users_teams;\n"
        "ALTER TABLE users DROP COLUMN team_id;\n\n"
    )
    assert [s.up for s in separate] == [
        "SET lock_timeout = '5s';\nALTER TABLE users VALIDATE CONSTRAINT fk_users_teams;",
        "SET lock_timeout = '5s';\n"
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_users_team_id ON users (team_id);",
    ]
    assert separate[1].down == "DROP INDEX CONCURRENTLY IF EXISTS idx_users_team_id;"
    assert main.reverse().reverse() == main and index.reverse().reverse() == index  # validation: no way back


def test_json_shows_supabase_policies(tmp_path: Path) -> None:
    spec = tmp_path / "010_notes.md"
    spec.write_text(
        "# Notes\n\n## Name: Notes\n\n"
        "A user has an email. A note has a title and a body and belongs to one user.\n\n"
        "## Database\n- Type: Supabase\n"
    )
    result = design(DesignRequest(spec_path=spec, root=tmp_path, verify=False)).result
    store = result.model_dump(mode="json")["stores"][0]
    policies = {p["name"]: p for p in store["policies"]}
    assert policies["notes_owner"]["table"] == "notes" and policies["notes_owner"]["guard"] == "supabase"
    assert policies["notes_owner"]["using"] == '(select auth.uid()) = "user_id"'
    assert all(t["row_level_security"] for t in store["tables"] if not t["existing"])


def test_a_change_to_existing_tables_alone_still_starts_with_lock_timeout() -> None:
    note = Column(name="note", type="TEXT", logical=LogicalType(name="text"), nullable=True)
    users = _users(existing=False)
    design = RelationalDesign(tables=[users.model_copy(update={"columns": [*users.columns, note]})])
    sql, separate = render_feature(plan_feature(design, ExistingSchema(tables=[users])), design, "-- f")
    assert sql.up == "-- f\nSET lock_timeout = '5s';\n\nALTER TABLE users ADD COLUMN note TEXT;\n"
    assert sql.down == "-- f\nALTER TABLE users DROP COLUMN note;\n" and not separate


def test_sqlite_adds_a_foreign_key_to_an_existing_table_with_the_new_column() -> None:
    """SQLite has no ALTER TABLE … ADD CONSTRAINT: a link to an existing table is its new column's own
    REFERENCES clause (allowed because the column defaults to NULL), and the down drops the column."""
    text = LogicalType(name="text")
    users = Table(name="users", columns=[Column(name="id", type="TEXT", logical=text)], primary_key=["id"])
    team_id = Column(name="team_id", type="TEXT", logical=text, nullable=True)
    linked = users.model_copy(
        update={
            "columns": [*users.columns, team_id],
            "foreign_keys": [FK],
            "indexes": [Index(name="idx_users_team_id", columns=["team_id"])],
            "existing": True,
        }
    )
    teams = TEAMS.model_copy(
        update={"columns": [Column(name="id", type="TEXT", logical=text)], "indexes": []}
    )
    design = RelationalDesign(dialect="sqlite", tables=[linked, teams])
    plan = plan_feature(design, ExistingSchema(tables=[users]))
    [main] = plan.steps
    add = next(op for op in main.operations if isinstance(op, o.AddColumn))
    assert add.foreign_key == FK and not any(isinstance(op, o.AddForeignKey) for op in main.operations)
    assert add.reverse() == o.DropColumn(table="users", column=team_id, foreign_key=FK)
    assert add.reverse().reverse() == add and main.reverse().reverse() == main
    sql, separate = render_feature(plan, design)
    assert not separate and "ADD CONSTRAINT" not in sql.up
    assert (
        "ALTER TABLE users ADD COLUMN team_id TEXT CONSTRAINT fk_users_teams REFERENCES teams (id) "
        "ON DELETE SET NULL;\n\nCREATE INDEX idx_users_team_id ON users (team_id);"
    ) in sql.up
    assert sql.down.startswith("DROP INDEX idx_users_team_id;\nALTER TABLE users DROP COLUMN team_id;")
    assert TypeAdapter(o.Operation).validate_python(add.model_dump(mode="json")) == add
    # PostgreSQL keeps its NOT VALID key: the column carries none
    pg = plan_feature(design.model_copy(update={"dialect": "postgresql"}), ExistingSchema(tables=[users]))
    assert all(op.foreign_key is None for op in pg.steps[0].operations if isinstance(op, o.AddColumn))


def test_sqlite_cannot_add_a_foreign_key_to_an_existing_column_and_says_so() -> None:
    text = LogicalType(name="text")
    users = Table(
        name="users",
        columns=[
            Column(name="id", type="TEXT", logical=text),
            Column(name="team_id", type="TEXT", logical=text),
        ],
        primary_key=["id"],
    )
    linked = users.model_copy(update={"foreign_keys": [FK], "existing": True})
    teams = TEAMS.model_copy(
        update={"columns": [Column(name="id", type="TEXT", logical=text)], "indexes": []}
    )
    plan = plan_feature(
        RelationalDesign(dialect="sqlite", tables=[linked, teams]), ExistingSchema(tables=[users])
    )
    assert not any(isinstance(op, o.AddForeignKey | o.AddColumn) for op in plan.steps[0].operations)
    assert any("fk_users_teams (team_id → teams) is not in the migration" in n for n in plan.notes)
