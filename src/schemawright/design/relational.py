"""DomainModel → RelationalDesign: tables, keys, foreign keys, uniques, checks, indexes, partitions.

Every element carries the spec line or the rule that produced it, so the decision document can
explain it.
"""

from __future__ import annotations

from collections.abc import Iterator

from schemawright.design.conventions import Conventions, ExistingSchema
from schemawright.design.identifiers import fit_column_names
from schemawright.design.models import (
    Check,
    Column,
    ForeignKey,
    Index,
    LogicalType,
    Partition,
    RelationalDesign,
    Table,
    UniqueConstraint,
)
from schemawright.design.relational_types import nullable, physical
from schemawright.domain.model import (
    Assumption,
    Attribute,
    Cardinality,
    CheckRule,
    DomainModel,
    Entity,
    Kind,
    Relationship,
    Source,
)
from schemawright.domain.naming import plural, singular
from schemawright.emit.sql.dialects import DialectName, dialect_for

PARTITION_ROWS_PER_MONTH = 10_000_000


class _Ctx:
    def __init__(
        self, model: DomainModel, dialect: DialectName, existing: ExistingSchema, conventions: Conventions
    ) -> None:
        self.model = model
        self.sql = dialect_for(dialect)
        self.existing = existing
        self.conv = conventions
        self.assumptions: list[Assumption] = []
        self.tables: dict[str, Table] = {}  # entity name → table
        self.taken: dict[str, Table] = {}  # existing table name → this design's own deep copy of it
        self.attr_columns: dict[tuple[str, str], str] = {}  # (entity, attribute) → column

    def q(self, ident: str) -> str:
        return self.sql.quote(ident)

    def col(self, logical: LogicalType, name: str, **kw: object) -> Column:
        return Column.model_validate(
            {"name": name, "type": self.sql.type_sql(logical), "logical": logical, **kw}
        )

    def name(self, text: str) -> str:
        return self.sql.shorten(text)

    def new_table_name(self, name: str, source: Source | None = None) -> str:
        """``name`` for a table the design creates, renamed (and said under Assumptions) when the engine
        cannot use it for a table (``SqlDialect.safe_table_name``: MySQL's device names such as ``lpt1``)."""
        safe = self.sql.safe_table_name(name)
        if safe == name:
            return name
        taken = {t.name for t in self.tables.values()} | {t.name for t in self.existing.tables}
        base, n = safe, 2
        while safe in taken:
            safe, n = self.name(f"{base}_{n}"), n + 1
        self.assume(f"The table {name} is named {safe} instead: {self.sql.unsafe_table_reason}", source)
        return safe

    def take(self, found: Table) -> Table:
        """The design's own copy of the existing table ``found``, one per table: the design adds columns,
        keys and indexes to the tables it takes over, and the project's schema must stay as it was."""
        if found.name not in self.taken:
            self.taken[found.name] = found.model_copy(deep=True)
        return self.taken[found.name]

    def assume(self, text: str, source: Source | None = None) -> None:
        if all(a.text != text for a in self.assumptions):
            self.assumptions.append(Assumption(text=text, source=source or Source()))


def design_relational(
    model: DomainModel,
    dialect: DialectName = "postgresql",
    existing: ExistingSchema | None = None,
) -> tuple[RelationalDesign, list[Assumption]]:
    """The design of ``model``'s tables on top of the project's ``existing`` schema, which is only read:
    an entity mapped to an existing table gets a copy of it (copied once, when taken over)."""
    existing = existing or ExistingSchema()
    ctx = _Ctx(model, dialect, existing, existing.conventions)
    for entity in model.entities:
        _entity_table(ctx, entity)
    _break_required_cycles(ctx)
    for rel in model.relationships:
        _relationship(ctx, rel)
    _share_scope_columns(ctx)
    for rule in model.uniques:
        _unique_rule(ctx, rule.entity, rule.attributes, rule.where, rule.source)
    for check in model.checks:
        _check_rule(ctx, check)
    _access_indexes(ctx)
    _partitions(ctx)
    for table in ctx.tables.values():
        if not table.existing:
            _fk_indexes(table, ctx)
    design = RelationalDesign(dialect=dialect, tables=_ordered(list(ctx.tables.values())))
    fit_column_names(design)
    for note in ctx.sql.adapt_design(design, ctx.conv.updated_at):  # what the engine lacks (MySQL)
        ctx.assume(note.text, note.source)
    return design, ctx.assumptions


