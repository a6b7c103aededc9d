"""Django migrations read statically into SQL: the schema the project's apps build, without Django's
settings, models or any of the project's code.

Operations are applied in ``migrate`` order (:mod:`~schemawright.project.django_files`) to a small model
state (:mod:`~schemawright.project.django_state`), as Django's autodetector state is, and each operation's
SQL is rendered by offline Alembic at the line of the operation (:mod:`~schemawright.project.django_ops`):
``RunSQL`` with literal SQL as written. The down of each migration is its operations undone in reverse
order, as ``migrate app <previous>`` does. What cannot be read (``RunPython``, a field class it does not
know, a relation to a model outside the apps read) is noted with its line, never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from schemawright.project.alembic_static import FunctionSQL, short
from schemawright.project.django_files import DjangoFile, app_files, apply_order, read_file
from schemawright.project.django_ops import apply, reverse
from schemawright.project.django_state import Cx, NotRead, State, copy_state
from schemawright.project.migration import Migration


def read_apps(
    migration_dirs: Sequence[Path],
    dialect: str,
    *,
    user_model: str = "auth.User",
    keep: set[Path] | None = None,
) -> list[Migration]:
    """Every app's migrations (``{app}/migrations``) in ``migrate`` order as SQL for ``dialect``;
    ``keep``: only these files (the rest of the history as of a regenerated feature)."""
    return read_project(migration_dirs, dialect, user_model=user_model, keep=keep)[0]


def read_project(
    migration_dirs: Sequence[Path],
    dialect: str,
    *,
    user_model: str = "auth.User",
    keep: set[Path] | None = None,
) -> tuple[list[Migration], dict[str, str]]:
    """:func:`read_apps`, and the models' tables at the end of the history (model name in lower case ->
    table; a name two apps share is left out): how the designer finds ``Check`` in ``api_check``."""
    files = [
        read_file(path, folder.parent.name, user_model)
        for folder in migration_dirs
        for path in app_files(folder)
        if keep is None or path in keep
    ]
    cx = Cx(dialect, user_model)
    state: State = {}
    out: list[Migration] = []
    for f in apply_order(files):
        up, down, state = _migration_sql(f, state, cx)
        out.append(
            Migration(
                version=f.name[:4],
                name=f.name[5:],
                path=f.path,
                up=up.text(),
                down=down,
                down_path=f.path if down is not None else None,
                unread=tuple(up.unread),
            )
        )
    names = [key[1] for key in state]
    return out, {key[1]: m.table for key, m in state.items() if names.count(key[1]) == 1}


def _migration_sql(f: DjangoFile, state: State, cx: Cx) -> tuple[FunctionSQL, str | None, State]:
    up = FunctionSQL()
    downs: list[str] = []
    reversible = True
    for line, op in f.operations:
        if isinstance(op, str):
            up.unread.append(f"line {line}: {op}")
            continue
        before = copy_state(state)
        try:
            sql, state = apply(op, f.app, state, cx)
        except NotRead as exc:
            up.unread.append(f"line {line}: not read: {op.kind} ({exc})")
            state = before
            continue
        except Exception as exc:  # offline Alembic refusing an operation it cannot render
            up.unread.append(f"line {line}: not read: {op.kind} ({short(f'{type(exc).__name__}: {exc}')})")
            state = before
            continue
        up.unread += [f"line {line}: {note}" for note in cx.notes]
        cx.notes.clear()
        if sql:
            up.chunks.append((line, sql))
        back = reverse(op, f.app, before, state, cx)
        if back is None:
            reversible = False
        elif back:
            downs.append(back)
    down = "\n".join(d.strip().rstrip(";") + ";" for d in reversed(downs)) if reversible else None
    return up, down, state
