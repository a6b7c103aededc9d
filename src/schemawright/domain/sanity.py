"""The name-sanity gate: every table and column name must be a clean noun phrase.

Sentence rules that misfire leave debris such as ``at_least_one``, ``belongs_to_user`` or ``e_g`` in the
model; emitted as identifiers, those would reach a migration. The gate looks at the words of a snake_case
name only (no parse), so it is cheap, deterministic and independent of which rule produced the name. A name
that fails is dropped from the model and reported, never emitted; the resolver lists the reports.

The word lists and the allow-list of established compounds (``date_of_birth``, ``created_by``,
``price_per_night``) are data in ``sanity.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise

import yaml
from lemminflect import getAllLemmas, getInflection

from schemawright.domain.model import DomainModel, Source
from schemawright.domain.naming import snake

_SNAKE = re.compile(r"[^\W_]+(?:_+[^\W_]+)*")


@dataclass(frozen=True)
class _Words:
    max_words: int
    function_words: frozenset[str]
    quantifiers: frozenset[str]
    numbers: frozenset[str]
    pronouns: frozenset[str]
    auxiliaries: frozenset[str]
    verb_fragments: frozenset[str]
    abbreviations: frozenset[str]
    meta_phrases: frozenset[str]
    compounds: tuple[tuple[str, ...], ...]  # longest first
    compound_prefixes: tuple[tuple[str, ...], ...]
    boolean_prefixes: frozenset[str]
    role_suffixes: frozenset[str]
    participle_particles: frozenset[str]
    event_suffixes: frozenset[str]
    lead_prepositions: frozenset[str]
    unit_infixes: frozenset[str]
    unit_heads: frozenset[str]
    in_units: frozenset[str]
    counted_units: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw = yaml.safe_load(resources.files("schemawright.domain").joinpath("sanity.yaml").read_text("utf-8"))
    allow = raw["allow"]

    def words(items: list[object]) -> frozenset[str]:
        bad = [item for item in items if not isinstance(item, str)]
        if bad:  # a bare `on` or `no` in YAML is a boolean, and the gate would silently lose the word
            raise ValueError(f"sanity.yaml: quote these entries: {bad}")
        return frozenset(str(item) for item in items)

    def split(items: list[object]) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted((tuple(c.split("_")) for c in words(items)), key=len, reverse=True))

    return _Words(
        max_words=int(raw["max_words"]),
        function_words=words(raw["function_words"]),
        quantifiers=words(raw["quantifiers"]),
        numbers=words(raw["numbers"]),
        pronouns=words(raw["pronouns"]),
        auxiliaries=words(raw["auxiliaries"]),
        verb_fragments=words(raw["verb_fragments"]),
        abbreviations=words(raw["abbreviations"]),
        meta_phrases=words(raw["meta_phrases"]),
        compounds=split(allow["compounds"]),
        compound_prefixes=split(allow["compound_prefixes"]),
        boolean_prefixes=words(allow["boolean_prefixes"]),
        role_suffixes=words(allow["role_suffixes"]),
        participle_particles=words(allow["participle_particles"]),
        event_suffixes=words(allow["event_suffixes"]),
        lead_prepositions=words(allow["lead_prepositions"]),
        unit_infixes=words(allow["unit_infixes"]),
        unit_heads=words(allow["unit_heads"]),
        in_units=words(allow["in_units"]),
        counted_units=words(allow["counted_units"]),
    )


def _merge(tokens: list[str], w: _Words) -> list[tuple[str, bool]]:
    """Tokens with allowed compounds merged into one word each: ``(word, is_compound)``."""
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(tokens):
        for compound in w.compounds:
            if tuple(tokens[i : i + len(compound)]) == compound:
                out.append(("_".join(compound), True))
                i += len(compound)
                break
        else:
            for prefix in w.compound_prefixes:
                n = len(prefix)
                if tuple(tokens[i : i + n]) == prefix and i + n < len(tokens):
                    out.append(("_".join(tokens[i : i + n + 1]), True))
                    i += n + 1
                    break
            else:
                out.append((tokens[i], False))
                i += 1
    return out


def _verb_only(word: str) -> bool:
    """A finite verb the lexicon knows only as a verb ("belongs", "expires"), never a plural noun."""
    if len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return False
    lemmas = getAllLemmas(word)
    return "VERB" in lemmas and "NOUN" not in lemmas and "ADJ" not in lemmas


@lru_cache(maxsize=4096)
def _participle(word: str) -> bool:
    """A past participle ("assigned", "found", "checked"): a preposition after it names a role."""
    return any(word in getInflection(lemma, tag="VBN") for lemma in getAllLemmas(word).get("VERB", ()))


def _word_reason(word: str, last: bool, before_event: bool, w: _Words) -> str | None:
    if word in w.abbreviations:
        return f"abbreviation fragment {word!r}"
    if word in w.auxiliaries or (word.endswith("s") and word[:-1] in w.auxiliaries):
        return f"verb fragment {word!r}"
    if word in w.pronouns:
        return f"pronoun {word!r}"
    if word in w.quantifiers or word in w.numbers:
        return f"quantifier {word!r}"
    if word in w.function_words or (word.endswith("s") and word[:-1] in w.function_words - {"a", "i"}):
        return f"function word {word!r}"
    if word in w.verb_fragments and not last:
        return f"verb fragment {word!r}"
    if _verb_only(word) and not before_event:
        return f"verb fragment {word!r}"
    return None


def check_name(name: str) -> str | None:
    """Why ``name`` is not a clean snake_case noun phrase, or ``None`` when it is."""
    w = _words()
    if not name.strip("_"):
        return "empty name"
    if name != name.lower() or not _SNAKE.fullmatch(name):
        return "not a snake_case name"
    tokens = [t for t in name.split("_") if t]
    if tokens[0].isdigit():
        return f"starts with the number {tokens[0]!r}: a quantity from a sentence, not a name"
    if any(len(t) > 1 and t.startswith("0") and t.isdigit() for t in tokens):
        return "a label number such as '002' (a requirement or code label), not a name"
    if len(name) == 1 and name not in ("x", "y", "z"):
        return f"the single letter {name!r}, not a name"
    for a, b in pairwise(tokens):
        if f"{a}_{b}" in w.abbreviations:
            return f"abbreviation fragment {a + '_' + b!r}"
        if f"{a}_{b}" in w.meta_phrases:
            return f"spec vocabulary {a + '_' + b!r}, not a name"
    if len(tokens) > 1 and tokens[-1] in ("id", "ids"):
        tokens = tokens[:-1]  # assigned_to_id: the key column of a role
    body = _merge(tokens, w)
    count = len(body)
    first = body[0][0] if not body[0][1] else ""
    if len(body) > 1 and first in w.boolean_prefixes:
        body = body[1:]  # is_active, has_children, can_edit
    elif first in w.lead_prepositions and 2 <= len(body) <= 3:
        body = body[1:]  # from_account, to_currency
    elif first in w.unit_infixes and len(body) == 3 and body[-1][0] in w.unit_heads:
        body = body[1:]  # per_km_rate
    event = False
    if len(body) > 1 and not body[-1][1] and body[-1][0] in w.role_suffixes:
        event = body[-1][0] in w.event_suffixes
        body = body[:-1]  # created_by, valid_from, ends_at: the suffix is grammar, not a word of the name
        count -= 1
    for i, (word, compound) in enumerate(body):
        if compound:
            continue
        if word in w.unit_infixes and 0 < i < len(body) - 1:
            continue  # price_per_night; the neighbours are checked on their own
        if word in w.numbers and i < len(body) - 1 and body[i + 1][0] in w.counted_units:
            continue  # three_letter_code, last_four_digits
        if word == "in" and 0 < i == len(body) - 2 and body[-1][0] in w.in_units:
            continue  # weight_in_kg
        if word in w.participle_particles and i > 0 and _participle(body[i - 1][0]):
            continue  # assigned_to_team, checked_in
        last = i == len(body) - 1
        reason = _word_reason(word, last, event and last, w)
        if reason:
            return reason
    if count > w.max_words:
        return f"{count} words, more than {w.max_words}: a clause, not a name"
    return None


_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[a-z]+[A-Z][A-Za-z0-9]*")


def _spec_identifier(name: str, source: Source) -> bool:
    """``replaces_puzzle_id: UUID - FK to Puzzle``: the spec's author wrote this identifier, in snake_case
    or camelCase, on the line it came from; it is their name, not a fragment of a sentence."""
    for token in _IDENTIFIER.findall(source.text):
        own = snake(token)
        if name in (own, own.removesuffix("_id")):
            return True
    return False


def check_sourced(name: str, source: Source) -> str | None:
    """As ``check_name``, but a name the spec itself spells as an identifier passes."""
    reason = check_name(name)
    return None if reason is None or _spec_identifier(name, source) else reason


def check_names(model: DomainModel) -> list[tuple[str, str]]:
    """Every failing name in ``model`` with its reason: entities as ``order``, attributes as
    ``order.total``, relationship roles as ``order.placed_by_customer``, link tables by their own name."""
    found: list[tuple[str, str]] = []

    def check(label: str, name: str, source: Source) -> None:
        reason = check_sourced(name, source)
        if reason:
            found.append((label, reason))

    for entity in model.entities:
        check(entity.name, entity.name, entity.source)
        for attribute in entity.attributes:
            check(f"{entity.name}.{attribute.name}", attribute.name, attribute.source)
    for rel in model.relationships:
        if rel.role:
            check(f"{rel.child}.{rel.role}", rel.role, rel.source)
        if rel.through:
            check(rel.through, rel.through, rel.source)
        for attribute in rel.attributes:
            label = f"{rel.through or rel.child + '_' + rel.parent}.{attribute.name}"
            check(label, attribute.name, attribute.source)
    return found


def filter_model(model: DomainModel) -> tuple[DomainModel, list[str]]:
    """A copy of ``model`` without names that fail the gate, and one line per dropped element.

    Dropping an entity drops what hangs off it (relationships, uniques, checks, access patterns, seed
    rows); dropping an attribute or relationship drops the rules that name it, so no emitted rule can
    point at a missing column.
    """
    clean = model.model_copy(deep=True)
    dropped: list[str] = []
    entity_reasons = {e.name: reason for e in clean.entities if (reason := check_sourced(e.name, e.source))}
    bad_entities = set(entity_reasons)
    bad_attrs: dict[str, set[str]] = {}  # entity → attribute names and relationship key names dropped
    for entity in clean.entities:
        if entity.name in bad_entities:
            dropped.append(f"table {entity.name}: {entity_reasons[entity.name]}")
            continue
        keep = []
        for attribute in entity.attributes:
            reason = check_sourced(attribute.name, attribute.source)
            if reason:
                dropped.append(f"column {entity.name}.{attribute.name}: {reason}")
                bad_attrs.setdefault(entity.name, set()).add(attribute.name)
            else:
                keep.append(attribute)
        entity.attributes = keep
        if entity.time_attribute in bad_attrs.get(entity.name, set()):
            entity.time_attribute = None
    clean.entities = [e for e in clean.entities if e.name not in bad_entities]

    relationships = []
    for rel in clean.relationships:
        label = f"relationship {rel.child} -> {rel.parent}" + (f" ({rel.role})" if rel.role else "")
        if rel.child in bad_entities or rel.parent in bad_entities:
            dropped.append(f"{label}: its table was dropped")
        elif rel.role and (reason := check_sourced(rel.role, rel.source)):
            dropped.append(f"{label}: role {rel.role}: {reason}")
        elif rel.through and (reason := check_sourced(rel.through, rel.source)):
            dropped.append(f"{label}: link table {rel.through}: {reason}")
        else:
            keep_links = []
            for attribute in rel.attributes:
                reason = check_sourced(attribute.name, attribute.source)
                if reason:
                    dropped.append(f"link column {rel.through or rel.child}.{attribute.name}: {reason}")
                else:
                    keep_links.append(attribute)
            rel.attributes = keep_links
            relationships.append(rel)
            continue
        for end in {rel.child, rel.parent} - bad_entities:
            bad_attrs.setdefault(end, set()).add(rel.role or (rel.parent if end == rel.child else rel.child))
    clean.relationships = relationships

    def gone(entity: str, *names: str) -> bool:
        return entity in bad_entities or any(n.lstrip("-") in bad_attrs.get(entity, ()) for n in names)

    for unique in list(clean.uniques):
        if gone(unique.entity, *unique.attributes):
            dropped.append(f"unique {unique.entity}({', '.join(unique.attributes)}): names a dropped element")
            clean.uniques.remove(unique)
    for check in list(clean.checks):
        if gone(check.entity, check.attribute, *([check.other] if check.other else [])):
            dropped.append(f"check on {check.entity}.{check.attribute}: names a dropped element")
            clean.checks.remove(check)
    for pattern in list(clean.access_patterns):
        if gone(pattern.entity, *pattern.equality, *pattern.sort, *pattern.range):
            dropped.append(f"access pattern on {pattern.entity}: names a dropped element")
            clean.access_patterns.remove(pattern)
    clean.cache_needs = [c for c in clean.cache_needs if c.entity not in bad_entities]
    clean.audit_entities = [e for e in clean.audit_entities if e not in bad_entities]
    clean.seed = [s for s in clean.seed if s.entity not in bad_entities]
    for row in clean.seed:
        row.values = {k: v for k, v in row.values.items() if k not in bad_attrs.get(row.entity, set())}
    return clean, dropped
