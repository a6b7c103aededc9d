"""goose: ``{version}_{name}.sql`` with ``-- +goose Up`` / ``-- +goose Down`` sections."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from schemawright.project.migration import Migration, NewFile, Step
from schemawright.safe_files import SafeReader
from schemawright.tools.base import MigrationTool, Written, numbered_next
from schemawright.tools.sectioned import read_sectioned

if TYPE_CHECKING:
    from schemawright.emit.sql.dialects import DialectName
    from schemawright.project.detect import MigrationSet


def read_history(directory: Path, reader: SafeReader) -> list[Migration]:
    return read_sectioned(directory, "goose", reader)


GO_MIGRATION = re.compile(r"^(?P<version>\d+)_(?P<name>.+)(?<!_test)\.go$")


def go_migrations_before(path: Path, version: str) -> list[Path]:
    """goose's Go migrations (``{version}_{name}.go``) beside ``path`` that goose runs before ``version``:
    code, which schemawright neither reads nor runs, so what they create is missing from a replay."""
    try:
        found = [(int(m["version"]), p) for p in path.parent.iterdir() if (m := GO_MIGRATION.match(p.name))]
    except (OSError, ValueError):
        return []
    return [p for v, p in sorted(found) if version.isdigit() and v < int(version)]


def go_hint(path: Path, version: str) -> str:
    """A sentence for a replay that failed at ``path``, when goose Go migrations ran before it."""
    before = go_migrations_before(path, version)
    if not before:
        return ""
    return (
        f" The history has {len(before)} goose Go migration(s) before it (the last: {before[-1].name}), which"
        " schemawright does not run: what they create or change is missing from the replay."
    )


def write(found: MigrationSet, plan: list[Step], _dialect: DialectName) -> Written:
    files = []
    for s in plan:
        tx = "" if s.transactional else "-- +goose NO TRANSACTION\n"
        text = (
            f"{tx}-- +goose Up\n-- +goose StatementBegin\n{s.up}-- +goose StatementEnd\n\n"
            f"-- +goose Down\n-- +goose StatementBegin\n{s.down}-- +goose StatementEnd\n"
        )
        files.append(NewFile(found.directory / f"{s.version}_{s.name}.sql", "migration", text))
    return files, []


TOOL = MigrationTool("goose", numbered_next, write, read_history)
