"""Read an Alembic revision's ``upgrade()`` / ``downgrade()`` as SQL without importing it.

Each statement of the function is read in order: ``op.*`` schema operations (and ``batch_op.*`` inside
``with op.batch_alter_table(...)``) whose arguments evaluate statically (:mod:`~schemawright.project.
py_static`) are rendered by offline Alembic (:mod:`~schemawright.project.sa_static`) and placed at the
line of the call, so a review finding points at it; ``op.execute("...")`` keeps its SQL as written.
Anything else (a loop, ``op.get_bind()``, a helper, an argument computed at run time) is not guessed: it
becomes a note naming its line, and nothing of it reaches the SQL.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from schemawright.emit.sql.dialects import dialect_for
from schemawright.project.py_static import Evaluator, NotStatic, describe
from schemawright.project.sa_static import Renderer, resolver

# the operations that change the schema and that offline Alembic renders
SCHEMA_OPS = frozenset(
    {
        "create_table",
        "drop_table",
        "add_column",
        "drop_column",
        "alter_column",
        "create_index",
        "drop_index",
        "create_foreign_key",
        "create_unique_constraint",
        "create_primary_key",
        "create_check_constraint",
        "drop_constraint",
        "rename_table",
        "create_table_comment",
        "drop_table_comment",
        "execute",
    }
)


def _same(value: object, *_args: object, **_kwargs: object) -> object:
    return value


# op.f("ix_name") marks a name as final; op.inline_literal(v) renders v: both are the value itself here
_HELPERS = {f"{op}.{name}": _same for op in ("alembic.op", "op") for name in ("f", "inline_literal")}


def short(reason: str, width: int = 100) -> str:
    """An exception's message for a note: its first line, at most ``width`` characters."""
    line = reason.splitlines()[0] if reason else ""
    return line if len(line) <= width else line[: width - 3] + "..."


@dataclass
class FunctionSQL:
    """One function's SQL, each chunk at its line of the file, and what was not read (with lines)."""

    chunks: list[tuple[int, str]] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)

    def text(self) -> str:
        """The chunks as one script whose line numbers are the file's (later chunks pushed down when an
        earlier one runs over several lines)."""
        out: list[str] = []
        line = 1
        for lineno, sql in sorted(self.chunks, key=lambda c: c[0]):
            at = max(lineno, line + 1 if out else line)  # never on the line the previous chunk ends on
            text = sql.strip().rstrip(";") + ";"
            out += ["\n" * (at - line), text]
            line = at + text.count("\n")
        return "".join(out)


def read_function(tree: ast.Module, func: ast.FunctionDef, dialect: str) -> FunctionSQL:
    """The SQL of ``func`` (a revision's ``upgrade`` or ``downgrade``) for ``dialect``."""
    found = FunctionSQL()
    notes: list[str] = []
    evaluator = Evaluator(tree, _resolve(notes))
    _Reader(evaluator, Renderer(dialect), found, notes).body(func.body, {})
    return found


def _resolve(notes: list[str]) -> Any:
    sqlalchemy = resolver(notes)

    def resolve(dotted: str) -> object | None:
        return _HELPERS.get(dotted) or sqlalchemy(dotted)

    return resolve


