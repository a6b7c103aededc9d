"""Load a corpus file: header (``-- expect:``, ``-- dialect:``), optional ``-- corpus:prior`` setup, then a
dbmate or goose up/down body. Used by the tests and by benchmarks/review_vs_squawk.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from schemawright.review.chain import Migration, Section
from schemawright.tools.sectioned import SECTIONS, sections

CORPUS = Path(__file__).parent / "corpus"
_PRIOR = re.compile(r"^-- corpus:prior\s*$", re.M)


@dataclass(frozen=True)
class Case:
    path: Path
    expect: frozenset[str]  # found statically (and with replay)
    dialect: str
    migrations: list[Migration]  # the prior setup (if any) and the migration under review
    replay_expect: frozenset[str] = frozenset()  # found only when the chain runs on a real engine

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def up_sql(self) -> str:
        return self.migrations[-1].up.sql


def load_case(path: Path) -> Case:
    text = path.read_text()
    expect = re.search(r"^-- expect:\s*(.+)$", text, re.M)
    assert expect, f"{path.name}: no '-- expect:' header"
    codes = frozenset() if expect[1].strip() == "none" else frozenset(c.strip() for c in expect[1].split(","))
    dialect = m[1].strip() if (m := re.search(r"^-- dialect:\s*(\w+)", text, re.M)) else "postgresql"
    found = sections(
        text, "goose" if SECTIONS["goose"][0].search(text) else "dbmate"
    )  # as the plugins read them
    assert found, f"{path.name}: no up section"
    migrations = []
    prior = _PRIOR.search(text)
    if prior:
        body_start = min(m.start() for m in re.finditer(r"^-- (?:migrate:up|\+goose Up)", text, re.M))
        setup = Section(f"{path.name}#prior", text[prior.end() : body_start])
        migrations.append(Migration("000_prior", setup, None))
    down = Section(path.name, found.down, found.down_line) if found.down is not None else None
    up = Section(path.name, found.up, found.up_line)
    migrations.append(Migration(path.stem, up, down, not found.no_transaction, found.no_transaction))
    replay = re.search(r"^-- replay-expect:\s*(.+)$", text, re.M)
    replay_codes = frozenset(c.strip() for c in replay[1].split(",")) if replay else frozenset()
    return Case(path, codes, dialect, migrations, replay_codes)


def all_cases() -> list[Case]:
    return [load_case(p) for p in sorted(CORPUS.glob("*.sql"))]
