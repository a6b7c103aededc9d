"""List splitting for the spec-wide passes: "A, B and the C" → items, "first and last name" distributed."""

from __future__ import annotations

import re

_ARTICLES = re.compile(
    r"^(?:a|an|the|its|their|his|her|each|every|one|any|some|own|also|optional(?:ly)?|unique|required|"
    r"mandatory|short|long|brief|single|current|named|given|free|plain|full text of the|textual)\s+",
    re.I,
)
_DISTRIBUTIVE = {
    "first",
    "last",
    "middle",
    "given",
    "family",
    "start",
    "end",
    "min",
    "max",
    "minimum",
    "maximum",
    "home",
    "work",
    "mobile",
    "billing",
    "shipping",
    "opening",
    "closing",
    "gross",
    "net",
    "check-in",
    "check-out",
}


def split_list(text: str) -> list[str]:
    """Split "a, b, and c" at top-level commas/semicolons and and/or, keeping parentheses whole."""
    parts: list[str] = []
    depth = 0
    current = ""
    # "its name and, optionally, the parent": the comma after "and" is an aside, not an empty item.
    text = re.sub(r"\b(and|or),\s*(optionally|if any|possibly),?\s*", r"\1 \2 ", text)
    text = re.sub(r"\b(one|zero) or more\b", r"\1-or-more", text)  # a quantifier, not two items
    # "a number of credits between 1 and 10": a range, not two items
    text = re.sub(r"\bbetween\s+(-?\d+(?:\.\d+)?)\s+and\s+(-?\d+(?:\.\d+)?)", r"between \1 to \2", text)
    text = re.sub(r",\s*(each (?:with|having)\b)", r" \1", text)
    # "a licence number, which is unique" / "a plate, which no two trucks may share": one unique item.
    text = re.sub(
        r",\s*(?:which|that) (?:is|must be) unique\b|,\s*which no two [\w ]+? (?:may|can) share\b",
        " (unique)",
        text,
    )
    # "a number, unique within its gym": the scope stays with the item.
    text = re.sub(
        r",\s*(unique (?:within|per|in|for) (?:its|their|the|each|a|an) [\w ]+?)(?=,|$|\s+and\b)",
        r" (\1)",
        text,
    )  # "several X, each with …" stays whole
    tokens = re.split(r"(\(|\)|,|;|\s+and\s+|\s+or\s+|\s+&\s+|\s+as well as\s+|\s+plus\s+)", text)
    for tok in tokens:
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth = max(depth - 1, 0)
        if (
            depth == 0
            and tok
            and (tok in (",", ";") or tok.strip() in ("and", "or", "&", "as well as", "plus"))
        ):
            parts.append(current)
            current = ""
            continue
        current += tok
    parts.append(current)
    cleaned = [re.sub(r"\b(one|zero)-or-more\b", r"\1 or more", p).strip(" .:") for p in parts]
    cleaned = [p for p in cleaned if p]
    # "one or more sections, each with a term, a room and …": the items after "each with" describe
    # the child, so they stay with it as one item (the child's own list is split again later).
    each = next((i for i, p in enumerate(cleaned) if re.search(r"\beach (?:with|having)\b", p)), None)
    if each is not None and each < len(cleaned) - 1:
        cleaned = [*cleaned[:each], ", ".join(cleaned[each:-1]) + " and " + cleaned[-1]]
    return _distribute(cleaned)


def _distribute(parts: list[str]) -> list[str]:
    """ "first and last name" → first name, last name."""
    out: list[str] = []
    for i, part in enumerate(parts):
        word = _ARTICLES.sub("", part).lower()
        if word in _DISTRIBUTIVE and i + 1 < len(parts):
            nxt = _ARTICLES.sub("", parts[i + 1]).split()
            if len(nxt) >= 2 and nxt[0].lower() in _DISTRIBUTIVE:
                out.append(f"{word} {' '.join(nxt[1:])}")
                continue
        out.append(part)
    return out


def strip_articles(phrase: str) -> str:
    previous = None
    phrase = phrase.strip()
    while previous != phrase:
        previous = phrase
        phrase = _ARTICLES.sub("", phrase).strip()
    return phrase
