"""Read a replayed scratch database back into design models (SQLAlchemy reflection), so existing
tables can be referenced by the designer exactly like tables it designed itself."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine.interfaces import ReflectedColumn

from schemawright.design.models import Check, Column, ForeignKey, Index, LogicalType, Table, UniqueConstraint
from schemawright.emit.sql.dialects import DialectName, type_sql
from schemawright.project.tool_tables import TOOL_TABLES
from schemawright.verify.engines import ScratchDatabase


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


def _column(dialect: DialectName, info: ReflectedColumn) -> Column:
    logical = logical_type(info["type"])
    default = info.get("default")
    kind = "none"
    if (
        info.get("identity")
        or (default and "nextval(" in default)
        or (info.get("autoincrement") is True and logical.name in ("bigint", "integer"))
    ):
        kind, default = "identity", None
    elif default:
        low = default.lower()
        kind = (
            "now"
            if ("now()" in low or "current_timestamp" in low)
            else "uuid"
            if "uuid" in low
            else "literal"
        )
    return Column(
        name=info["name"],
        type=type_sql(dialect, logical),
        logical=logical,
        nullable=bool(info.get("nullable", True)),
        default=default,
        default_kind=kind,
        comment=info.get("comment") or "",
    )


def reflect_tables(db: ScratchDatabase) -> list[Table]:
    """Every application table of ``db`` as an ``existing`` design table."""
    dialect: DialectName = db.dialect
    engine = sa.create_engine(db.sqlalchemy_url)
    tables: list[Table] = []
    try:
        inspector = sa.inspect(engine)
        for name in sorted(inspector.get_table_names()):
            if name in TOOL_TABLES or name.startswith("sqlite_"):
                continue
            pk = inspector.get_pk_constraint(name)
            table = Table(
                name=name,
                existing=True,
                primary_key=list(pk.get("constrained_columns") or []),
                columns=[_column(dialect, c) for c in inspector.get_columns(name)],
            )
            for fk in inspector.get_foreign_keys(name):
                on_delete = str((fk.get("options") or {}).get("ondelete") or "NO ACTION").upper()
                table.foreign_keys.append(
                    ForeignKey(
                        name=fk.get("name") or f"fk_{name}_{fk['referred_table']}",
                        columns=fk["constrained_columns"],
                        ref_table=fk["referred_table"],
                        ref_columns=fk["referred_columns"],
                        on_delete=on_delete
                        if on_delete in ("CASCADE", "RESTRICT", "SET NULL")
                        else "NO ACTION",
                    )
                )
            for uq in inspector.get_unique_constraints(name):
                table.unique.append(
                    UniqueConstraint(name=uq.get("name") or f"uq_{name}", columns=uq["column_names"])
                )
            for ix in inspector.get_indexes(name):
                if ix.get("duplicates_constraint"):
                    continue
                table.indexes.append(
                    Index(
                        name=ix.get("name") or f"idx_{name}",
                        columns=[c for c in ix["column_names"] if c],
                        unique=bool(ix["unique"]),
                    )
                )
            for ck in inspector.get_check_constraints(name):
                table.checks.append(Check(name=ck.get("name") or f"ck_{name}", expression=ck["sqltext"]))
            tables.append(table)
    finally:
        engine.dispose()
    return tables


def reflect_functions(db: ScratchDatabase) -> list[str]:
    """User-defined functions (PostgreSQL), so shared ones like ``set_updated_at`` are not recreated."""
    if db.dialect != "postgresql":
        return []
    rows = db.query("""SELECT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                       WHERE n.nspname = current_schema() ORDER BY 1""")
    return [str(r["name"]) for r in rows]


def trigger_tables(db: ScratchDatabase) -> set[str]:
    """Tables with a user-defined trigger (the project's way of keeping ``updated_at`` current)."""
    if db.dialect == "postgresql":
        rows = db.query("""SELECT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                           JOIN pg_namespace n ON n.oid = c.relnamespace
                           WHERE NOT t.tgisinternal AND n.nspname = current_schema()""")
    elif db.dialect == "sqlite":
        rows = db.query("SELECT tbl_name AS name FROM sqlite_master WHERE type = 'trigger'")
    else:
        rows = db.query(
            "SELECT event_object_table AS name FROM information_schema.triggers "
            "WHERE trigger_schema = DATABASE()"
        )
    return {str(r["name"]) for r in rows}
