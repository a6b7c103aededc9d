"""ER diagrams from a relational design: the role's text notation and Mermaid ``erDiagram``."""

from __future__ import annotations

import re

from schemawright.design.models import RelationalDesign, Table
from schemawright.domain.naming import pascal, singular


def _label(table: Table) -> str:
    return pascal(singular(table.entity or table.name))


def _is_junction(table: Table) -> bool:
    return len(table.primary_key) == 2 and all(
        any(fk.columns == [c] for fk in table.foreign_keys) for c in table.primary_key
    )


def text_diagram(design: RelationalDesign) -> str:
    """One line per relationship in the seed's notation: ``[User] 1----* [Order]``; many-to-many through
    a junction as ``[Cook] *----* [Recipe]`` with the junction named."""
    by_name = {t.name: t for t in design.tables}
    lines: list[str] = []
    for table in design.tables:
        if _is_junction(table):
            left, right = (by_name.get(fk.ref_table) for fk in table.foreign_keys[:2])
            if left and right:
                lines.append(f"[{_label(left)}] *----* [{_label(right)}]   (via {table.name})")
            continue
        for fk in table.foreign_keys:
            parent = by_name.get(fk.ref_table)
            if parent is None:
                continue
            unique = any(u.columns == fk.columns for u in table.unique)
            card = "1----1" if unique else "1----*"
            col = table.column(fk.columns[0])
            optional = " (optional)" if col is not None and col.nullable else ""
            role = fk.columns[0].removesuffix("_id")
            role_note = "" if role == singular(parent.name) else f" as {role}"
            lines.append(f"[{_label(parent)}] {card} [{_label(table)}]{role_note}{optional}")
    lonely = [
        t
        for t in design.tables
        if not t.foreign_keys
        and not any(fk.ref_table == t.name for other in design.tables for fk in other.foreign_keys)
    ]
    lines.extend(f"[{_label(t)}]" for t in lonely)
    return "\n".join(lines)


def mermaid(design: RelationalDesign) -> str:
    out = ["erDiagram"]
    by_name = {t.name: t for t in design.tables}
    for table in design.tables:
        out.append(f"    {table.name} {{")
        for col in table.columns:
            flags = []
            if col.name in table.primary_key:
                flags.append("PK")
            if any(col.name in fk.columns for fk in table.foreign_keys):
                flags.append("FK")
            if any(u.columns == [col.name] for u in table.unique):
                flags.append("UK")
            type_name = re.sub(r"[^A-Za-z0-9_()\[\]-]", "_", col.type.replace(" ", "_").replace(",", "_"))
            out.append(f"        {type_name} {col.name}{(' ' + ', '.join(flags)) if flags else ''}")
        out.append("    }")
    for table in design.tables:
        for fk in table.foreign_keys:
            if fk.ref_table not in by_name:
                continue
            fk_col = table.column(fk.columns[0])
            unique = any(u.columns == fk.columns for u in table.unique)
            left = "|o" if fk_col is not None and fk_col.nullable else "||"
            right = "o|" if unique else "o{"
            out.append(f'    {fk.ref_table} {left}--{right} {table.name} : "{fk.columns[0]}"')
    return "\n".join(out)
