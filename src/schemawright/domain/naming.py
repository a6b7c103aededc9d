"""Names: snake_case, singular entity names and plural table names.

English plurals come from lemminflect's noun dictionary (irregular forms such as ``children``, ``wives``,
``criteria``) and from suffix rules for words it does not know (``boxes``, ``categories``, ``todos``). The
override tables fix what a dictionary gets wrong for schema names (``data`` stays ``data``, ``person`` →
``people``) and words that are already uncountable. The results match what inflect gave before (checked on
every word of the specs, corpora and tests, see ``tests/domain/test_naming.py``); inflect itself cost 2-4 s
of import at start-up, lemminflect is imported on first use.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

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
        "furniture",
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


# Irregular forms a dictionary lookup does not give (pronouns, ``people``) or gives differently from the
# names schemawright has always produced (``mediums``, ``lemmas``, ``monies``).
_SINGULAR_IRREGULAR = {
    "people": "person",
    "axes": "axe",
    "yours": "yours",
    "lenses": "lens",
    "they": "it",
    "them": "it",
    "hers": "her",
    "ours": "mine",
    "theirs": "its",
    "ourselves": "myself",
    "yourselves": "yourself",
    "themselves": "itself",
}
_PLURAL_IRREGULAR = {
    "person": "people",
    "medium": "mediums",
    "they": "they",
    "them": "them",
    "you": "you",
    "money": "monies",
    "he": "they",
    "she": "they",
    "it": "they",
    "him": "them",
    "her": "them",
    "i": "we",
    "me": "us",
    "mine": "ours",
    "our": "ours",
    "their": "theirs",
    "myself": "ourselves",
    "yourself": "yourselves",
    "itself": "themselves",
    "herself": "themselves",
    "himself": "themselves",
}


# Endings of short forms outside the dictionary whose plural is -os, not inflect's default -oes.
_O_TAKES_S = ("ammo", "euro", "gizmo", "info", "limo", "lineno", "micro", "repo", "techno", "typo", "ufo")
# Same in the singular and the plural (herds, fish, pluralia tantum); the dictionary marks "authentication"
# uncountable in the same way, so these are listed rather than taken from it.
_UNINFLECTED = frozenset(
    {
        *("aircraft", "bream", "carp", "cod", "craft", "deer", "flounder", "graffiti", "hertz", "mackerel"),
        *("moose", "offspring", "pence", "salmon", "sheep", "spacecraft", "trout", "tuna", "whiting"),
        *("corps", "debris", "diabetes", "gallows", "headquarters", "herpes", "innings", "mumps", "pajamas"),
        *("pliers", "proceedings", "pyjamas", "rabies", "scissors", "shears", "siemens", "trousers"),
    }
)


@lru_cache(maxsize=1)
def _lemminflect() -> Any:
    """Imported on first use: loading its dictionaries costs about a second, which ``--help`` must not pay."""
    import lemminflect

    return lemminflect


@lru_cache(maxsize=4096)
def _noun_lemmas(word: str) -> tuple[str, ...]:
    return tuple(_lemminflect().getAllLemmas(word, upos="NOUN").get("NOUN", ()))


@lru_cache(maxsize=4096)
def _noun_plurals(word: str) -> tuple[str, ...]:
    return tuple(_lemminflect().getAllInflections(word, upos="NOUN").get("NNS", ()))


def _singular_by_suffix(word: str) -> str:
    """The regular English rules, for words the dictionary does not know or lists as their own lemma."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("zzes"):
        return word[:-3]
    if word.endswith("olves"):
        return word[:-1]
    if word.endswith("ves"):
        stem = word[-5:-3]
        if stem in ("el", "al", "ol", "ar") or (stem == "ea" and word[-6:-5] != "d"):
            return word[:-3] + "f"
        if stem in ("ni", "li", "wi"):
            return word[:-3] + "fe"
    if word.endswith("oes"):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def singular_noun(word: str) -> str:
    """The English singular of a lower-case noun: overrides, dictionary and suffix rules, without the
    schema-name guards of :func:`singular_word` (short words, ``-ss/-us/-is``); for name matching."""
    return _SINGULAR_OVERRIDES.get(word) or _singular_noun(word)


