"""The design decision document (``ai/decisions/{ID}_database_schema.md``): what was designed, why,
and from which spec line, in the layout the pipeline's reviewers expect."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from schemawright.design.models import Column, ForeignKey, Index, RelationalDesign, Table
from schemawright.domain.model import Assumption, DomainModel
from schemawright.emit.erdiagram import mermaid, text_diagram
from schemawright.emit.firestore import render_firestore_section
from schemawright.emit.keyvalue_doc import render_keyvalue_section
from schemawright.emit.markdown_safe import code, fence, neutralise_html, text
from schemawright.emit.mongo import render_document_section
from schemawright.emit.sql.ddl import tables_sql
from schemawright.ops import models as o
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


@dataclass
class _Added:
    """What a feature's migrations add to one existing table."""

    table: Table  # the design's view of it (the existing table with what the feature adds)
    columns: list[Column] = field(default_factory=list)  # as added (nullable unless a constant default)
    indexes: list[Index] = field(default_factory=list)
    keys: list[ForeignKey] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"column {c.name}" for c in self.columns]
        parts += [f"index {ix.name}" for ix in self.indexes]
        parts += [f"foreign key {fk.name} → {fk.ref_table}" for fk in self.keys]
        return ", ".join(parts)


def _existing_changes(design: RelationalDesign, operations: Sequence[o.Operation]) -> dict[str, _Added]:
    """The existing tables ``operations`` (the feature's migrations, in order) add to, and what they add.
    A key a new column carries (SQLite) is that column's; an index built per partition is named once,
    on the partitioned table."""
    existing = {t.name: t for t in design.tables if t.existing}
    out: dict[str, _Added] = {}

    def of(name: str) -> _Added | None:
        if name not in existing:
            return None
        return out.setdefault(name, _Added(table=existing[name]))

    for op in operations:
        if isinstance(op, o.AddColumn) and (added := of(op.table)):
            added.columns.append(op.column)
            added.keys += [op.foreign_key] if op.foreign_key else []
        elif isinstance(op, o.AddForeignKey) and (added := of(op.table)):
            added.keys.append(op.foreign_key)
        elif isinstance(op, o.CreateIndex):
            name = f"{op.table_schema}.{op.table}" if op.table_schema else op.table
            added = of(name)
            if added and all(ix.name != op.index.name for ix in added.indexes):
                designed = next((ix for ix in added.table.indexes if ix.name == op.index.name), None)
                purpose = designed.purpose if designed else ""
                added.indexes.append(op.index.model_copy(update={"purpose": purpose}))
    return out


def render_decision_doc(
    result: DesignResult, model: DomainModel, operations: Sequence[o.Operation] = ()
) -> str:
    """The document for ``result``; ``operations`` are the feature's migrations' (all steps, in order),
    from which what it adds to existing tables is listed."""
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
        changed = _existing_changes(store, operations)
        unchanged = [t.name for t in store.tables if t.existing and t.name not in changed]
        out.append(f"- Store: relational, {store.dialect}.")
        out.append(f"- New tables ({len(new)}): {text(', '.join(t.name for t in new))}.")
        # names from the project's own migrations: any identifier a quoted name allows
        if changed:
            out.append(f"- Existing tables changed ({len(changed)}), nothing in them altered or dropped:")
            out += [f"  - {text(n)}: adds {text(a.summary())}." for n, a in changed.items()]
        if unchanged:
            out.append(f"- Existing tables referenced, not changed: {text(', '.join(unchanged))}.")
        out.append(f"- Source spec: {code(result.feature.source)}.")
        out.append("")
        _relational(out, store, list(changed.values()))
    _migrations(out, result)
    _verification(out, result)
    _assumptions(out, result.assumptions)
    _not_understood(out, result.not_understood)
    _traceability(out, result)
    return neutralise_html("\n".join(out).rstrip() + "\n")


def _relational(out: list[str], design: RelationalDesign, changed: list[_Added]) -> None:
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
    for added in changed:
        table = added.table
        out += [f"### {text(table.name)} (existing table)", ""]
        if added.columns:
            out += ["Columns added:", "", "| Column | Type | Constraints | Why |", "|---|---|---|---|"]
            for column in added.columns:
                out.append(
                    f"| {_cell(column.name)} | {_cell(column.type)} | {_cell(_constraints(table, column))} "
                    f"| {_cell(_why(column))} |"
                )
            out.append("")
        if added.indexes or added.keys:
            out += [
                "Indexes and foreign keys added: "
                + text(", ".join([ix.name for ix in added.indexes] + [fk.name for fk in added.keys]))
                + " (see below).",
                "",
            ]
    out += ["## Index strategy", "", "| Table | Index | Columns | Serves |", "|---|---|---|---|"]
    indexed = [(t, t.indexes) for t in design.new_tables()] + [(a.table, a.indexes) for a in changed]
    for table, indexes in indexed:
        for ix in indexes:
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
        for u in table.unique if not table.existing else []:
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
    keyed = [(t, t.foreign_keys) for t in design.new_tables()] + [(a.table, a.keys) for a in changed]
    for table, keys in keyed:
        for fk in keys:
            out.append(
                f"- {code(f'{table.name}.{fk.columns[0]}')} → {code(fk.ref_table)} ON DELETE {fk.on_delete}: "
                f"{text(fk.reason)} ({fk.source.cite()})."
            )
        for check in table.checks if not table.existing else []:
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
