"""Accumulates findings from all extractors and merges them into one :class:`DomainModel`.

Extractors only *add*; the builder decides how duplicates merge (first source wins for names, stronger
facts win for flags), so extractor order never silently drops information.
"""

from __future__ import annotations

import re
from typing import Literal

from schemawright.domain.lexicon import Lexicon
from schemawright.domain.model import (
    Assumption,
    Attribute,
    CacheNeed,
    Cardinality,
    DomainModel,
    Entity,
    Kind,
    Relationship,
    Source,
    StoreKind,
)
from schemawright.domain.naming import singular, snake

_GENERIC_KINDS = {Kind.TEXT}


class ModelBuilder:
    def __init__(self, feature_id: str, feature_name: str, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.model = DomainModel(feature_id=feature_id, feature_name=feature_name)
        self.out_of_scope_words: set[str] = set()
        # entity → the verb whose event it records ("triggered alerts" → alert: trigger); per analysis.
        self.event_verbs: dict[str, str] = {}
        # nouns the spec uses as sentence subjects ("a pet has …"): things described, hence entities.
        self.subject_words: set[str] = set()
        # every lower-case word of the spec: a link is named by a noun only when the spec uses it.
        self.text_words: set[str] = set()
        self.role_aliases: dict[str, str] = {}  # "each mentor is also an employee": mentor → employee
        self.assignable: set[str] = set()  # entities the spec calls staff/employees ("X are staff with")
        self.declared: set[str] = set()  # entity names the spec declares in a structured section
        # (entity, purpose, source) from "| Table | Purpose |" rows: definitions read once all are known
        self.purposes: list[tuple[Entity, str, Source]] = []
        self.text = ""  # the whole spec, lower case, for figures stated anywhere ("5,000 trucks")

    # -- entities -------------------------------------------------------------------------------------
    def canonical(self, phrase: str) -> str:
        name = singular(snake(phrase))
        return self.lexicon.synonyms.get(name, name)

    def find(self, phrase: str, *, exact: bool = False) -> Entity | None:
        """Resolve a noun phrase to a known entity: exact, synonym, or (unless ``exact``) the phrase's
        trailing noun(s): "the borrowing member" → member."""
        name = self.canonical(phrase)
        entity = self.model.entity(name)
        if entity:
            return entity
        if exact:
            return self._headed(name) if "_" not in name else None
        # The head of "use of an ingredient in a recipe" is "use": never match past a preposition.
        head = re.split(r"\s+(?:of|in|for|on|at|by|with|from|to|within)\s+", phrase.strip(), maxsplit=1)[0]
        name = self.canonical(head)
        entity = self.model.entity(name)
        if entity:
            return entity
        parts = name.split("_")
        for i in range(1, len(parts)):
            tail = "_".join(parts[i:])
            entity = self.model.entity(self.lexicon.synonyms.get(tail, tail))
            if entity:
                return entity
        return self._headed(name)

    def _headed(self, name: str) -> Entity | None:
        """ "the rule" when only ``alert_rule`` ends in rule: a head noun names the one entity it heads."""
        headed = [e for e in self.model.entities if e.name.endswith("_" + name)]
        return headed[0] if len(headed) == 1 else None

    def entity(
        self, phrase: str, source: Source, description: str = "", *, declared: bool = False
    ) -> Entity | None:
        """Add (or return) an entity. ``not_entities`` only stops nouns *inferred* from prose: an entity
        the spec declares (Key Entities, Glossary, a Tables table, a BMAD model, an ER block) always exists,
        even when its word is usually a UI or generic word ("Section", "Page", "Field", "Order")."""
        name = self.canonical(phrase)
        if not name or name in self.out_of_scope_words:
            return None
        if name in self.lexicon.not_entities and not declared and name not in self.declared:
            return None
        if declared:
            self.declared.add(name)
        existing = self.model.entity(name)
        if existing:
            if description and not existing.description:
                existing.description = description
            return existing
        entity = Entity(name=name, description=description, source=source)
        self.model.entities.append(entity)
        return entity

    def attribute(self, entity: Entity, attr: Attribute) -> Attribute:
        if attr.name in ("id",):
            return attr
        current = entity.attribute(attr.name) or _variant(entity, attr.name)
        if current is None:
            entity.attributes.append(attr)
            return attr
        current.unique = current.unique or attr.unique
        current.required = current.required and attr.required
        current.case_insensitive = current.case_insensitive or attr.case_insensitive
        if current.kind in _GENERIC_KINDS and attr.kind not in _GENERIC_KINDS:
            current.kind = attr.kind
        if attr.enum_values and not current.enum_values:
            current.enum_values = attr.enum_values
            current.kind = Kind.ENUM
        for field in ("minimum", "maximum", "max_length"):
            if getattr(current, field) is None and getattr(attr, field) is not None:
                setattr(current, field, getattr(attr, field))
        if attr.sensitivity != "none":
            current.sensitivity = attr.sensitivity
        if not current.description:
            current.description = attr.description
        return current

    # -- relationships --------------------------------------------------------------------------------
    def relate(
        self,
        child: str,
        parent: str,
        source: Source,
        *,
        cardinality: Cardinality = Cardinality.MANY_TO_ONE,
        required: bool = True,
        role: str = "",
        ownership: Literal["owned", "reference", "history"] = "reference",
    ) -> Relationship | None:
        if child == parent and not role:
            role = "parent"
        for rel in self.model.relationships:
            same = rel.child == child and rel.parent == parent and rel.role == role
            mirrored = (
                cardinality is Cardinality.MANY_TO_MANY
                and rel.cardinality is Cardinality.MANY_TO_MANY
                and {rel.child, rel.parent} == {child, parent}
            )
            if same or mirrored:
                if cardinality is Cardinality.ONE_TO_ONE:
                    rel.cardinality = cardinality
                if ownership == "owned":
                    rel.ownership = "owned"
                rel.required = rel.required and required
                return rel
            if (
                cardinality is Cardinality.MANY_TO_ONE
                and rel.child == parent
                and rel.parent == child
                and not role
                and not rel.role
            ):
                return rel  # the same link said from the other side ("X has many Y" vs "Y belongs to X")
        rel = Relationship(
            child=child,
            parent=parent,
            cardinality=cardinality,
            required=required,
            role=role,
            ownership=ownership,
            source=source,
        )
        self.model.relationships.append(rel)
        return rel

    # -- everything else ------------------------------------------------------------------------------
    def cache(self, need: CacheNeed) -> None:
        if any(c.purpose == need.purpose and c.entity == need.entity for c in self.model.cache_needs):
            return
        self.model.cache_needs.append(need)

    def store(self, store: StoreKind) -> None:
        if store not in self.model.declared_stores:
            self.model.declared_stores.append(store)

    def assume(self, text: str, source: Source | None = None) -> None:
        if any(a.text == text for a in self.model.assumptions):
            return
        self.model.assumptions.append(Assumption(text=text, source=source or Source()))


def _variant(entity: Entity, name: str) -> Attribute | None:
    """An existing attribute that says the same with an extra participle: a request body's
    ``accepted_terms_version`` and prose's ``terms_version`` are one column."""
    words = set(name.split("_"))
    if len(words) < 2:
        return None
    for attr in entity.attributes:
        other = set(attr.name.split("_"))
        small, big = (words, other) if len(words) < len(other) else (other, words)
        extra = big - small
        if small < big and extra and all(w.endswith("ed") for w in extra):
            return attr
    return None
