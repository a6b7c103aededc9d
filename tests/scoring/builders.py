"""Small builders for hand-written design JSON, so each test shows only what it is about."""

from __future__ import annotations

from typing import Any

from benchmarks.scoring.gold import Gold


def col(name: str, type_: str = "TEXT", nullable: bool = False) -> dict[str, Any]:
    return {"name": name, "type": type_, "nullable": nullable, "default": None}


def fk(columns: list[str] | str, ref_table: str, on_delete: str = "RESTRICT") -> dict[str, Any]:
    cols = [columns] if isinstance(columns, str) else columns
    return {
        "name": f"fk_{'_'.join(cols)}",
        "columns": cols,
        "ref_table": ref_table,
        "ref_columns": ["id"],
        "on_delete": on_delete,
    }


def index(
    columns: list[str] | str, *, unique: bool = False, where: str | None = None, method: str = "btree"
) -> dict[str, Any]:
    cols = [columns] if isinstance(columns, str) else columns
    name = "ix_" + "_".join(c.replace("(", "_").replace(")", "") for c in cols)
    return {"name": name, "columns": cols, "unique": unique, "where": where, "method": method}


def table(
    name: str,
    *columns: str | dict[str, Any],
    fks: list[dict[str, Any]] | None = None,
    unique: list[list[str]] | None = None,
    indexes: list[dict[str, Any]] | None = None,
    checks: list[str] | None = None,
    partition: dict[str, Any] | None = None,
    existing: bool = False,
    pk: list[str] | None = None,
    id_type: str = "BIGINT",
) -> dict[str, Any]:
    """A table with an ``id`` primary key, the given columns (``"name"`` or ``"name TYPE"``), and
    timestamps."""
    cols = [col("id", id_type)]
    for c in columns:
        if isinstance(c, dict):
            cols.append(c)
        else:
            n, _, t = c.partition(" ")
            cols.append(col(n, t or "TEXT"))
    cols += [col("created_at", "TIMESTAMPTZ"), col("updated_at", "TIMESTAMPTZ")]
    return {
        "name": name,
        "columns": cols,
        "primary_key": pk if pk is not None else ["id"],
        "foreign_keys": fks or [],
        "unique": [{"name": "uq_" + "_".join(u), "columns": u} for u in unique or []],
        "indexes": indexes or [],
        "checks": [{"name": f"ck_{i}", "expression": e} for i, e in enumerate(checks or [])],
        "partition": partition,
        "existing": existing,
    }


def relational(*tables: dict[str, Any], dialect: str = "postgresql") -> dict[str, Any]:
    return {"kind": "relational", "dialect": dialect, "tables": list(tables)}


def design(
    *stores: dict[str, Any], files: list[dict[str, Any]] | None = None, **extra: Any
) -> dict[str, Any]:
    return {
        "feature": {"id": "t", "name": "t", "source": "t.md"},
        "stores": list(stores),
        "files": files or [],
        "assumptions": [],
        "verification": {"status": "not-run", "reports": []},
        **extra,
    }


def gold(**data: Any) -> Gold:
    """Inline gold, written like the YAML (``from`` works as a key via ``**{"from": ...}``)."""
    data.setdefault("store", "relational")
    return Gold.model_validate(data)
