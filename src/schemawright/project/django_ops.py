"""Django's migration operations as SQL: each applied to the model state
(:mod:`~schemawright.project.django_state`) and rendered by offline Alembic, and each one's reverse, as
``migrate app <previous>`` undoes it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa

from schemawright.emit.sql.dialects import dialect_for
from schemawright.project.django_fields import RELATIONS, column_name, is_primary
from schemawright.project.django_files import Call
from schemawright.project.django_state import (
    Cx,
    Model,
    NotRead,
    State,
    column_of,
    constraint_name,
    copy_state,
    default_table,
    model_of,
    ref,
    render,
    table_items,
    through_table,
    type_of,
)


def apply(op: Call, app: str, state: State, cx: Cx) -> tuple[str, State]:
    """``op``'s SQL and the state after it."""
    handler = _HANDLERS.get(op.kind)
    if handler is None:
        if op.kind in _STATE_ONLY:
            return "", state
        raise NotRead("not one of the operations read statically")
    return handler(op, app, state, cx)


# --- operations ------------------------------------------------------------------------------------


def _create_model(op: Call, app: str, state: State, cx: Cx) -> tuple[str, State]:
    name = str(op.arg("name", 0))
    fields = op.arg("fields", 1, [])
    options = op.kwargs.get("options") or {}
    if not isinstance(fields, list | tuple) or not isinstance(options, dict):
        raise NotRead("fields or options not literal")
    table = options.get("db_table") if isinstance(options.get("db_table"), str) else default_table(app, name)
    if options.get("swappable") == "AUTH_USER_MODEL" and cx.user_model.lower() != f"{app}.{name}".lower():
        return "", state  # auth.User swapped for the project's own user model: Django does not create it
    model = Model(app, name, str(table))
    for item in fields:
        if isinstance(item, tuple | list) and len(item) == 2 and isinstance(item[0], str):
            model.fields[item[0]] = item[1]
    if not any(is_primary(f) for f in model.fields.values()):
        model.fields = {"id": Call("AutoField", (), {"primary_key": True}), **model.fields}
    together = options.get("unique_together") or []
    model.unique_together = _together(together)
    state = {**state, (app, name.lower()): model}
    notes: list[str] = []
    sql = _render_create(cx, model, state, notes)
    extras: list[tuple[Callable[[Cx, Model, Call], str], object]]
    extras = [(_add_index, i) for i in _list(options.get("indexes"))]
    extras += [(_add_constraint, c) for c in _list(options.get("constraints"))]
    for add, item in extras:
        try:
            sql += "\n" + add(cx, model, item) if isinstance(item, Call) else ""
        except NotRead as exc:  # the table is read all the same
            notes.append(f"not read: {exc}")
    cx.notes.extend(notes)
    return sql, state


def _render_create(cx: Cx, model: Model, state: State, notes: list[str]) -> str:
    items, indexes = table_items(cx, model, state, notes)
    throughs = [
        t
        for n, f in model.fields.items()
        if isinstance(f, Call) and f.kind == "ManyToManyField"
        for t in [through_table(cx, model, n, f, state, notes)]
        if t is not None
    ]

    def emit(ops: Any) -> None:
        ops.create_table(model.table, *items)
        for index in indexes:
            ops.create_index(index.name, model.table, list(index.expressions))
        for table, columns in throughs:
            ops.create_table(table, *columns)

    return render(cx, emit)


def _together(value: object) -> list[tuple[str, ...]]:
    if isinstance(value, tuple | list | set) and value and all(isinstance(v, str) for v in value):
        return [tuple(str(v) for v in value)]
    if isinstance(value, tuple | list | set):
        return [tuple(str(v) for v in group) for group in value if isinstance(group, tuple | list)]
    return []


def _delete_model(op: Call, app: str, state: State, cx: Cx) -> tuple[str, State]:
    model = model_of(state, app, op.arg("name", 0))
    state = {k: m for k, m in state.items() if m is not model}
    tables = [
        str(f.kwargs.get("db_table") or f"{model.table}_{n}")
        for n, f in model.fields.items()
        if isinstance(f, Call) and f.kind == "ManyToManyField" and f.kwargs.get("through") is None
    ]
    return render(cx, lambda ops: [ops.drop_table(t) for t in [*tables, model.table]]), state


