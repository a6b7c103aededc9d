"""The design decision document (``ai/decisions/{ID}_database_schema.md``): what was designed, why,
and from which spec line, in the layout the pipeline's reviewers expect."""

from __future__ import annotations

from schemawright.design.models import Column, RelationalDesign, Table
from schemawright.domain.model import Assumption, DomainModel
from schemawright.emit.erdiagram import mermaid, text_diagram
from schemawright.emit.firestore import render_firestore_section
from schemawright.emit.keyvalue_doc import render_keyvalue_section
from schemawright.emit.markdown_safe import code, fence, neutralise_html, text
from schemawright.emit.mongo import render_document_section
from schemawright.emit.sql.ddl import tables_sql
from schemawright.result import DesignResult


def _cell(value: str) -> str:
    """A table cell of spec-derived text: one line, pipes escaped, fences and tags made inert."""
    return text(value).replace("|", "\\|")


def _constraints(table: Table, column: Column) -> str:
    parts = []
    if column.name in table.primary_key:
        parts.append("PK")
    if not column.nullable:
        parts.append("NOT NULL")
    if column.default:
        parts.append(f"DEFAULT {column.default}")
    for fk in table.foreign_keys:
        if column.name in fk.columns:
            parts.append(f"FK → {fk.ref_table}({', '.join(fk.ref_columns)}) ON DELETE {fk.on_delete}")
    if any(u.columns == [column.name] for u in table.unique) or any(
        ix.unique and ix.columns == [column.name] and not ix.where for ix in table.indexes
    ):
        parts.append("UNIQUE")
    if column.enum_values:
        parts.append("one of " + ", ".join(column.enum_values))
    return "; ".join(parts)


def _why(column: Column) -> str:
    bits = []
    if column.comment:
        bits.append(column.comment)
    bits.append(column.source.cite())
    return "; ".join(bits)


def render_decision_doc(result: DesignResult, model: DomainModel) -> str:
    fid, name = result.feature.id, result.feature.name
    out = [f"# Database Schema: {fid} — {text(name)}", ""]
    out += ["## Summary", ""]
    if result.no_change_reason:
        out += [f"No schema change is needed. {result.no_change_reason}", "", "No migration was written.", ""]
        _assumptions(out, result.assumptions)
        _not_understood(out, result.not_understood)
        return neutralise_html("\n".join(out).rstrip() + "\n")
    for store in result.stores:
        if store.kind == "document" and store.engine == "firestore":
            out.append(f"- Store: document, firestore ({len(store.collections)} collections).")
            out.append(f"- Source spec: {code(result.feature.source)}.")
            out.append("")
            out += render_firestore_section(store)
            continue
        if store.kind == "document":
            out.append(f"- Store: document, {store.engine} ({len(store.collections)} collections).")
            out.append(f"- Source spec: {code(result.feature.source)}.")
            out.append("")
            out += render_document_section(store)
            continue
        if store.kind == "keyvalue":
            out.append(f"- Store: key-value, {store.engine} ({len(store.keys)} key families).")
            out.append("")
            out += render_keyvalue_section(store)
            continue
        new = store.new_tables()
        existing = [t.name for t in store.tables if t.existing]
        out.append(f"- Store: relational, {store.dialect}.")
        out.append(f"- New tables ({len(new)}): {text(', '.join(t.name for t in new))}.")
        if existing:  # names from the project's own migrations: any identifier a quoted name allows
            out.append(f"- Existing tables referenced, not changed: {text(', '.join(existing))}.")
        out.append(f"- Source spec: {code(result.feature.source)}.")
        out.append("")
        _relational(out, store)
    _migrations(out, result)
    _verification(out, result)
    _assumptions(out, result.assumptions)
    _not_understood(out, result.not_understood)
    _traceability(out, result)
    return neutralise_html("\n".join(out).rstrip() + "\n")


