"""Loads the curated lexicon (``lexicon.yaml``) once per analysis and answers kind questions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from schemawright.domain.model import Kind

_NUMBER_UNION = re.compile(r"-?\d+(?:\.\d+)?(?:\s*\|\s*-?\d+(?:\.\d+)?)+")


@dataclass(frozen=True)
class PhraseRule:
    pattern: re.Pattern[str]
    name: str
    kind: Kind


@dataclass(frozen=True)
class Lexicon:
    name_kinds: list[tuple[re.Pattern[str], Kind]]
    type_kinds: dict[str, Kind]
    phrases: list[PhraseRule]
    not_entities: frozenset[str]
    synonyms: dict[str, str]
    entity_sections: tuple[str, ...]
    out_of_scope_sections: tuple[str, ...]
    overview_sections: tuple[str, ...]
    unique_by_default: frozenset[str]
    verb_roles: dict[str, str] = field(default_factory=dict)
    actor_nouns: frozenset[str] = frozenset()
    generic_people: frozenset[str] = frozenset()
    record_nouns: frozenset[str] = frozenset()
    kind_verb_roles: dict[str, str] = field(default_factory=dict)
    # not_entities words that also name domain things ("a rental application", "leave requests"): a thing
    # when the spec counts them (plural, or "each / an / one …")
    countable_things: frozenset[str] = frozenset()
    text_entry_nouns: frozenset[str] = frozenset()
    # nouns that name a part of some whole ("items", "entries", "lines"): tables are named for the whole
    part_nouns: frozenset[str] = frozenset()
    lifecycle_pairs: dict[str, tuple[str, ...]] = field(default_factory=dict)
    event_nouns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    closing_words: frozenset[str] = frozenset()
    assignable_nouns: frozenset[str] = frozenset()
    # things many owners share by nature ("one or more genres"): having many of them is a many-to-many
    shared_nouns: frozenset[str] = frozenset()
    # declared types that hold fractions whatever the name says ("quantity DECIMAL(10,2)" is no count)
    fractional_types: frozenset[str] = frozenset()
    # words in front of a name that make it an average of that value ("average rating", "mean speed")
    averaging_words: frozenset[str] = frozenset()
    extra: dict[str, Any] = field(default_factory=dict)
    # answers already given: the table is fixed once loaded, and names repeat across a spec and a batch
    _kinds: dict[str, Kind | None] = field(default_factory=dict, compare=False, repr=False)

    def kind_for_name(self, name: str) -> Kind | None:
        if name not in self._kinds:
            found = (kind for pattern, kind in self.name_kinds if pattern.search(name))
            self._kinds[name] = next(found, None)
            bounded = name.split("_", 1)
            if len(bounded) == 2 and bounded[0] in ("max", "min"):
                # "max_temperature" is a temperature, "max_runners" a count of runners
                self._kinds[name] = self.kind_for_name(bounded[1]) or self._kinds[name]
            if len(bounded) == 2 and bounded[0] in self.averaging_words:
                # "average_rating", "mean_speed": an average of whole numbers has fractions; an average
                # price is still money
                of = self.kind_for_name(bounded[1])
                self._kinds[name] = of if of in (Kind.MONEY, Kind.PERCENTAGE, Kind.DECIMAL) else Kind.DECIMAL
        return self._kinds[name]

    def kind_for_type(self, declared: str) -> Kind | None:
        literals = _NUMBER_UNION.fullmatch(declared.strip())
        if literals:  # TypeScript's "1 | 2 | 3": a number from that set
            return Kind.DECIMAL if "." in declared else Kind.INTEGER
        word = re.split(r"[\s(<\[|,]", declared.strip().lower(), maxsplit=1)[0]
        return self.type_kinds.get(word.rstrip("?"))

    def fractional_type(self, declared: str) -> bool:
        """Whether a declared type holds fractions: ``DECIMAL(10,2)``, ``numeric(4,1)``, ``float``, ``double
        precision``; a bare ``DECIMAL`` or ``number`` says nothing (SQL's bare DECIMAL has scale 0)."""
        text = declared.strip().lower()
        word = re.split(r"[\s(<\[|,]", text, maxsplit=1)[0].rstrip("?")
        if word in self.fractional_types:
            return True
        scaled = re.match(r"(?:decimal|numeric|number|dec)\s*\(\s*\d+\s*,\s*(\d+)\s*\)", text)
        return scaled is not None and int(scaled.group(1)) > 0


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = yaml.safe_load(resources.files("schemawright.domain").joinpath("lexicon.yaml").read_text("utf-8"))
    return Lexicon(
        name_kinds=[(re.compile(r["pattern"]), Kind(r["kind"])) for r in raw["name_kinds"]],
        type_kinds={k: Kind(v) for k, v in raw["type_kinds"].items()},
        phrases=[
            PhraseRule(re.compile(r["pattern"]), r["name"], Kind(r["kind"])) for r in raw["phrase_attributes"]
        ],
        not_entities=frozenset(raw["not_entities"]),
        synonyms=dict(raw["entity_synonyms"]),
        entity_sections=tuple(raw["entity_sections"]),
        out_of_scope_sections=tuple(raw["out_of_scope_sections"]),
        overview_sections=tuple(raw["overview_sections"]),
        unique_by_default=frozenset(raw["unique_by_default"]),
        verb_roles=dict(raw["verb_roles"]),
        actor_nouns=frozenset(raw["actor_nouns"]),
        generic_people=frozenset(raw.get("generic_people", ())),
        record_nouns=frozenset(raw.get("record_nouns", ())),
        kind_verb_roles=dict(raw.get("kind_verb_roles", {})),
        countable_things=frozenset(raw.get("countable_things", [])),
        text_entry_nouns=frozenset(raw["text_entry_nouns"]),
        part_nouns=frozenset(raw.get("part_nouns", [])),
        lifecycle_pairs={k: tuple(v) for k, v in raw["lifecycle_pairs"].items()},
        event_nouns={k: tuple(v) for k, v in raw.get("event_nouns", {}).items()},
        closing_words=frozenset(raw["closing_words"]),
        assignable_nouns=frozenset(raw.get("assignable_nouns", [])),
        shared_nouns=frozenset(raw.get("shared_nouns", [])),
        fractional_types=frozenset(raw.get("fractional_types", [])),
        averaging_words=frozenset(raw.get("averaging_words", [])),
    )
