"""The schema a review sees: :mod:`schemawright.catalog.models` tables, indexed the way the rules look
them up. Static replay (:mod:`schemawright.review.apply`) fills it from parsed statements, and
:mod:`schemawright.review.reflect` from a replayed engine's catalog.

Tables, columns, keys, constraints and indexes are catalog objects (:class:`schemawright.catalog.models.Table`
and what it holds), with the facts only a static reading knows: where each was written (``path``, ``line``)
and stub tables (altered, never created in the history read). :class:`Schema` is an index over them, not a
second model: the tables by lower-case bare name (the keys a rule looks them up by, as the engine folds
unquoted names), the names of the other objects, and what DROP … CASCADE follows. The references a table
holds (key, foreign key and index columns, the referenced table, a partition's parent) are lower-case keys
too. The functions here look a table's parts up in any case (catalog lists keep the written name).

A review keeps the schema before each migration, after its up and after its down, so :meth:`Schema.copy`
must be cheap: copies share every table until one changes it, and then that one changes its own clone
(copy on write). A schema knows the tables it may change in place by their keys (:attr:`Schema.owned`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlglot import exp

from schemawright.catalog import models as cat


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


def trigger_key(name: str, table: str) -> str:
    """A trigger as PostgreSQL names it: per table (``update_row_count on packages``), so triggers of one
    name on several tables are several objects."""
    return f"{key(name)} on {key(table)}"


def trigger_name(trigger: str) -> str:
    """The trigger's own name in a :func:`trigger_key`."""
    return trigger.split(" on ", 1)[0]


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


def _clone(table: cat.Table) -> cat.Table:
    """A copy whose lists can change without touching ``table``. What they hold is shared: keys,
    constraints and indexes are replaced, never changed in place, and static replay copies a column
    before changing it (``apply._own_column``); copying every column of every table a migration alters
    was 17,600 column copies on a 342-migration history."""
    return table.model_copy(
        update={
            "columns": list(table.columns),
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
    # what a named (non-default) schema holds, for DROP SCHEMA … CASCADE: "table x" / "function f" /
    # "view v" -> the schema's name
    in_schema: dict[str, str] = field(default_factory=dict)
    # the keys of the tables this schema made or cloned since its last copy: it may change them in place;
    # every other table may be shared with a copy
    owned: set[str] = field(default_factory=set, repr=False, compare=False)
    # index name (lower case) -> keys of the tables that may hold it, so index_owner need not scan every
    # table: a superset, checked on each lookup, shared by a schema and its copies (each adds what it
    # stores); None until first needed, then built from the tables
    index_tables: dict[str, set[str]] | None = field(default=None, repr=False, compare=False)

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
            dict(self.in_schema),
            index_tables=self._index_tables(),
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
        return self.own(key(name), found)

    def own(self, table_key: str, table: cat.Table) -> cat.Table:
        """``table`` (stored under ``table_key``) made safe to change in place: cloned if shared."""
        if table_key not in self.owned:
            table = self.tables[table_key] = _clone(table)
            self.owned.add(table_key)
        return table

    def put(self, table_key: str, table: cat.Table) -> None:
        """Store a table this schema made (or owns) under ``table_key``."""
        self.tables[table_key] = table
        self.owned.add(table_key)
        for ix in table.indexes:
            self.index_added(table_key, ix.name or "")

    def index_added(self, table_key: str, index_name: str) -> None:
        """Note that the table stored under ``table_key`` now holds an index of that name: every change
        that gives a table an index says so (or stores the table with :meth:`put`)."""
        self._index_tables().setdefault(key(index_name), set()).add(table_key)

    def _index_tables(self) -> dict[str, set[str]]:
        if self.index_tables is None:
            self.index_tables = {}
            for table_key, table in self.tables.items():
                for ix in table.indexes:
                    self.index_tables.setdefault(key(ix.name or ""), set()).add(table_key)
        return self.index_tables

    def pop(self, table_key: str) -> cat.Table | None:
        """Remove the table stored under ``table_key`` (dropped, or renamed to be stored again)."""
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
        """The first table (in order) holding an index of that name (any case)."""
        k = key(index_name)
        holders = [
            table
            for table_key in tuple(self._index_tables().get(k, ()))  # one C call: safe beside a writer
            if (table := self.tables.get(table_key)) is not None and index(table, k) is not None
        ]
        if len(holders) <= 1:
            return holders[0] if holders else None
        # several tables have one (MySQL names indexes per table): the first, as a scan finds it
        return next(t for t in self.tables.values() if index(t, k) is not None)

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