# -- tables ------------------------------------------------------------------------------------------


def _table_name(ctx: _Ctx, entity: str) -> str:
    if ctx.conv.django_app:  # Django's default db_table: app label + the model's name in lower case
        return ctx.name(f"{ctx.conv.django_app}_{singular(entity).replace('_', '')}")
    return ctx.name(plural(entity) if ctx.conv.plural_tables else singular(entity))


def _key_logical(ctx: _Ctx) -> LogicalType:
    return LogicalType(name="uuid") if ctx.conv.key_type == "uuid" else LogicalType(name="bigint")


def _entity_table(ctx: _Ctx, entity: Entity) -> None:
    name = _table_name(ctx, entity.name)
    found = (
        ctx.existing.table(name)
        or ctx.existing.table(entity.name)
        or (ctx.existing.table(entity.existing_table) if entity.existing_table else None)
        or ctx.existing.table_of_model(entity.name)
    )
    if found is not None:
        ctx.tables[entity.name] = ctx.take(found).model_copy(update={"existing": True, "entity": entity.name})
        ctx.assume(
            f"{entity.name} maps to the existing table {found.name}; it is referenced, not recreated.",
            entity.source,
        )
        for attr in entity.attributes:
            ctx.attr_columns[(entity.name, attr.name)] = attr.name
        return
    table = Table(
        name=ctx.new_table_name(name, entity.source),
        entity=entity.name,
        purpose=entity.description,
        source=entity.source,
        updated_at_trigger=ctx.conv.updated_at_trigger,
    )
    table.columns.append(_id_column(ctx))
    table.primary_key = ["id"]
    for attr in entity.attributes:
        _attribute_column(ctx, entity, table, attr)
    _timestamps(ctx, table, entity.soft_delete)
    ctx.tables[entity.name] = table


def _id_column(ctx: _Ctx) -> Column:
    if ctx.conv.key_type == "uuid":
        default = ctx.sql.uuid_default
        return ctx.col(
            LogicalType(name="uuid"),
            "id",
            default=default,
            default_kind="uuid" if default else "none",
            source=Source(rule="every table has a UUID primary key (public-facing ids)"),
        )
    return ctx.col(
        LogicalType(name="bigint"),
        "id",
        default_kind="identity",
        source=Source(rule="the project's existing tables use bigint identity keys"),
    )


def _timestamps(ctx: _Ctx, table: Table, soft_delete: bool) -> None:
    now = ctx.sql.now
    ts = LogicalType(name="timestamptz")
    rule = Source(rule="every table has created_at and updated_at")
    for column in (ctx.conv.created_at, ctx.conv.updated_at):
        if table.column(column) is None:
            table.columns.append(ctx.col(ts, column, default=now, default_kind="now", source=rule))
    if soft_delete and table.column(ctx.conv.deleted_at) is None:
        table.columns.append(
            ctx.col(
                ts,
                ctx.conv.deleted_at,
                nullable=True,
                source=Source(rule="soft delete: the spec keeps deleted rows"),
            )
        )


