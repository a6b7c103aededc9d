"""Static replay: each parsed statement applied to the review's :class:`~schemawright.review.schema.Schema`,
whose tables are :mod:`schemawright.catalog.models` tables, so a review needs no database.

Static replay covers CREATE/ALTER/DROP of tables, columns, constraints, indexes, functions, triggers, types
and views. Replaying the same chain on a real engine (``schemawright.verify.engines.scratch_database``) and
reflecting the result would add fidelity for what this model does not interpret: DO blocks, dynamic SQL,
inheritance, defaults that depend on functions, and engine-specific implicit indexes.

A statement changes a table only through :meth:`Schema.ensure` or :meth:`Schema.own` (copy on write: a
table shared with a copy of the schema is cloned first) or by storing a new one (:meth:`Schema.put`), and
says when it gives a table an index (:meth:`Schema.index_added`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from sqlglot import exp

from schemawright.catalog import models as cat
from schemawright.review.parse import Statement, to_sql
from schemawright.review.schema import Schema, column, ident, index, key, trigger_key, trigger_name

_TEXT = cat.LogicalType(name="text")  # static replay does not map types to logical ones (known_type False)


def _put_column(table: cat.Table, col: cat.Column) -> None:
    """Add ``col``, or replace the column of its name where it stands."""
    k = key(col.name)
    for at, old in enumerate(table.columns):
        if key(old.name) == k:
            table.columns[at] = col
            return
    table.columns.append(col)


def _own_column(table: cat.Table, col: cat.Column) -> cat.Column:
    """``col``, a column of ``table``, made safe to change: a copy put in its place. A table shares its
    columns with the schema copies it was cloned from (:func:`schemawright.review.schema.Schema.own`), so
    every change to a column goes through here."""
    mine = col.model_copy()
    table.columns = [mine if c is col else c for c in table.columns]
    return mine


def _put_index(table: cat.Table, ix: cat.Index) -> None:
    """Add ``ix``, or replace the index of its name where it stands."""
    k = key(ix.name or "")
    for at, old in enumerate(table.indexes):
        if key(old.name or "") == k:
            table.indexes[at] = ix
            return
    table.indexes.append(ix)


def apply(schema: Schema, stmt: Statement) -> None:
    """Update the model with one statement; statements it does not understand leave it unchanged."""
    e = stmt.expr
    if isinstance(e, exp.Create):
        _create(schema, e, stmt)
    elif isinstance(e, exp.Alter) and str(e.args.get("kind") or "TABLE").upper() == "TABLE":
        _alter(schema, e, stmt)
    elif isinstance(e, exp.Alter):
        _rename(schema, e)
    elif isinstance(e, exp.Drop):
        _drop(schema, e)
    elif isinstance(e, exp.Comment) and str(e.args.get("kind", "")).upper() == "TABLE":
        if schema.table(ident(e.this)) is not None:
            table = schema.ensure(ident(e.this))
            table.comment = e.expression.name if e.expression is not None else ""
    else:
        _raw(schema, stmt)


def _create(schema: Schema, e: exp.Create, stmt: Statement) -> None:
    kind = str(e.args.get("kind") or "").upper()
    _note_schema(schema, e, kind)
    if kind == "TABLE":
        _create_table(schema, e, stmt)
    elif kind == "INDEX":
        ix = e.this
        table_name = ident(ix.args.get("table"))
        table = schema.ensure(table_name)
        params = ix.args.get("params")
        columns: list[str] = []
        keys: list[cat.IndexKey] = []
        where = using = None
        if params is not None:
            for col in params.args.get("columns") or []:
                inner = col.this if isinstance(col, exp.Ordered) else col
                if isinstance(inner, exp.Column):
                    columns.append(ident(inner))
                    keys.append(cat.IndexKey(column=key(ident(inner))))
                else:
                    columns.append(stmt.render(inner).lower())
                    keys.append(cat.IndexKey(expression=columns[-1]))
            where_node = params.args.get("where")
            where = stmt.render(where_node) if where_node is not None else None
            using_node = params.args.get("using")
            using = using_node.name.lower() if using_node is not None else None
        name = ident(ix.this) or f"{table.name}_{'_'.join(columns)}_idx"
        _put_index(
            table,
            cat.Index(
                name=name,
                keys=keys,
                unique=bool(e.args.get("unique")),
                where=where,
                method=using,
                path=stmt.path,
                line=stmt.line,
            ),
        )
        schema.index_added(key(table_name), name)
    elif kind == "TRIGGER":
        props = e.args.get("properties")
        trig = props.find(exp.TriggerProperties) if props is not None else None
        table_node = trig.args.get("table") if trig is not None else None
        trigger = trigger_key(ident(e.this), ident(table_node))
        schema.triggers[trigger] = key(ident(table_node))
        execute = trig.args.get("execute") if trig is not None else None
        if isinstance(execute, exp.Expression) and isinstance(execute.this, exp.Func):
            schema.trigger_functions[trigger] = key(execute.this.name)
    elif kind in ("FUNCTION", "PROCEDURE"):
        schema.functions.add(
            key(ident(e.this.this if isinstance(e.this, exp.UserDefinedFunction) else e.this))
        )
    elif kind == "TYPE":
        schema.types.add(key(ident(e.this)))
    elif kind in ("VIEW", "MATERIALIZED VIEW"):
        schema.views.add(key(ident(e.this)))
        if isinstance(e.expression, exp.Expression):
            schema.view_sources[key(ident(e.this))] = frozenset(
                key(ident(t)) for t in e.expression.find_all(exp.Table)
            )


def _create_table(schema: Schema, e: exp.Create, stmt: Statement) -> None:
    target = e.this
    name = ident(target)
    if e.args.get("exists") and schema.table(name) is not None:
        return
    table = cat.Table(name=name, comment="", path=stmt.path, line=stmt.line)
    props = e.args.get("properties")
    if props is not None:
        table.partitioned = props.find(exp.PartitionedByProperty) is not None
        part_of = props.find(exp.PartitionedOfProperty)
        if part_of is not None:
            table.partition_of = cat.TableRef(name=key(ident(part_of.this)))
        for prop in props.expressions:
            if isinstance(prop, exp.SchemaCommentProperty):
                table.comment = prop.this.name
    if isinstance(target, exp.Schema):
        for item in target.expressions:
            if isinstance(item, exp.ColumnDef):
                _add_column(schema, table, item, stmt)
            else:
                _add_constraint(table, item, stmt)
    schema.put(key(name), table)


def _add_column(schema: Schema, table: cat.Table, cdef: exp.ColumnDef, stmt: Statement) -> None:
    name = ident(cdef.this)
    kind = cdef.args.get("kind")
    dtype = kind.this.name if isinstance(kind, exp.DataType) else ""
    col = cat.Column(
        name=name,
        type=to_sql(kind, "postgres") if kind is not None else "",
        known_type=False,
        logical=_TEXT,
        base_type=dtype,
        autoincrement=dtype in ("SERIAL", "BIGSERIAL", "SMALLSERIAL"),
        constrained=dtype == "ENUM"
        or (dtype == "USERDEFINED" and key(stmt.render(kind)) in schema.types if kind else False),
        path=stmt.path,
        line=_line_of(stmt, name),
    )
    for cons in cdef.args.get("constraints") or []:
        ckind = cons.args.get("kind")
        if isinstance(ckind, exp.NotNullColumnConstraint):
            col.nullable = bool(ckind.args.get("allow_null"))
        elif isinstance(ckind, exp.DefaultColumnConstraint):
            col.default = stmt.render(ckind.this) if ckind.this is not None else "NULL"
        elif isinstance(ckind, exp.PrimaryKeyColumnConstraint):
            table.primary_key = cat.PrimaryKey(
                name=ident(cons.this) or _default_name(table, [], "pkey"), columns=[key(name)]
            )
            col.nullable = False
        elif isinstance(ckind, exp.UniqueColumnConstraint):
            table.uniques.append(
                cat.Unique(
                    name=ident(cons.this) or _default_name(table, [key(name)], "key"), columns=[key(name)]
                )
            )
        elif isinstance(ckind, exp.CheckColumnConstraint):
            col.constrained = True
            table.checks.append(cat.Check(expression=stmt.render(ckind.this)))
        elif isinstance(ckind, exp.GeneratedAsIdentityColumnConstraint):
            col.identity = True
        elif isinstance(ckind, exp.AutoIncrementColumnConstraint):
            col.autoincrement = True
        elif isinstance(ckind, exp.Reference):
            fk = _foreign_key(ident(cons.this) or None, [key(name)], ckind, stmt)
            fk.name = fk.name or _default_name(table, [key(name)], "fkey")
            table.foreign_keys.append(fk)
    _put_column(table, col)


def _add_constraint(table: cat.Table, item: exp.Expression, stmt: Statement) -> None:
    name = None
    parts: list[exp.Expression] = [item]
    if isinstance(item, exp.Constraint):
        name = ident(item.this) or None
        parts = list(item.expressions)
    for part in parts:
        if isinstance(part, exp.PrimaryKey):
            table.primary_key = cat.PrimaryKey(
                name=name or _default_name(table, [], "pkey"),
                columns=[key(ident(c)) for c in part.expressions],
            )
        elif isinstance(part, exp.ForeignKey):
            cols = [key(ident(c)) for c in part.expressions]
            ref = part.args.get("reference")
            if isinstance(ref, exp.Reference):
                fk = _foreign_key(name, cols, ref, stmt)
                fk.name = fk.name or _default_name(table, cols, "fkey")
                table.foreign_keys.append(fk)
        elif isinstance(part, exp.UniqueColumnConstraint):
            columns = part.this
            cols = [key(ident(c)) for c in columns.expressions] if columns is not None else []
            table.uniques.append(cat.Unique(name=name or _default_name(table, cols, "key"), columns=cols))
        elif isinstance(part, exp.CheckColumnConstraint):
            table.checks.append(cat.Check(name=name, expression=stmt.render(part.this)))


def _default_name(table: cat.Table, cols: list[str], suffix: str) -> str:
    """The name PostgreSQL gives a constraint declared without one (``posts_author_id_fkey``,
    ``comment_reply_recipient_id_comment_id_key``, ``posts_pkey``): the table's name when it was made,
    kept through a later RENAME, so a ``DROP CONSTRAINT`` by that name finds it."""
    return "_".join([key(table.name), *cols, suffix])


def _drop_constraint(table: cat.Table, name: str) -> None:
    """``ALTER TABLE … DROP CONSTRAINT name``: whichever constraint has that name."""
    table.foreign_keys = [f for f in table.foreign_keys if key(f.name or "") != name]
    table.uniques = [u for u in table.uniques if key(u.name or "") != name]
    table.checks = [c for c in table.checks if key(c.name or "") != name]
    if table.primary_key is not None and key(table.primary_key.name or "") == name:
        table.primary_key = None


def _alter(schema: Schema, e: exp.Alter, stmt: Statement) -> None:
    table = schema.ensure(ident(e.this))
    for action in e.args.get("actions") or []:
        if isinstance(action, exp.ColumnDef):
            _add_column(schema, table, action, stmt)
        elif isinstance(action, exp.AddConstraint):
            for item in action.expressions:
                _add_constraint(table, item, stmt)
        elif isinstance(action, exp.AlterColumn):
            found = column(table, ident(action.this))
            if found is None:
                continue
            col = _own_column(table, found)
            dtype = action.args.get("dtype")
            if isinstance(dtype, exp.DataType):
                col.type, col.base_type = to_sql(dtype, "postgres"), dtype.this.name
            if action.args.get("allow_null") is not None and action.args.get("dtype") is None:
                col.nullable = bool(action.args.get("allow_null"))
            if "default" in action.args and action.args.get("default") is not None:
                col.default = stmt.render(action.args["default"])
        elif isinstance(action, exp.RenameColumn):
            old, new = ident(action.this), ident(action.args.get("to"))
            renamed = column(table, old)
            if renamed is not None:
                table.columns = [c for c in table.columns if c is not renamed]
                moved = renamed.model_copy()
                moved.name = new
                _put_column(table, moved)
        elif isinstance(action, exp.AlterRename):
            new_name = ident(action.this)
            _move_triggers(schema, key(table.name), key(new_name))
            schema.pop(key(table.name))
            table.name = new_name
            schema.put(key(new_name), table)
        elif isinstance(action, exp.Drop):
            kind = str(action.args.get("kind") or "").upper()
            for target in action.args.get("tables") or []:
                if kind == "COLUMN":
                    _drop_column(table, key(ident(target)))
                elif kind == "CONSTRAINT":
                    _drop_constraint(table, key(ident(target)))


def _partition_tree(schema: Schema, name: str) -> set[str]:
    """``name`` and its partitions, theirs included (a sub-partitioned partition's own)."""
    tree = {name}
    while (
        more := {
            k for k, t in schema.tables.items() if t.partition_of is not None and t.partition_of.name in tree
        }
        - tree
    ):
        tree |= more
    return tree


def _drop(schema: Schema, e: exp.Drop) -> None:
    kind = str(e.args.get("kind") or "").upper()
    cascade = bool(e.args.get("cascade"))
    for target in e.args.get("tables") or []:
        name = key(ident(target))
        if kind == "TABLE":
            # dropping a partitioned table drops its partitions (and theirs), and every table takes
            # its triggers
            gone = _partition_tree(schema, name)
            for table_key in gone:
                schema.pop(table_key)
            schema.triggers = {t: tbl for t, tbl in schema.triggers.items() if tbl not in gone}
            if cascade:
                _cascade_from(schema, gone)
        elif kind == "INDEX":
            owner = schema.index_owner(name)
            if owner is not None:
                table = schema.ensure(owner.name)
                table.indexes = [i for i in table.indexes if key(i.name or "") != name]
        elif kind == "TRIGGER":
            for trigger in triggers_named(schema, name, trigger_table(e)):
                schema.triggers.pop(trigger, None)
                schema.trigger_functions.pop(trigger, None)
        elif kind in ("FUNCTION", "PROCEDURE"):
            _drop_function(schema, name, cascade)
        elif kind == "TYPE":
            schema.types.discard(name)
            if cascade:  # columns of the type go with it
                for tkey, table in list(schema.tables.items()):
                    for ckey in [key(c.name) for c in table.columns if _of_type(c, name)]:
                        _drop_column(schema.own(tkey, schema.tables[tkey]), ckey)
        elif kind in ("VIEW", "MATERIALIZED VIEW"):
            schema.views.discard(name)
            schema.view_sources.pop(name, None)
            _drop_view_indexes(schema, name)
            if cascade:
                _cascade_from(schema, {name})
        elif kind == "SCHEMA" and cascade:  # sqlglot reads the schema's name as a table's db
            _drop_schema(schema, key(target.db) if isinstance(target, exp.Table) and target.db else name)


def _move_triggers(schema: Schema, old: str, new: str) -> None:
    """A renamed table keeps its triggers (their key names the table)."""
    for trigger in [t for t, table in schema.triggers.items() if table == old]:
        moved = trigger_key(trigger_name(trigger), new)
        schema.triggers[moved] = new
        del schema.triggers[trigger]
        if trigger in schema.trigger_functions:
            schema.trigger_functions[moved] = schema.trigger_functions.pop(trigger)


def trigger_table(e: exp.Drop) -> str | None:
    """The table of ``DROP TRIGGER name ON table`` (None: MySQL's ``DROP TRIGGER name``)."""
    on = e.args.get("cluster")
    return ident(on.this) if isinstance(on, exp.OnProperty) else None


def triggers_named(schema: Schema, name: str, table: str | None) -> list[str]:
    """The triggers ``name`` (on ``table`` when given) in ``schema``."""
    if table is not None:
        trigger = trigger_key(name, table)
        return [trigger] if trigger in schema.triggers else []
    return [t for t in schema.triggers if trigger_name(t) == key(name)]


def _drop_function(schema: Schema, name: str, cascade: bool) -> None:
    schema.functions.discard(name)
    if cascade:  # its triggers go with it
        for trigger in [t for t, f in schema.trigger_functions.items() if f == name]:
            schema.triggers.pop(trigger, None)
            schema.trigger_functions.pop(trigger, None)


def _note_schema(schema: Schema, e: exp.Create, kind: str) -> None:
    """Remember the named schema a created table, view or function is in (``CREATE TABLE utils.deps``)."""
    target = e.this.this if isinstance(e.this, exp.Schema | exp.UserDefinedFunction) else e.this
    what = {"TABLE": "table", "VIEW": "view", "MATERIALIZED VIEW": "view", "FUNCTION": "function"}.get(kind)
    if what and isinstance(target, exp.Table) and target.db:
        schema.in_schema[f"{what} {key(target.name)}"] = key(target.db)


def _drop_schema(schema: Schema, name: str) -> None:
    """DROP SCHEMA … CASCADE: the tables, views and functions made in it go with it."""
    for member in [m for m, owner in schema.in_schema.items() if owner == name]:
        what, obj = member.split(" ", 1)
        if what == "table":
            schema.pop(obj)
        elif what == "view":
            schema.views.discard(obj)
            schema.view_sources.pop(obj, None)
        else:
            schema.functions.discard(obj)
        del schema.in_schema[member]


def _drop_view_indexes(schema: Schema, view: str) -> None:
    """A materialized view's indexes (kept on a stub table of its name) go with the view."""
    held = schema.tables.get(view)
    if held is not None and held.stub:
        schema.pop(view)


def _cascade_from(schema: Schema, gone: set[str]) -> None:
    """What DROP … CASCADE of tables or views ``gone`` also drops: the views that read them (and views
    on those views), and the foreign keys other tables have to them."""
    while dependent := {v for v, src in schema.view_sources.items() if src & gone and v not in gone}:
        gone |= dependent
    for view in gone & schema.views:
        schema.views.discard(view)
        schema.view_sources.pop(view, None)
        _drop_view_indexes(schema, view)
    for tkey, table in list(schema.tables.items()):
        if any(fk.ref_table in gone for fk in table.foreign_keys):
            owned = schema.own(tkey, table)
            owned.foreign_keys = [fk for fk in owned.foreign_keys if fk.ref_table not in gone]


def _rename(schema: Schema, e: exp.Alter) -> None:
    """ALTER INDEX / VIEW … RENAME TO (ALTER TYPE … RENAME TO is a raw command, see _raw)."""
    kind = str(e.args.get("kind") or "").upper()
    renames = [a for a in e.args.get("actions") or [] if isinstance(a, exp.AlterRename)]
    if not renames:
        return
    old, new = key(ident(e.this)), key(ident(renames[-1].this))
    if kind == "INDEX" and (owner := schema.index_owner(old)) is not None:
        table = schema.ensure(owner.name)
        found = index(table, old)
        assert found is not None
        table.indexes = [i for i in table.indexes if i is not found]
        _put_index(table, found.model_copy(update={"name": ident(renames[-1].this)}))
        schema.index_added(key(owner.name), new)
    elif kind in ("VIEW", "MATERIALIZED VIEW") and old in schema.views:
        schema.views.discard(old)
        schema.views.add(new)
        if old in schema.view_sources:
            schema.view_sources[new] = schema.view_sources.pop(old)
        schema.view_sources = {
            v: frozenset(new if s == old else s for s in src) for v, src in schema.view_sources.items()
        }


def _rename_type(schema: Schema, old: str, new: str) -> None:
    """ALTER TYPE old RENAME TO new: columns of the type keep it under its new name."""
    if old not in schema.types:
        return
    schema.types.discard(old)
    schema.types.add(new)
    for tkey, table in list(schema.tables.items()):
        for ckey in [key(c.name) for c in table.columns if _of_type(c, old)]:
            owned = schema.own(tkey, schema.tables[tkey])
            found = column(owned, ckey)
            assert found is not None
            col = _own_column(owned, found)
            col.type = re.sub(rf"^{re.escape(old)}\b", new, col.type, flags=re.I)


def _raw(schema: Schema, stmt: Statement) -> None:
    """Statements sqlglot keeps as opaque commands (functions with bodies, some ALTERs)."""
    text = stmt.upper
    if m := _CREATE_FUNCTION.match(text):
        *owner, name = [part.strip('"') for part in m["name"].split(".")]
        schema.functions.add(key(name))
        if owner:
            schema.in_schema[f"function {key(name)}"] = key(owner[-1])
    elif m := _DROP_FUNCTION.match(text):
        for name in _SIGNATURE.findall(m["names"]):  # f (a int, b regclass), g: each name, not its arguments
            _drop_function(schema, key(name.split(".")[-1].strip('"')), bool(m["cascade"]))
    elif m := _RENAME_TYPE.match(text):
        _rename_type(schema, key(m["old"].split(".")[-1].strip('"')), key(m["new"].strip('"')))


_CREATE_FUNCTION = re.compile(r"CREATE (?:OR REPLACE )?(?:FUNCTION|PROCEDURE) (?P<name>[\w.\"]+)")
_DROP_FUNCTION = re.compile(
    r"DROP (?:FUNCTION|PROCEDURE) (?:IF EXISTS )?(?P<names>.+?)(?: (?P<cascade>CASCADE)| RESTRICT)?$"
)
_SIGNATURE = re.compile(r"([\w.\"]+)\s*(?:\([^()]*\))?\s*(?:,|$)")
_RENAME_TYPE = re.compile(r"ALTER TYPE (?P<old>[\w.\"]+) RENAME TO (?P<new>[\w\"]+)$")


def _drop_column(table: cat.Table, gone: str) -> None:
    """The engine drops the indexes and foreign keys that use a column with it."""
    table.columns = [c for c in table.columns if key(c.name) != gone]
    table.indexes = [i for i in table.indexes if gone not in i.key_texts]
    table.foreign_keys = [f for f in table.foreign_keys if gone not in f.columns]


def _of_type(col: cat.Column, type_name: str) -> bool:
    """Whether the column's type is the user-defined type ``type_name`` (or an array of it)."""
    base = key(col.type).split(".")[-1].strip('"')
    return base in (type_name, f"{type_name}[]")


def _foreign_key(name: str | None, cols: list[str], ref: exp.Reference, stmt: Statement) -> cat.ForeignKey:
    target = ref.this
    ref_cols = [key(ident(c)) for c in target.expressions] if isinstance(target, exp.Schema) else []
    on_delete = None
    for opt in ref.args.get("options") or []:
        text = str(opt).upper()
        if text.startswith("ON DELETE"):
            on_delete = text.removeprefix("ON DELETE").strip()
    line = _line_of(stmt, name) if name else _line_of(stmt, "REFERENCES")
    return cat.ForeignKey(
        name=name,
        columns=cols,
        ref_table=key(ident(target)),
        ref_columns=ref_cols,
        on_delete=on_delete,
        path=stmt.path,
        line=line,
    )


def _line_of(stmt: Statement, word: str) -> int:
    """Line of the first whole-word occurrence of ``word`` inside the statement (its column definition):
    ``word`` in any case, not inside a longer name, or quoted."""
    at = _find_word(stmt.text, word)
    return stmt.line if at < 0 else stmt.line + stmt.text.count("\n", 0, at)


def _find_word(text: str, word: str) -> int:
    """Where the first whole-word occurrence of ``word`` in ``text`` starts, or -1: what the pattern
    ``(?<![\\w"])WORD(?![\\w"])|"WORD"`` (case-insensitive) finds, on the same line. Plain string search
    for ASCII text (compiling that pattern for every column name cost more than the search); the pattern
    itself otherwise."""
    if not (word and text.isascii() and word.isascii()) or '"' in word:
        m = _word_pattern(word).search(text)
        return -1 if m is None else m.start()
    low, target, n = text.lower(), word.lower(), len(word)
    at = low.find(target)
    while at >= 0:
        before = low[at - 1] if at > 0 else ""
        after = low[at + n] if at + n < len(low) else ""
        if not _in_name(before) and not _in_name(after):
            return at
        if before == '"' and after == '"':
            return at - 1
        at = low.find(target, at + 1)
    return -1


def _in_name(char: str) -> bool:
    """Whether ``char`` (ASCII, or "") continues a name or a quoted one: ``[\\w"]``."""
    return char != "" and (char.isalnum() or char in '_"')


@lru_cache(maxsize=1024)
def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w\"]){re.escape(word)}(?![\w\"])|\"{re.escape(word)}\"", re.I)
