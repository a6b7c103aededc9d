"""Learn the project's conventions from its existing tables; each adoption becomes a sentence in
``Conventions.learned`` (→ the decision document's Assumptions)."""

from __future__ import annotations

from collections import Counter

from schemawright.design.conventions import Conventions
from schemawright.design.models import Table
from schemawright.domain.naming import plural, singular

_CREATED = ("created_at", "inserted_at", "created_on", "created", "date_created", "createdat")
_UPDATED = ("updated_at", "modified_at", "updated_on", "updated", "last_modified", "updatedat")
_DELETED = ("deleted_at", "archived_at", "removed_at", "deleted_on")


def _majority(counter: Counter[str]) -> str | None:
    return counter.most_common(1)[0][0] if counter else None


def learn(tables: list[Table], functions: list[str], triggered: set[str]) -> Conventions:
    """Follow the project where its tables agree; keep the role's defaults where nothing exists."""
    conv = Conventions()
    if not tables:
        return conv
    names = ", ".join(t.name for t in tables[:4]) + ("…" if len(tables) > 4 else "")
    keys: Counter[str] = Counter()
    integers: Counter[str] = Counter()  # the width of the project's integer keys
    for t in tables:
        if len(t.primary_key) == 1 and (col := t.column(t.primary_key[0])) is not None:
            kind = col.logical.name
            if kind in ("bigint", "integer"):
                integers[kind] += 1
                kind = "bigint"  # either width counts as an integer key here
            keys[kind if kind in ("uuid", "bigint") else "other"] += 1
    key = _majority(keys)
    if key in ("uuid", "bigint"):
        conv.key_type = key  # type: ignore[assignment]
        if key == "bigint" and _majority(integers) == "integer":  # lemmy's serial, Django's AutoField
            conv.learned.append(
                f"The project's keys are INTEGER ({names}); new tables get BIGINT identity keys (no "
                "2,147,483,647-row ceiling), and a foreign key to an existing table takes its key's type "
                "(INTEGER)."
            )
        elif key == "bigint":
            conv.learned.append(
                f"Keys are BIGINT identity columns, like the project's existing tables ({names}); "
                "foreign keys to them are BIGINT too."
            )
        else:
            conv.learned.append(f"Keys are UUIDs, like the project's existing tables ({names}).")
    forms: Counter[bool] = Counter()
    for t in tables:
        last = t.name.split("_")[-1]
        if plural(last) == last and singular(last) != last:
            forms[True] += 1
        elif singular(last) == last and plural(last) != last:
            forms[False] += 1
    if forms:
        conv.plural_tables = forms.most_common(1)[0][0]
        conv.learned.append(
            f"Table names are {'plural' if conv.plural_tables else 'singular'}, as in the project ({names})."
        )
    columns = Counter(c.name for t in tables for c in t.columns)
    for attr, candidates in (("created_at", _CREATED), ("updated_at", _UPDATED), ("deleted_at", _DELETED)):
        found = next((c for c in candidates if columns[c]), None)
        if found is None and attr == "created_at":
            found = _stamped_on_insert(tables)
        if found is not None:
            setattr(conv, attr, found)
            conv.learned.append(
                f"The {attr.split('_')[0]} timestamp column is named {found}, as in the project."
            )
    _naming(conv, tables)
    with_updated = [t.name for t in tables if t.column(conv.updated_at) is not None]
    if with_updated:
        conv.updated_at_trigger = any(t in triggered for t in with_updated)
        if conv.updated_at_trigger:
            conv.learned.append(
                f"{conv.updated_at} is kept current by a trigger, as on the project's tables"
                + (" (reusing its set_updated_at() function)." if "set_updated_at" in functions else ".")
            )
        else:
            conv.learned.append(
                f"The project's tables have no {conv.updated_at} trigger (the application sets "
                "it); new tables follow that and add none."
            )
    return conv


_INSERT_STAMPS = ("published", "inserted", "added_at", "recorded_at")  # lemmy: published DEFAULT now()


def _stamped_on_insert(tables: list[Table]) -> str | None:
    """A creation timestamp by another name: a column of one of those names that is a timestamp filled
    with now() on insert in most tables that have it, and in at least two tables (lemmy's ``published``;
    a ``published`` that is a flag or a publication date someone sets is no creation stamp)."""
    for name in _INSERT_STAMPS:
        found = [c for t in tables if (c := t.column(name)) is not None]
        stamped = [c for c in found if c.logical.name == "timestamptz" and c.default_kind == "now"]
        if len(stamped) >= 2 and 2 * len(stamped) > len(found):
            return name
    return None


def _naming(conv: Conventions, tables: list[Table]) -> None:
    """Index naming (``idx_`` prefix or ``_idx`` suffix) and the text-vs-varchar habit."""
    styles: Counter[str] = Counter()
    for t in tables:
        for ix in t.indexes:
            if ix.name.startswith(("idx_", "ix_")):
                styles["prefix"] += 1
            elif ix.name.endswith(("_idx", "_index", "_key")):
                styles["suffix"] += 1
    if styles and styles["suffix"] > styles["prefix"]:
        conv.index_suffix = True
        conv.learned.append(
            "Indexes are named {table}_{columns}_idx, like the project's existing indexes "
            "(instead of the role's idx_{table}_{columns})."
        )
    kinds = Counter(
        c.logical.name for t in tables for c in t.columns if c.logical.name in ("text", "varchar")
    )
    if kinds["varchar"] > kinds["text"]:
        conv.learned.append(
            "The project mostly uses VARCHAR(n) for text; new text columns stay TEXT with a CHECK on "
            "char_length (the same storage and limit on PostgreSQL, and the limit can change without a "
            "table rewrite)."
        )
    elif kinds["text"]:
        conv.learned.append("Text columns are TEXT, like the project's.")