def plural_noun(word: str) -> str:
    """The English plural of a lower-case singular noun (``analysis`` → ``analyses``, ``history`` →
    ``histories``, where :func:`plural_word` keeps the table names it has always produced); for name
    matching, where one variant too many costs nothing and one too few loses a match."""
    if word.endswith(("ss", "sh", "ch", "x")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return _plural_noun(word)


def _plural_by_suffix(word: str, regular: str) -> str:
    """inflect's rules for words outside the dictionary, so that existing designs keep their table names."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("z") and not word.endswith("zz"):
        return word + "zes"  # quiz → quizzes
    if word.endswith("o") and word[-2:-1] not in ("", *"aeiou") and not word.endswith(_O_TAKES_S):
        return word + "es"  # as inflect did: todoes
    return regular


def _singular_noun(word: str) -> str:
    if word in _UNINFLECTED:
        return word
    if word in _SINGULAR_IRREGULAR:
        return _SINGULAR_IRREGULAR[word]
    if word.endswith("data"):  # pgdata, userdata: a mass noun, like data itself
        return word
    lemmas = _noun_lemmas(word)
    by_suffix = _singular_by_suffix(word)
    if not lemmas:
        return by_suffix
    if word in lemmas and not word.endswith("s"):  # "real" is a noun of its own, not the plural of "rial"
        return word
    if by_suffix in lemmas:  # taxes → tax (not taxis), leaves → leaf, means → mean
        return by_suffix
    others = [lemma for lemma in lemmas if lemma != word]
    return others[0] if others else by_suffix  # children → child; "electronics" (its own lemma) → suffix


def _plural_noun(word: str) -> str:
    if word in _UNINFLECTED:
        return word
    if word in _PLURAL_IRREGULAR:
        return _PLURAL_IRREGULAR[word]
    regular = word + "es" if word.endswith(("z", "s")) else word + "s"
    forms = [form for form in _noun_plurals(word) if form != word]
    if not forms:  # unknown or uncountable to the dictionary: a table of them still needs a plural name
        return _plural_by_suffix(word, regular)
    if forms[0].endswith(("ae", "mata")):  # lemmas, formulas, vias: the English plural, not the classical one
        return regular
    return forms[0]  # children, wives, leaves, criteria, quizzes, potatoes, photos


@lru_cache(maxsize=16384)  # pure, and called tens of thousands of times per batch
def snake(text: str) -> str:
    """``TicketType`` / ``ticket type`` / ``Ticket-Type`` → ``ticket_type``."""
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text.strip())
    text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", text)
    text = re.sub(r"[^0-9A-Za-z]+", "_", text).strip("_").lower()
    return re.sub(r"_+", "_", text)


def singular_word(word: str) -> str:
    word = word.lower()
    if not word.isalpha():  # only real words are inflected; "", "0", "x1" pass through unchanged
        return word
    if word in _SINGULAR_OVERRIDES:
        return _SINGULAR_OVERRIDES[word]
    if len(word) <= 3 or word.endswith("ss") or word.endswith("us") or word.endswith("is"):
        return word
    return _singular_noun(word)


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
    return _plural_noun(word)


@lru_cache(maxsize=16384)  # pure, and called tens of thousands of times per batch
def singular(name: str) -> str:
    """Singular snake_case of a possibly plural compound name: ``order_items`` → ``order_item``."""
    parts = snake(name).split("_")
    if not parts or not parts[-1]:
        return snake(name)
    parts[-1] = singular_word(parts[-1])
    return "_".join(parts)


@lru_cache(maxsize=16384)  # pure, and called tens of thousands of times per batch
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


_BOOLEAN_HEADS = ("flag", "checkbox", "indicator", "toggle", "tick box")
_SAYS_NOTHING = ("yes", "no", "true", "false", "boolean", "on", "off", "y", "n")


def flag_field(name: str) -> str | None:
    """A listed field named as a flag says what it flags: "active flag" → active, "explicit-lyrics flag" →
    explicit_lyrics, "open/closed flag" → open; None when the name is no such flag ("yes/no flag",
    "flag")."""
    low = name.strip().lower()
    head = next((h for h in _BOOLEAN_HEADS if low.endswith(" " + h)), None)
    if head is None:
        return None
    said = low[: -len(head)].strip().split("/")[0].replace("-", " ").split()
    word = "_".join(said)
    if not said or word in _SAYS_NOTHING or not word.replace("_", "").isalpha():
        return None
    return word
