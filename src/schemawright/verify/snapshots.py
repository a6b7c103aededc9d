"""Catalog snapshots: the schema of a scratch database as plain, deterministic data.

Two snapshots are equal exactly when the schemas are, so "down restores the schema" becomes a
dict comparison, and :func:`diff_snapshots` names what differs. Row data, sequence positions and
column *order* (which PostgreSQL cannot restore after a drop/re-add) are deliberately left out.
Shape, for every engine::

    {"tables": {name: {"kind", "columns": {name: {"type", "nullable", "default", …}},
                       "constraints": {…}, "indexes": {…}, "triggers": {…}, …}},
     "functions": {…}, "sequences": {…}, "types": {…}, …}
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

QueryFn = Callable[[str, Sequence[Any] | None], list[dict[str, Any]]]

# -- PostgreSQL -------------------------------------------------------------------------------

_PG_USER_NS = "n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'"
_PG_NOT_EXT = "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.objid = {oid} AND e.deptype = 'e')"
_PG_RELS = f"""
    SELECT c.oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS kind
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND {_PG_USER_NS} AND {_PG_NOT_EXT.format(oid="c.oid")}
"""
_PG_KINDS = {"r": "table", "p": "partitioned table", "v": "view", "m": "materialized view",
             "f": "foreign table"}


def _qn(schema: str, name: str) -> str:
    return name if schema == "public" else f"{schema}.{name}"


def _clean(d: Mapping[str, Any]) -> dict[str, Any]:
    """Drop empty fields so diffs only mention what exists."""
    return {k: v for k, v in d.items() if v not in (None, "", False, [], {})}


def postgres_snapshot(query: QueryFn) -> dict[str, Any]:
    rels = query(f"""
        SELECT r.*, pg_get_partkeydef(r.oid) AS partition_key,
               CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, r.oid) END AS partition_of,
               obj_description(r.oid, 'pg_class') AS comment, c.relrowsecurity AS row_security,
               CASE WHEN r.kind IN ('v', 'm') THEN pg_get_viewdef(r.oid) END AS definition
        FROM ({_PG_RELS}) r JOIN pg_class c ON c.oid = r.oid ORDER BY r.schema, r.name""", None)
    tables: dict[str, dict[str, Any]] = {}
    by_oid: dict[int, dict[str, Any]] = {}
    for r in rels:
        entry = _clean({"kind": _PG_KINDS[r["kind"]], "partition_key": r["partition_key"],
                        "partition_of": r["partition_of"], "comment": r["comment"],
                        "row_security": r["row_security"], "definition": r["definition"]})
        entry.update(columns={}, constraints={}, indexes={}, triggers={})
        tables[_qn(r["schema"], r["name"])] = by_oid[r["oid"]] = entry

    for col in query(f"""
        SELECT a.attrelid AS rel, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
               NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default,
               a.attidentity::text AS identity, a.attgenerated::text AS generated_kind,
               col_description(a.attrelid, a.attnum) AS comment,
               CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation
        FROM pg_attribute a JOIN ({_PG_RELS}) r ON r.oid = a.attrelid
        JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_collation co ON co.oid = a.attcollation
        WHERE a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attrelid, a.attnum""", None):
        generated = {"a": "identity always", "d": "identity by default"}.get(col["identity"] or "", "")
        if col["generated_kind"] == "s":
            generated = f"stored as {col['default']}"
        by_oid[col["rel"]]["columns"][col["name"]] = {
            "type": col["type"], "nullable": col["nullable"],
            "default": None if col["generated_kind"] == "s" else col["default"],
            **_clean({"generated": generated, "comment": col["comment"], "collation": col["collation"]}),
        }

    for con in query(f"""
        SELECT con.conrelid AS rel, con.conname AS name, con.contype::text AS type,
               pg_get_constraintdef(con.oid) AS definition
        FROM pg_constraint con JOIN ({_PG_RELS}) r ON r.oid = con.conrelid
        ORDER BY con.conname""", None):
        by_oid[con["rel"]]["constraints"][con["name"]] = con["definition"]

    for ix in query(f"""
        SELECT i.indrelid AS rel, ic.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
        FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN ({_PG_RELS}) r ON r.oid = i.indrelid
        ORDER BY ic.relname""", None):
        by_oid[ix["rel"]]["indexes"][ix["name"]] = ix["definition"]

    for tg in query(f"""
        SELECT tg.tgrelid AS rel, tg.tgname AS name, pg_get_triggerdef(tg.oid) AS definition,
               tg.tgenabled::text AS enabled
        FROM pg_trigger tg JOIN ({_PG_RELS}) r ON r.oid = tg.tgrelid
        WHERE NOT tg.tgisinternal ORDER BY tg.tgname""", None):
        suffix = "" if tg["enabled"] == "O" else f" (enabled={tg['enabled']})"
        by_oid[tg["rel"]]["triggers"][tg["name"]] = tg["definition"] + suffix

    for pol in query(f"""
        SELECT p.polrelid AS rel, p.polname AS name, p.polcmd::text AS cmd, p.polpermissive AS permissive,
               pg_get_expr(p.polqual, p.polrelid) AS using, pg_get_expr(p.polwithcheck, p.polrelid) AS check
        FROM pg_policy p JOIN ({_PG_RELS}) r ON r.oid = p.polrelid ORDER BY p.polname""", None):
        policies = by_oid[pol["rel"]].setdefault("policies", {})
        policies[pol["name"]] = _clean({k: pol[k] for k in ("cmd", "permissive", "using", "check")})

    functions = {
        _qn(f["schema"], f["signature"]): f["definition"] or f["kind"]
        for f in query(f"""
            SELECT n.nspname AS schema, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'
                   AS signature, p.prokind::text AS kind,
                   CASE WHEN p.prokind <> 'a' THEN pg_get_functiondef(p.oid) END AS definition
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE {_PG_USER_NS} AND {_PG_NOT_EXT.format(oid="p.oid")} ORDER BY 1, 2""", None)
    }

    sequences = {
        _qn(s["schema"], s["name"]): _clean({k: s[k] for k in (
            "type", "start", "increment", "min", "max", "cycle", "cache", "owned_by")})
        for s in query(f"""
            SELECT n.nspname AS schema, c.relname AS name, format_type(s.seqtypid, NULL) AS type,
                   s.seqstart AS start, s.seqincrement AS increment, s.seqmin AS min, s.seqmax AS max,
                   s.seqcycle AS cycle, s.seqcache AS cache,
                   (SELECT rc.relname || '.' || a.attname FROM pg_depend d
                      JOIN pg_class rc ON rc.oid = d.refobjid
                      JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                     WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
                     LIMIT 1) AS owned_by
            FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE {_PG_USER_NS} AND {_PG_NOT_EXT.format(oid="c.oid")} ORDER BY 1, 2""", None)
    }

    types: dict[str, Any] = {}
    for t in query(f"""
        SELECT t.oid, n.nspname AS schema, t.typname AS name, t.typtype::text AS kind,
               (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
                  FROM pg_enum e WHERE e.enumtypid = t.oid) AS labels,
               CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base,
               t.typnotnull AS not_null, pg_get_expr(t.typdefaultbin, 0) AS default,
               (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', '
                                  ORDER BY a.attnum)
                  FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped)
                 AS attributes,
               (SELECT string_agg(pg_get_constraintdef(con.oid), ' ' ORDER BY con.conname)
                  FROM pg_constraint con WHERE con.contypid = t.oid) AS checks
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE {_PG_USER_NS} AND {_PG_NOT_EXT.format(oid="t.oid")} AND t.typtype IN ('e', 'd', 'r', 'c')
          AND (t.typtype <> 'c' OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
        ORDER BY 2, 3""", None):
        kind = {"e": "enum", "d": "domain", "r": "range", "c": "composite"}[t["kind"]]
        types[_qn(t["schema"], t["name"])] = _clean(
            {"kind": kind, "labels": t["labels"], "base": t["base"], "not_null": t["not_null"],
             "default": t["default"], "attributes": t["attributes"], "checks": t["checks"]})

    schemas = [r["nspname"] for r in query(
        f"SELECT n.nspname FROM pg_namespace n WHERE {_PG_USER_NS} ORDER BY 1", None)]
    extensions = {r["extname"]: r["extversion"] for r in query(
        "SELECT extname, extversion FROM pg_extension ORDER BY 1", None)}
    return {"schemas": schemas, "extensions": extensions, "tables": tables, "functions": functions,
            "sequences": sequences, "types": types}


# -- MySQL / MariaDB --------------------------------------------------------------------------


def mysql_snapshot(query: QueryFn, schema: str) -> dict[str, Any]:
    tables: dict[str, dict[str, Any]] = {}
    for t in query("""
        SELECT TABLE_NAME AS name, TABLE_TYPE AS kind, ENGINE AS engine, TABLE_COLLATION AS collation,
               TABLE_COMMENT AS comment, CREATE_OPTIONS AS options
        FROM information_schema.TABLES WHERE TABLE_SCHEMA = %s ORDER BY TABLE_NAME""", [schema]):
        entry = _clean({"kind": t["kind"].lower(), "engine": t["engine"], "collation": t["collation"],
                        "comment": t["comment"], "options": t["options"]})
        entry.update(columns={}, constraints={}, indexes={}, triggers={})
        tables[t["name"]] = entry

    for c in query("""
        SELECT TABLE_NAME AS tbl, COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable,
               COLUMN_DEFAULT AS dflt, EXTRA AS extra, COLLATION_NAME AS collation, COLUMN_COMMENT AS comment,
               GENERATION_EXPRESSION AS expr
        FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = %s ORDER BY TABLE_NAME, ORDINAL_POSITION""",
                   [schema]):
        generated = c["extra"] or ""
        if c["expr"]:
            generated = f"{generated} {c['expr']}".strip()
        tables[c["tbl"]]["columns"][c["name"]] = {
            "type": c["type"], "nullable": c["nullable"] == "YES", "default": c["dflt"],
            **_clean({"generated": generated, "collation": c["collation"], "comment": c["comment"]}),
        }

    key_cols: dict[tuple[str, str], list[str]] = {}
    for k in query("""
        SELECT TABLE_NAME AS tbl, CONSTRAINT_NAME AS name, COLUMN_NAME AS col,
               REFERENCED_TABLE_NAME AS ref_table, REFERENCED_COLUMN_NAME AS ref_col
        FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = %s
        ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION""", [schema]):
        ref = f" -> {k['ref_table']}.{k['ref_col']}" if k["ref_table"] else ""
        key_cols.setdefault((k["tbl"], k["name"]), []).append(f"{k['col']}{ref}")
    rules = {(r["tbl"], r["name"]): f" ON UPDATE {r['upd']} ON DELETE {r['del']}" for r in query("""
        SELECT TABLE_NAME AS tbl, CONSTRAINT_NAME AS name, UPDATE_RULE AS upd, DELETE_RULE AS del
        FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = %s""", [schema])}
    checks: dict[tuple[str, str], str] = {}
    for ch in query("SELECT * FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = %s",
                    [schema]):
        # MariaDB names checks per table (TABLE_NAME column); MySQL 8 names them per schema.
        checks[(ch.get("TABLE_NAME") or "", ch["CONSTRAINT_NAME"])] = ch["CHECK_CLAUSE"]
    for tc in query("""
        SELECT TABLE_NAME AS tbl, CONSTRAINT_NAME AS name, CONSTRAINT_TYPE AS type
        FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = %s
        ORDER BY TABLE_NAME, CONSTRAINT_NAME""", [schema]):
        key = (tc["tbl"], tc["name"])
        if tc["type"] == "CHECK":
            body = checks.get(key) or checks.get(("", tc["name"]), "")
            definition = f"CHECK ({body})"
        else:
            definition = f"{tc['type']} ({', '.join(key_cols.get(key, []))}){rules.get(key, '')}"
        tables[tc["tbl"]]["constraints"][tc["name"]] = definition

    index_parts: dict[tuple[str, str], list[str]] = {}
    index_head: dict[tuple[str, str], str] = {}
    for ix in query("""
        SELECT * FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = %s
        ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX""", [schema]):
        key = (ix["TABLE_NAME"], ix["INDEX_NAME"])
        part = ix.get("COLUMN_NAME") or f"({ix.get('EXPRESSION')})"
        if ix.get("SUB_PART"):
            part += f"({ix['SUB_PART']})"
        if ix.get("COLLATION") == "D":
            part += " DESC"
        index_parts.setdefault(key, []).append(part)
        index_head[key] = ("" if int(ix["NON_UNIQUE"]) else "UNIQUE ") + str(ix.get("INDEX_TYPE") or "")
    for (tbl, name), parts in index_parts.items():
        tables[tbl]["indexes"][name] = f"{index_head[(tbl, name)]} ({', '.join(parts)})".strip()

    for tg in query("""
        SELECT TRIGGER_NAME AS name, EVENT_OBJECT_TABLE AS tbl, ACTION_TIMING AS timing,
               EVENT_MANIPULATION AS event, ACTION_ORIENTATION AS per, ACTION_STATEMENT AS body
        FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = %s ORDER BY TRIGGER_NAME""", [schema]):
        tables[tg["tbl"]]["triggers"][tg["name"]] = (
            f"{tg['timing']} {tg['event']} FOR EACH {tg['per']} {tg['body']}")

    for v in query("""SELECT TABLE_NAME AS name, VIEW_DEFINITION AS body FROM information_schema.VIEWS
                      WHERE TABLE_SCHEMA = %s""", [schema]):
        if v["name"] in tables:
            tables[v["name"]]["definition"] = v["body"]

    functions = {
        f"{r['kind'].lower()} {r['name']}": f"RETURNS {r['returns'] or '-'} {r['body'] or ''}".strip()
        for r in query("""
            SELECT ROUTINE_NAME AS name, ROUTINE_TYPE AS kind, DTD_IDENTIFIER AS returns,
                   ROUTINE_DEFINITION AS body
            FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = %s ORDER BY ROUTINE_NAME""", [schema])
    }
    return {"tables": tables, "functions": functions}


# -- SQLite -----------------------------------------------------------------------------------


def sqlite_snapshot(query: QueryFn) -> dict[str, Any]:
    objects = query("""SELECT type, name, tbl_name, sql FROM sqlite_master
                       WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name""", None)
    tables: dict[str, dict[str, Any]] = {}
    for o in objects:
        if o["type"] not in ("table", "view"):
            continue
        entry: dict[str, Any] = {"kind": o["type"], "definition": " ".join((o["sql"] or "").split()),
                                 "columns": {}, "constraints": {}, "indexes": {}, "triggers": {}}
        cols = query("SELECT * FROM pragma_table_xinfo(?) ORDER BY cid", [o["name"]])
        pk_cols = [c for c in cols if c["pk"]]
        for c in cols:
            rowid = len(pk_cols) == 1 and c["pk"] and str(c["type"]).upper() == "INTEGER"
            generated = {2: "virtual", 3: "stored"}.get(c["hidden"], "rowid" if rowid else "")
            entry["columns"][c["name"]] = {"type": c["type"], "nullable": not c["notnull"] and not rowid,
                                           "default": c["dflt_value"], **_clean({"generated": generated})}
        if pk_cols:
            ordered = sorted(pk_cols, key=lambda c: int(c["pk"]))
            entry["constraints"]["primary key"] = ", ".join(str(c["name"]) for c in ordered)
        fks: dict[int, list[dict[str, Any]]] = {}
        for fk in query("SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq", [o["name"]]):
            fks.setdefault(fk["id"], []).append(fk)
        for parts in fks.values():
            head = parts[0]
            entry["constraints"][f"foreign key ({', '.join(p['from'] for p in parts)})"] = (
                f"REFERENCES {head['table']} ({', '.join(str(p['to']) for p in parts)}) "
                f"ON UPDATE {head['on_update']} ON DELETE {head['on_delete']}")
        tables[o["name"]] = _clean(entry) | {k: entry[k] for k in ("columns", "constraints", "indexes",
                                                                   "triggers")}
    for o in objects:
        if o["type"] in ("index", "trigger") and o["tbl_name"] in tables:
            if o["type"] == "index":
                cols = query("SELECT name FROM pragma_index_info(?) ORDER BY seqno", [o["name"]])
                definition = o["sql"] or f"automatic index ({', '.join(str(c['name']) for c in cols)})"
            else:
                definition = o["sql"] or ""
            section = "indexes" if o["type"] == "index" else "triggers"
            tables[o["tbl_name"]][section][o["name"]] = " ".join(definition.split())
    return {"tables": tables}


# -- comparing --------------------------------------------------------------------------------

_SINGULAR = {"tables": "table", "columns": "column", "constraints": "constraint", "indexes": "index",
             "triggers": "trigger", "functions": "function", "sequences": "sequence", "types": "type",
             "extensions": "extension", "policies": "policy"}


def diff_snapshots(before: Mapping[str, Any], after: Mapping[str, Any], before_label: str = "before",
                   after_label: str = "after") -> list[str]:
    """Readable differences, one per line, e.g. ``index orders_status_idx on table orders exists
    after down but not before up``. Empty when the snapshots are equal."""
    out: list[str] = []
    _diff_entity(before, after, [], out, (before_label, after_label))
    return out


def _describe(path: list[str]) -> str:
    return " on ".join(reversed(path)) if path else "the schema"


def _diff_entity(a: Mapping[str, Any], b: Mapping[str, Any], path: list[str], out: list[str],
                 labels: tuple[str, str]) -> None:
    """Compare two objects: sections (``indexes`` …) hold named items, other keys are attributes."""
    la, lb = labels
    for key in sorted(set(a) | set(b), key=str):
        if key in _SINGULAR:
            _diff_section(a.get(key) or {}, b.get(key) or {}, _SINGULAR[key], path, out, labels)
        elif a.get(key) != b.get(key):
            out.append(f"{_describe(path)}: {key} is {_show(a.get(key))} {la} but {_show(b.get(key))} {lb}")


def _diff_section(a: Mapping[str, Any], b: Mapping[str, Any], singular: str, path: list[str],
                  out: list[str], labels: tuple[str, str]) -> None:
    la, lb = labels
    for name in sorted(set(a) | set(b), key=str):
        item = [*path, f"{singular} {name}"]
        if name not in b:
            out.append(f"{_describe(item)} exists {la} but not {lb}{_detail(a[name])}")
        elif name not in a:
            out.append(f"{_describe(item)} exists {lb} but not {la}{_detail(b[name])}")
        elif isinstance(a[name], Mapping) and isinstance(b[name], Mapping):
            _diff_entity(a[name], b[name], item, out, labels)
        elif a[name] != b[name]:
            out.append(f"{_describe(item)} differs: {_show(a[name])} {la} vs {_show(b[name])} {lb}")


def _show(value: Any) -> str:
    text = " ".join(value.split()) if isinstance(value, str) else repr(value)
    return text if len(text) <= 160 else text[:159] + "…"


def _detail(value: Any) -> str:
    return f" ({_show(value)})" if isinstance(value, str) else ""
