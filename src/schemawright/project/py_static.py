"""A restricted evaluator of Python expressions in migration files, without importing or running them.

Alembic revisions and Django migrations are Python, and running them means running the project's code
(settings, models, secrets). Their schema operations are almost always literal calls, though:
``sa.Column("email", sa.String(80), nullable=False)``, ``models.CharField(max_length=80)``. This module
evaluates exactly that subset from the syntax tree: literals, containers, names bound to such values
(module constants, earlier assignments in the same function), imported names, and calls of callables the
caller allows (SQLAlchemy's types and schema constructs, a tool's own field classes). Anything else raises
:class:`NotStatic` with a short description, so the reader notes it instead of guessing.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

_SAFE_BINOPS = (ast.Add, ast.Sub, ast.Mult, ast.Mod, ast.BitOr, ast.BitAnd)


class NotStatic(Exception):
    """An expression whose value exists only when the code runs; the message says which."""


@dataclass(frozen=True)
class Unknown:
    """A call or name the evaluator does not know (a project's own column type): kept so the caller can
    decide (a column of unknown type is read as text, with a note) instead of failing the whole call."""

    dotted: str


def imports(tree: ast.Module) -> dict[str, str]:
    """Local name -> dotted import path for the module's imports (``sa`` -> ``sqlalchemy``,
    ``postgresql`` -> ``sqlalchemy.dialects.postgresql``)."""
    found: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                head = alias.name.split(".")[0]
                found[alias.asname or head] = alias.name if alias.asname else head
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                found[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return found


def constants(tree: ast.Module) -> dict[str, ast.expr]:
    """Module-level ``NAME = expr`` assignments (the last one wins), evaluated only when used."""
    found: dict[str, ast.expr] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            found[node.targets[0].id] = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            found[node.target.id] = node.value
    return found


def describe(node: ast.AST) -> str:
    """A short quotation of ``node`` for a note (first line, at most 80 characters)."""
    text = ast.unparse(node).splitlines()[0] if not isinstance(node, ast.stmt) else _statement(node)
    return text if len(text) <= 80 else text[:77] + "..."


def _statement(node: ast.stmt) -> str:
    kinds = {ast.For: "a for loop", ast.While: "a while loop", ast.If: "an if block", ast.Try: "a try block"}
    for kind, name in kinds.items():
        if isinstance(node, kind):
            return name
    return ast.unparse(node).splitlines()[0]


@dataclass
class Evaluator:
    """Evaluates expressions of one file. ``resolve(dotted)`` returns the object a dotted name stands for
    when the caller allows it (None: unknown); ``local`` holds the names bound so far in the function
    being read (a value, or :class:`NotStatic` for a name bound to something not evaluable)."""

    tree: ast.Module
    resolve: Callable[[str], object | None]
    local: dict[str, object] = field(default_factory=dict)
    _imports: Mapping[str, str] = field(init=False)
    _constants: Mapping[str, ast.expr] = field(init=False)
    _busy: set[str] = field(default_factory=set, init=False)

    def __post_init__(self) -> None:
        self._imports = imports(self.tree)
        self._constants = constants(self.tree)

    def dotted(self, node: ast.expr) -> str | None:
        """``sa.Column`` -> ``sqlalchemy.Column``; a name not imported keeps its own spelling."""
        parts: list[str] = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        head = self._imports.get(node.id, node.id)
        return ".".join([head, *reversed(parts)])

    def bind(self, target: ast.expr, value: ast.expr) -> None:
        """Record ``target = value`` of the function being read (unevaluable values raise on use)."""
        if not isinstance(target, ast.Name):
            return
        try:
            self.local[target.id] = self.value(value)
        except NotStatic as exc:
            self.local[target.id] = exc

    def value(self, node: ast.expr) -> object:
        """The value of ``node``, or :class:`NotStatic`."""
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            items = self._elements(node.elts)
            return tuple(items) if isinstance(node, ast.Tuple) else items
        if isinstance(node, ast.Dict):
            out: dict[object, object] = {}
            for k, v in zip(node.keys, node.values, strict=True):
                if k is None:
                    merged = self.value(v)
                    if not isinstance(merged, dict):
                        raise NotStatic(describe(node))
                    out.update(merged)
                else:
                    out[self._hashable(self.value(k), k)] = self.value(v)
            return out
        if isinstance(node, ast.JoinedStr):
            return "".join(self._formatted(part) for part in node.values)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.Not):
            operand = self.value(node.operand)
            if isinstance(node.op, ast.Not):
                return not operand
            if isinstance(operand, int | float):
                return -operand
        if isinstance(node, ast.BinOp) and isinstance(node.op, _SAFE_BINOPS):
            left, right = self.value(node.left), self.value(node.right)
            numbers = isinstance(left, int | float) and isinstance(right, int | float)
            joined = isinstance(node.op, ast.Add) and isinstance(left, str | list | tuple)
            if numbers or (joined and isinstance(right, type(left))):  # no "x" * 10**9
                return _binop(node.op, left, right)
        if isinstance(node, ast.Name | ast.Attribute):
            return self._named(node)
        if isinstance(node, ast.Call):
            return self._call(node)
        raise NotStatic(describe(node))

    def _named(self, node: ast.Name | ast.Attribute) -> object:
        if isinstance(node, ast.Name):
            if node.id in self.local:
                bound = self.local[node.id]
                if isinstance(bound, NotStatic):
                    raise bound
                return bound
            if node.id in ("True", "False", "None"):
                return {"True": True, "False": False, "None": None}[node.id]
            if node.id in self._constants and node.id not in self._imports and node.id not in self._busy:
                self._busy.add(node.id)
                try:
                    return self.value(self._constants[node.id])
                finally:
                    self._busy.discard(node.id)
        name = self.dotted(node)
        found = self.resolve(name) if name else None
        if found is None:
            head: ast.expr = node
            while isinstance(head, ast.Attribute):
                head = head.value
            if isinstance(head, ast.Name) and head.id in self._imports and name:
                return Unknown(name)  # an imported name we do not evaluate (a project's own type)
            raise NotStatic(describe(node))
        return found

    def _elements(self, nodes: list[ast.expr]) -> list[object]:
        """The values of a literal's items or a call's arguments, a starred one spread in place."""
        out: list[object] = []
        for node in nodes:
            if isinstance(node, ast.Starred):
                out += list(self._iterable(node.value))
            else:
                out.append(self.value(node))
        return out

    def _call(self, node: ast.Call) -> object:
        name = self.dotted(node.func)
        target = self.resolve(name) if name else None
        if target is None or not callable(target):
            return Unknown(name or describe(node.func))
        args = self._elements(node.args)
        kwargs: dict[str, object] = {}
        for kw in node.keywords:
            if kw.arg is None:
                spread = self.value(kw.value)
                if not isinstance(spread, dict):
                    raise NotStatic(describe(node))
                kwargs.update({str(k): v for k, v in spread.items()})
            else:
                kwargs[kw.arg] = self.value(kw.value)
        unknown = next((v for v in [*args, *kwargs.values()] if isinstance(v, Unknown)), None)
        if unknown is not None and not getattr(target, "takes_unknown", False):
            raise NotStatic(f"{describe(node)} ({unknown.dotted} is not known statically)")
        try:
            return target(*args, **kwargs)
        except NotStatic:
            raise
        except Exception as exc:  # a library's complaint about arguments it cannot take
            reason = f"{type(exc).__name__}: {exc}".splitlines()[0][:100]
            raise NotStatic(f"{describe(node)} ({reason})") from exc

    def _iterable(self, node: ast.expr) -> list[object]:
        value = self.value(node)
        if not isinstance(value, list | tuple):
            raise NotStatic(describe(node))
        return list(value)

    def _formatted(self, part: ast.expr) -> str:
        if isinstance(part, ast.Constant):
            return str(part.value)
        if isinstance(part, ast.FormattedValue) and part.format_spec is None and part.conversion == -1:
            value = self.value(part.value)
            if isinstance(value, str | int | float):
                return str(value)
        raise NotStatic(describe(part))

    @staticmethod
    def _hashable(value: object, node: ast.expr) -> object:
        try:
            hash(value)
        except TypeError:
            raise NotStatic(describe(node)) from None
        return value


def _binop(op: ast.operator, left: object, right: object) -> object:
    if isinstance(op, ast.Add):
        return left + right  # type: ignore[operator]
    if isinstance(op, ast.Sub):
        return left - right  # type: ignore[operator]
    if isinstance(op, ast.Mult):
        return left * right  # type: ignore[operator]
    if isinstance(op, ast.Mod) and not isinstance(left, str):
        return left % right  # type: ignore[operator]
    if isinstance(op, ast.BitOr) and isinstance(left, int):
        return left | right  # type: ignore[operator]
    if isinstance(op, ast.BitAnd) and isinstance(left, int):
        return left & right  # type: ignore[operator]
    raise NotStatic(f"{left!r} {type(op).__name__} {right!r}")
