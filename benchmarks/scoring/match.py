"""Name matching between gold names and designed names.

The README rule: names compare case-insensitively after removing ``_``, and a plural/singular
variant of an accepted name also matches. Variants are built on the *last word* only
(``email_verification_tokens`` ↔ ``email_verification_token``, ``serialNumber`` ↔
``serial_numbers``), and matching is symmetric (two names match when their variant sets meet),
so a wrongly singularised word never hides a match as long as one side is in its singular form.

Singular and plural come from :mod:`schemawright.domain.naming` (lemminflect's dictionary and suffix
rules). Suffix rules take some singular words for plurals (``bonus`` → ``bonu``); the override table and
the ``-ss/-us/-is`` guard keep those from producing junk variants.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from schemawright.domain.naming import plural_noun, singular_noun

# Plural → singular where the word's other readings are wrong for names; kept tiny on purpose.
_SINGULAR_OVERRIDES: dict[str, str] = {
    "data": "data",
    "metadata": "metadata",
    "media": "media",
    "indices": "index",
    "matrices": "matrix",
    "vertices": "vertex",
    "analyses": "analysis",
    "axes": "axis",
    "aliases": "alias",
}

_WORD_SPLIT = re.compile(r"[_\-\s]+|(?<=[a-z0-9])(?=[A-Z])")
_QUOTES = str.maketrans("", "", "\"`[]'")
_CALL = re.compile(r"^\s*\w*\s*\((.*)\)\s*$", re.DOTALL)
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*")

T = TypeVar("T")


def normalize(name: str) -> str:
    """Case-insensitive form without ``_``/``-``/spaces/quotes, keeping dots of nested paths."""
    return re.sub(r"[_\-\s]", "", name.translate(_QUOTES)).lower()


def bare_table_name(name: str) -> str:
    """``"public"."users"`` → ``users``: schema qualification never decides a match."""
    return name.translate(_QUOTES).split(".")[-1]


def index_column(expr: str) -> str:
    """The column an index element is on: ``lower(email)`` → ``email``, ``"code" DESC`` → ``code``.

    Functional wrappers are peeled off (nested too) and the first identifier inside is taken,
    so an expression index counts for the column it normalises.
    """
    text = expr.strip().translate(_QUOTES).lstrip("-+")
    while (m := _CALL.match(text)) is not None:
        text = m.group(1).split(",")[0].strip()
    text = re.split(r"\s+(?:asc|desc|collate|nulls)\b", text, flags=re.IGNORECASE)[0]
    text = text.split("::")[0]
    ident = _IDENT.search(text)
    return ident.group(0) if ident else text


@dataclass
class NameMatcher:
    """Matches names by the README rule. Holds its own memo (no globals)."""

    _memo: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def _singular(self, word: str) -> str:
        low = word.lower()
        if low in _SINGULAR_OVERRIDES:
            return _SINGULAR_OVERRIDES[low]
        result = singular_noun(low)
        # "bonus" → "bonu", "analysis" → "analysi": a singular word the suffix rules took for a plural.
        if low.endswith(("ss", "us", "is")) and result == low[:-1]:
            return low
        return result

    def _is_singular(self, word: str) -> bool:
        low = word.lower()
        return low not in _SINGULAR_OVERRIDES and self._singular(low) == low

    def variants(self, name: str) -> frozenset[str]:
        """Normalised forms of ``name``: itself, and its last word singular and plural."""
        cached = self._memo.get(name)
        if cached is not None:
            return cached
        clean = name.translate(_QUOTES)
        words = [w for w in _WORD_SPLIT.split(clean) if w]
        out = {normalize(clean)}
        if words and words[-1].isalpha():
            head = "".join(w.lower() for w in words[:-1])
            last = words[-1]
            out.add(head + self._singular(last))
            if self._is_singular(last):
                out.add(head + plural_noun(last.lower()))
        result = frozenset(out)
        self._memo[name] = result
        return result

    def same(self, a: str, b: str) -> bool:
        """True when ``a`` and ``b`` name the same thing by the README rule."""
        if normalize(a) == normalize(b):
            return True
        return bool(self.variants(a) & self.variants(b))

    def rank(self, name: str, accepted: Sequence[str]) -> tuple[int, int] | None:
        """How well ``name`` matches a list of accepted names; lower is better, None is no match.

        Exact (normalised) equality beats a plural/singular variant; earlier accepted names
        beat later ones, so the gold author's first choice wins ties.
        """
        best: tuple[int, int] | None = None
        for i, candidate in enumerate(accepted):
            if normalize(name) == normalize(candidate):
                score = (0, i)
            elif self.same(name, candidate):
                score = (1, i)
            else:
                continue
            if best is None or score < best:
                best = score
        return best

    def any_of(self, name: str, accepted: Iterable[str]) -> bool:
        return any(self.same(name, a) for a in accepted)


def assign(
    keys: Sequence[str],
    items: Sequence[T],
    score: Callable[[str, T], tuple[int, ...] | None],
) -> dict[str, T]:
    """One-to-one greedy assignment, best score first (ties: key order, then item order).

    Used for entity ↔ table and attribute ↔ column: each gold name gets at most one designed
    object and each designed object serves at most one gold name.
    """
    candidates: list[tuple[tuple[int, ...], int, int]] = []
    for ki, key in enumerate(keys):
        for ii, item in enumerate(items):
            s = score(key, item)
            if s is not None:
                candidates.append((s, ki, ii))
    candidates.sort()
    taken_keys: set[int] = set()
    taken_items: set[int] = set()
    result: dict[str, T] = {}
    for _, ki, ii in candidates:
        if ki in taken_keys or ii in taken_items:
            continue
        taken_keys.add(ki)
        taken_items.add(ii)
        result[keys[ki]] = items[ii]
    return result
