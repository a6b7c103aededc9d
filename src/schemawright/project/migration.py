"""The records every migration tool reads and writes: an existing migration, a step of the feature to write,
and a file to write. Kept apart from detection so each tool (``schemawright.tools``) can use them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Role = Literal["migration-up", "migration-down", "migration"]


@dataclass(frozen=True)
class Migration:
    version: str
    name: str
    path: Path  # the up file (or the single file holding both sections)
    up: str
    down: str | None = None
    down_path: Path | None = None
    # the tool runs the up in a transaction of its own (goose, dbmate, Diesel, Atlas)
    transactional: bool = False
    # the file opts out of that transaction (goose NO TRANSACTION, dbmate transaction:false, Diesel's
    # run_in_transaction = false, Atlas's atlas:txmode none)
    no_transaction: bool = False
    up_line: int = 1  # the line of its file where ``up`` starts (a dbmate or goose section starts lower)
    down_line: int = 1  # the same for ``down``
    # what the reader could not read of it, each a sentence the review prefixes with the file's path
    # (Alembic and Django code only running it would tell: loops, RunPython, values computed at run time)
    unread: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[int, ...]:
        return tuple(int(part) for part in re.split(r"[._]", self.version.replace("-", "")))


@dataclass(frozen=True)
class NewFile:
    path: Path
    role: Role
    content: str


@dataclass(frozen=True)
class Step:
    """One migration to write: the feature's main one, or a concurrent index."""

    version: str
    name: str
    up: str
    down: str
    transactional: bool = True
