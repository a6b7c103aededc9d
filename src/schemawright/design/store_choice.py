"""Which store(s) a feature is designed for (``--db auto``), in the order the role asks for.

1. ``--db`` given explicitly;
2. the spec's own declaration ("- Type: MySQL", "we run on MariaDB 10.11", "keeps its data in MongoDB",
   "Type: Supabase", "Type: Firestore");
3. the project's own signals: the dialect of its existing migrations, ``schema.prisma``'s datasource,
   compose files' images, dependency files (package.json, requirements*.txt, pyproject.toml, go.mod);
4. otherwise PostgreSQL.

Redis joins the primary store when the spec names it or asks for caches, rate limits, expiring tokens,
presence or fast counters. :func:`choose_store` is pure; :func:`read_signals` is the only part that reads
files, so the choice is testable without a project on disk.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, cast

import tomllib
import yaml

from schemawright.domain.scope import placeholder_store
from schemawright.spec.document import SpecDocument

Primary = Literal["postgresql", "mysql", "sqlite", "mongodb", "supabase", "firestore"]
PRIMARY: tuple[Primary, ...] = ("postgresql", "mysql", "sqlite", "mongodb", "supabase", "firestore")
RELATIONAL: tuple[Primary, ...] = ("postgresql", "mysql", "sqlite", "supabase")
Store = Literal["postgresql", "mysql", "sqlite", "mongodb", "supabase", "firestore", "redis"]


@dataclass(frozen=True)
class Signal:
    """One piece of project evidence: the store it points to and where it was seen."""

    store: Store
    where: str  # "docker-compose.yml: image mariadb:10.11"
    strength: int  # lower wins: migrations 0, prisma 1, compose 2, dependencies 3


@dataclass(frozen=True)
class StoreChoice:
    primary: Primary
    keyvalue: bool  # a Redis key design accompanies the primary store
    reasons: list[str] = field(default_factory=list)  # one sentence per decision, for Assumptions
    defaulted: bool = False  # nothing pointed anywhere: PostgreSQL by default


def choose_store(
    requested: str,
    declared: list[str],
    *,
    supabase_named: bool = False,
    signals: list[Signal] | None = None,
    cache_needs: int = 0,
) -> StoreChoice:
    """Decide the primary store and whether Redis joins it. ``declared`` is DomainModel.declared_stores
    (the analyzer folds "Supabase" into postgresql, so ``supabase_named`` says the spec named it)."""
    signals = sorted(signals or [], key=lambda s: s.strength)
    primary, reason, defaulted = _primary(requested, declared, supabase_named, signals)
    reasons = [reason]
    keyvalue = "redis" in declared or cache_needs > 0
    if keyvalue:
        why = (
            "the spec names Redis"
            if "redis" in declared
            else (f"the spec asks for {cache_needs} cache/rate-limit/expiring/presence/counter need(s)")
        )
        seen = next((s for s in signals if s.store == "redis"), None)
        reasons.append(
            f"Store: Redis key design added because {why}"
            + (f"; the project already runs Redis ({seen.where})." if seen else ".")
        )
    return StoreChoice(primary=primary, keyvalue=keyvalue, reasons=reasons, defaulted=defaulted)


def _primary(
    requested: str, declared: list[str], supabase_named: bool, signals: list[Signal]
) -> tuple[Primary, str, bool]:
    if requested != "auto":
        if requested not in PRIMARY:
            raise ValueError(f"unknown store {requested!r}")
        return requested, f"Store: {_label(requested)} because --db {requested} was given.", False
    spec: list[Primary] = [s for s in PRIMARY if s in declared]
    if supabase_named and "postgresql" in spec:
        spec = ["supabase", *[s for s in spec if s != "postgresql"]]
    if spec:
        first = spec[0]
        others = (
            f" (it also names {', '.join(_label(s) for s in spec[1:])}; the first relational one wins)"
            if len(spec) > 1
            else ""
        )
        return first, f"Store: {_label(first)} because the spec declares it{others}.", False
    primaries = [s for s in signals if s.store in PRIMARY]
    if primaries:
        best = primaries[0]
        rivals = sorted({_label(s.store) for s in primaries if s.store != best.store})
        extra = f"; other signals ({', '.join(rivals)}) are weaker" if rivals else ""
        return (
            cast(Primary, best.store),
            (
                f"Store: {_label(best.store)} because the spec declares no store and the "
                f"project uses it ({best.where}){extra}."
            ),
            False,
        )
    return (
        "postgresql",
        (
            "Store: PostgreSQL by default — the spec declares no store and the project "
            "shows none (no migrations, compose images or database drivers found)."
        ),
        True,
    )


def supabase_named(doc: SpecDocument) -> bool:
    """The spec declares Supabase (the analyzer records it as PostgreSQL): a bullet or paragraph that
    names it outside an out-of-scope section and is not a template option list."""
    for block in doc.blocks:
        if block.kind not in ("bullet", "paragraph") or not re.search(r"\bsupabase\b", block.text, re.I):
            continue
        if any("out of scope" in s or "non-goal" in s for s in block.section):
            continue
        value = block.text.split(":", 1)[-1]
        if not placeholder_store(value) and not re.match(r"^\s*(orm|client)\b", block.text, re.I):
            return True
    return False


def _label(store: str) -> str:
    return {
        "postgresql": "PostgreSQL",
        "mysql": "MySQL/MariaDB",
        "sqlite": "SQLite",
        "mongodb": "MongoDB",
        "supabase": "Supabase (PostgreSQL)",
        "firestore": "Firestore",
        "redis": "Redis",
    }.get(store, store)


# --- project signals (file reading) -----------------------------------------------------------------

_IMAGES: list[tuple[str, Store]] = [
    (r"supabase/postgres", "supabase"),
    (r"(?:^|/)(?:postgres|postgis/postgis|timescale/timescaledb)\b", "postgresql"),
    (r"(?:^|/)(?:mysql|mariadb|percona)\b", "mysql"),
    (r"(?:^|/)mongo\b", "mongodb"),
    (r"(?:^|/)(?:redis|valkey/valkey|redis/redis-stack)\b", "redis"),
    (r"firebase|firestore-emulator", "firestore"),
]
# Package name → store, for npm, PyPI and Go module paths.
_PACKAGES: dict[str, Store] = {
    "pg": "postgresql",
    "postgres": "postgresql",
    "pg-promise": "postgresql",
    "psycopg": "postgresql",
    "psycopg2": "postgresql",
    "psycopg2-binary": "postgresql",
    "asyncpg": "postgresql",
    "github.com/jackc/pgx": "postgresql",
    "github.com/jackc/pgx/v5": "postgresql",
    "github.com/lib/pq": "postgresql",
    "mysql": "mysql",
    "mysql2": "mysql",
    "mariadb": "mysql",
    "pymysql": "mysql",
    "mysqlclient": "mysql",
    "aiomysql": "mysql",
    "asyncmy": "mysql",
    "github.com/go-sql-driver/mysql": "mysql",
    "better-sqlite3": "sqlite",
    "sqlite3": "sqlite",
    "aiosqlite": "sqlite",
    "github.com/mattn/go-sqlite3": "sqlite",
    "mongoose": "mongodb",
    "mongodb": "mongodb",
    "pymongo": "mongodb",
    "motor": "mongodb",
    "beanie": "mongodb",
    "mongoengine": "mongodb",
    "go.mongodb.org/mongo-driver": "mongodb",
    "@supabase/supabase-js": "supabase",
    "supabase": "supabase",
    "firebase-admin": "firestore",
    "@google-cloud/firestore": "firestore",
    "google-cloud-firestore": "firestore",
    "cloud.google.com/go/firestore": "firestore",
    "ioredis": "redis",
    "redis": "redis",
    "github.com/redis/go-redis/v9": "redis",
    "github.com/go-redis/redis/v8": "redis",
}
_PRISMA_PROVIDERS: dict[str, Store] = {
    "postgresql": "postgresql",
    "postgres": "postgresql",
    "mysql": "mysql",
    "sqlite": "sqlite",
    "mongodb": "mongodb",
}
_COMPOSE = ("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml")
_SQL_DIALECT: list[tuple[str, Store]] = [
    (r"\bENGINE\s*=\s*InnoDB|\bAUTO_INCREMENT\b|`\w+`|\bON UPDATE CURRENT_TIMESTAMP", "mysql"),
    (
        r"\bTIMESTAMPTZ\b|\bJSONB\b|\bBIGSERIAL\b|\bSERIAL\b|gen_random_uuid\(\)|\$\$|::\w+|\bplpgsql\b",
        "postgresql",
    ),
    (r"\bAUTOINCREMENT\b|\bPRAGMA\b|\)\s*STRICT\b|\bWITHOUT ROWID\b", "sqlite"),
]


def migration_dialect(sql: str) -> Store | None:
    """The dialect an existing migration is written in, from syntax only that dialect accepts."""
    hits = [store for pattern, store in _SQL_DIALECT if re.search(pattern, sql, re.I)]
    return hits[0] if len(hits) == 1 else None


def read_signals(root: Path, migrations: list[tuple[Path, str]] | None = None) -> list[Signal]:
    """Evidence of the project's stores under ``root``; ``migrations`` are (path, up text) already found."""
    out: list[Signal] = []
    for path, text in migrations or []:
        if path.suffix == ".js" and "db.createCollection" in text:
            out.append(Signal("mongodb", f"{_rel(path, root)} is a mongosh migration", 0))
            break
        dialect = migration_dialect(text)
        if dialect:
            out.append(Signal(dialect, f"{_rel(path, root)} is written in {_label(dialect)} SQL", 0))
            break
    out += _prisma(root) + _compose(root) + _dependencies(root)
    return out


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return path.name


