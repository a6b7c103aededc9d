"""Liquibase formatted SQL: a ``.sql`` changelog starting ``--liquibase formatted sql``, one migration per
``--changeset author:id``, its ``--rollback`` lines the down. Liquibase runs each changeset in a
transaction of its own unless the changeset line says ``runInTransaction:false``.

A changelog is known by its first line, not by a folder layout, so it is read wherever it lies
(``read_file``): the review reads it in a folder in no other tool's layout, beside plain ``.sql`` files.
Both directions keep the file's line numbers: every line that is not SQL of that direction is blanked, so
a finding points at the line in the changelog. ``design`` does not write Liquibase changelogs (there is no
``--format liquibase``), so the plugin is registered among the tools that are read only
(``schemawright.tools.READ_ONLY``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from schemawright.project.errors import ProjectError
from schemawright.project.migration import Migration, Step
from schemawright.tools.base import MigrationTool, Written, clock

if TYPE_CHECKING:
    from schemawright.emit.sql.dialects import DialectName
    from schemawright.project.detect import MigrationSet

_CHANGESET = re.compile(r"^--\s*changeset\s+(?P<id>\S+)(?P<attributes>.*)$", re.I)
_NO_TRANSACTION = re.compile(r"(?<!\S)runInTransaction:false(?!\S)", re.I)
_ROLLBACK = re.compile(r"^--\s*rollback\s?(?P<sql>.*)$", re.I)


def is_changelog(text: str) -> bool:
    return text.lstrip().lower().startswith("--liquibase formatted sql")


def read_file(path: Path, text: str) -> list[Migration] | None:
    """One migration per ``--changeset author:id`` of the changelog ``text`` (None when ``text`` is no
    formatted-SQL changelog): the changeset's lines as the up, its ``--rollback`` lines (other than
    ``--rollback not required``) as the down, both as long as the file. The version is the changeset's
    place in the file (1, 2, …), the name its ``author:id``; it runs in Liquibase's transaction unless
    it says ``runInTransaction:false``."""
    if not is_changelog(text):
        return None
    lines = text.splitlines()
    heads = [(i, m) for i, line in enumerate(lines) if (m := _CHANGESET.match(line))]
    out = []
    for n, (start, head) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        up = [""] * len(lines)
        down = [""] * len(lines)
        has_down = False
        for i in range(start + 1, end):
            if m := _ROLLBACK.match(lines[i]):
                sql = m["sql"].strip()
                if sql and sql.lower() != "not required":
                    down[i], has_down = sql, True
            else:
                up[i] = lines[i]
        alone = _NO_TRANSACTION.search(head["attributes"]) is not None
        out.append(
            Migration(
                version=str(n + 1),
                name=head["id"],
                path=path,
                up="\n".join(up),
                down="\n".join(down) if has_down else None,
                down_path=path if has_down else None,
                transactional=not alone,
                no_transaction=alone,
            )
        )
    return out


def write(_found: MigrationSet, _plan: list[Step], _dialect: DialectName) -> Written:
    raise ProjectError("schemawright does not write Liquibase changelogs; pass --format for another tool")


def _label(migration: Migration) -> str:
    return migration.name  # the changeset's author:id, as Liquibase names it in DATABASECHANGELOG


TOOL = MigrationTool("liquibase", clock, write, folder=False, label=_label, read_file=read_file)
