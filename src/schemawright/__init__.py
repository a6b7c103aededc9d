"""schemawright: designs database schemas from feature specs and writes verified, reversible migrations.

The Python API (:mod:`schemawright.api`) is reached from here and loaded on first use, so ``import
schemawright`` costs almost nothing::

    import schemawright
    model = schemawright.analyze("ai/features/001_login.md")     # DomainModel
    result = schemawright.design(model, root=".", write=True)     # DesignResult
    report = schemawright.review(".")                             # ReviewReport
    check = schemawright.verify(up_sql, down_sql)                 # VerificationReport

``design``, ``review`` and ``verify`` are also the names of subpackages. The import system sets a loaded
subpackage as an attribute of this package, which would replace the function; so this module's class
keeps the entry points in place, and each entry forwards attribute access to its subpackage
(``schemawright.design.models`` and ``import schemawright.verify.engines as e`` still work).
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType

__version__ = "0.1.0"

TYPE_CHECKING = False  # not ``from typing``: importing typing alone would triple this module's import time
if TYPE_CHECKING:
    from typing import Any

    from schemawright.api import (
        DesignError,
        UsageError,
        WriteError,
        analyze,
        design,
        load_model,
        review,
        verify,
    )
    from schemawright.domain.model import DomainModel
    from schemawright.result import DesignResult

__all__ = [
    "DesignError",
    "DesignResult",
    "DomainModel",
    "UsageError",
    "WriteError",
    "__version__",
    "analyze",
    "design",
    "load_model",
    "review",
    "verify",
]

_LAZY = {
    "analyze": "schemawright.api",
    "load_model": "schemawright.api",
    "DesignError": "schemawright.pipeline",
    "UsageError": "schemawright.io",
    "WriteError": "schemawright.io",
    "DomainModel": "schemawright.domain.model",
    "DesignResult": "schemawright.result",
}
_SHADOWED = ("design", "review", "verify")  # API functions named like subpackages


class _Entry:
    """``schemawright.design`` & co.: calls the API function; other attributes come from the subpackage."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return getattr(import_module("schemawright.api"), self._name)(*args, **kwargs)

    @property
    def __wrapped__(self) -> Any:  # help(), inspect.signature() and IDEs show the API function
        return getattr(import_module("schemawright.api"), self._name)

    @property
    def __doc__(self) -> str | None:  # type: ignore[override]
        return self.__wrapped__.__doc__  # type: ignore[no-any-return]

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__") and attr not in ("__path__", "__file__", "__spec__", "__name__"):
            raise AttributeError(attr)
        package = import_module(f"schemawright.{self._name}")
        try:
            return getattr(package, attr)
        except AttributeError:
            return import_module(f"{package.__name__}.{attr}")  # a submodule not imported yet

    def __repr__(self) -> str:
        return f"<schemawright.{self._name}: API function and subpackage>"


class _Package(ModuleType):
    def __setattr__(self, name: str, value: Any) -> None:
        if name in _SHADOWED and isinstance(value, ModuleType):
            return  # the import system registering the subpackage: the entry already forwards to it
        super().__setattr__(name, value)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


for _name in _SHADOWED:
    globals()[_name] = _Entry(_name)
sys.modules[__name__].__class__ = _Package
