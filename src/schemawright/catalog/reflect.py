"""The single reader of a live database: a replayed scratch database (PostgreSQL, MySQL/MariaDB, SQLite)
read back into one :class:`~schemawright.catalog.models.Catalog`.

SQLAlchemy's inspector reads tables, columns, keys, constraints and indexes (its ``get_multi_*`` calls:
one catalog query per kind on PostgreSQL, however many tables); the engine's own catalog
(:mod:`schemawright.engines`) adds what the inspector does not read: type names it does not know,
partitions, row-level security, functions, triggers, enum and domain types and policies.

Every non-system schema is read (on PostgreSQL; a MySQL server's other databases are not the project's,
and SQLite has one). The migration tools' bookkeeping tables (``schema_migrations``, …) are not the
application's and are left out.

Example::

    with scratch_database("postgresql") as db:
        db.execute_script("CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL)")
        catalog = reflect(db)
    catalog.table("notes").column("body").nullable  # False
"""

from __future__ import annotations

import threading
import warnings
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine.interfaces import ReflectedColumn, ReflectedIndex

from schemawright.catalog.models import (
    Catalog,
    Check,
    Column,
    ForeignKey,
    Function,
    Index,
    IndexKey,
    LogicalType,
    Policy,
    PrimaryKey,
    Table,
    TableRef,
    Trigger,
    Unique,
    UserType,
    View,
    qualify,
)
from schemawright.engines import engine_for
from schemawright.engines.scratch import ScratchDatabase
from schemawright.project.tool_tables import TOOL_TABLES

T = TypeVar("T")


def reflect(db: ScratchDatabase, *, keep_session: bool = False) -> Catalog:
    """Everything ``db`` holds, every non-system schema. With ``keep_session`` the reader's database session
    stays open for the next reading of the same database (its server-side catalog caches stay warm) until
    :func:`release`; otherwise it is closed."""
    return _reflect(db, {}, keep_session)


def release(url: str) -> None:
    """Close the sessions kept open on the database of SQLAlchemy ``url`` (see ``keep_session``)."""
    with _ENGINES_LOCK:
        engine = _ENGINES.get(url)
    if engine is not None:
        engine.dispose()


def reflect_changed(
    db: ScratchDatabase,
    before: Catalog,
    changed: Collection[tuple[str | None, str]],
    *,
    keep_session: bool = False,
) -> Catalog:
    """What :func:`reflect` gives for ``db``, reading again only the tables in ``changed`` ((schema, name),
    schema None for the default one) and the ones ``before`` lacks: every other table ``db`` still has is
    taken from ``before``. The caller knows those did not change since ``before`` was read from the same
    database (:func:`schemawright.catalog.changes.tables_changed`); the tables, their order, views,
    functions, triggers, types, policies, partitions and row-level security are still read. A changed
    table in an inheritance or partition tree (a change to a parent reaches its children) makes it read
    everything again, and so does an engine that cannot tell such trees (all but PostgreSQL). Tables taken
    from ``before`` are shared with it (shallow copies): neither catalog may be changed afterwards."""
    inherited = engine_for(db.dialect).inherited(db)
    changed = set(changed)
    if inherited is None or any((row["nsp"], str(row["name"])) in changed for row in inherited):
        return reflect(db, keep_session=keep_session)
    reuse = {
        (t.schema_name, t.name): t.model_copy(
            update={"partitioned": False, "partition_of": None, "partitions": [], "row_level_security": False}
        )
        for t in before.tables
        if (t.schema_name, t.name) not in changed
    }
    return _reflect(db, reuse, keep_session)