def _attribute_column(ctx: _Ctx, entity: Entity, table: Table, attr: Attribute) -> None:
    phys = physical(attr)
    if table.column(phys.name) is not None:
        return
    column = ctx.col(
        phys.logical,
        phys.name,
        nullable=nullable(attr, phys.name),
        comment=phys.note,
        enum_values=attr.enum_values,
        minimum=phys.minimum,
        maximum=phys.maximum,
        max_length=phys.max_length,
        sensitive=attr.sensitivity,
        source=attr.source,
    )
    if phys.default is not None and not column.nullable:
        column.default, column.default_kind = phys.default, "literal"
    if entity.time_attribute == attr.name and phys.logical.name == "timestamptz":
        # the moment the row's event happened: always known, and "now" when the row is written
        column.nullable, column.default, column.default_kind = False, ctx.sql.now, "now"
    table.columns.append(column)
    ctx.attr_columns[(entity.name, attr.name)] = phys.name
    if phys.name != attr.name:
        ctx.assume(
            f"{table.name}.{phys.name} stores {attr.name.replace('_', ' ')} safely: {phys.note}.", attr.source
        )
    # A secret token is looked up by its hash (verify link, API key), so the hash is a unique key.
    token_key = attr.kind is Kind.SECRET_TOKEN and phys.name.endswith(("_hash", "_digest"))
    if (attr.unique or token_key) and attr.kind not in (Kind.PASSWORD, Kind.ENCRYPTED):
        if attr.case_insensitive:
            table.indexes.append(
                Index(
                    name=ctx.name(f"uq_{table.name}_{phys.name}"),
                    columns=[phys.name],
                    unique=True,
                    expressions={phys.name: "lower"},
                    purpose=f"{phys.name} is unique, case-insensitively",
                    source=attr.source,
                )
            )
        else:
            table.unique.append(
                UniqueConstraint(
                    name=ctx.name(f"uq_{table.name}_{phys.name}"), columns=[phys.name], source=attr.source
                )
            )
    _column_checks(ctx, table, column, attr)


def _column_checks(ctx: _Ctx, table: Table, column: Column, attr: Attribute) -> None:
    q = ctx.q(column.name)
    if column.max_length and column.logical.name == "text" and not column.enum_values:
        length = ctx.sql.length_function
        table.checks.append(
            Check(
                name=ctx.name(f"ck_{table.name}_{column.name}_length"),
                expression=f"{length}({q}) <= {column.max_length}",
                kind="length",
                column=column.name,
                maximum=column.max_length,
                reason="TEXT with an explicit limit instead of an arbitrary VARCHAR",
                source=attr.source,
            )
        )
    if column.minimum is not None or column.maximum is not None:
        table.checks.append(
            _range_check(
                ctx,
                table,
                column.name,
                column.minimum,
                column.maximum,
                "value range from the spec or the value's meaning",
                attr.source,
            )
        )
    if attr.kind is Kind.EMAIL and ctx.sql.checks_email_shape:
        table.checks.append(
            Check(
                name=ctx.name(f"ck_{table.name}_{column.name}_format"),
                expression=f"{q} LIKE '%_@_%'",
                kind="custom",
                column=column.name,
                reason="minimal email shape; full validation in the application",
                source=attr.source,
            )
        )


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def _check_rule(ctx: _Ctx, rule: CheckRule) -> None:
    table = ctx.tables.get(rule.entity)
    if table is None or table.existing:
        return
    column = ctx.attr_columns.get((rule.entity, rule.attribute))
    col = table.column(column) if column else None
    if col is None:
        return
    q = ctx.q(col.name)
    if rule.kind == "enum" and rule.values:
        values = ", ".join(ctx.sql.literal(v) for v in rule.values)
        _add_check(
            ctx,
            table,
            Check(
                name=ctx.name(f"ck_{table.name}_{col.name}"),
                expression=f"{q} IN ({values})",
                kind="enum",
                column=col.name,
                values=rule.values,
                reason=f"allowed values: {', '.join(rule.values)}",
                source=rule.source,
            ),
        )
        col.enum_values = rule.values
    elif rule.kind == "compare":
        other_name = ctx.attr_columns.get((rule.entity, rule.other))
        if other_name and table.column(other_name):
            _add_check(
                ctx,
                table,
                Check(
                    name=ctx.name(f"ck_{table.name}_{col.name}_after_{other_name}"),
                    expression=f"{q} {rule.op} {ctx.q(other_name)}",
                    kind="compare",
                    column=col.name,
                    other=other_name,
                    op=rule.op,
                    reason=f"{col.name} {rule.op} {other_name}",
                    source=rule.source,
                ),
            )
    elif rule.kind == "non_negative" and col.logical.name in ("numeric", "integer", "smallint", "bigint"):
        if not any(c.column == col.name and c.kind == "range" for c in table.checks):
            col.minimum = 0
            _add_check(
                ctx,
                table,
                Check(
                    name=ctx.name(f"ck_{table.name}_{col.name}_non_negative"),
                    expression=f"{q} >= 0",
                    kind="non_negative",
                    column=col.name,
                    minimum=0,
                    reason="cannot be negative",
                    source=rule.source,
                ),
            )
    elif (
        rule.kind == "range"
        and col.logical.name in ("numeric", "integer", "smallint", "bigint")
        and not any(c.column == col.name and c.kind == "range" for c in table.checks)
    ):
        col.minimum, col.maximum = rule.minimum, rule.maximum
        if rule.minimum is not None or rule.maximum is not None:
            _add_check(
                ctx,
                table,
                _range_check(
                    ctx, table, col.name, rule.minimum, rule.maximum, "range from the spec", rule.source
                ),
            )


