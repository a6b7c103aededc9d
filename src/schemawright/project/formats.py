"""Write a new migration in the project's own format, with the tool's naming and versioning rules.

Statements that must run outside a transaction (``CREATE INDEX CONCURRENTLY``) go in migrations of
their own, marked the way each tool expects (dbmate ``transaction:false``, goose ``NO TRANSACTION``,
Atlas ``txmode none``, Diesel ``metadata.toml`` ``run_in_transaction = false``); golang-migrate and
Flyway run a lone statement outside a transaction.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from schemawright.emit.sql.dialects import DialectName
from schemawright.project import diesel
from schemawright.project.alembic_revision import revision_files
from schemawright.project.alter import Separate
from schemawright.project.detect import MigrationSet
from schemawright.project.foreign import django_migration
from schemawright.project.foreign import notes as foreign_notes
from schemawright.project.knex import render_migration as knex_migration

NO_TX_NOTE = (
    "-- Runs outside a transaction (a lone statement; marked for the tools that need it).\n"
    "-- squawk-ignore ban-concurrent-index-creation-in-transaction"
)
Role = Literal["migration-up", "migration-down", "migration"]


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


def steps(
    version: str, feature_id: str, up: str, down: str, separate: list[Separate], header: str
) -> list[Step]:
    """The feature's migration and one per separate statement, with consecutive versions."""
    head = f"{header}\n" if header else ""
    out = [Step(version, feature_id, up, down)]
    for i, sep in enumerate(separate, 1):
        if not sep.transactional:  # the tool runs this migration's lone statement outside a transaction
            *before, statement = sep.up.split("\n")  # squawk reads the ignore on the statement's line above
            sep = replace(sep, up="\n".join([*before, NO_TX_NOTE, statement]))
        out.append(
            Step(
                _bump(version, i),
                f"{feature_id}_{sep.suffix}",
                f"{head}{sep.up}\n",
                f"{head}{sep.down}\n",
                sep.transactional,
            )
        )
    return out


def _bump(version: str, by: int) -> str:
    return diesel.bump(version, by)  # numbers keep their width; Diesel's dashed timestamps add seconds


