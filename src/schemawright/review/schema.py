"""An in-memory schema rebuilt statically from parsed DDL, so a review needs no database.

Static replay covers CREATE/ALTER/DROP of tables, columns, constraints, indexes, functions, triggers, types
and views. Replaying the same chain on a real engine (``schemawright.verify.engines.scratch_database``) and
reflecting the result would add fidelity for what this model does not interpret: DO blocks, dynamic SQL,
inheritance, defaults that depend on functions, and engine-specific implicit indexes.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from sqlglot import exp

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


@dataclass
class Column:
    name: str
    type_sql: str
    dtype: str  # sqlglot DType name: TIMESTAMP, TEXT, USERDEFINED, ...
    nullable: bool = True
    default: str | None = None
    identity: bool = False
    line: int = 0
    path: str = ""
    check: bool = False  # a column-level CHECK or inline enum constrains it


@dataclass
class ForeignKey:
    name: str
    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...]
    on_delete: str | None
    line: int = 0
    path: str = ""


@dataclass
class Index:
    name: str
    table: str
    columns: tuple[str, ...]  # column names, or SQL text of expressions
    unique: bool = False
    where: str | None = None
    using: str | None = None
    line: int = 0
    path: str = ""


@dataclass
class Table:
    name: str
    columns: dict[str, Column] = field(default_factory=dict)
    primary_key: tuple[str, ...] = ()
    foreign_keys: list[ForeignKey] = field(default_factory=list)
    uniques: list[tuple[str, ...]] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)  # SQL of CHECK expressions
    indexes: dict[str, Index] = field(default_factory=dict)
    partitioned: bool = False
    partition_of: str | None = None
    comment: str = ""
    created_in: str = ""  # migration name; "" when the table predates what we can see (a stub)
    stub: bool = False
    line: int = 0
    path: str = ""
    # the Schema allowed to change this object in place (copy-on-write, see Schema.copy); None: nobody yet
    owner: object = field(default=None, repr=False, compare=False)

    def column(self, name: str) -> Column | None:
        return self.columns.get(key(name))

    def clone(self, owner: object) -> Table:
        """A copy whose containers and columns can change without touching this one (indexes and
        foreign keys are replaced, never changed in place, so they are shared)."""
        return replace(
            self,
            columns={k: copy.copy(c) for k, c in self.columns.items()},
            foreign_keys=list(self.foreign_keys),
            uniques=list(self.uniques),
            checks=list(self.checks),
            indexes=dict(self.indexes),
            owner=owner,
        )

    def objects(self, table_key: str) -> set[str]:
        out = {f"column {table_key}.{c}" for c in self.columns}
        out |= {f"index {i}" for i in self.indexes}
        if not self.stub:
            out.add(f"table {table_key}")
        return out


@dataclass
class Schema:
    tables: dict[str, Table] = field(default_factory=dict)
    functions: set[str] = field(default_factory=set)
    triggers: dict[str, str] = field(default_factory=dict)  # trigger -> table key
    types: set[str] = field(default_factory=set)
    views: set[str] = field(default_factory=set)
    # what CASCADE follows: trigger -> the function it executes, view -> the tables and views it reads
    trigger_functions: dict[str, str] = field(default_factory=dict)
    view_sources: dict[str, frozenset[str]] = field(default_factory=dict)
    # identity of this schema for copy-on-write: it changes in place only the tables it owns
    token: object = field(default_factory=object, repr=False, compare=False)

    def copy(self) -> Schema:
        """An independent copy, made in time proportional to the number of tables, not their size: the
        two share every Table until one of them changes it, and then that one changes a clone (copy on
        write). A review copies the schema twice per migration, so a deep copy made long histories
        quadratic."""
        self.token = object()  # tables this schema owned are shared from now on
        return Schema(
            dict(self.tables),
            set(self.functions),
            dict(self.triggers),
            set(self.types),
            set(self.views),
            dict(self.trigger_functions),
            dict(self.view_sources),
        )

    def table(self, name: str) -> Table | None:
        return self.tables.get(key(name))

    def ensure(self, name: str) -> Table:
        """The table, or a stub for one created outside the visible chain (it counts as existing); the
        caller may change it."""
        found = self.tables.get(key(name))
        if found is None:
            found = self.tables[key(name)] = Table(name, stub=True, owner=self.token)
        return self._own(key(name), found)

    def _own(self, table_key: str, table: Table) -> Table:
        """``table`` (stored under ``table_key``) made safe to change in place: cloned if shared."""
        if table.owner is not self.token:
            table = self.tables[table_key] = table.clone(self.token)
        return table

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
                mine |= now.objects(tkey)
            if then is not None:
                theirs |= then.objects(tkey)
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

    def index_owner(self, index_name: str) -> Table | None:
        return next((t for t in self.tables.values() if key(index_name) in t.indexes), None)

    def objects(self) -> set[str]:
        """Every named object, for comparing the schema before an up with the one after its down."""
        out: set[str] = set()
        for tkey, table in self.tables.items():
            out |= table.objects(tkey)
        out |= {f"function {f}" for f in self.functions}
        out |= {f"trigger {t}" for t in self.triggers}
        out |= {f"type {t}" for t in self.types}
        out |= {f"view {v}" for v in self.views}
        return out

    # ---- replay -------------------------------------------------------------------------------
    def apply(self, stmt: Statement, migration: str) -> None:
        """Update the model with one statement; statements it does not understand leave it unchanged."""
        e = stmt.expr
        if isinstance(e, exp.Create):
            self._create(e, stmt, migration)
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

    def _create(self, e: exp.Create, stmt: Statement, migration: str) -> None:
        kind = str(e.args.get("kind") or "").upper()
        if kind == "TABLE":
            self._create_table(e, stmt, migration)
        elif kind == "INDEX":
            index = e.this
            table = self.ensure(ident(index.args.get("table")))
            params = index.args.get("params")
            columns: list[str] = []
            where = using = None
            if params is not None:
                for col in params.args.get("columns") or []:
                    inner = col.this if isinstance(col, exp.Ordered) else col
                    column = ident(inner) if isinstance(inner, exp.Column) else stmt.render(inner).lower()
                    columns.append(column)
                where_node = params.args.get("where")
                where = stmt.render(where_node) if where_node is not None else None
                using_node = params.args.get("using")
                using = using_node.name.lower() if using_node is not None else None
            name = ident(index.this) or f"{table.name}_{'_'.join(columns)}_idx"
            table.indexes[key(name)] = Index(
                name,
                table.name,
                tuple(key(c) for c in columns),
                bool(e.args.get("unique")),
                where,
                using,
                stmt.line,
                stmt.path,
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

    def _create_table(self, e: exp.Create, stmt: Statement, migration: str) -> None:
        target = e.this
        name = ident(target)
        if e.args.get("exists") and self.table(name) is not None:
            return
        table = Table(name, created_in=migration, line=stmt.line, path=stmt.path, owner=self.token)
        props = e.args.get("properties")
        if props is not None:
            table.partitioned = props.find(exp.PartitionedByProperty) is not None
            part_of = props.find(exp.PartitionedOfProperty)
            if part_of is not None:
                table.partition_of = key(ident(part_of.this))
            for prop in props.expressions:
                if isinstance(prop, exp.SchemaCommentProperty):
                    table.comment = prop.this.name
        if isinstance(e.expression, exp.Select | exp.Query):
            table.stub = False  # CREATE TABLE AS: columns unknown statically
        if isinstance(target, exp.Schema):
            for item in target.expressions:
                if isinstance(item, exp.ColumnDef):
                    self._add_column(table, item, stmt)
                else:
                    self._add_constraint(table, item, stmt)
        self.tables[key(name)] = table

    def _add_column(self, table: Table, cdef: exp.ColumnDef, stmt: Statement) -> None:
        name = ident(cdef.this)
        kind = cdef.args.get("kind")
        dtype = kind.this.name if isinstance(kind, exp.DataType) else ""
        col = Column(
            name,
            kind.sql(dialect="postgres") if kind is not None else "",
            dtype,
            line=_line_of(stmt, name),
            path=stmt.path,
        )
        col.identity = dtype in ("SERIAL", "BIGSERIAL", "SMALLSERIAL")
        col.check = dtype == "ENUM" or (
            dtype == "USERDEFINED" and key(stmt.render(kind)) in self.types if kind else False
        )
        for cons in cdef.args.get("constraints") or []:
            ckind = cons.args.get("kind")
            if isinstance(ckind, exp.NotNullColumnConstraint):
                col.nullable = bool(ckind.args.get("allow_null"))
            elif isinstance(ckind, exp.DefaultColumnConstraint):
                col.default = stmt.render(ckind.this) if ckind.this is not None else "NULL"
            elif isinstance(ckind, exp.PrimaryKeyColumnConstraint):
                table.primary_key = (key(name),)
                col.nullable = False
            elif isinstance(ckind, exp.UniqueColumnConstraint):
                table.uniques.append((key(name),))
            elif isinstance(ckind, exp.CheckColumnConstraint):
                col.check = True
                table.checks.append(stmt.render(ckind.this))
            elif isinstance(
                ckind, exp.GeneratedAsIdentityColumnConstraint | exp.AutoIncrementColumnConstraint
            ):
                col.identity = True
            elif isinstance(ckind, exp.Reference):
                table.foreign_keys.append(_foreign_key("", (key(name),), ckind, stmt))
        table.columns[key(name)] = col

    def _add_constraint(self, table: Table, item: exp.Expression, stmt: Statement) -> None:
        name = ""
        parts: list[exp.Expression] = [item]
        if isinstance(item, exp.Constraint):
            name = ident(item.this)
            parts = list(item.expressions)
        for part in parts:
            if isinstance(part, exp.PrimaryKey):
                table.primary_key = tuple(key(ident(c)) for c in part.expressions)
            elif isinstance(part, exp.ForeignKey):
                cols = tuple(key(ident(c)) for c in part.expressions)
                ref = part.args.get("reference")
                if isinstance(ref, exp.Reference):
                    table.foreign_keys.append(_foreign_key(name, cols, ref, stmt))
            elif isinstance(part, exp.UniqueColumnConstraint):
                schema = part.this
                cols = tuple(key(ident(c)) for c in schema.expressions) if schema is not None else ()
                table.uniques.append(cols)
            elif isinstance(part, exp.CheckColumnConstraint):
                table.checks.append(stmt.render(part.this))

    def _alter(self, e: exp.Alter, stmt: Statement) -> None:
        table = self.ensure(ident(e.this))
        for action in e.args.get("actions") or []:
            if isinstance(action, exp.ColumnDef):
                self._add_column(table, action, stmt)
            elif isinstance(action, exp.AddConstraint):
                for item in action.expressions:
                    self._add_constraint(table, item, stmt)
            elif isinstance(action, exp.AlterColumn):
                col = table.column(ident(action.this))
                if col is None:
                    continue
                dtype = action.args.get("dtype")
                if isinstance(dtype, exp.DataType):
                    col.type_sql, col.dtype = dtype.sql(dialect="postgres"), dtype.this.name
                if action.args.get("allow_null") is not None and action.args.get("dtype") is None:
                    col.nullable = bool(action.args.get("allow_null"))
                if "default" in action.args and action.args.get("default") is not None:
                    col.default = stmt.render(action.args["default"])
            elif isinstance(action, exp.RenameColumn):
                old, new = ident(action.this), ident(action.args.get("to"))
                col = table.columns.pop(key(old), None)
                if col is not None:
                    col.name = new
                    table.columns[key(new)] = col
            elif isinstance(action, exp.AlterRename):
                new_name = ident(action.this)
                self.tables.pop(key(table.name), None)
                table.name = new_name
                self.tables[key(new_name)] = table
            elif isinstance(action, exp.Drop):
                kind = str(action.args.get("kind") or "").upper()
                for target in action.args.get("tables") or []:
                    if kind == "COLUMN":
                        _drop_column(table, key(ident(target)))
                    elif kind == "CONSTRAINT":
                        table.foreign_keys = [
                            f for f in table.foreign_keys if key(f.name) != key(ident(target))
                        ]

    def _partition_tree(self, name: str) -> set[str]:
        """``name`` and its partitions, theirs included (a sub-partitioned partition's own)."""
        tree = {name}
        while more := {k for k, t in self.tables.items() if t.partition_of in tree} - tree:
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
                    self.tables.pop(table_key, None)
                self.triggers = {t: tbl for t, tbl in self.triggers.items() if tbl not in gone}
                if cascade:
                    self._cascade_from(gone)
            elif kind == "INDEX":
                owner = self.index_owner(name)
                if owner is not None:
                    self.ensure(owner.name).indexes.pop(name, None)
            elif kind == "TRIGGER":
                self.triggers.pop(name, None)
            elif kind in ("FUNCTION", "PROCEDURE"):
                self._drop_function(name, cascade)
            elif kind == "TYPE":
                self.types.discard(name)
                if cascade:  # columns of the type go with it
                    for tkey, table in list(self.tables.items()):
                        for ckey in [c for c, col in table.columns.items() if _of_type(col, name)]:
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
            index = table.indexes.pop(old)
            table.indexes[new] = replace(index, name=ident(renames[-1].this))
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
            for ckey in [c for c, col in table.columns.items() if _of_type(col, old)]:
                col = self._own(tkey, self.tables[tkey]).columns[ckey]
                col.type_sql = re.sub(rf"^{re.escape(old)}\b", new, col.type_sql, flags=re.I)

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


def _drop_column(table: Table, gone: str) -> None:
    """The engine drops the indexes and foreign keys that use a column with it."""
    table.columns.pop(gone, None)
    table.indexes = {n: i for n, i in table.indexes.items() if gone not in i.columns}
    table.foreign_keys = [f for f in table.foreign_keys if gone not in f.columns]


def _of_type(col: Column, type_name: str) -> bool:
    """Whether the column's type is the user-defined type ``type_name`` (or an array of it)."""
    base = key(col.type_sql).split(".")[-1].strip('"')
    return base in (type_name, f"{type_name}[]")


def _foreign_key(name: str, cols: tuple[str, ...], ref: exp.Reference, stmt: Statement) -> ForeignKey:
    target = ref.this
    ref_cols = tuple(key(ident(c)) for c in target.expressions) if isinstance(target, exp.Schema) else ()
    on_delete = None
    for opt in ref.args.get("options") or []:
        text = str(opt).upper()
        if text.startswith("ON DELETE"):
            on_delete = text.removeprefix("ON DELETE").strip()
    line = _line_of(stmt, name) if name else _line_of(stmt, "REFERENCES")
    return ForeignKey(name, cols, key(ident(target)), ref_cols, on_delete, line, stmt.path)


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