def _range_check(
    ctx: _Ctx,
    table: Table,
    column: str,
    minimum: float | None,
    maximum: float | None,
    reason: str,
    source: Source,
) -> Check:
    q = ctx.q(column)
    parts = [f"{q} >= {_num(minimum)}"] if minimum is not None else []
    parts += [f"{q} <= {_num(maximum)}"] if maximum is not None else []
    return Check(
        name=ctx.name(f"ck_{table.name}_{column}_range"),
        expression=" AND ".join(parts),
        kind="range",
        column=column,
        minimum=minimum,
        maximum=maximum,
        reason=reason,
        source=source,
    )


def _add_check(ctx: _Ctx, table: Table, check: Check) -> None:
    if all(c.name != check.name for c in table.checks):
        table.checks.append(check)


# -- relationships -----------------------------------------------------------------------------------


def _break_required_cycles(ctx: _Ctx) -> None:
    """Two tables that require each other cannot both be inserted: make the role link optional."""
    required = {
        (r.child, r.parent): r
        for r in ctx.model.relationships
        if r.cardinality is not Cardinality.MANY_TO_MANY and r.required and r.child != r.parent
    }
    for (child, parent), rel in required.items():
        back = required.get((parent, child))
        if back is not None and rel.required and back.required:
            loosen = rel if rel.role else back
            loosen.required = False
            ctx.assume(
                f"{loosen.child}.{loosen.role or loosen.parent} is nullable: {child} and {parent} "
                "refer to each other, so one side must be set after both rows exist.",
                loosen.source,
            )