def _text(path: Path, root: Path) -> str:
    """A project file's text; "" when absent, unreadable, or unsafe to read (a symlink out of the project
    folder, a FIFO or device, over 500 KB; see :mod:`schemawright.safe_files`)."""
    from schemawright.safe_files import UnsafeFile, read_bytes

    if not path.exists():
        return ""
    try:
        return read_bytes(path, root, 500_000).decode()
    except (UnsafeFile, UnicodeDecodeError):
        return ""


def _prisma(root: Path) -> list[Signal]:
    for rel in ("prisma/schema.prisma", "schema.prisma", "backend/prisma/schema.prisma"):
        m = re.search(r"datasource\s+\w+\s*\{[^}]*?provider\s*=\s*\"(\w+)\"", _text(root / rel, root), re.S)
        if m and m.group(1) in _PRISMA_PROVIDERS:
            return [Signal(_PRISMA_PROVIDERS[m.group(1)], f'{rel}: datasource provider "{m.group(1)}"', 1)]
    return []


def _compose(root: Path) -> list[Signal]:
    out: list[Signal] = []
    files = [root / n for n in _COMPOSE] + sorted(root.glob("docker-compose.*.y*ml"))
    for path in files:
        try:
            data = yaml.safe_load(_text(path, root)) if path.is_file() else None
        except yaml.YAMLError:
            continue
        services = data.get("services") if isinstance(data, dict) else None
        for name, service in (services or {}).items() if isinstance(services, dict) else []:
            image = str(service.get("image", "")) if isinstance(service, dict) else ""
            for pattern, store in _IMAGES:
                if image and re.search(pattern, image.lower()):
                    out.append(Signal(store, f"{path.name}: service {name} image {image}", 2))
                    break
    return out


