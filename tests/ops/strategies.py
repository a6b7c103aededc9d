"""Hypothesis strategies: operations over small names (reserved words included, so quoting is exercised)
and whole new-table designs that real engines accept."""

from __future__ import annotations

from hypothesis import strategies as st

from schemawright.design.models import Column, ForeignKey, Index, LogicalType, Policy, RelationalDesign, Table
from schemawright.ops import models as o

NAMES = st.sampled_from(["alpha", "beta", "order", "user", "select", "notes", "team_id", "Mixed"])
TYPES = [
    LogicalType(name="integer"),
    LogicalType(name="bigint"),
    LogicalType(name="varchar", length=40),
    LogicalType(name="numeric", precision=10, scale=2),
    LogicalType(name="boolean"),
    LogicalType(name="date"),
    LogicalType(name="text"),
    LogicalType(name="json"),
    LogicalType(name="timestamptz"),
]
INDEXABLE = {"integer", "bigint", "varchar", "numeric", "boolean", "date", "timestamptz"}

columns = st.builds(
    Column, name=NAMES, type=st.just("T"), logical=st.sampled_from(TYPES), nullable=st.booleans()
)
indexes = st.builds(
    Index, name=NAMES, columns=st.lists(NAMES, min_size=1, max_size=2, unique=True), unique=st.booleans()
)
foreign_keys = st.builds(
    ForeignKey,
    name=NAMES,
    columns=st.lists(NAMES, min_size=1, max_size=1),
    ref_table=NAMES,
    ref_columns=st.just(["id"]),
    on_delete=st.sampled_from(["CASCADE", "RESTRICT", "SET NULL", "NO ACTION"]),
)
tables = st.builds(
    Table,
    name=NAMES,
    columns=st.lists(columns, max_size=3),
    foreign_keys=st.lists(foreign_keys, max_size=2),
    indexes=st.lists(indexes, max_size=2),
)
policies = st.builds(
    Policy,
    name=NAMES,
    table=NAMES,
    roles=st.lists(NAMES, min_size=1, max_size=2),
    guard=st.sampled_from(["none", "supabase"]),
)
schemas = st.sampled_from(["", "archive"])

# Every operation whose reverse is an operation of its own (ValidateConstraint's is a NoOp: nothing undoes
# a validation).
involutive_operations: st.SearchStrategy[o.Operation] = st.one_of(
    st.builds(o.CreateTable, table=tables),
    st.builds(o.DropTable, table=tables),
    st.builds(o.CreatePartition, table=NAMES, parent=NAMES),
    st.builds(o.DropPartition, table=NAMES, parent=NAMES),
    st.builds(o.AddColumn, table=NAMES, column=columns),
    st.builds(o.DropColumn, table=NAMES, column=columns),
    st.builds(o.AddForeignKey, table=NAMES, foreign_key=foreign_keys, not_valid=st.booleans()),
    st.builds(o.DropForeignKey, table=NAMES, foreign_key=foreign_keys, not_valid=st.booleans()),
    st.builds(
        o.CreateIndex,
        table=NAMES,
        index=indexes,
        concurrently=st.booleans(),
        only=st.booleans(),
        if_not_exists=st.booleans(),
        table_schema=schemas,
    ),
    st.builds(
        o.DropIndex,
        table=NAMES,
        index=indexes,
        concurrently=st.booleans(),
        only=st.booleans(),
        if_exists=st.booleans(),
        table_schema=schemas,
    ),
    st.builds(o.AttachIndexPartition, parent=NAMES, index=NAMES, root=NAMES),
    st.builds(o.DetachIndexPartition, parent=NAMES, index=NAMES, root=NAMES),
    st.just(o.CreateUpdatedAtFunction()),
    st.just(o.DropUpdatedAtFunction()),
    st.builds(o.CreateUpdatedAtTrigger, table=NAMES),
    st.builds(o.DropUpdatedAtTrigger, table=NAMES),
    st.builds(o.EnableRowLevelSecurity, table=NAMES),
    st.builds(o.DisableRowLevelSecurity, table=NAMES),
    st.builds(o.CreatePolicy, policy=policies),
    st.builds(o.DropPolicy, policy=policies),
    st.builds(o.NoOp, note=st.text(max_size=20)),
)
operations: st.SearchStrategy[o.Operation] = st.one_of(
    involutive_operations, st.builds(o.ValidateConstraint, table=NAMES, name=NAMES)
)

# -- designs real engines accept --------------------------------------------------------------------------
TABLE_NAMES = ["accounts", "order", "user", "teams", "select"]
NOW = {"postgresql": "now()", "mysql": "CURRENT_TIMESTAMP(6)", "sqlite": "CURRENT_TIMESTAMP"}


@st.composite
def designs(draw: st.DrawFn, dialect: str) -> RelationalDesign:
    """1–4 new tables, each with a bigint identity key, a few typed columns, nullable references to any of
    the tables (itself, one created before or after it: a cycle is allowed), indexes on indexable columns,
    and an ``updated_at`` kept by a trigger or the column."""
    names = draw(st.lists(st.sampled_from(TABLE_NAMES), min_size=1, max_size=4, unique=True))
    out: list[Table] = []
    for name in names:
        cols = [Column(name="id", type="T", logical=LogicalType(name="bigint"), default_kind="identity")]
        usable = [t for t in TYPES if dialect != "sqlite" or t.name != "varchar"]  # STRICT: no VARCHAR
        for i, logical in enumerate(draw(st.lists(st.sampled_from(usable), max_size=3))):
            cols.append(Column(name=f"c{i}", type="T", logical=logical, nullable=draw(st.booleans())))
        fks: list[ForeignKey] = []
        for ref in draw(st.lists(st.sampled_from(names), max_size=2, unique=True)):
            column = f"{ref}_id"
            cols.append(Column(name=column, type="T", logical=LogicalType(name="bigint"), nullable=True))
            fks.append(
                ForeignKey(
                    name=f"fk_{name}_{ref}",
                    columns=[column],
                    ref_table=ref,
                    ref_columns=["id"],
                    on_delete="SET NULL",
                )
            )
        trigger = draw(st.booleans())
        if trigger:
            cols.append(
                Column(
                    name="updated_at",
                    type="T",
                    logical=LogicalType(name="timestamptz"),
                    default=NOW[dialect],
                    default_kind="now",
                )
            )
        indexable = [c.name for c in cols[1:] if c.logical.name in INDEXABLE]
        ixs = (
            [
                Index(
                    name=f"ix_{name}_{'_'.join(on)}",
                    columns=on,
                    unique=draw(st.booleans()),
                    descending=on[-1:] if draw(st.booleans()) else [],
                )
                for on in draw(
                    st.lists(
                        st.lists(st.sampled_from(indexable), min_size=1, max_size=2, unique=True),
                        max_size=2,
                        unique_by=tuple,
                    )
                )
            ]
            if indexable
            else []
        )
        out.append(
            Table(
                name=name,
                columns=cols,
                primary_key=["id"],
                foreign_keys=fks,
                indexes=list({ix.name: ix for ix in ixs}.values()),
                updated_at_trigger=trigger,
            )
        )
    return RelationalDesign(dialect=dialect, tables=out)  # type: ignore[arg-type]