def _relationship(ctx: _Ctx, rel: Relationship) -> None:
    child, parent = ctx.tables.get(rel.child), ctx.tables.get(rel.parent)
    if child is None or parent is None:
        return
    if rel.cardinality is Cardinality.MANY_TO_MANY:
        _junction(ctx, rel, child, parent)
        return
    if child.existing and parent.existing:
        ctx.assume(
            f"{rel.child} → {rel.parent} links two existing tables; left to the project, not designed.",
            rel.source,
        )
        return
    base = rel.role or rel.parent
    key = _referenced_key(ctx, parent, base, rel.source, f"{rel.child} → {rel.parent}")
    if key is None:
        return
    names = [name for name, _, _ in key]
    column_name = names[0]
    if child.column(column_name) is not None:
        return
    self_ref = rel.child == rel.parent
    is_nullable = (not rel.required) or self_ref or child.existing
    if child.existing:  # safe change: nullable (no rewrite, old rows valid), indexed; emitted as ALTERs
        added = ", ".join(names)
        ctx.assume(
            f"{child.name}.{added} {'is' if len(names) == 1 else 'are'} added to the existing table "
            f"{child.name} as {'a nullable column' if len(names) == 1 else 'nullable columns'}: existing "
            "rows have no value yet; backfill them, then add NOT NULL in a later migration if every row "
            "must have one.",
            rel.source,
        )
        child.indexes.append(
            Index(
                name=ctx.name(f"idx_{child.name}_{'_'.join(names)}"),
                columns=names,
                purpose=f"foreign key to {parent.name}: joins and ON DELETE checks",
                source=Source(rule="index every foreign key"),
            )
        )
    position = len(child.columns) if child.existing else _fk_position(child)
    for offset, (name, ref, logical) in enumerate(key):
        column = ctx.col(
            logical,
            name,
            nullable=is_nullable,
            source=rel.source,
            comment=f"references {parent.name}" + (f" as {rel.role}" if rel.role else ""),
        )
        referenced = parent.column(ref)
        if referenced is not None and referenced.native_type:  # an enum or unknown key type: the same
            column.type = column.native_type = referenced.native_type
        if referenced is not None:  # a text key in a collation of its own: the same (MySQL)
            column.collation = referenced.collation
        child.columns.insert(position + offset, column)
    on_delete, reason = _on_delete(rel, is_nullable)
    child.foreign_keys.append(
        ForeignKey(
            name=ctx.name(
                f"fk_{child.name}_{parent.name}"
                + (f"_{rel.role}" if rel.role and rel.role != rel.parent else "")
            ),
            columns=names,
            ref_table=parent.name,
            ref_columns=[ref for _, ref, _ in key],
            on_delete=on_delete,
            reason=reason,
            source=rel.source,
        )
    )
    if rel.cardinality is Cardinality.ONE_TO_ONE and not child.existing:
        child.unique.append(
            UniqueConstraint(
                name=ctx.name(f"uq_{child.name}_{'_'.join(names)}"), columns=names, source=rel.source
            )
        )


def _referenced_key(
    ctx: _Ctx, parent: Table, base: str, source: Source | None, link: str
) -> list[tuple[str, str, LogicalType]] | None:
    """(column, referenced key column, type) for each column of ``parent``'s primary key: ``{base}_id``
    for an ``id`` key or a new table's; for an existing table's key by another name, or each column of its
    composite key, ``{base}_{key column}`` (so the foreign key references the whole key, named as the
    key is). None (said under Assumptions) when an existing table has no primary key to reference."""
    keys = list(parent.primary_key) or ["id"]
    if parent.existing and (not parent.primary_key or any(parent.column(k) is None for k in keys)):
        ctx.assume(
            f"{link}: the existing table {parent.name} has no primary key to reference, so no foreign key "
            f"was designed; add one by hand once {parent.name} has a primary or unique key.",
            source,
        )
        return None
    out = []
    for k in keys:
        if k == "id" or not parent.existing:
            name = ctx.name(f"{base}_id")
        elif k.startswith(f"{base}_"):  # the key already says whose it is (users.user_id)
            name = ctx.name(k)
        else:  # an existing key by another name: flipt's namespaces.key → namespace_key, as its tables do
            name = ctx.name(f"{base}_{k}")
        column = parent.column(k)
        out.append((name, k, column.logical if column is not None else _key_logical(ctx)))
    if len(keys) > 1:
        ctx.assume(
            f"{link}: {parent.name} has a composite primary key ({', '.join(keys)}), so the foreign key "
            f"references all of it through {', '.join(n for n, _, _ in out)}.",
            source,
        )
    return out