def _add_field(op: Call, app: str, state: State, cx: Cx) -> tuple[str, State]:
    state = copy_state(state)
    model = model_of(state, app, op.arg("model_name", 0))
    fname, f = str(op.arg("name", 1)), op.arg("field", 2)
    model.fields[fname] = f
    notes: list[str] = []
    if isinstance(f, Call) and f.kind == "ManyToManyField":
        through = through_table(cx, model, fname, f, state, notes)
        cx.notes.extend(notes)
        if through is None:
            return "", state
        return render(cx, lambda ops: ops.create_table(through[0], *through[1])), state
    col, extra, indexes = column_of(cx, model, fname, f, state, notes)
    cx.notes.extend(notes)
    default = effective_default(f, col) if isinstance(f, Call) else None

    def emit(ops: Any) -> None:
        if default is not None:  # Django adds a NOT NULL column with its default, then drops the default
            col.server_default = sa.DefaultClause(sa.text(default))
        ops.add_column(model.table, col)
        if default is not None:
            ops.alter_column(model.table, col.name, server_default=None)
        for constraint in extra:
            if isinstance(constraint, sa.ForeignKeyConstraint):
                element = next(iter(constraint.elements))
                ref_table, ref_col = element._colspec.rsplit(".", 1)
                ops.create_foreign_key(
                    constraint.name,
                    model.table,
                    ref_table,
                    [col.name],
                    [ref_col],
                    ondelete=constraint.ondelete,
                    deferrable=constraint.deferrable,
                    initially=constraint.initially,
                )
            elif isinstance(constraint, sa.UniqueConstraint):
                ops.create_unique_constraint(constraint.name, model.table, [col.name])
        for index in indexes:
            ops.create_index(index.name, model.table, [col.name])

    return render(cx, emit), state


# Django fields whose empty value is not "" (``empty_strings_allowed = False``): a blank one has no default
_NO_EMPTY_STRING = frozenset(
    {
        "AutoField",
        "BigAutoField",
        "SmallAutoField",
        "IntegerField",
        "BigIntegerField",
        "SmallIntegerField",
        "PositiveIntegerField",
        "PositiveBigIntegerField",
        "PositiveSmallIntegerField",
        "FloatField",
        "DecimalField",
        "BooleanField",
        "NullBooleanField",
        "DateField",
        "DateTimeField",
        "TimeField",
        "DurationField",
        "UUIDField",
        "GenericIPAddressField",
        "IPAddressField",
        "JSONField",
        *RELATIONS,
    }
)


def effective_default(field: Call, col: sa.Column[Any]) -> str | None:
    """The SQL default Django's schema editor adds a NOT NULL column with (and drops right after), as its
    ``effective_default`` gives it: the field's ``default`` (a callable or an expression such as
    ``timedelta(hours=1)`` is evaluated by Django: a value of the column's type stands in for it), now for
    ``auto_now``/``auto_now_add``, and "" for a ``blank`` text field. None when the column is added without
    one (nullable, or nothing to fill existing rows with)."""
    if col.nullable:
        return None
    if "default" in field.kwargs:
        value = field.kwargs["default"]
        if value is None:
            return None
        if isinstance(value, str | int | float | bool):
            return _literal_sql(value)
        return _stand_in(col.type)
    if field.kwargs.get("auto_now") is True or field.kwargs.get("auto_now_add") is True:
        return _stand_in(col.type)
    if field.kwargs.get("blank") is True and field.kind not in _NO_EMPTY_STRING:
        return "''"
    return None


def _stand_in(kind: Any) -> str | None:
    """A constant of the column's type, for a default whose value only Django computes."""
    for types, sql in (
        (sa.Boolean, "false"),
        (sa.Interval, "'0'"),
        (sa.Integer | sa.Numeric, "0"),
        (sa.DateTime, "CURRENT_TIMESTAMP"),
        (sa.Date, "CURRENT_DATE"),
        (sa.Time, "CURRENT_TIME"),
        (sa.Uuid, "'00000000-0000-0000-0000-000000000000'"),
        (sa.JSON, "'{}'"),
        (sa.String | sa.LargeBinary, "''"),
    ):
        if isinstance(kind, types):
            return sql
    return None


