"""The reviewer's static replay: a migration history applied, statement by statement, to the one catalog
model (:mod:`schemawright.catalog.models`), so a review needs no database.

Static replay covers CREATE/ALTER/DROP of tables, columns, constraints, indexes, functions, triggers, types
and views. Replaying the same chain on a real engine (``schemawright.verify.engines.scratch_database``) and
reflecting the result would add fidelity for what this model does not interpret: DO blocks, dynamic SQL,
inheritance, defaults that depend on functions, and engine-specific implicit indexes.

Tables, columns, keys, constraints and indexes are catalog objects (:class:`schemawright.catalog.models.Table`
and what it holds), with the facts only a static reading knows: where each was written (``path``, ``line``)
and stub tables (altered, never created in the history read). :class:`Schema` is an index over them, not a
second model: the tables by lower-case bare name (the keys a rule looks them up by, as the engine folds
unquoted names), the names of the other objects, and what DROP … CASCADE follows. The references a table
holds (key, foreign key and index columns, the referenced table, a partition's parent) are lower-case keys
too.

A review keeps the schema before each migration, after its up and after its down, so :meth:`Schema.copy`
must be cheap: copies share every table until one changes it, and then that one changes its own clone
(copy on write). A schema knows the tables it may change in place by their keys (:attr:`Schema.owned`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from sqlglot import exp

from schemawright.catalog import models as cat
from schemawright.review.parse import Statement


def ident(node: exp.Expression | str | None) -> str:
    """Identifier text as written (case kept, quotes removed); lower-cased later for lookups."""
    if node is None:
        return ""
    if isinstance(node, str):
        return node
    if isinstance(node, exp.Table | exp.Column):
        return ident(node.this)
    if isinstance(node, exp.Identifier):
        return str(node.this)
    if isinstance(node, exp.Schema):
        return ident(node.this)
    return node.name or node.sql()


def key(name: str) -> str:
    return name.lower()


# ---- case-insensitive access to a catalog table's parts -------------------------------------------------
def column(table: cat.Table, name: str) -> cat.Column | None:
    """The column named ``name`` in any case."""
    k = key(name)
    return next((c for c in table.columns if key(c.name) == k), None)


def column_keys(table: cat.Table) -> list[str]:
    return [key(c.name) for c in table.columns]


def index(table: cat.Table, name: str) -> cat.Index | None:
    """The index named ``name`` in any case."""
    k = key(name)
    return next((i for i in table.indexes if key(i.name or "") == k), None)


def primary_key(table: cat.Table) -> list[str]:
    """The primary key's columns (lower-case), or none."""
    return table.primary_key.columns if table.primary_key is not None else []


def _put_column(table: cat.Table, col: cat.Column) -> None:
    """Add ``col``, or replace the column of its name where it stands."""
    k = key(col.name)
    for at, old in enumerate(table.columns):
        if key(old.name) == k:
            table.columns[at] = col
            return
    table.columns.append(col)


def _put_index(table: cat.Table, ix: cat.Index) -> None:
    """Add ``ix``, or replace the index of its name where it stands."""
    k = key(ix.name or "")
    for at, old in enumerate(table.indexes):
        if key(old.name or "") == k:
            table.indexes[at] = ix
            return
    table.indexes.append(ix)


def _clone(table: cat.Table) -> cat.Table:
    """A copy whose lists and columns can change without touching ``table`` (keys, constraints and indexes
    are replaced, never changed in place, so they are shared)."""
    return table.model_copy(
        update={
            "columns": [c.model_copy() for c in table.columns],
            "foreign_keys": list(table.foreign_keys),
            "uniques": list(table.uniques),
            "checks": list(table.checks),
            "indexes": list(table.indexes),
            "partitions": list(table.partitions),
        }
    )


def table_objects(table_key: str, table: cat.Table) -> set[str]:
    """The named objects of one table, as :meth:`Schema.objects` names them."""
    out = {f"column {table_key}.{key(c.name)}" for c in table.columns}
    out |= {f"index {key(i.name or '')}" for i in table.indexes}
    if not table.stub:
        out.add(f"table {table_key}")
    return out


_TEXT = cat.LogicalType(name="text")  # static replay does not map types to logical ones (known_type False)