def _share_scope_columns(ctx: _Ctx) -> None:
    """One column for a scope two foreign keys of a new table share: flipt's ``flags`` key is
    ``(namespace_key, key)`` with ``namespace_key`` → ``namespaces (key)``, so a new table with a key to
    ``namespaces`` (``namespace_key``) and one to ``flags`` (``flag_namespace_key``, ``flag_key``) keeps the
    namespace once, ``(namespace_key, flag_key)`` → ``flags``, as the project's own tables do: two copies
    could name different namespaces. The shared column is NOT NULL if either was."""
    by_name = {t.name: t for t in ctx.tables.values()} | {t.name: t for t in ctx.existing.tables}
    for table in ctx.tables.values():
        if table.existing:
            continue
        single = {
            (fk.ref_table, fk.ref_columns[0]): fk.columns[0]
            for fk in table.foreign_keys
            if len(fk.columns) == 1
        }
        for fk in table.foreign_keys:
            parent = by_name.get(fk.ref_table)
            if parent is None or len(fk.columns) < 2:
                continue
            for i, (mine, theirs) in enumerate(zip(fk.columns, fk.ref_columns, strict=True)):
                scope = next(
                    (
                        (p.ref_table, p.ref_columns[0])
                        for p in parent.foreign_keys
                        if p.columns == [theirs] and len(p.ref_columns) == 1
                    ),
                    None,
                )
                shared = single.get(scope) if scope is not None else None
                kept, dropped = table.column(shared or ""), table.column(mine)
                if kept is None or dropped is None or kept is dropped or kept.logical != dropped.logical:
                    continue
                kept.nullable = kept.nullable and dropped.nullable
                table.columns.remove(dropped)
                fk.columns[i] = kept.name
                for other in table.foreign_keys:
                    other.columns = [kept.name if c == mine else c for c in other.columns]
                for attr, column in list(ctx.attr_columns.items()):
                    if column == mine:
                        ctx.attr_columns[attr] = kept.name
                target = scope[0] if scope else ""
                ctx.assume(
                    f"{table.name}.{kept.name} serves both foreign keys: {parent.name}.{theirs} refers to "
                    f"{target} too, so a row and its {parent.name} row share one {target} row (a second "
                    f"column {mine} could name another).",
                    fk.source,
                )


def _fk_position(table: Table) -> int:
    """Foreign keys right after the primary key and earlier foreign keys, for readable tables."""
    pos = 1
    while pos < len(table.columns) and table.columns[pos].name.endswith("_id"):
        pos += 1
    return pos


def _on_delete(rel: Relationship, is_nullable: bool) -> tuple[str, str]:
    if rel.child == rel.parent and rel.ownership == "owned":
        name = plural(rel.child).replace("_", " ")
        return "CASCADE", f"nested {name} live inside their parent: deleting one deletes its sub-{name}"
    if rel.child == rel.parent:
        return "SET NULL", "self-reference: removing a row detaches the rows that point at it"
    if rel.ownership == "owned":
        return (
            "CASCADE",
            f"a {rel.child.replace('_', ' ')} exists only inside its {rel.parent.replace('_', ' ')}",
        )
    if is_nullable:
        return "SET NULL", "optional link: the row stays when the referenced row goes"
    return "RESTRICT", (
        f"deleting a {rel.parent.replace('_', ' ')} must not silently destroy the "
        f"{plural(rel.child).replace('_', ' ')} recorded against it"
    )


def _junction(ctx: _Ctx, rel: Relationship, left: Table, right: Table) -> None:
    a, b = sorted([rel.child, rel.parent])
    name = ctx.name(plural(rel.through) if rel.through else f"{a}_{plural(b)}")
    if {name, ctx.sql.safe_table_name(name)} & {t.name for t in ctx.tables.values()}:
        return
    name = ctx.new_table_name(name, rel.source)
    ta, tb = ctx.tables[a], ctx.tables[b]
    table = Table(
        name=name,
        entity=rel.through or f"{a}_{b}",
        source=rel.source,
        purpose=f"links {plural(a).replace('_', ' ')} and {plural(b).replace('_', ' ')} (many-to-many)",
        updated_at_trigger=ctx.conv.updated_at_trigger,
    )
    cols: list[str] = []
    for ent, tab in ((a, ta), (b, tb)):
        base = ent if a != b else f"{ent}_{len(cols) + 1}"
        key = _referenced_key(ctx, tab, base, rel.source, f"{rel.child} ↔ {rel.parent}")
        if key is None:
            return  # said under Assumptions: no link table with a foreign key that cannot be right
        names = [n for n, _, _ in key]
        end = tab.name if a != b else base  # a self-link: one name per end
        for column_name, _, logical in key:
            table.columns.append(ctx.col(logical, column_name, source=rel.source))
        table.foreign_keys.append(
            ForeignKey(
                name=ctx.name(f"fk_{name}_{end}"),
                columns=names,
                ref_table=tab.name,
                ref_columns=[ref for _, ref, _ in key],
                on_delete="CASCADE",
                reason="a link row means nothing without both ends",
                source=rel.source,
            )
        )
        cols.extend(names)
    for attr in rel.attributes:
        _attribute_column(ctx, Entity(name=table.entity), table, attr)
    table.primary_key = cols
    _timestamps(ctx, table, False)
    ctx.tables[table.entity] = table


