"""Django's model state as the static reader keeps it, and the columns Django's schema editor makes for a
model: table names ``<app_label>_<model>`` unless ``db_table`` says otherwise, foreign keys as ``<field>_id``
columns of the target's key type (deferrable on PostgreSQL, as Django makes them) with an index, and
many-to-many fields as ``<table>_<field>`` join tables."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import sqlalchemy as sa

from schemawright.emit.sql.dialects import dialect_for
from schemawright.project.django_fields import (
    AUTO,
    RELATIONS,
    column_name,
    column_type,
    is_primary,
    known,
    on_delete,
    relation_target,
)
from schemawright.project.django_files import Call
from schemawright.project.sa_static import Renderer


@dataclass
class Model:
    app: str
    name: str
    table: str
    fields: dict[str, object] = field(default_factory=dict)  # name -> Call (or Unknown), in order
    unique_together: list[tuple[str, ...]] = field(default_factory=list)
    indexes: dict[str, Call] = field(default_factory=dict)  # by name
    constraints: dict[str, Call] = field(default_factory=dict)

    def copy(self) -> Model:
        return replace(
            self,
            fields=dict(self.fields),
            unique_together=list(self.unique_together),
            indexes=dict(self.indexes),
            constraints=dict(self.constraints),
        )


State = dict[tuple[str, str], Model]  # (app label, model name lower case)


@dataclass
class Cx:
    """One reading: the dialect SQL is rendered in, and what rendering the current operation could not
    read (moved into the migration's notes after each operation)."""

    dialect: str
    user_model: str = "auth.User"  # settings.AUTH_USER_MODEL: a swapped-out auth.User is not created
    notes: list[str] = field(default_factory=list)


class NotRead(Exception):
    """An operation (or a part of it) the reader cannot turn into SQL without guessing."""


def copy_state(state: State) -> State:
    return {k: m.copy() for k, m in state.items()}


def model_of(state: State, app: str, name: object) -> Model:
    key = ref(app, name)
    if key not in state:
        raise NotRead(f"model {name} is not created by the migrations read")
    return state[key]


def ref(app: str, name: object) -> tuple[str, str]:
    """A model reference (``"Project"``, ``"billing.Invoice"``) as a state key."""
    text = str(name)
    if "." in text:
        other, model = text.rsplit(".", 1)
        return (other, model.lower())
    return (app, text.lower())


def default_table(app: str, name: str) -> str:
    return f"{app}_{name}".lower()


def constraint_name(*parts: str, suffix: str) -> str:
    """A constraint or index name of at most 63 characters, unique by a digest of its parts."""
    base = "_".join(parts)
    full = f"{base}_{suffix}"
    if len(full) <= 63:
        return full
    digest = hashlib.md5(full.encode(), usedforsecurity=False).hexdigest()[:8]
    return f"{base[: 63 - len(suffix) - 10]}_{digest}_{suffix}"


# Django decides every foreign key's on_delete in Python and runs it itself (the database's constraint has
# none unless ``db_on_delete``): the review's SW301 (no ON DELETE decision) does not apply, and says so
_ON_DELETE_BY_DJANGO = " -- schemawright:ignore SW301 on_delete is decided in the model and run by Django"


def render(cx: Cx, call: Callable[[Any], object]) -> str:
    renderer = Renderer(cx.dialect)
    sql = renderer.run(lambda: call(renderer.ops))
    return "\n".join(
        f"{line}{_ON_DELETE_BY_DJANGO}" if " REFERENCES " in line and " ON DELETE " not in line else line
        for line in sql.split("\n")
    )


# --- the columns of a model ---------------------------------------------------------------------------


def key_type(cx: Cx, state: State, app: str, target: str, owner: Model | None) -> tuple[Any, Model | None]:
    """The primary key type of a relation's target, and the target (None: outside the apps read)."""
    if target == "self" and owner is not None:
        found: Model | None = owner
    else:
        found = state.get(ref(app, target))
    if found is None:
        return sa.Integer(), None  # auth.User and Django's other contrib models key on an AutoField
    for f in found.fields.values():
        if is_primary(f):
            return type_of(cx, f, state, found), found
    return sa.BigInteger(), found


def type_of(cx: Cx, f: object, state: State, model: Model) -> Any:
    if isinstance(f, Call) and f.kind in RELATIONS:
        return key_type(cx, state, model.app, relation_target(f), model)[0]
    return column_type(f, cx.dialect)


def table_items(cx: Cx, model: Model, state: State, notes: list[str]) -> tuple[list[Any], list[Any]]:
    """(columns and constraints for CREATE TABLE, indexes to create after it)."""
    items: list[Any] = []
    indexes: list[Any] = []
    for fname, f in model.fields.items():
        if isinstance(f, Call) and f.kind == "ManyToManyField":
            continue
        col, extra, idx = column_of(cx, model, fname, f, state, notes)
        items += [col, *extra]
        indexes += idx
    for fields in model.unique_together:
        cols = [column_name(n, model.fields.get(n)) for n in fields]
        items.append(sa.UniqueConstraint(*cols, name=constraint_name(model.table, *cols, suffix="uniq")))
    return items, indexes


def column_of(
    cx: Cx, model: Model, fname: str, f: object, state: State, notes: list[str]
) -> tuple[Any, list[Any], list[Any]]:
    """A field's column, its foreign key (if any) and the indexes Django makes for it."""
    name = column_name(fname, f)
    if not known(f):
        what = f.kind if isinstance(f, Call) else getattr(f, "dotted", "?")
        notes.append(f"field {model.table}.{name}: {what} is not one of Django's fields; read as text")
    call = f if isinstance(f, Call) else Call("?")
    extra: list[Any] = []
    indexes: list[Any] = []
    primary = is_primary(call)
    if call.kind in RELATIONS:
        target = relation_target(call)
        kind, found = key_type(cx, state, model.app, target, model)
        if found is None:
            notes.append(
                f"field {model.table}.{name}: references {target}, outside the migrations read; no constraint"
            )
        elif call.kwargs.get("db_constraint") is not False:
            ref_col = pk_column(found)
            extra.append(
                sa.ForeignKeyConstraint(
                    [name],
                    [f"{found.table}.{ref_col}"],
                    name=constraint_name(model.table, name, "fk", found.table, ref_col, suffix="id"),
                    ondelete=on_delete(call),
                    **deferred(cx),
                )
            )
        one = call.kind == "OneToOneField" or call.kwargs.get("unique") is True
        if not one and call.kwargs.get("db_index") is not False:
            indexes.append(sa.Index(constraint_name(model.table, name, suffix="idx"), name))
    else:
        kind = column_type(call, cx.dialect)
        if call.kwargs.get("db_index") is True and not primary and call.kwargs.get("unique") is not True:
            indexes.append(sa.Index(constraint_name(model.table, name, suffix="idx"), name))
    unique = (call.kwargs.get("unique") is True or call.kind == "OneToOneField") and not primary
    args: list[Any] = [name, kind]
    if call.kind in AUTO and dialect_for(cx.dialect).has_identity_columns:
        args.append(sa.Identity())
    col = sa.Column(
        *args,
        primary_key=primary,
        nullable=bool(call.kwargs.get("null", False)) and not primary,
        autoincrement=call.kind in AUTO,
    )
    if unique:
        extra.append(sa.UniqueConstraint(name, name=constraint_name(model.table, name, suffix="key")))
    return col, extra, indexes


def deferred(cx: Cx) -> dict[str, Any]:
    """Django's foreign keys on PostgreSQL are checked at commit (DEFERRABLE INITIALLY DEFERRED)."""
    return (
        {"deferrable": True, "initially": "DEFERRED"}
        if dialect_for(cx.dialect).deferrable_foreign_keys
        else {}
    )


def pk_column(model: Model) -> str:
    return next((column_name(n, f) for n, f in model.fields.items() if is_primary(f)), "id")


def through_table(
    cx: Cx, model: Model, fname: str, f: Call, state: State, notes: list[str]
) -> tuple[str, list[Any]] | None:
    """The join table Django creates for a many-to-many field without ``through``."""
    if f.kwargs.get("through") is not None:
        return None
    target = relation_target(f)
    other = model if target == "self" else state.get(ref(model.app, target))
    table = (
        f.kwargs.get("db_table") if isinstance(f.kwargs.get("db_table"), str) else f"{model.table}_{fname}"
    )
    src, dst = model.name.lower(), (other.name.lower() if other else target.rsplit(".", 1)[-1].lower())
    if src == dst:
        src, dst = f"from_{src}", f"to_{dst}"
    src_type = key_type(cx, state, model.app, model.name, model)[0]
    dst_type, found = key_type(cx, state, model.app, target, model)
    pg = deferred(cx)
    items: list[Any] = [
        sa.Column(
            "id",
            sa.Integer(),
            *([sa.Identity()] if dialect_for(cx.dialect).has_identity_columns else []),
            primary_key=True,
        ),
        sa.Column(f"{src}_id", src_type, nullable=False),
        sa.Column(f"{dst}_id", dst_type, nullable=False),
        sa.UniqueConstraint(
            f"{src}_id",
            f"{dst}_id",
            name=constraint_name(str(table), f"{src}_id", f"{dst}_id", suffix="uniq"),
        ),
        sa.ForeignKeyConstraint(
            [f"{src}_id"],
            [f"{model.table}.{pk_column(model)}"],
            name=constraint_name(str(table), src, suffix="fk"),
            **pg,
        ),
    ]
    if found is not None:
        items.append(
            sa.ForeignKeyConstraint(
                [f"{dst}_id"],
                [f"{found.table}.{pk_column(found)}"],
                name=constraint_name(str(table), dst, suffix="fk"),
                **pg,
            )
        )
    else:
        notes.append(
            f"field {model.table}.{fname}: references {target}, outside the migrations read; no constraint"
        )
    # each of the two foreign key columns gets its own index, as on Django's auto-created through model
    items += [sa.Index(constraint_name(str(table), c, suffix="idx"), c) for c in (f"{src}_id", f"{dst}_id")]
    return str(table), items