def _literal_sql(value: object) -> str:
    """A Python literal as SQL (a default Django sets while adding a NOT NULL column)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def _remove_field(op: Call, app: str, state: State, cx: Cx) -> tuple[str, State]:
    state = copy_state(state)
    model = model_of(state, app, op.arg("model_name", 0))
    fname = str(op.arg("name", 1))
    f = model.fields.pop(fname, None)
    if f is None:
        raise NotRead(f"field {fname} is not in the state read")
    if isinstance(f, Call) and f.kind == "ManyToManyField":
        if f.kwargs.get("through") is not None:
            return "", state
        table = str(f.kwargs.get("db_table") or f"{model.table}_{fname}")
        return render(cx, lambda ops: ops.drop_table(table)), state
    return render(cx, lambda ops: ops.drop_column(model.table, column_name(fname, f))), state


def _alter_field(op: Call, app: str, state: State, cx: Cx) -> tuple[str, State]:
    state = copy_state(state)
    model = model_of(state, app, op.arg("model_name", 0))
    fname, new = str(op.arg("name", 1)), op.arg("field", 2)
    old = model.fields.get(fname)
    if old is None:
        raise NotRead(f"field {fname} is not in the state read")
    model.fields[fname] = new
    if isinstance(new, Call) and new.kind == "ManyToManyField":
        return "", state
    old_call = old if isinstance(old, Call) else Call("?")
    new_call = new if isinstance(new, Call) else Call("?")
    old_name, new_name = column_name(fname, old), column_name(fname, new)
    old_type, new_type = type_of(cx, old, state, model), type_of(cx, new, state, model)
    old_null, new_null = bool(old_call.kwargs.get("null", False)), bool(new_call.kwargs.get("null", False))
    old_unique = old_call.kwargs.get("unique") is True or old_call.kind == "OneToOneField"
    new_unique = new_call.kwargs.get("unique") is True or new_call.kind == "OneToOneField"
    pg = dialect_for(cx.dialect).alter_type_using

    def emit(ops: Any) -> None:
        if old_name != new_name:
            ops.alter_column(model.table, old_name, new_column_name=new_name)
        changed = str(old_type.compile(dialect=_sa_dialect(cx.dialect))) != str(
            new_type.compile(dialect=_sa_dialect(cx.dialect))
        )
        if changed:
            using = (
                {"postgresql_using": f"{new_name}::{new_type.compile(dialect=_sa_dialect(cx.dialect))}"}
                if pg
                else {}
            )
            ops.alter_column(model.table, new_name, type_=new_type, existing_type=old_type, **using)
        if old_null != new_null:
            ops.alter_column(model.table, new_name, nullable=new_null, existing_type=new_type)
        if old_unique and not new_unique:
            ops.drop_constraint(
                constraint_name(model.table, old_name, suffix="key"), model.table, type_="unique"
            )
        if new_unique and not old_unique:
            ops.create_unique_constraint(
                constraint_name(model.table, new_name, suffix="key"), model.table, [new_name]
            )

    return render(cx, emit), state


def _sa_dialect(dialect: str) -> Any:
    from sqlalchemy.dialects import mysql, postgresql, sqlite

    return {"postgresql": postgresql, "mysql": mysql, "sqlite": sqlite}[dialect].dialect()


def _rename_field(op: Call, app: str, state: State, cx: Cx) -> tuple[str, State]:
    state = copy_state(state)
    model = model_of(state, app, op.arg("model_name", 0))
    old, new = str(op.arg("old_name", 1)), str(op.arg("new_name", 2))
    if old not in model.fields:
        raise NotRead(f"field {old} is not in the state read")
    f = model.fields[old]
    model.fields = {(new if k == old else k): v for k, v in model.fields.items()}
    if isinstance(f, Call) and f.kind == "ManyToManyField":
        if f.kwargs.get("through") is not None or f.kwargs.get("db_table"):
            return "", state
        return render(cx, lambda ops: ops.rename_table(f"{model.table}_{old}", f"{model.table}_{new}")), state
    before, after = column_name(old, f), column_name(new, f)
    if before == after:
        return "", state
    return render(cx, lambda ops: ops.alter_column(model.table, before, new_column_name=after)), state


def _rename_model(op: Call, app: str, state: State, cx: Cx) -> tuple[str, State]:
    old, new = str(op.arg("old_name", 0)), str(op.arg("new_name", 1))
    model = model_of(state, app, old).copy()
    state = {k: m for k, m in state.items() if k != (app, old.lower())}
    renamed = model.table == default_table(app, old)
    old_table = model.table
    model.name = new
    if renamed:
        model.table = default_table(app, new)
    state[(app, new.lower())] = model
    if not renamed:
        return "", state
    return render(cx, lambda ops: ops.rename_table(old_table, model.table)), state


def _alter_model_table(op: Call, app: str, state: State, cx: Cx) -> tuple[str, State]:
    state = copy_state(state)
    model = model_of(state, app, op.arg("name", 0))
    table = op.arg("table", 1)
    new = str(table) if isinstance(table, str) else default_table(app, model.name)
    old, model.table = model.table, new
    if old == new:
        return "", state
    return render(cx, lambda ops: ops.rename_table(old, new)), state


def _index_columns(model: Model, index: Call) -> list[Any]:
    fields = index.kwargs.get("fields") or []
    if index.args or index.kwargs.get("expressions") or not isinstance(fields, list | tuple) or not fields:
        raise NotRead("an index on expressions")
    out: list[Any] = []
    for name in fields:
        text = str(name)
        column = column_name(text.lstrip("-"), model.fields.get(text.lstrip("-")))
        out.append(sa.text(f"{column} DESC") if text.startswith("-") else column)
    return out


def _add_index(cx: Cx, model: Model, index: Call) -> str:
    columns = _index_columns(model, index)
    name = str(
        index.kwargs.get("name") or constraint_name(model.table, *[str(c) for c in columns], suffix="idx")
    )
    if index.kwargs.get("condition") is not None:
        raise NotRead(f"index {name} has a condition (a Q object)")
    using = (
        {"postgresql_using": index.kind[:-5].lower()}
        if index.kind != "Index" and dialect_for(cx.dialect).has_index_methods
        else {}
    )
    model.indexes[name] = index
    return render(cx, lambda ops: ops.create_index(name, model.table, columns, **using))


def _add_constraint(cx: Cx, model: Model, constraint: Call) -> str:
    name = str(constraint.kwargs.get("name") or "")
    fields = _list(constraint.kwargs.get("fields"))
    if constraint.kind != "UniqueConstraint" or not fields or not name:
        raise NotRead(f"{constraint.kind} {name} (only unique constraints on fields are read)")
    if constraint.kwargs.get("condition") is not None:
        raise NotRead(f"constraint {name} has a condition (a Q object)")
    model.constraints[name] = constraint
    cols = [column_name(str(f), model.fields.get(str(f))) for f in fields]
    return render(cx, lambda ops: ops.create_unique_constraint(name, model.table, cols))


def _on_model(op: Call, app: str, state: State, what: str) -> tuple[State, Model, object]:
    """A copy of the state, the operation's model in it, and the operation's second argument (``what``)."""
    state = copy_state(state)
    return state, model_of(state, app, op.arg("model_name", 0)), op.arg(what, 1)


def _add_index_op(op: Call, app: str, state: State, cx: Cx) -> tuple[str, State]:
    state, model, index = _on_model(op, app, state, "index")
    if not isinstance(index, Call):
        raise NotRead("index not literal")
    return _add_index(cx, model, index), state


def _remove_index(op: Call, app: str, state: State, cx: Cx) -> tuple[str, State]:
    state, model, named = _on_model(op, app, state, "name")
    name = str(named)
    model.indexes.pop(name, None)
    return render(cx, lambda ops: ops.drop_index(name, table_name=model.table)), state


def _add_constraint_op(op: Call, app: str, state: State, cx: Cx) -> tuple[str, State]:
    state, model, constraint = _on_model(op, app, state, "constraint")
    if not isinstance(constraint, Call):
        raise NotRead("constraint not literal")
    return _add_constraint(cx, model, constraint), state


def _remove_constraint(op: Call, app: str, state: State, cx: Cx) -> tuple[str, State]:
    state, model, named = _on_model(op, app, state, "name")
    name = str(named)
    if model.constraints.pop(name, None) is None:
        raise NotRead(f"constraint {name} was not read when it was added")
    return render(cx, lambda ops: ops.drop_constraint(name, model.table, type_="unique")), state


def _alter_unique_together(op: Call, app: str, state: State, cx: Cx) -> tuple[str, State]:
    state = copy_state(state)
    model = model_of(state, app, op.arg("name", 0))
    old, new = model.unique_together, _together(op.arg("unique_together", 1))
    model.unique_together = new

    def cols(group: tuple[str, ...]) -> list[str]:
        return [column_name(n, model.fields.get(n)) for n in group]

    def emit(ops: Any) -> None:
        for group in old:
            if group not in new:
                ops.drop_constraint(
                    constraint_name(model.table, *cols(group), suffix="uniq"), model.table, type_="unique"
                )
        for group in new:
            if group not in old:
                ops.create_unique_constraint(
                    constraint_name(model.table, *cols(group), suffix="uniq"), model.table, cols(group)
                )

    return render(cx, emit), state


def _run_sql(op: Call, _app: str, state: State, _cx: Cx) -> tuple[str, State]:
    sql = op.arg("sql", 0)
    return _sql_text(sql), state


def _list(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else []


def _sql_text(sql: object) -> str:
    if isinstance(sql, str):
        return sql
    if isinstance(sql, list | tuple) and all(isinstance(s, str) for s in sql):
        return "\n".join(str(s).strip().rstrip(";") + ";" for s in sql)
    raise NotRead("SQL with parameters, or not a string literal")


def _separate(op: Call, app: str, state: State, cx: Cx) -> tuple[str, State]:
    """``SeparateDatabaseAndState``: the database operations' SQL; the state its state operations leave."""
    sql: list[str] = []
    db_state = state
    for inner in _list(op.kwargs.get("database_operations")):
        if isinstance(inner, Call):
            text, db_state = apply(inner, app, db_state, cx)
            sql.append(text)
    for inner in _list(op.kwargs.get("state_operations")):
        if isinstance(inner, Call):
            _, state = apply(inner, app, state, cx)
    return "\n".join(s for s in sql if s), state