def _unique_rule(ctx: _Ctx, entity: str, attributes: list[str], where: str, source: Source) -> None:
    table = ctx.tables.get(entity)
    if table is None or table.existing:
        return
    columns: list[str] = []
    for name in attributes:
        column = ctx.attr_columns.get((entity, name))
        if column is None and table.column(f"{name}_id") is not None:
            column = f"{name}_id"
        if column is None and table.column(name) is not None:
            column = name
        if column is None:
            return
        columns.append(column)
    index_name = ctx.name(f"uq_{table.name}_{'_'.join(columns)}")
    if where:
        table.indexes.append(
            Index(
                name=index_name,
                columns=columns,
                unique=True,
                where=_where_sql(ctx, where),
                purpose=f"at most one row per {', '.join(columns)} while {where}",
                source=source,
            )
        )
    elif all(u.columns != columns for u in table.unique):
        table.unique.append(UniqueConstraint(name=index_name, columns=columns, source=source))


def _value_sql(ctx: _Ctx, value: str) -> str:
    """Booleans as the engine stores them (MySQL and SQLite keep 0/1), numbers as numbers, the rest as
    escaped string literals."""
    if value.lower() in ("true", "false"):
        return ctx.sql.boolean(value.lower() == "true")
    try:
        return _num(float(value))
    except ValueError:
        return ctx.sql.literal(value)


def _where_sql(ctx: _Ctx, where: str) -> str:
    """Logical conditions are ``<column> is null`` / ``<column> is not null`` / ``<column> = <value>``;
    identifiers are quoted and values become literals, so nothing from the spec reaches SQL raw."""
    parts = []
    for clause in where.split(" and "):
        words = clause.strip().split()
        if len(words) >= 3 and words[1:3] == ["is", "null"]:
            parts.append(f"{ctx.q(words[0])} IS NULL")
        elif len(words) >= 4 and words[1:4] == ["is", "not", "null"]:
            parts.append(f"{ctx.q(words[0])} IS NOT NULL")
        elif len(words) >= 3 and words[1] == "=":
            parts.append(f"{ctx.q(words[0])} = {_value_sql(ctx, ' '.join(words[2:]))}")
    return " AND ".join(parts) or "TRUE"


# -- indexes and partitions --------------------------------------------------------------------------


def _access_indexes(ctx: _Ctx) -> None:
    for pattern in ctx.model.access_patterns:
        table = ctx.tables.get(pattern.entity)
        if table is None or table.existing:
            continue
        columns: list[str] = []
        descending: list[str] = []
        for name in [*pattern.equality, *pattern.sort, *pattern.range]:
            desc = name.startswith("-")
            name = name.lstrip("-")
            column = ctx.attr_columns.get((pattern.entity, name)) or (
                f"{name}_id" if table.column(f"{name}_id") else (name if table.column(name) else None)
            )
            if column is None or column in columns:
                continue
            columns.append(column)
            if desc:
                descending.append(column)
        if not columns:
            junction = _junction_for(ctx, pattern.entity, pattern.equality)
            if junction is not None:
                ctx.assume(
                    f"{pattern.description or 'the access pattern'} is served by the junction table "
                    f"{junction}'s index.",
                    pattern.source,
                )
            continue
        name = ctx.name(f"idx_{table.name}_{'_'.join(columns)}")
        if any(ix.columns[: len(columns)] == columns for ix in table.indexes) or any(
            u.columns[: len(columns)] == columns for u in table.unique
        ):
            continue
        table.indexes.append(
            Index(
                name=name,
                columns=columns,
                descending=descending,
                purpose=pattern.description or "access pattern from the spec",
                source=pattern.source,
            )
        )