def _relational(out: list[str], design: RelationalDesign) -> None:
    out += ["## ER diagram", "", *fence(text_diagram(design)), ""]
    out += ["<details><summary>Mermaid</summary>", "", *fence(mermaid(design), "mermaid"), ""]
    out += ["</details>", ""]
    out += ["## Tables", ""]
    statements = tables_sql(design)
    for table in design.new_tables():
        out += [f"### {text(table.name)}", ""]
        if table.purpose:
            out += [f"Purpose: {text(table.purpose)}", ""]
        out += ["| Column | Type | Constraints | Why |", "|---|---|---|---|"]
        for column in table.columns:
            out.append(
                f"| {_cell(column.name)} | {_cell(column.type)} | {_cell(_constraints(table, column))} "
                f"| {_cell(_why(column))} |"
            )
        out += ["", *fence(statements[table.name], "sql"), ""]
        if table.partition:
            out += [
                f"Partitioned by {table.partition.method} on {code(table.partition.column)} "
                f"({table.partition.interval}ly): {text(table.partition.reason)}.",
                "",
            ]
    out += ["## Index strategy", "", "| Table | Index | Columns | Serves |", "|---|---|---|---|"]
    for table in design.new_tables():
        for ix in table.indexes:
            cols = ", ".join(
                (f"lower({c})" if ix.expressions.get(c) == "lower" else c)
                + (" DESC" if c in ix.descending else "")
                for c in ix.columns
            )
            kind = "unique " if ix.unique else ""
            where = f" WHERE {ix.where}" if ix.where else ""
            out.append(
                f"| {_cell(table.name)} | {_cell(ix.name)} ({kind}{ix.method}) | {_cell(cols + where)} "
                f"| {_cell(ix.purpose)} |"
            )
        for u in table.unique:
            out.append(
                f"| {_cell(table.name)} | {_cell(u.name)} (unique constraint) "
                f"| {_cell(', '.join(u.columns))} | business key; {u.source.cite()} |"
            )
    out += [
        "",
        "Primary keys are indexed implicitly. Every foreign key leads some index. No other indexes are "
        "created, to keep writes cheap.",
        "",
    ]
    out += ["## Constraints and integrity", ""]
    for table in design.new_tables():
        for fk in table.foreign_keys:
            out.append(
                f"- {code(f'{table.name}.{fk.columns[0]}')} → {code(fk.ref_table)} ON DELETE {fk.on_delete}: "
                f"{text(fk.reason)} ({fk.source.cite()})."
            )
        for check in table.checks:
            out.append(
                f"- `{check.name}`: {code(check.expression)} — {text(check.reason)} ({check.source.cite()})."
            )
    out.append("")
    out += ["## Security notes", ""]
    notes = []
    for table in design.new_tables():
        for column in table.columns:
            if column.name.endswith(("_hash", "_digest")):
                notes.append(
                    f"- {code(f'{table.name}.{column.name}')}: "
                    f"{text(column.comment or 'hash only, never the plain value')}."
                )
            elif column.name.endswith(("_encrypted", "_ciphertext")):
                notes.append(f"- {code(f'{table.name}.{column.name}')}: {text(column.comment or '')}.")
            elif column.sensitive not in ("none", ""):
                notes.append(
                    f"- {code(f'{table.name}.{column.name}')} holds {column.sensitive} data; restrict access "
                    "to it."
                )
    out += notes or ["- No credentials, secrets or confidential values are stored by this feature."]
    out.append("")


def _migrations(out: list[str], result: DesignResult) -> None:
    out += ["## Migrations created", ""]
    for f in result.files:
        if f.role.startswith("migration"):
            out.append(f"- {code(f.path)} ({f.role})")
    out += ["", "The down migration removes exactly what the up migration creates, in reverse order.", ""]


def _verification(out: list[str], result: DesignResult) -> None:
    out += ["## Verification", ""]
    v = result.verification
    if not v.reports:
        out += ["Not run (`--no-verify`)." if v.status == "not-run" else f"Status: {v.status}.", ""]
        return
    for report in v.reports:
        steps = ", ".join(f"{s.name} {'ok' if s.ok else 'FAILED'}" for s in report.steps)
        target = f" ({text(report.target)})" if report.target else ""
        out.append(
            f"- {report.engine}{target}: **{report.status}**"
            + (f" — {steps}" if steps else "")
            + (f"; {report.rows_inserted} sample rows inserted" if report.rows_inserted else "")
            + (f"; {text(report.error)}" if report.error else "")
        )
    out.append("")


def _assumptions(out: list[str], assumptions: list[Assumption]) -> None:
    out += ["## Assumptions", ""]
    if not assumptions:
        out += ["- None.", ""]
        return
    for a in assumptions:
        where = f" ({a.source.cite()})" if a.source.line else ""
        out.append(f"- {text(a.text)}{where}")
    out.append("")


def _not_understood(out: list[str], sentences: list[Assumption]) -> None:
    """Sentences that mention data but gave the analyzer nothing: shown so the reader can check the design
    covers them, rather than trusting that silence means nothing was asked. No section when empty."""
    if not sentences:
        return
    out += ["## Not understood", ""]
    out += ["These spec sentences seem to describe data, but nothing was read from them:", ""]
    for a in sentences:
        where = f" ({a.source.cite()})" if a.source.line else ""
        out.append(f"- {text(a.text)}{where}")
    out.append("")


def _traceability(out: list[str], result: DesignResult) -> None:
    out += ["## Traceability", "", "| Spec line | Schema element |", "|---|---|"]
    rows: list[tuple[int, str]] = []
    for store in result.stores:
        if store.kind == "document":
            rows += [(c.source.line, f"collection {c.name}") for c in store.collections if c.source.line]
            continue
        if store.kind == "keyvalue":
            rows += [(k.source.line, f"redis key {k.pattern}") for k in store.keys if k.source.line]
            continue
        for table in store.new_tables():
            if table.source.line:
                rows.append((table.source.line, f"table {table.name}"))
            for column in table.columns:
                if column.source.line:
                    rows.append((column.source.line, f"{table.name}.{column.name}"))
            for check in table.checks:
                if check.source.line:
                    rows.append((check.source.line, f"check {check.name}"))
            for ix in table.indexes:
                if ix.source.line:
                    rows.append((ix.source.line, f"index {ix.name}"))
    for line, element in sorted(set(rows)):
        out.append(f"| {line} | {_cell(element)} |")
    out.append("")