_HANDLERS: dict[str, Callable[[Call, str, State, Cx], tuple[str, State]]] = {
    "CreateModel": _create_model,
    "DeleteModel": _delete_model,
    "AddField": _add_field,
    "RemoveField": _remove_field,
    "AlterField": _alter_field,
    "RenameField": _rename_field,
    "RenameModel": _rename_model,
    "AlterModelTable": _alter_model_table,
    "AddIndex": _add_index_op,
    "RemoveIndex": _remove_index,
    "AddConstraint": _add_constraint_op,
    "RemoveConstraint": _remove_constraint,
    "AlterUniqueTogether": _alter_unique_together,
    "RunSQL": _run_sql,
    "SeparateDatabaseAndState": _separate,
}
# operations that change only Django's state, never the database
_STATE_ONLY = {"AlterModelOptions", "AlterModelManagers", "AlterIndexTogether", "AlterOrderWithRespectTo"}


def reverse(op: Call, app: str, before: State, after: State, cx: Cx) -> str | None:
    """The SQL that undoes ``op`` (None: irreversible, as Django says of RunSQL without reverse_sql)."""
    if op.kind == "RunSQL":
        back = op.kwargs.get("reverse_sql")
        if back is None:
            return None
        try:
            return _sql_text(back)
        except NotRead:
            return None
    inverse = _inverse(op, app, before, after)
    if inverse is None:
        return ""
    try:
        return apply(inverse, app, after, cx)[0]
    except Exception:
        return ""


