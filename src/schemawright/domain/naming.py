"""Names: snake_case, singular entity names and plural table names.

inflect handles English plurals; a small override list fixes its classical forms (``data`` → ``datum``)
and words that are already uncountable.
"""

from __future__ import annotations

import re
from functools import lru_cache

import inflect

_UNCOUNTABLE = frozenset(
    {
        "data",
        "metadata",
        "information",
        "news",
        "equipment",
        "feedback",
        "media",
        "series",
        "species",
        "settings",
        "analytics",
        "history",
        "audit",
        "inventory",
        "staff",
    }
)
_SINGULAR_OVERRIDES = {
    "data": "data",
    "metadata": "metadata",
    "status": "status",
    "statuses": "status",
    "address": "address",
    "addresses": "address",
    "access": "access",
    "analysis": "analysis",
    "analyses": "analysis",
    "series": "series",
    "news": "news",
    "canvas": "canvas",
    "bus": "bus",
    "buses": "bus",
    "alias": "alias",
    "aliases": "alias",
    "campus": "campus",
    "virus": "virus",
    "business": "business",
    "class": "class",
    "boss": "boss",
    "process": "process",
    "address_book": "address_book",
    "axis": "axis",
    "basis": "basis",
    "criteria": "criterion",
    "media": "media",
    "schema": "schema",
    "sms": "sms",
    "gps": "gps",
    "lens": "lens",
    "news_item": "news_item",
    "species": "species",
    "this": "this",
    "has": "has",
    "is": "is",
    "was": "was",
    "less": "less",
    "plus": "plus",
    "chaos": "chaos",
    "atlas": "atlas",
    "iris": "iris",
    "thesis": "thesis",
    "dues": "dues",
    "goods": "goods",
    "settings": "settings",
    "analytics": "analytics",
    "always": "always",
    "its": "its",
    "us": "us",
    "yes": "yes",
    "cookies": "cookie",
    "movies": "movie",
    "sensors": "sensor",
    "favourites": "favourite",
    "favorites": "favorite",
}


@lru_cache(maxsize=1)
def _engine() -> inflect.engine:
    return inflect.engine()


def snake(text: str) -> str:
    """``TicketType`` / ``ticket type`` / ``Ticket-Type`` → ``ticket_type``."""
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text.strip())
    text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", text)
    text = re.sub(r"[^0-9A-Za-z]+", "_", text).strip("_").lower()
    return re.sub(r"_+", "_", text)


def singular_word(word: str) -> str:
    word = word.lower()
    if not word.isalpha():  # inflect only takes real words; "", "0", "x1" pass through unchanged
        return word
    if word in _SINGULAR_OVERRIDES:
        return _SINGULAR_OVERRIDES[word]
    if len(word) <= 3 or word.endswith("ss") or word.endswith("us") or word.endswith("is"):
        return word
    result = _engine().singular_noun(word)
    return result if isinstance(result, str) and result else word


def plural_word(word: str) -> str:
    word = word.lower()
    if not word.isalpha():
        return word + "s" if word and word[-1].isalpha() else word
    if word in _UNCOUNTABLE or word.endswith("data"):
        return word
    if word.endswith("ss") or word.endswith("sh") or word.endswith("ch") or word.endswith("x"):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("s"):
        return word + "es" if singular_word(word) == word else word
    result = _engine().plural_noun(word)
    return result if isinstance(result, str) and result else word + "s"


def singular(name: str) -> str:
    """Singular snake_case of a possibly plural compound name: ``order_items`` → ``order_item``."""
    parts = snake(name).split("_")
    if not parts or not parts[-1]:
        return snake(name)
    parts[-1] = singular_word(parts[-1])
    return "_".join(parts)


def plural(name: str) -> str:
    """Plural table name of a singular snake_case entity: ``category`` → ``categories``."""
    parts = snake(name).split("_")
    parts[-1] = plural_word(parts[-1])
    return "_".join(parts)


def humanise(name: str) -> str:
    return snake(name).replace("_", " ")


def camel(name: str) -> str:
    """snake_case → camelCase, for document stores whose convention it is."""
    head, *rest = snake(name).split("_")
    return head + "".join(p.capitalize() for p in rest)


def pascal(name: str) -> str:
    return "".join(p.capitalize() for p in snake(name).split("_"))