@dataclass
class _Reader:
    evaluator: Evaluator
    renderer: Renderer
    out: FunctionSQL
    type_notes: list[str]
    binds: set[str] = field(default_factory=set)  # names holding the connection (conn = op.get_bind())

    def body(self, statements: list[ast.stmt], batches: dict[str, Any]) -> None:
        for stmt in statements:
            try:
                self.statement(stmt, batches)
            except NotStatic as exc:
                self.out.unread.append(f"line {stmt.lineno}: not read: {exc}")
            except Exception as exc:  # offline Alembic refusing an operation it cannot render
                reason = short(f"{type(exc).__name__}: {exc}")
                self.out.unread.append(f"line {stmt.lineno}: not read: {describe(stmt)} ({reason})")
            self.out.unread += [f"line {stmt.lineno}: {note}" for note in self.type_notes]
            self.type_notes.clear()

    def statement(self, stmt: ast.stmt, batches: dict[str, Any]) -> None:
        docstring = isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)
        if isinstance(stmt, ast.Pass) or docstring:
            return
        if isinstance(stmt, ast.Assign | ast.AnnAssign) and stmt.value is not None:
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            value = stmt.value
            if self._is_bind(value):  # conn = op.get_bind(): its execute() runs SQL like op.execute()
                self.binds |= {t.id for t in targets if isinstance(t, ast.Name)}
                return
            schema_op = self._schema_op(value, batches)
            if schema_op is not None:  # table = op.create_table(...)
                self.operation(*schema_op)
                for target in targets:
                    if isinstance(target, ast.Name):  # the table object: not a value read further
                        self.evaluator.local[target.id] = NotStatic(describe(stmt))
                return
            for target in targets:
                self.evaluator.bind(target, value)
            if any(isinstance(n, ast.Call) and self._owner(n, batches) for n in ast.walk(value)):
                raise NotStatic(describe(stmt))
            return
        if isinstance(stmt, ast.Try) and not stmt.orelse and not stmt.finalbody:
            self.out.unread.append(f"line {stmt.lineno}: a try block: its body was read, not its handlers")
            self.body(stmt.body, batches)  # what runs on a database the migration has not touched yet
            return
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
            func = stmt.value.func
            if isinstance(func, ast.Attribute) and func.attr == "execute" and self._is_bind(func.value):
                self.execute(stmt.value)  # conn.execute(sa.text("SQL")), in Alembic's transaction
                return
            owner = self._owner(stmt.value, batches)
            if owner is not None:
                self.operation(stmt.value, owner)
                return
            if self._enum_type(stmt.value):
                return
        if isinstance(stmt, ast.With) and len(stmt.items) == 1:
            item = stmt.items[0]
            call = item.context_expr
            if isinstance(call, ast.Call) and self._owner(call, batches) is self.renderer.ops:
                assert isinstance(call.func, ast.Attribute)
                if call.func.attr == "batch_alter_table":
                    self.batch(stmt, call, item.optional_vars, batches)
                    return
            if isinstance(call, ast.Call) and ast.unparse(call.func) == "op.get_context().autocommit_block":
                self.body(stmt.body, batches)  # the same operations, run outside the transaction
                return
        raise NotStatic(describe(stmt))

    def _enum_type(self, call: ast.Call) -> bool:
        """``kind.create(op.get_bind(), checkfirst=...)`` / ``kind.drop(...)`` on an enum type built from
        literals (``kind = postgresql.ENUM("a", "b", name="kind")``): CREATE TYPE / DROP TYPE. The bind
        is never evaluated; False for any other call."""
        func = call.func
        if not (isinstance(func, ast.Attribute) and func.attr in ("create", "drop") and call.args):
            return False
        if not self._is_bind(call.args[0]):
            return False
        enum = self.evaluator.value(func.value)
        if not (isinstance(enum, sa.Enum) and enum.name):
            raise NotStatic(describe(call))
        if not dialect_for(self.renderer.dialect).has_named_enum_types:
            return True  # an inline ENUM elsewhere: nothing to create
        from sqlalchemy.dialects.postgresql import CreateEnumType, DropEnumType

        element = CreateEnumType(enum) if func.attr == "create" else DropEnumType(enum)
        self.out.chunks.append((call.lineno, self.renderer.run(lambda: self.renderer.ops.execute(element))))
        return True

    def _is_bind(self, node: ast.expr) -> bool:
        """``op.get_bind()`` (the migration's connection), or a name it was assigned to."""
        if isinstance(node, ast.Name):
            return node.id in self.binds
        return (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get_bind"
            and self.evaluator.dotted(node.func.value) in ("alembic.op", "op")
        )

    def _schema_op(self, value: ast.expr, batches: dict[str, Any]) -> tuple[ast.Call, Any] | None:
        """``value`` when it is a schema operation's call (``op.create_table(...)``), with its owner."""
        if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute)):
            return None
        owner = self._owner(value, batches)
        return (value, owner) if owner is not None and value.func.attr in SCHEMA_OPS else None

    def _owner(self, call: ast.Call, batches: dict[str, Any]) -> Any:
        """The object an ``op.x(...)`` / ``batch_op.x(...)`` call is made on, else None."""
        if not isinstance(call.func, ast.Attribute):
            return None
        target = call.func.value
        if isinstance(target, ast.Name) and target.id in batches:
            return batches[target.id]
        return self.renderer.ops if self.evaluator.dotted(target) in ("alembic.op", "op") else None

    def operation(self, call: ast.Call, owner: Any) -> None:
        assert isinstance(call.func, ast.Attribute)
        name = call.func.attr
        if name not in SCHEMA_OPS:
            raise NotStatic(f"op.{name}(...) is not a schema operation read statically")
        if name == "execute":
            self.execute(call)
            return
        args = [self.evaluator.value(a) for a in call.args]
        kwargs = {kw.arg: self.evaluator.value(kw.value) for kw in call.keywords if kw.arg}
        if len(kwargs) != len(call.keywords):
            raise NotStatic(describe(call))
        if owner is not self.renderer.ops:  # inside a batch block: applied when the block ends
            getattr(owner, name)(*args, **kwargs)
            return
        sql = self.renderer.run(lambda: getattr(owner, name)(*args, **kwargs))
        self.out.chunks.append((call.lineno, sql))

    def execute(self, call: ast.Call) -> None:
        """``op.execute("SQL")`` (or ``sa.text("SQL")``): the SQL as written, at the line it starts on."""
        arg = call.args[0] if call.args else None
        if (
            isinstance(arg, ast.Call)
            and arg.args
            and self.evaluator.dotted(arg.func)
            in (
                "sqlalchemy.text",
                "sqlalchemy.sql.text",
            )
        ):
            arg = arg.args[0]
        if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
            try:
                value = self.evaluator.value(arg) if arg is not None else None
            except NotStatic:
                value = None
            if not isinstance(value, str):
                raise NotStatic(f"{describe(call)} (SQL that is not a string literal)")
            self.out.chunks.append((call.lineno, value))
            return
        lead = arg.value[: len(arg.value) - len(arg.value.lstrip())].count("\n")
        self.out.chunks.append((arg.lineno + lead, arg.value))

    def batch(self, stmt: ast.With, call: ast.Call, alias: ast.expr | None, batches: dict[str, Any]) -> None:
        """``with op.batch_alter_table(...) as batch_op:``: its operations, rendered when the block ends
        (as Alembic applies them), at the ``with`` line."""
        args: list[Any] = [self.evaluator.value(a) for a in call.args]
        kwargs: dict[str, Any] = {kw.arg: self.evaluator.value(kw.value) for kw in call.keywords if kw.arg}
        unread_before = len(self.out.unread)

        def run() -> None:
            with self.renderer.ops.batch_alter_table(*args, **kwargs) as batch:
                inner = dict(batches)
                if isinstance(alias, ast.Name):
                    inner[alias.id] = batch
                self.body(stmt.body, inner)

        sql = self.renderer.run(run)
        if len(self.out.unread) > unread_before:
            self.out.unread.append(f"line {stmt.lineno}: the batch block above was read in part")
        if sql:
            self.out.chunks.append((stmt.lineno, sql))
