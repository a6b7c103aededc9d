"""Names of scratch databases that say who made them, so a killed run's leftovers can be found and dropped.

A run that is killed (``kill -9``, a CI timeout) never reaches its ``DROP DATABASE``, and before this every
such run left an ``sw_scratch_*`` database on the server for good. A scratch name now carries a tag of the
machine, the process id and the creation time (``sw_scratch_<host>_<pid>_<unix time>_<random>``); every run
first drops the ones this machine made whose process is gone, and any that is over a day old (a run never
takes that long, and a process id may have been reused). Names made on other machines stay until then: a
shared server's other clients may still be using them."""

from __future__ import annotations

import hashlib
import os
import re
import socket
import time
import uuid

PREFIX = "sw_scratch_"
MAX_AGE_SECONDS = 24 * 3600
_NAME = re.compile(r"^sw_scratch_([0-9a-f]{6})_(\d+)_(\d+)_[0-9a-f]+\Z")


def host_tag() -> str:
    return hashlib.sha256(socket.gethostname().encode()).hexdigest()[:6]


def scratch_name(pid: int | None = None, now: float | None = None) -> str:
    """A new scratch database name (at most 45 characters: fits PostgreSQL's 63 and MySQL's 64)."""
    stamp = int(time.time() if now is None else now)
    return f"{PREFIX}{host_tag()}_{os.getpid() if pid is None else pid}_{stamp}_{uuid.uuid4().hex[:6]}"


def is_stale(name: str, now: float | None = None) -> bool:
    """Whether ``name`` is a scratch database whose run is over: made here by a process that no longer
    exists, or older than :data:`MAX_AGE_SECONDS`. Other names (and the old random-only ones, whose
    owner cannot be told) are never stale."""
    match = _NAME.match(name)
    if match is None:
        return False
    host, pid, stamp = match.group(1), int(match.group(2)), int(match.group(3))
    if (time.time() if now is None else now) - stamp > MAX_AGE_SECONDS:
        return True
    return host == host_tag() and not pid_alive(pid)


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by another user
        return True
    return True
