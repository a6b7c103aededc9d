"""singular_word / plural_word after the move from inflect to lemminflect: the same names as before on every
entity and table word of the gold files and on common and irregular nouns, plus the few words inflect got
wrong and that are now right on purpose."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from schemawright.domain.naming import plural, plural_word, singular, singular_word

NOUNS = [
    tuple(line.split())
    for line in (Path(__file__).parent / "naming_nouns.txt").read_text().splitlines()
    if line and not line.startswith("#")
]


def test_the_noun_list_is_large_and_has_the_irregulars() -> None:
    words = {row[0] for row in NOUNS}
    assert len(NOUNS) >= 300
    assert {"person", "people", "child", "criterion", "analysis", "leaf", "wife", "quiz", "species"} <= words


@pytest.mark.parametrize(("word", "single", "many"), NOUNS, ids=[row[0] for row in NOUNS])
def test_singular_and_plural_are_unchanged(word: str, single: str, many: str) -> None:
    assert (singular_word(word), plural_word(word)) == (single, many)


@pytest.mark.parametrize(
    ("word", "single"),
    [
        ("indices", "index"),
        ("matrices", "matrix"),
        ("vertices", "vertex"),
        ("dies", "die"),
        ("pgdata", "pgdata"),
    ],
)
def test_classical_plurals_inflect_got_wrong(word: str, single: str) -> None:
    assert singular_word(word) == single


def test_compound_names() -> None:
    assert singular("order_items") == "order_item"
    assert plural("opening_hour") == "opening_hours"
    assert plural("child") == "children"
    assert plural("person") == "people"
    assert singular("data") == "data"


def test_inflect_is_not_imported() -> None:
    code = "import sys, schemawright.domain.naming as n; n.plural('box'); print('inflect' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