def _inverse(op: Call, app: str, before: State, after: State) -> Call | None:
    """The operation that takes ``after`` back to ``before``."""
    if op.kind == "CreateModel":
        return Call("DeleteModel", (op.arg("name", 0),))
    if op.kind == "AddField":
        return Call("RemoveField", (op.arg("model_name", 0), op.arg("name", 1)))
    if op.kind in ("RemoveField", "AlterField"):
        model = before.get(ref(app, op.arg("model_name", 0)))
        name = str(op.arg("name", 1))
        if model is None or name not in model.fields:
            return None
        kind = "AddField" if op.kind == "RemoveField" else "AlterField"
        return Call(kind, (op.arg("model_name", 0), name, model.fields[name]))
    if op.kind == "RenameField":
        return Call("RenameField", (op.arg("model_name", 0), op.arg("new_name", 2), op.arg("old_name", 1)))
    if op.kind == "RenameModel":
        return Call("RenameModel", (op.arg("new_name", 1), op.arg("old_name", 0)))
    if op.kind == "DeleteModel":
        model = before.get(ref(app, op.arg("name", 0)))
        if model is None:
            return None
        fields = [(n, f) for n, f in model.fields.items()]
        return Call("CreateModel", (model.name, fields), {"options": {"db_table": model.table}})
    if op.kind == "AddIndex":
        index = op.arg("index", 1)
        index_name = index.kwargs.get("name") if isinstance(index, Call) else None
        return Call("RemoveIndex", (op.arg("model_name", 0), index_name)) if index_name else None
    if op.kind == "AddConstraint":
        constraint = op.arg("constraint", 1)
        named = constraint.kwargs.get("name") if isinstance(constraint, Call) else None
        return Call("RemoveConstraint", (op.arg("model_name", 0), named)) if named else None
    if op.kind == "AlterUniqueTogether":
        model = before.get(ref(app, op.arg("name", 0)))
        return Call("AlterUniqueTogether", (op.arg("name", 0), model.unique_together if model else []))
    if op.kind == "AlterModelTable":
        model = before.get(ref(app, op.arg("name", 0)))
        return Call("AlterModelTable", (op.arg("name", 0), model.table if model else None))
    return None