def _reflect(
    db: ScratchDatabase, reuse: Mapping[tuple[str | None, str], Table], keep_session: bool
) -> Catalog:
    """:func:`reflect`, the tables in ``reuse`` taken from there instead of read (when ``db`` has them)."""
    engine = engine_for(db.dialect)
    sa_engine = _engine(db.sqlalchemy_url)
    types = _TypeNames(db)
    catalog = Catalog(dialect=db.dialect)
    try:
        with _inspector(sa_engine) as inspector:
            schemas = engine.schemas(inspector)
            catalog.default_schema = inspector.default_schema_name
            catalog.schemas = [s for s in schemas if s is not None]
            for schema in schemas:
                names = _table_names(inspector, schema)
                read = [n for n in names if (schema, n) not in reuse]
                fresh = {t.name: t for t in _tables(inspector, sa_engine.dialect, schema, read, types)}
                catalog.tables += [fresh[n] if n in fresh else reuse[(schema, n)] for n in names]
                catalog.views += [View(schema_name=schema, name=v) for v in inspector.get_view_names(schema)]
                catalog.views += [
                    View(schema_name=schema, name=v, materialized=True)
                    for v in _materialized_views(inspector, schema)
                ]
    finally:
        if not keep_session:
            sa_engine.dispose()
    _add_relations(catalog, engine.relations(db))
    _complete_foreign_keys(catalog, engine.foreign_keys(db))
    for row in engine.collations(db):
        table = catalog.table(qualify(row["nsp"], str(row["tbl"])))
        column = table.column(str(row["col"])) if table is not None else None
        if column is not None:
            column.collation = str(row["collation"])
    catalog.functions = [
        Function(
            schema_name=r["nsp"],
            name=str(r["name"]),
            kind=r["kind"],
            arguments=str(r["arguments"] or ""),
            returns=str(r["returns"] or ""),
        )
        for r in engine.functions(db)
    ]
    catalog.triggers = [
        Trigger(schema_name=r["nsp"], name=str(r["name"]), table=str(r["tbl"]), function=str(r["func"] or ""))
        for r in engine.triggers(db)
    ]
    catalog.types = [
        UserType(
            schema_name=r["nsp"],
            name=str(r["name"]),
            kind=r["kind"],
            values=[str(v) for v in r["labels"] or []],
            base=str(r["base"] or ""),
        )
        for r in engine.user_types(db)
    ]
    catalog.policies = [
        Policy(
            schema_name=r["nsp"],
            table=str(r["tbl"]),
            name=str(r["name"]),
            command=r["command"],
            permissive=bool(r["permissive"]),
            roles=[str(v) for v in r["roles"] or []],
            using=r["using"],
            with_check=r["with_check"],
        )
        for r in engine.policies(db)
    ]
    return catalog


def table_refs(db: ScratchDatabase) -> list[TableRef]:
    """The application tables of ``db`` (the default schema's first, each schema in the engine's order)
    without reading them: cheap enough to call after every migration of a replay."""
    sa_engine = _engine(db.sqlalchemy_url)
    try:
        with _inspector(sa_engine) as inspector:
            return [
                TableRef(schema_name=schema, name=name)
                for schema in engine_for(db.dialect).schemas(inspector)
                for name in _table_names(inspector, schema)
            ]
    finally:
        sa_engine.dispose()


_ENGINES: OrderedDict[str, sa.Engine] = OrderedDict()
_ENGINES_KEPT = 4
_ENGINES_LOCK = threading.Lock()


def _engine(url: str) -> sa.Engine:
    """One SQLAlchemy engine per database URL (the last four): its compiled catalog queries and its
    dialect's first-connect checks are kept, which ``design --all`` (reading the same chain template for
    every feature) would otherwise pay again each time. Callers dispose of its connections when done."""
    with _ENGINES_LOCK:
        engine = _ENGINES.get(url)
        if engine is not None:
            _ENGINES.move_to_end(url)
            return engine
        engine = _ENGINES[url] = sa.create_engine(url)
        dropped = [_ENGINES.popitem(last=False)[1] for _ in range(len(_ENGINES) - _ENGINES_KEPT)]
    for old in dropped:
        old.dispose()
    return engine


@contextmanager
def _inspector(engine: sa.Engine) -> Iterator[sa.Inspector]:
    """An inspector on one connection for all its queries (bound to the engine, it took a connection from
    the pool and rolled it back for each of them)."""
    with warnings.catch_warnings(), engine.connect() as connection:
        warnings.filterwarnings("ignore", "Did not recognize type", sa.exc.SAWarning)
        warnings.filterwarnings("ignore", "Skipped unsupported reflection", sa.exc.SAWarning)
        yield sa.inspect(connection)


def _table_names(inspector: sa.Inspector, schema: str | None) -> list[str]:
    return [
        n
        for n in inspector.get_table_names(schema=schema)
        if n.lower() not in TOOL_TABLES and not n.startswith("sqlite_")
    ]


def _materialized_views(inspector: sa.Inspector, schema: str | None) -> list[str]:
    try:
        return inspector.get_materialized_view_names(schema)
    except NotImplementedError:  # MySQL and SQLite have none
        return []