def _dependencies(root: Path) -> list[Signal]:
    names: list[tuple[str, str]] = []  # (package, file)
    pkg = _text(root / "package.json", root)
    if pkg:
        try:
            data = json.loads(pkg)
        except json.JSONDecodeError:
            data = {}
        for section in ("dependencies", "devDependencies"):
            deps = data.get(section) if isinstance(data, dict) else None
            names += [(n, "package.json") for n in (deps or {}) if isinstance(deps, dict)]
    for req in sorted(root.glob("requirements*.txt")):
        for line in _text(req, root).splitlines():
            m = re.match(r"\s*([A-Za-z0-9_.\-]+)", line)
            if m and not line.lstrip().startswith(("#", "-")):
                names.append((m.group(1).lower(), req.name))
    names += [(n, "pyproject.toml") for n in _pyproject_deps(_text(root / "pyproject.toml", root))]
    go_mod = _text(root / "go.mod", root)
    for m in re.finditer(r"^\s*(?:require\s+)?([\w./-]+\.[\w./-]+)\s+v\d", go_mod, re.M):
        names.append((m.group(1), "go.mod"))
    out: list[Signal] = []
    for name, where in names:
        store = _PACKAGES.get(name) or _PACKAGES.get(re.sub(r"\[.*$", "", name))
        if store:
            out.append(Signal(store, f"{where} depends on {name}", 3))
    return out


def _pyproject_deps(text: str) -> list[str]:
    if not text:
        return []
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return []
    project = data.get("project", {})
    deps = list(project.get("dependencies", []))
    for extra in (project.get("optional-dependencies") or {}).values():
        deps += extra
    poetry = data.get("tool", {}).get("poetry", {}).get("dependencies", {})
    deps += list(poetry) if isinstance(poetry, dict) else []
    return [m.group(1).lower() for d in deps if (m := re.match(r"\s*([A-Za-z0-9_.\-]+)", str(d)))]
