"""dbmate and goose: one ``{version}_{name}.sql`` file per migration, with up and down sections."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from schemawright.project.errors import ProjectError
from schemawright.project.migration import Migration
from schemawright.safe_files import SafeReader
from schemawright.tools.base import read_text

Sectioned = Literal["dbmate", "goose"]
SINGLE = re.compile(r"^(?P<version>\d+)_(?P<name>[^.]+)\.sql$")
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


def split_sections(text: str, path: Path, fmt: Sectioned) -> tuple[str, str]:
    """(up, down) sections of a dbmate or goose file."""
    up_re, down_re = SECTIONS[fmt]
    up_m = up_re.search(text)
    if up_m is None:
        raise ProjectError(f"{path}: no up section ({up_re.pattern}); {fmt} files need one")
    down_m = down_re.search(text, up_m.end())
    up = text[up_m.end() : down_m.start() if down_m else len(text)]
    down = text[down_m.end() :] if down_m else ""
    return up.strip() + "\n", down.strip() + "\n"


def read_sectioned(directory: Path, fmt: Sectioned, reader: SafeReader) -> list[Migration]:
    out = []
    for path in directory.iterdir():
        m = SINGLE.match(path.name)
        if m and not path.is_dir():
            text = read_text(path, reader)
            if text is None or SECTIONS[fmt][0].search(text) is None:
                continue
            up, down = split_sections(text, path, fmt)
            tx = NO_TX[fmt].search(text) is None
            out.append(
                Migration(version=m["version"], name=m["name"], path=path, up=up, down=down, transactional=tx)
            )
    return out