class _TypeNames:
    """The catalog's own name for each column's type (PostgreSQL ``format_type``), read once and only
    when SQLAlchemy meets a type it does not know."""

    def __init__(self, db: ScratchDatabase) -> None:
        self.db = db
        self.names: dict[tuple[str, str, str], str] | None = None

    def get(self, schema: str | None, table: str, column: ReflectedColumn) -> Callable[[], str]:
        """The name of ``column``'s type, when asked: "" when the catalog has none (SQLite: a column
        declared without a type)."""

        def name() -> str:
            if self.names is None:
                self.names = engine_for(self.db.dialect).all_catalog_types(self.db)
            return self.names.get((schema or "", table, column["name"]), "")

        return name


def _tables(
    inspector: sa.Inspector, sa_dialect: sa.Dialect, schema: str | None, names: list[str], types: _TypeNames
) -> list[Table]:
    if not names:
        return []
    pks = _by_name(inspector.get_multi_pk_constraint(schema=schema, filter_names=names))
    columns = _by_name(inspector.get_multi_columns(schema=schema, filter_names=names))
    fks = _by_name(inspector.get_multi_foreign_keys(schema=schema, filter_names=names))
    uniques = _by_name(inspector.get_multi_unique_constraints(schema=schema, filter_names=names))
    indexes = _by_name(inspector.get_multi_indexes(schema=schema, filter_names=names))
    checks = _by_name(inspector.get_multi_check_constraints(schema=schema, filter_names=names))
    comments: dict[str, str] | None
    try:
        found = _by_name(inspector.get_multi_table_comment(schema=schema, filter_names=names))
        comments = {name: c.get("text") or "" for name, c in found.items()}
    except NotImplementedError:  # SQLite keeps no comments
        comments = None
    default = inspector.default_schema_name
    tables: list[Table] = []
    for name in names:
        pk = pks.get(name)
        table = Table(
            schema_name=schema,
            name=name,
            columns=[_column(c, sa_dialect, types.get(schema, name, c)) for c in columns.get(name) or []],
            primary_key=PrimaryKey(name=pk.get("name"), columns=list(pk["constrained_columns"]))
            if pk and pk["constrained_columns"]
            else None,
            comment=None if comments is None else comments.get(name, ""),
        )
        for fk in fks.get(name) or []:
            options = fk.get("options") or {}
            ref_schema = fk.get("referred_schema")
            table.foreign_keys.append(
                ForeignKey(
                    name=fk.get("name"),
                    columns=list(fk["constrained_columns"]),
                    ref_schema=None if ref_schema == default else ref_schema,
                    ref_table=fk["referred_table"],
                    ref_columns=list(fk["referred_columns"]),
                    on_delete=_upper(options.get("ondelete")),
                    on_update=_upper(options.get("onupdate")),
                    deferrable=options.get("deferrable"),
                    initially=options.get("initially"),
                )
            )
        table.uniques = [
            Unique(name=u.get("name"), columns=list(u["column_names"]), index=u.get("duplicates_index"))
            for u in uniques.get(name) or []
        ]
        table.indexes = [_index(ix) for ix in indexes.get(name) or []]
        table.checks = [
            Check(name=c.get("name"), expression=str(c["sqltext"])) for c in checks.get(name) or []
        ]
        tables.append(table)
    return tables


def _column(info: ReflectedColumn, sa_dialect: sa.Dialect, catalog_type: Callable[[], str]) -> Column:
    """``catalog_type()``: the engine's name for a type SQLAlchemy did not recognise (read only then)."""
    sa_type = info["type"]
    unknown = isinstance(sa_type, sa.types.NullType)
    computed = info.get("computed")
    return Column(
        name=info["name"],
        type=catalog_type() if unknown else str(sa_type.compile(dialect=sa_dialect)),
        # an enum's labels make it a type of its own, which no logical type names: carried by its name too
        known_type=not unknown and not isinstance(sa_type, sa.Enum),
        logical=logical_type(sa_type),
        nullable=bool(info.get("nullable", True)),
        default=None if info.get("default") is None else str(info.get("default")),
        identity=bool(info.get("identity")),
        autoincrement=info.get("autoincrement") is True,
        generated=str(computed["sqltext"]) if computed else None,
        comment=info.get("comment") or "",
    )