def render(
    found: MigrationSet, plan: list[Step], dialect: DialectName = "postgresql"
) -> tuple[list[NewFile], list[str]]:
    """(files, notes) for ``plan`` in ``found``'s format; notes go to the Assumptions."""
    d, fmt = found.directory, found.format
    files: list[NewFile] = []
    notes: list[str] = []
    latest = found.migrations[-1].path.stem if fmt == "django" and found.migrations else None
    if found.foreign is not None:
        notes += foreign_notes(found.foreign, latest)
    if fmt == "django" and found.foreign is not None:
        app, dep = found.foreign.app, latest or found.foreign.latest
        number = int(dep[:4]) if dep[:4].isdigit() else 0
        for i, s in enumerate(plan, 1):
            name = f"{number + i:04d}_{s.name}"
            text = django_migration((app, dep) if dep else None, s.up, s.down, dialect, s.transactional)
            files.append(NewFile(d / f"{name}.py", "migration", text))
            dep = name
    elif fmt == "knex":
        for s in plan:
            text = knex_migration(s.name, s.up, s.down, dialect, s.transactional)
            files.append(NewFile(d / f"{s.version}_{s.name}.js", "migration", text))
    elif fmt == "alembic":
        head = found.migrations[-1].version if found.migrations else None
        steps_ = [(s.name, s.up, s.down, not s.transactional or i > 0) for i, s in enumerate(plan)]
        files = [NewFile(p, "migration", text) for p, text in revision_files(d, head, steps_, dialect)]
        notes.append(
            f"Alembic: revision file(s) chained to the head ({head or 'base'}) run the verified SQL with "
            "op.execute; the chain was verified through Alembic itself (upgrade head, downgrade, upgrade "
            "head). Autogenerate will not see these tables until the application's models declare them."
        )
    elif fmt == "flyway":
        base = int(plan[0].version)
        for i, s in enumerate(plan):
            files.append(NewFile(d / f"V{base + i}__{s.name}.sql", "migration-up", s.up))
            files.append(NewFile(d / f"U{base + i}__{s.name}.sql", "migration-down", s.down))
        notes.append(
            "Flyway: the undo script is written as U{n}__… (Flyway Teams runs it with `flyway undo`)."
        )
    elif fmt in ("dbmate", "goose"):
        for s in plan:
            if fmt == "dbmate":
                tx = "" if s.transactional else " transaction:false"
                text = f"-- migrate:up{tx}\n{s.up}\n-- migrate:down{tx}\n{s.down}"
            else:
                tx = "" if s.transactional else "-- +goose NO TRANSACTION\n"
                text = (
                    f"{tx}-- +goose Up\n-- +goose StatementBegin\n{s.up}-- +goose StatementEnd\n\n"
                    f"-- +goose Down\n-- +goose StatementBegin\n{s.down}-- +goose StatementEnd\n"
                )
            files.append(NewFile(d / f"{s.version}_{s.name}.sql", "migration", text))
    elif fmt == "atlas":
        old = {p.name for p in found.files_of(plan[0].name)}  # replaced by --force
        for s in plan:
            tx = "" if s.transactional else "-- atlas:txmode none\n\n"
            files.append(NewFile(d / f"{s.version}_{s.name}.sql", "migration-up", tx + s.up))
        files.append(
            NewFile(d / "atlas.sum", "migration", atlas_sum(d, {f.path.name: f.content for f in files}, old))
        )
        notes.append(
            "Atlas: no down file is written (Atlas plans downs itself with `atlas migrate down`); "
            "atlas.sum was recomputed. The generated down was still verified."
        )
    elif fmt == "diesel":
        for s in plan:
            folder = d / f"{s.version}_{s.name}"
            files.append(NewFile(folder / "up.sql", "migration-up", s.up))
            files.append(NewFile(folder / "down.sql", "migration-down", s.down))
            if not s.transactional:
                files.append(NewFile(folder / "metadata.toml", "migration", diesel.NO_TRANSACTION))
        notes.append(
            "Diesel: each migration is a {version}_{name}/ folder with up.sql and down.sql (`diesel "
            "migration run`); run `diesel print-schema` (or `diesel migration run`, which updates "
            "src/schema.rs) so the Rust schema matches."
        )
    elif fmt == "prisma":
        for s in plan:
            files.append(NewFile(d / f"{s.version}_{s.name}" / "migration.sql", "migration-up", s.up))
        notes.append(
            "Prisma Migrate has no down migrations; the verified down script is not written. Update "
            "schema.prisma to match (e.g. `prisma db pull`)."
        )
    else:
        for s in plan:
            files.append(NewFile(d / f"{s.version}_{s.name}.up.sql", "migration-up", s.up))
            files.append(NewFile(d / f"{s.version}_{s.name}.down.sql", "migration-down", s.down))
    return files, notes


def atlas_sum(directory: Path, new: dict[str, str], drop: set[str] | None = None) -> str:
    """Atlas's integrity file: per file, the base64 SHA-256 of a running hash over every file name and
    content so far (in name order); first line ``h1:`` + the hash over all names and hashes."""
    contents = {p.name: p.read_bytes() for p in directory.glob("*.sql") if p.name not in (drop or set())}
    contents.update({name: text.encode() for name, text in new.items() if name.endswith(".sql")})
    running = hashlib.sha256()
    entries = []
    for name in sorted(contents):
        running.update(name.encode())
        running.update(contents[name])
        entries.append((name, base64.b64encode(running.copy().digest()).decode()))
    total = hashlib.sha256()
    for name, digest in entries:
        total.update(name.encode())
        total.update(digest.encode())
    lines = "".join(f"{name} h1:{digest}\n" for name, digest in entries)
    return f"h1:{base64.b64encode(total.digest()).decode()}\n{lines}"
