"""Django migration files read statically: each ``Migration`` class's ``dependencies``, ``replaces`` and
``operations``, and the order ``manage.py migrate`` applies them in on a fresh database.

Django orders migrations by their dependency graph, not by name, across apps; a squashed migration
(``replaces``) stands for the ones it replaces when none of them is applied, which is always so on a fresh
database. Nothing is imported: the values come from :mod:`~schemawright.project.py_static`, with Django's
own names stood in by :class:`Call` records (``models.CharField(max_length=80)`` is
``Call("CharField", (), {"max_length": 80})``).
"""

from __future__ import annotations

import ast
import heapq
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from schemawright.project.py_static import Evaluator, NotStatic, Unknown, describe

_FILE = re.compile(r"^\d{4}_\w+\.py$")
_ON_DELETE = {"CASCADE", "SET_NULL", "PROTECT", "DO_NOTHING", "RESTRICT", "SET_DEFAULT"}
Key = tuple[str, str]  # (app label, migration name)


@dataclass(frozen=True)
class Call:
    """A Django construct as written: its class name and arguments (nothing of Django is imported)."""

    kind: str
    args: tuple[object, ...] = ()
    kwargs: dict[str, object] = field(default_factory=dict)

    def arg(self, name: str, position: int, default: object = None) -> object:
        """A keyword argument, or the positional one at ``position``."""
        if name in self.kwargs:
            return self.kwargs[name]
        return self.args[position] if position < len(self.args) else default


@dataclass
class DjangoFile:
    app: str
    name: str
    path: Path
    dependencies: list[Key] = field(default_factory=list)
    replaces: list[Key] = field(default_factory=list)
    operations: list[tuple[int, Call | str]] = field(default_factory=list)  # (line, op or a note)

    @property
    def key(self) -> Key:
        return (self.app, self.name)


def _recorder(kind: str) -> object:
    def record(*args: object, **kwargs: object) -> Call:
        return Call(kind, args, kwargs)

    record.takes_unknown = True  # type: ignore[attr-defined]
    return record


def resolver(user_model: str) -> object:
    """``resolve(dotted)`` for Django's names: migrations operations, model fields, indexes and
    constraints become :class:`Call` records; ``on_delete`` constants their names; ``settings.
    AUTH_USER_MODEL`` the project's user model (``user_model``)."""

    def resolve(dotted: str) -> object | None:
        last = dotted.rsplit(".", 1)[-1]
        if dotted == "django.db.migrations.swappable_dependency":
            return lambda value: (str(value).split(".")[0], "__first__")
        if dotted.endswith("settings.AUTH_USER_MODEL"):
            return user_model
        if dotted.startswith(("django.db.models", "django.contrib.postgres")) and last in _ON_DELETE:
            return last
        if dotted.startswith(("django.db.migrations.", "django.db.models.", "django.contrib.postgres.")):
            return _recorder(last)
        return None

    return resolve


def read_file(path: Path, app: str, user_model: str) -> DjangoFile:
    """One migration file's ``Migration`` class, read statically. An operation that cannot be evaluated
    (``RunPython``, a loop-built list, a computed argument) is kept as a note with its line."""
    found = DjangoFile(app, path.stem, path)
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except (SyntaxError, ValueError) as exc:
        found.operations.append((1, f"not read: not valid Python ({exc})"))
        return found
    evaluator = Evaluator(tree, resolver(user_model))  # type: ignore[arg-type]
    body = next((n.body for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Migration"), [])
    for node in body:
        if not (
            isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
        ):
            continue
        name = node.targets[0].id
        if name in ("dependencies", "replaces", "run_before"):
            keys = _keys(evaluator, node.value)
            if name == "dependencies":
                found.dependencies = keys
            elif name == "replaces":
                found.replaces = keys
        elif name == "operations":
            found.operations = _operations(evaluator, node.value)
    return found


def _keys(evaluator: Evaluator, node: ast.expr) -> list[Key]:
    items = node.elts if isinstance(node, ast.List | ast.Tuple) else []
    keys: list[Key] = []
    for item in items:
        try:
            value = evaluator.value(item)
        except NotStatic:
            continue
        if isinstance(value, tuple | list) and len(value) == 2 and all(isinstance(v, str) for v in value):
            keys.append((str(value[0]), str(value[1])))
    return keys


def _operations(evaluator: Evaluator, node: ast.expr) -> list[tuple[int, Call | str]]:
    if not isinstance(node, ast.List | ast.Tuple):
        return [(node.lineno, f"not read: operations = {describe(node)}")]
    out: list[tuple[int, Call | str]] = []
    for item in node.elts:
        kind = evaluator.dotted(item.func) if isinstance(item, ast.Call) else None
        if kind and kind.endswith(("RunPython", "RunPython.noop")):
            out.append(
                (item.lineno, "not read: RunPython (Python code; its effect is known only by running it)")
            )
            continue
        try:
            value = evaluator.value(item)
        except NotStatic as exc:
            out.append((item.lineno, f"not read: {exc}"))
            continue
        if isinstance(value, Call):
            out.append((item.lineno, value))
        else:
            what = value.dotted if isinstance(value, Unknown) else describe(item)
            out.append((item.lineno, f"not read: {what} (not one of Django's operations)"))
    return out


def app_files(migrations_dir: Path) -> list[Path]:
    """An app's migration files (``0001_initial.py``), by name."""
    return sorted(p for p in migrations_dir.iterdir() if _FILE.match(p.name) and p.is_file())


def apply_order(files: Sequence[DjangoFile]) -> list[DjangoFile]:
    """The files in the order ``migrate`` applies them on a fresh database: squashed migrations in place of
    the ones they replace, each after its dependencies (``__first__`` / ``__latest__`` resolved, other
    apps' migrations not among ``files`` taken as applied), ties by app then name."""
    by_key = {f.key: f for f in files}
    stand_in: dict[Key, Key] = {}
    for squash in (f for f in files if f.replaces):
        for replaced in squash.replaces:
            stand_in[replaced] = squash.key
    kept = {k: f for k, f in by_key.items() if k not in stand_in}
    per_app: dict[str, list[str]] = {}
    for app, name in sorted(kept):
        per_app.setdefault(app, []).append(name)

    def target(dep: Key) -> Key | None:
        app, name = dep
        if name in ("__first__", "__latest__"):
            names = per_app.get(app)
            if not names:
                return None
            name = names[0] if name == "__first__" else names[-1]
        key = stand_in.get((app, name), (app, name))
        return key if key in kept else None

    waiting: dict[Key, set[Key]] = {k: set() for k in kept}
    children: dict[Key, list[Key]] = {k: [] for k in kept}
    for key, f in kept.items():
        for dep in f.dependencies:
            parent = target(dep)
            if parent is not None and parent != key and parent not in waiting[key]:
                waiting[key].add(parent)
                children[parent].append(key)
    ready = [k for k, deps in waiting.items() if not deps]
    heapq.heapify(ready)
    order: list[DjangoFile] = []
    while ready:
        key = heapq.heappop(ready)
        order.append(kept[key])
        for child in children[key]:
            waiting[child].discard(key)
            if not waiting[child]:
                heapq.heappush(ready, child)
    left = sorted(k for k in kept if kept[k] not in order)  # a dependency cycle: name order
    return order + [kept[k] for k in left]