def _index(ix: ReflectedIndex) -> Index:
    options = ix.get("dialect_options") or {}
    expressions = ix.get("expressions") or []
    sorting = ix.get("column_sorting") or {}
    keys: list[IndexKey] = []
    for i, column in enumerate(ix["column_names"]):
        text = column if column is not None else str(expressions[i])
        order = sorting.get(text, ())
        keys.append(
            IndexKey(
                column=column,
                expression=None if column is not None else text,
                descending="desc" in order,
                nulls="first" if "nulls_first" in order else "last" if "nulls_last" in order else None,
            )
        )
    where = options.get("postgresql_where") or options.get("sqlite_where")
    using = options.get("postgresql_using")
    return Index(
        name=ix.get("name"),
        keys=keys,
        unique=bool(ix.get("unique")),
        where=None if where is None else str(where),
        method=None if using is None else str(using),
        include=list(ix.get("include_columns") or options.get("postgresql_include") or []),
        constraint=ix.get("duplicates_constraint"),
    )


def _add_relations(catalog: Catalog, rows: list[dict[str, Any]]) -> None:
    """Partitions (both ways) and row-level security from the engine's relation rows."""
    tables = {(t.schema_name, t.name): t for t in catalog.tables}
    for row in rows:
        table = tables.get((row["nsp"], str(row["name"])))
        if table is None:
            continue
        table.partitioned = bool(row["partitioned"])
        table.row_level_security = bool(row["row_security"])
        if row["parent"] is not None:
            parent = TableRef(schema_name=row["parent_nsp"], name=str(row["parent"]))
            table.partition_of = parent
            found = tables.get((parent.schema_name, parent.name))
            if found is not None:
                found.partitions.append(table.ref)


def _complete_foreign_keys(catalog: Catalog, rows: list[dict[str, Any]]) -> None:
    """Fill in the name and actions the inspector left out of a key (SQLite's column-level ones) from
    the engine's own rows (:meth:`schemawright.engines.base.Engine.foreign_keys`), matched by table,
    columns and referenced table. What the inspector did read is kept."""
    for row in rows:
        table = catalog.table(qualify(row["nsp"], str(row["tbl"])))
        if table is None:
            continue
        for fk in table.foreign_keys:
            if fk.columns == list(row["columns"]) and fk.ref_table.lower() == str(row["ref_table"]).lower():
                fk.name = fk.name or row["name"]
                fk.on_delete = fk.on_delete or row["on_delete"]
                fk.on_update = fk.on_update or row["on_update"]
                break


def _upper(value: object) -> str | None:
    return None if value is None else str(value).upper()


def _by_name(found: Mapping[tuple[str | None, str], T]) -> dict[str, T]:
    """A ``get_multi_*`` answer (keyed by schema and table) keyed by table name (one schema per call)."""
    return {table: value for (_, table), value in found.items()}


def logical_type(sa_type: sa.types.TypeEngine[Any]) -> LogicalType:
    """The dialect-neutral type of a reflected column (unknown types fall back to text)."""
    name = type(sa_type).__name__.upper()
    if name == "UUID":
        return LogicalType(name="uuid")
    if isinstance(sa_type, sa.BigInteger):
        return LogicalType(name="bigint")
    if isinstance(sa_type, sa.SmallInteger):
        return LogicalType(name="smallint")
    if isinstance(sa_type, sa.Integer):
        return LogicalType(name="integer")
    if isinstance(sa_type, sa.Boolean):
        return LogicalType(name="boolean")
    if isinstance(sa_type, sa.DateTime):
        return LogicalType(name="timestamptz")
    if isinstance(sa_type, sa.Date):
        return LogicalType(name="date")
    if isinstance(sa_type, sa.Time):
        return LogicalType(name="time")
    if isinstance(sa_type, sa.Interval):
        return LogicalType(name="interval")
    if isinstance(sa_type, sa.Numeric) and not isinstance(sa_type, sa.Float):
        return LogicalType(name="numeric", precision=sa_type.precision, scale=sa_type.scale)
    if isinstance(sa_type, sa.JSON) or name in ("JSONB", "JSON"):
        return LogicalType(name="json")
    if isinstance(sa_type, sa.LargeBinary) or name in ("BYTEA", "BLOB", "VARBINARY"):
        return LogicalType(name="bytea")
    if name == "INET":
        return LogicalType(name="inet")
    if isinstance(sa_type, sa.CHAR) and getattr(sa_type, "length", None):
        return LogicalType(name="char", length=sa_type.length)
    if (
        isinstance(sa_type, sa.String)
        and not isinstance(sa_type, sa.Text)
        and getattr(sa_type, "length", None)
    ):
        return LogicalType(name="varchar", length=sa_type.length)
    return LogicalType(name="text")
