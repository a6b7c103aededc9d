"""dbmate and goose: one ``{version}_{name}.sql`` file per migration, with up and down sections."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from schemawright.project.errors import ProjectError
from schemawright.project.migration import Migration
from schemawright.safe_files import SafeReader
from schemawright.tools.base import read_text

Sectioned = Literal["dbmate", "goose"]
# goose and dbmate: the version is the digits before the first "_", the name anything after it (dots too)
SECTIONED_FILE = re.compile(r"^(?P<version>\d+)_(?P<name>.+)\.sql$")
SECTIONS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "dbmate": (re.compile(r"^--\s*migrate:up\b.*$", re.M), re.compile(r"^--\s*migrate:down\b.*$", re.M)),
    "goose": (
        re.compile(r"^--\s*\+goose\s+Up\b.*$", re.M | re.I),
        re.compile(r"^--\s*\+goose\s+Down\b.*$", re.M | re.I),
    ),
}
# The file (goose) or its up section (dbmate) runs outside the tool's per-migration transaction.
NO_TX: dict[str, re.Pattern[str]] = {
    "goose": re.compile(r"^--\s*\+goose\s+NO\s+TRANSACTION\b", re.M | re.I),
    "dbmate": re.compile(r"^--\s*migrate:up\b[^\n]*\btransaction:false\b", re.M),
}


@dataclass(frozen=True)
class Sections:
    """A dbmate or goose file's up and down sections, each stripped, with the line of the file where it
    starts (so a statement's line in the section gives its line in the file)."""

    up: str
    up_line: int
    down: str | None  # None when the file has no down marker
    down_line: int
    no_transaction: bool  # the file (goose) or its up section (dbmate) opts out of the tool's transaction


def sections(text: str, fmt: Sectioned) -> Sections | None:
    """The sections of a dbmate or goose file; None without an up marker."""
    up_re, down_re = SECTIONS[fmt]
    up_m = up_re.search(text)
    if up_m is None:
        return None
    down_m = down_re.search(text, up_m.end())
    up, up_line = _stripped(text, up_m.end(), down_m.start() if down_m else len(text))
    down, down_line = _stripped(text, down_m.end(), len(text)) if down_m else (None, 1)
    return Sections(up, up_line, down, down_line, NO_TX[fmt].search(text) is not None)


def _stripped(text: str, start: int, end: int) -> tuple[str, int]:
    """``text[start:end]`` stripped (ending in one newline), and the line where its first character is."""
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip())
    return raw.strip() + "\n", text.count("\n", 0, start + lead) + 1


def split_sections(text: str, path: Path, fmt: Sectioned) -> tuple[str, str]:
    """(up, down) sections of a dbmate or goose file (down ``"\n"`` when it has none)."""
    found = sections(text, fmt)
    if found is None:
        raise ProjectError(f"{path}: no up section ({SECTIONS[fmt][0].pattern}); {fmt} files need one")
    return found.up, found.down if found.down is not None else "\n"


def read_sectioned(directory: Path, fmt: Sectioned, reader: SafeReader) -> list[Migration]:
    out = []
    for path in directory.iterdir():
        m = SECTIONED_FILE.match(path.name)
        if m and not path.is_dir():
            text = read_text(path, reader)
            found = sections(text, fmt) if text is not None else None
            if found is None:
                continue
            out.append(
                Migration(
                    version=m["version"],
                    name=m["name"],
                    path=path,
                    up=found.up,
                    down=found.down,
                    transactional=not found.no_transaction,
                    no_transaction=found.no_transaction,
                    up_line=found.up_line,
                    down_line=found.down_line,
                )
            )
    return out