@dataclass
class Schema:
    tables: dict[str, cat.Table] = field(default_factory=dict)
    functions: set[str] = field(default_factory=set)
    triggers: dict[str, str] = field(default_factory=dict)  # trigger -> table key
    types: set[str] = field(default_factory=set)
    views: set[str] = field(default_factory=set)
    # what CASCADE follows: trigger -> the function it executes, view -> the tables and views it reads
    trigger_functions: dict[str, str] = field(default_factory=dict)
    view_sources: dict[str, frozenset[str]] = field(default_factory=dict)
    # the keys of the tables this schema made or cloned since its last copy: it may change them in place;
    # every other table may be shared with a copy
    owned: set[str] = field(default_factory=set, repr=False, compare=False)

    def copy(self) -> Schema:
        """An independent copy, made in time proportional to the number of tables, not their size: the
        two share every table until one of them changes it, and then that one changes a clone (copy on
        write). A review copies the schema twice per migration, so a deep copy made long histories
        quadratic."""
        self.owned = set()  # tables this schema owned are shared from now on
        return Schema(
            dict(self.tables),
            set(self.functions),
            dict(self.triggers),
            set(self.types),
            set(self.views),
            dict(self.trigger_functions),
            dict(self.view_sources),
        )

    def table(self, name: str) -> cat.Table | None:
        return self.tables.get(key(name))

    def ensure(self, name: str) -> cat.Table:
        """The table, or a stub for one created outside the visible chain (it counts as existing); the
        caller may change it."""
        found = self.tables.get(key(name))
        if found is None:
            found = self.tables[key(name)] = cat.Table(name=name, stub=True)
            self.owned.add(key(name))
        return self._own(key(name), found)

    def _own(self, table_key: str, table: cat.Table) -> cat.Table:
        """``table`` (stored under ``table_key``) made safe to change in place: cloned if shared."""
        if table_key not in self.owned:
            table = self.tables[table_key] = _clone(table)
            self.owned.add(table_key)
        return table

    def _put(self, table_key: str, table: cat.Table) -> None:
        """Store a table this schema made (or owns) under ``table_key``."""
        self.tables[table_key] = table
        self.owned.add(table_key)

    def _pop(self, table_key: str) -> cat.Table | None:
        self.owned.discard(table_key)
        return self.tables.pop(table_key, None)

    def changes_since(self, before: Schema) -> tuple[set[str], set[str]]:
        """(objects this schema has that ``before`` has not, objects ``before`` has that this one has not),
        the same as comparing :meth:`objects` but looking only at tables the two do not share."""
        mine: set[str] = set()
        theirs: set[str] = set()
        for tkey in self.tables.keys() | before.tables.keys():
            now, then = self.tables.get(tkey), before.tables.get(tkey)
            if now is then:
                continue
            if now is not None:
                mine |= table_objects(tkey, now)
            if then is not None:
                theirs |= table_objects(tkey, then)
        mine, theirs = mine - theirs, theirs - mine
        # an index that moved to a table both schemas share is not a change
        mine = {o for o in mine if not o.startswith("index ") or before.index_owner(o[6:]) is None}
        theirs = {o for o in theirs if not o.startswith("index ") or self.index_owner(o[6:]) is None}
        for kind, now_set, then_set in (
            ("function", self.functions, before.functions),
            ("trigger", self.triggers.keys(), before.triggers.keys()),
            ("type", self.types, before.types),
            ("view", self.views, before.views),
        ):
            mine |= {f"{kind} {n}" for n in now_set - then_set}
            theirs |= {f"{kind} {n}" for n in then_set - now_set}
        return mine, theirs

    def index_owner(self, index_name: str) -> cat.Table | None:
        """The first table holding an index of that name (any case)."""
        k = key(index_name)
        for table in self.tables.values():
            for ix in table.indexes:
                if ix.name is not None and ix.name.lower() == k:
                    return table
        return None

    def objects(self) -> set[str]:
        """Every named object, for comparing the schema before an up with the one after its down."""
        out: set[str] = set()
        for tkey, table in self.tables.items():
            out |= table_objects(tkey, table)
        out |= {f"function {f}" for f in self.functions}
        out |= {f"trigger {t}" for t in self.triggers}
        out |= {f"type {t}" for t in self.types}
        out |= {f"view {v}" for v in self.views}
        return out

    # ---- replay -------------------------------------------------------------------------------
    def apply(self, stmt: Statement) -> None:
        """Update the model with one statement; statements it does not understand leave it unchanged."""
        e = stmt.expr
        if isinstance(e, exp.Create):
            self._create(e, stmt)
        elif isinstance(e, exp.Alter) and str(e.args.get("kind") or "TABLE").upper() == "TABLE":
            self._alter(e, stmt)
        elif isinstance(e, exp.Alter):
            self._rename(e)
        elif isinstance(e, exp.Drop):
            self._drop(e)
        elif isinstance(e, exp.Comment) and str(e.args.get("kind", "")).upper() == "TABLE":
            if self.table(ident(e.this)) is not None:
                table = self.ensure(ident(e.this))
                table.comment = e.expression.name if e.expression is not None else ""
        else:
            self._raw(stmt)

    def _create(self, e: exp.Create, stmt: Statement) -> None:
        kind = str(e.args.get("kind") or "").upper()
        if kind == "TABLE":
            self._create_table(e, stmt)
        elif kind == "INDEX":
            ix = e.this
            table = self.ensure(ident(ix.args.get("table")))
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
        elif kind == "TRIGGER":
            props = e.args.get("properties")
            trig = props.find(exp.TriggerProperties) if props is not None else None
            table_node = trig.args.get("table") if trig is not None else None
            self.triggers[key(ident(e.this))] = key(ident(table_node))
            execute = trig.args.get("execute") if trig is not None else None
            if isinstance(execute, exp.Expression) and isinstance(execute.this, exp.Func):
                self.trigger_functions[key(ident(e.this))] = key(execute.this.name)
        elif kind in ("FUNCTION", "PROCEDURE"):
            self.functions.add(
                key(ident(e.this.this if isinstance(e.this, exp.UserDefinedFunction) else e.this))
            )
        elif kind == "TYPE":
            self.types.add(key(ident(e.this)))
        elif kind in ("VIEW", "MATERIALIZED VIEW"):
            self.views.add(key(ident(e.this)))
            if isinstance(e.expression, exp.Expression):
                self.view_sources[key(ident(e.this))] = frozenset(
                    key(ident(t)) for t in e.expression.find_all(exp.Table)
                )

    def _create_table(self, e: exp.Create, stmt: Statement) -> None:
        target = e.this
        name = ident(target)
        if e.args.get("exists") and self.table(name) is not None:
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
                    self._add_column(table, item, stmt)
                else:
                    self._add_constraint(table, item, stmt)
        self._put(key(name), table)

    def _add_column(self, table: cat.Table, cdef: exp.ColumnDef, stmt: Statement) -> None:
        name = ident(cdef.this)
        kind = cdef.args.get("kind")
        dtype = kind.this.name if isinstance(kind, exp.DataType) else ""
        col = cat.Column(
            name=name,
            type=kind.sql(dialect="postgres") if kind is not None else "",
            known_type=False,
            logical=_TEXT,
            base_type=dtype,
            autoincrement=dtype in ("SERIAL", "BIGSERIAL", "SMALLSERIAL"),
            constrained=dtype == "ENUM"
            or (dtype == "USERDEFINED" and key(stmt.render(kind)) in self.types if kind else False),
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
                table.primary_key = cat.PrimaryKey(columns=[key(name)])
                col.nullable = False
            elif isinstance(ckind, exp.UniqueColumnConstraint):
                table.uniques.append(cat.Unique(columns=[key(name)]))
            elif isinstance(ckind, exp.CheckColumnConstraint):
                col.constrained = True
                table.checks.append(cat.Check(expression=stmt.render(ckind.this)))
            elif isinstance(ckind, exp.GeneratedAsIdentityColumnConstraint):
                col.identity = True
            elif isinstance(ckind, exp.AutoIncrementColumnConstraint):
                col.autoincrement = True
            elif isinstance(ckind, exp.Reference):
                table.foreign_keys.append(_foreign_key(None, [key(name)], ckind, stmt))
        _put_column(table, col)

    def _add_constraint(self, table: cat.Table, item: exp.Expression, stmt: Statement) -> None:
        name = None
        parts: list[exp.Expression] = [item]
        if isinstance(item, exp.Constraint):
            name = ident(item.this) or None
            parts = list(item.expressions)
        for part in parts:
            if isinstance(part, exp.PrimaryKey):
                table.primary_key = cat.PrimaryKey(columns=[key(ident(c)) for c in part.expressions])
            elif isinstance(part, exp.ForeignKey):
                cols = [key(ident(c)) for c in part.expressions]
                ref = part.args.get("reference")
                if isinstance(ref, exp.Reference):
                    table.foreign_keys.append(_foreign_key(name, cols, ref, stmt))
            elif isinstance(part, exp.UniqueColumnConstraint):
                schema = part.this
                cols = [key(ident(c)) for c in schema.expressions] if schema is not None else []
                table.uniques.append(cat.Unique(columns=cols))
            elif isinstance(part, exp.CheckColumnConstraint):
                table.checks.append(cat.Check(expression=stmt.render(part.this)))

    def _alter(self, e: exp.Alter, stmt: Statement) -> None:
        table = self.ensure(ident(e.this))
        for action in e.args.get("actions") or []:
            if isinstance(action, exp.ColumnDef):
                self._add_column(table, action, stmt)
            elif isinstance(action, exp.AddConstraint):
                for item in action.expressions:
                    self._add_constraint(table, item, stmt)
            elif isinstance(action, exp.AlterColumn):
                col = column(table, ident(action.this))
                if col is None:
                    continue
                dtype = action.args.get("dtype")
                if isinstance(dtype, exp.DataType):
                    col.type, col.base_type = dtype.sql(dialect="postgres"), dtype.this.name
                if action.args.get("allow_null") is not None and action.args.get("dtype") is None:
                    col.nullable = bool(action.args.get("allow_null"))
                if "default" in action.args and action.args.get("default") is not None:
                    col.default = stmt.render(action.args["default"])
            elif isinstance(action, exp.RenameColumn):
                old, new = ident(action.this), ident(action.args.get("to"))
                col = column(table, old)
                if col is not None:
                    table.columns = [c for c in table.columns if c is not col]
                    col.name = new
                    _put_column(table, col)
            elif isinstance(action, exp.AlterRename):
                new_name = ident(action.this)
                self._pop(key(table.name))
                table.name = new_name
                self._put(key(new_name), table)
            elif isinstance(action, exp.Drop):
                kind = str(action.args.get("kind") or "").upper()
                for target in action.args.get("tables") or []:
                    if kind == "COLUMN":
                        _drop_column(table, key(ident(target)))
                    elif kind == "CONSTRAINT":
                        table.foreign_keys = [
                            f for f in table.foreign_keys if key(f.name or "") != key(ident(target))
                        ]

    def _partition_tree(self, name: str) -> set[str]:
        """``name`` and its partitions, theirs included (a sub-partitioned partition's own)."""
        tree = {name}
        while (
            more := {
                k
                for k, t in self.tables.items()
                if t.partition_of is not None and t.partition_of.name in tree
            }
            - tree
        ):
            tree |= more
        return tree

    def _drop(self, e: exp.Drop) -> None:
        kind = str(e.args.get("kind") or "").upper()
        cascade = bool(e.args.get("cascade"))
        for target in e.args.get("tables") or []:
            name = key(ident(target))
            if kind == "TABLE":
                # dropping a partitioned table drops its partitions (and theirs), and every table takes
                # its triggers
                gone = self._partition_tree(name)
                for table_key in gone:
                    self._pop(table_key)
                self.triggers = {t: tbl for t, tbl in self.triggers.items() if tbl not in gone}
                if cascade:
                    self._cascade_from(gone)
            elif kind == "INDEX":
                owner = self.index_owner(name)
                if owner is not None:
                    table = self.ensure(owner.name)
                    table.indexes = [i for i in table.indexes if key(i.name or "") != name]
            elif kind == "TRIGGER":
                self.triggers.pop(name, None)
            elif kind in ("FUNCTION", "PROCEDURE"):
                self._drop_function(name, cascade)
            elif kind == "TYPE":
                self.types.discard(name)
                if cascade:  # columns of the type go with it
                    for tkey, table in list(self.tables.items()):
                        for ckey in [key(c.name) for c in table.columns if _of_type(c, name)]:
                            _drop_column(self._own(tkey, self.tables[tkey]), ckey)
            elif kind in ("VIEW", "MATERIALIZED VIEW"):
                self.views.discard(name)
                self.view_sources.pop(name, None)
                if cascade:
                    self._cascade_from({name})

    def _drop_function(self, name: str, cascade: bool) -> None:
        self.functions.discard(name)
        if cascade:  # its triggers go with it
            for trigger in [t for t, f in self.trigger_functions.items() if f == name]:
                self.triggers.pop(trigger, None)
                self.trigger_functions.pop(trigger, None)

    def _cascade_from(self, gone: set[str]) -> None:
        """What DROP … CASCADE of tables or views ``gone`` also drops: the views that read them (and views
        on those views), and the foreign keys other tables have to them."""
        while dependent := {v for v, src in self.view_sources.items() if src & gone and v not in gone}:
            gone |= dependent
        for view in gone & self.views:
            self.views.discard(view)
            self.view_sources.pop(view, None)
        for tkey, table in list(self.tables.items()):
            if any(fk.ref_table in gone for fk in table.foreign_keys):
                owned = self._own(tkey, table)
                owned.foreign_keys = [fk for fk in owned.foreign_keys if fk.ref_table not in gone]

    def _rename(self, e: exp.Alter) -> None:
        """ALTER INDEX / VIEW … RENAME TO (ALTER TYPE … RENAME TO is a raw command, see _raw)."""
        kind = str(e.args.get("kind") or "").upper()
        renames = [a for a in e.args.get("actions") or [] if isinstance(a, exp.AlterRename)]
        if not renames:
            return
        old, new = key(ident(e.this)), key(ident(renames[-1].this))
        if kind == "INDEX" and (owner := self.index_owner(old)) is not None:
            table = self.ensure(owner.name)
            found = index(table, old)
            assert found is not None
            table.indexes = [i for i in table.indexes if i is not found]
            _put_index(table, found.model_copy(update={"name": ident(renames[-1].this)}))
        elif kind in ("VIEW", "MATERIALIZED VIEW") and old in self.views:
            self.views.discard(old)
            self.views.add(new)
            if old in self.view_sources:
                self.view_sources[new] = self.view_sources.pop(old)
            self.view_sources = {
                v: frozenset(new if s == old else s for s in src) for v, src in self.view_sources.items()
            }

    def _rename_type(self, old: str, new: str) -> None:
        """ALTER TYPE old RENAME TO new: columns of the type keep it under its new name."""
        if old not in self.types:
            return
        self.types.discard(old)
        self.types.add(new)
        for tkey, table in list(self.tables.items()):
            for ckey in [key(c.name) for c in table.columns if _of_type(c, old)]:
                col = column(self._own(tkey, self.tables[tkey]), ckey)
                assert col is not None
                col.type = re.sub(rf"^{re.escape(old)}\b", new, col.type, flags=re.I)

    def _raw(self, stmt: Statement) -> None:
        """Statements sqlglot keeps as opaque commands (functions with bodies, some ALTERs)."""
        text = stmt.upper
        if m := _CREATE_FUNCTION.match(text):
            self.functions.add(key(m["name"].split(".")[-1].strip('"')))
        elif m := _DROP_FUNCTION.match(text):
            for name in m["names"].split(","):
                self._drop_function(
                    key(name.strip().split("(")[0].split(".")[-1].strip('"')), bool(m["cascade"])
                )
        elif m := _RENAME_TYPE.match(text):
            self._rename_type(key(m["old"].split(".")[-1].strip('"')), key(m["new"].strip('"')))


_CREATE_FUNCTION = re.compile(r"CREATE (?:OR REPLACE )?(?:FUNCTION|PROCEDURE) (?P<name>[\w.\"]+)")
_DROP_FUNCTION = re.compile(
    r"DROP (?:FUNCTION|PROCEDURE) (?:IF EXISTS )?(?P<names>.+?)(?: (?P<cascade>CASCADE)| RESTRICT)?$"
)
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
