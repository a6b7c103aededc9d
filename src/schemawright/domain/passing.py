"""Things prose names once in passing: no values of their own, one prose link, one or two mentions.

"At any moment an apartment is either available or let", "a budget in pounds and pence", "the time slot
the donor chose": the pattern rows read each as a link to a thing, and the resolver accepted the thing for
that link alone. A table with nothing but a key, created for a single sentence, is what the spec did not
ask for: the thing is dropped, and a link to it becomes a plain value of the entity that held it, so what
the sentence said about that entity is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from schemawright.domain.model import Attribute, Entity, Kind, Relationship

PROSE_RULES = ("possession.", "belonging.", "interaction.", "event.", "links.", "definition.", "recorded.")
MAX_MENTIONS = 2  # named more often, the spec is talking about the thing, not in passing


def passing(
    entities: Mapping[str, Entity],
    rels: list[Relationship],
    keep: Collection[str],
    mentions: Mapping[str, int],
) -> list[str]:
    """Entities with no attributes, outside ``keep`` (declared, actors), and exactly one link, from a
    prose rule, which is no junction's."""
    out = []
    for name, e in entities.items():
        if e.attributes or name in keep or mentions.get(name, 0) > MAX_MENTIONS:
            continue
        mine = [r for r in rels if name in (r.child, r.parent) or r.through == name]
        if len(mine) == 1 and not mine[0].through and mine[0].source.rule.startswith(PROSE_RULES):
            out.append(name)
    return out


def drop(
    name: str,
    entities: dict[str, Entity],
    rels: list[Relationship],
    kind_for_name: Callable[[str], Kind | None],
) -> list[Relationship]:
    """Removes ``name``; a link to it becomes an optional value of the child. Returns the links left."""
    del entities[name]
    for r in rels:
        child = entities.get(r.child)
        value = r.role or name
        if r.parent == name and child is not None and child.attribute(value) is None:
            kind = kind_for_name(value) or Kind.TEXT
            child.attributes.append(Attribute(name=value, kind=kind, required=False, source=r.source))
    return [r for r in rels if name not in (r.child, r.parent)]
