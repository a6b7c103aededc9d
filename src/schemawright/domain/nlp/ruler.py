"""The English model's attribute ruler, matched by lookup instead of by spaCy's ``Matcher``.

``en_core_web_sm``'s ``attribute_ruler`` maps the tagger's fine tags to parts of speech and morphology, and
fixes a few words ("ain't", "gonna"), with about 180 token patterns. spaCy's ``Matcher`` tries every
pattern at every token, which took as long as the dependency parser (about 14 ms of a spec's 60 ms in
spaCy). :func:`fast_match` finds exactly the same matches — every span where a pattern holds, read before
any rule is applied, ordered by rule (later rules win) — by looking the candidate rules up by each token's
tag and lower-case text; spaCy's own ``set_annotations`` still applies them. A model whose patterns use
anything else than equality, ``IN``, ``NOT_IN`` and ``REGEX`` on ``LOWER``, ``TAG``, ``DEP`` and
``IS_SPACE`` keeps spaCy's matcher.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_KEYS = ("LOWER", "TAG", "DEP", "IS_SPACE")  # what a pattern may read, in the order of a token's row

# (value position in a row, "==" | "in" | "not in" | "re", what it is compared with): values are spaCy's
# string hashes (IS_SPACE: 0 or 1); a regular expression reads the string itself
Check = tuple[int, str, Any]
Pattern = tuple[tuple[Check, ...], ...]  # one entry per token
Match = tuple[int, int, int, int]  # spaCy's AttributeRuler.match rows: (rule, key hash, start, end)
Rule = tuple[int, int, Pattern]  # (rule, key hash, pattern)


def fast_match(ruler: Any) -> Callable[[Any], list[Match]] | None:
    """A drop-in for ``ruler.match`` (same rows, same order), or None when a pattern is not one it reads."""
    strings = ruler.vocab.strings
    rules: list[Rule] = []
    for rule, entry in enumerate(ruler.patterns):
        index = entry["index"]
        for raw in entry["patterns"]:
            pattern = _pattern(raw, strings)
            if pattern is None or not -len(pattern) <= index < len(pattern):
                return None
            rules.append((rule, strings[str(rule)], pattern))
    # (position, value) → the rules whose first token needs that value
    by_value: dict[tuple[int, int], list[Rule]] = {}
    anywhere: list[Rule] = []
    for item in rules:
        first = next(((pos, op, v) for pos, op, v in item[2][0] if op in ("==", "in")), None)
        if first is None:
            anywhere.append(item)
            continue
        pos, op, value = first
        for v in [value] if op == "==" else sorted(value):
            by_value.setdefault((pos, v), []).append(item)

    def match(doc: Any) -> list[Match]:
        rows: list[list[int]] = doc.to_array(list(_KEYS)).tolist() if len(doc) else []
        found: set[Match] = set()
        for start, row in enumerate(rows):
            candidates = [*anywhere]
            for pos, value in enumerate(row):
                candidates += by_value.get((pos, value), ())
            for rule, key, pattern in candidates:
                end = start + len(pattern)
                if end <= len(rows) and all(
                    _holds(spec, rows[start + k], strings) for k, spec in enumerate(pattern)
                ):
                    found.add((rule, key, start, end))
        return sorted(found)

    return match


def _pattern(raw: list[dict[str, Any]], strings: Any) -> Pattern | None:
    tokens: list[tuple[Check, ...]] = []
    for spec in raw:
        checks: list[Check] = []
        for name, value in spec.items():
            if name not in _KEYS:
                return None
            pos = _KEYS.index(name)
            flag = name == "IS_SPACE"
            if isinstance(value, dict) and len(value) == 1 and not flag:
                ((op, arg),) = value.items()
                if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
                    checks.append((pos, op.lower().replace("_", " "), frozenset(strings[a] for a in arg)))
                elif op == "REGEX" and isinstance(arg, str):
                    checks.append((pos, "re", re.compile(arg)))
                else:
                    return None
            elif flag and isinstance(value, bool):
                checks.append((pos, "==", int(value)))
            elif not flag and isinstance(value, str):
                checks.append((pos, "==", strings[value]))
            else:
                return None
        tokens.append(tuple(checks))
    return tuple(tokens) if tokens else None


def _holds(checks: tuple[Check, ...], row: list[int], strings: Any) -> bool:
    for pos, op, value in checks:
        got = row[pos]
        if op == "==":
            if got != value:
                return False
        elif op == "in":
            if got not in value:
                return False
        elif op == "not in":
            if got in value:
                return False
        elif value.search(strings[got]) is None:
            return False
    return True