def _junction_for(ctx: _Ctx, entity: str, others: list[str]) -> str | None:
    for rel in ctx.model.relationships:
        if {rel.child, rel.parent} == {entity, *others}:
            for table in ctx.tables.values():
                if table.entity in (rel.through, "_".join(sorted([rel.child, rel.parent]))):
                    return table.name
    return None


def _partitions(ctx: _Ctx) -> None:
    """Large append-only tables are range-partitioned by time (PostgreSQL) so retention drops whole
    partitions instead of running huge DELETEs."""
    if not ctx.sql.supports_partitioning:
        return
    for entity in ctx.model.entities:
        table = ctx.tables.get(entity.name)
        if table is None or table.existing:
            continue
        volume = entity.volume_per_month or 0
        if volume < PARTITION_ROWS_PER_MONTH:
            continue
        if any(
            t.foreign_keys and any(fk.ref_table == table.name for fk in t.foreign_keys)
            for t in ctx.tables.values()
        ):
            ctx.assume(f"{table.name} is large but other tables reference it, so it is not partitioned.")
            continue
        time_col = next(
            (
                c.name
                for c in table.columns
                if c.logical.name == "timestamptz"
                and not c.nullable
                and c.name not in ("updated_at",)
                and c.name != "created_at"
            ),
            None,
        )
        time_col = time_col or "created_at"
        column = table.column(time_col)
        if column is not None:
            column.nullable = False
        table.primary_key = ["id", time_col]
        table.unique = []  # unique constraints on a partitioned table must include the partition key
        reason = f"about {volume:,} rows per month"
        if entity.retention_days:
            reason += (
                f"; rows older than {entity.retention_days} days are removed by dropping whole partitions"
            )
        table.partition = Partition(method="range", column=time_col, interval="month", reason=reason)
        ctx.assume(
            f"{table.name} is partitioned by month on {time_col} ({reason}); the migration creates a "
            "DEFAULT partition, and monthly partitions are created ahead of time by a scheduled job "
            "(e.g. pg_partman).",
            entity.source,
        )


def _fk_indexes(table: Table, ctx: _Ctx) -> None:
    """Every foreign key is the leading column of some index, so joins and ON DELETE checks stay cheap."""
    # A partial index serves only its WHERE subset, so it does not cover a foreign key's lookups.
    covered = [
        table.primary_key,
        *[u.columns for u in table.unique],
        *[ix.columns for ix in table.indexes if not ix.where],
    ]
    for fk in table.foreign_keys:
        if any(cols[: len(fk.columns)] == fk.columns for cols in covered):
            continue
        name = ctx.name(f"idx_{table.name}_{'_'.join(fk.columns)}")
        table.indexes.append(
            Index(
                name=name,
                columns=list(fk.columns),
                purpose=f"foreign key to {fk.ref_table}: joins and ON DELETE checks",
                source=Source(rule="index every foreign key"),
            )
        )
        covered.append(fk.columns)


def _ordered(tables: list[Table]) -> list[Table]:
    """Parents before children (creation order); cycles fall back to the original order. A depth-first
    walk with an explicit stack: a chain of a thousand linked tables must not hit Python's recursion limit."""
    by_name = {t.name: t for t in tables}
    done: list[Table] = []
    seen: set[str] = set()
    for start in tables:
        if start.name in seen:
            continue
        on_path = {start.name}  # every table entered from this start (as the recursive walk had it)
        work: list[tuple[Table, Iterator[ForeignKey]]] = [(start, iter(start.foreign_keys))]
        while work:
            table, fks = work[-1]
            for fk in fks:
                parent = by_name.get(fk.ref_table)
                if parent is not None and parent.name not in seen and parent.name not in on_path:
                    on_path.add(parent.name)
                    work.append((parent, iter(parent.foreign_keys)))
                    break
            else:
                work.pop()
                seen.add(table.name)
                done.append(table)
    return done
