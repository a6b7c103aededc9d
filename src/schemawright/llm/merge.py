"""``--analyzer hybrid``: the rule analyzer's model, plus what the LLM's model adds to it.

Merged at model level, by name: the rule analyzer's element wins wherever both have one (an entity, an
attribute of an entity, a relationship between the same pair under the same role, a rule on the same
columns), and the LLM's elements fill the gaps with their ``llm.*`` rules, so every element still says
which analyzer it came from. The result passes the model-file loader again before it is used."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from schemawright.domain.model import Assumption, DomainModel, Relationship, Source
from schemawright.llm.client import LLMError
from schemawright.modelfile.dump import to_json
from schemawright.modelfile.load import ModelFileError, parse_model

T = TypeVar("T")


def merge(rules: DomainModel, llm: DomainModel) -> DomainModel:
    out = rules.model_copy(deep=True)
    added = 0
    for entity in llm.entities:
        mine = out.entity(entity.name)
        if mine is None:
            out.entities.append(entity)
            added += 1
            continue
        have = {a.name for a in mine.attributes}
        new = [a for a in entity.attributes if a.name not in have]
        mine.attributes += new
        added += len(new)
    added += _extend(out.relationships, llm.relationships, _rel_key)
    added += _extend(out.uniques, llm.uniques, lambda u: (u.entity, tuple(sorted(u.attributes))))
    added += _extend(out.checks, llm.checks, lambda c: (c.entity, c.kind, c.attribute, c.other))
    added += _extend(out.access_patterns, llm.access_patterns,
                     lambda p: (p.entity, tuple(p.equality), tuple(p.sort), tuple(p.range)))
    added += _extend(out.cache_needs, llm.cache_needs, lambda c: (c.purpose, c.entity))
    out.declared_stores += [s for s in llm.declared_stores if s not in out.declared_stores]
    out.audit_entities += [e for e in llm.audit_entities if e not in out.audit_entities]
    out.assumptions += llm.assumptions
    if out.entities:
        out.no_data_reason = ""
    out.assumptions.append(
        Assumption(
            text=f"Hybrid analysis: the language model added {added} element(s) the rule analyzer did not "
            "find (rule llm.*); where both read an element, the rule analyzer's reading is kept.",
            source=Source(rule="llm.hybrid"),
        )
    )
    try:
        return parse_model(to_json(out), "<hybrid model>")  # names the two readings disagree on fail here
    except ModelFileError as exc:
        raise LLMError(f"the rule and LLM models do not merge ({exc.problems[0].message}); nothing was "
                       "written — try --analyzer llm or rules") from None


def _rel_key(rel: Relationship) -> Hashable:
    pair = (rel.child, rel.parent) if rel.cardinality.value != "many_to_many" else tuple(
        sorted((rel.child, rel.parent))
    )
    return (*pair, rel.role or rel.parent)


def _extend(mine: list[T], theirs: list[T], key: Callable[[T], Hashable]) -> int:
    seen = {key(item) for item in mine}
    new = [item for item in theirs if key(item) not in seen]
    mine += new
    return len(new)
