"""What pydantic cannot see in a model file: unknown keys (typos would otherwise be ignored silently),
duplicate names, and references to entities that do not exist. Each problem is reported at its line."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from schemawright.domain.model import DomainModel
from schemawright.io import ID_PATTERN
from schemawright.modelfile.nodes import Parsed, Path_, Problem, dotted

# (list field, key) pairs that name an entity; the designer looks each up in ``entities`` (rules may also
# name a many-to-many link entity, a relationship's ``through``).
_ENTITY_REFS = (
    ("relationships", "child"),
    ("relationships", "parent"),
    ("uniques", "entity"),
    ("checks", "entity"),
    ("access_patterns", "entity"),
    ("seed", "entity"),
)


def check(parsed: Parsed) -> list[Problem]:
    data = parsed.data
    if not isinstance(data, dict):
        return [Problem(1, "the model must be a mapping with feature_id, feature_name, entities …")]
    problems = _unknown_keys(parsed, data, DomainModel, ())
    fid = data.get("feature_id")
    if isinstance(fid, str) and not ID_PATTERN.match(fid):
        problems.append(_at(parsed, ("feature_id",), f"feature_id {fid!r}: use letters, digits, '_' and '-'"))
    entities = [e for e in _items(data, "entities")]
    names: dict[str, int] = {}
    for i, entity in entities:
        name = entity.get("name")
        if not isinstance(name, str):
            continue
        if name in names:
            problems.append(_at(parsed, ("entities", i, "name"), f"duplicate entity {name!r} (also entities"
                                f"[{names[name]}])"))
        names.setdefault(name, i)
        seen: set[str] = set()
        for j, attr in _items(entity, "attributes"):
            attr_name = attr.get("name")
            if isinstance(attr_name, str) and attr_name in seen:
                problems.append(_at(parsed, ("entities", i, "attributes", j, "name"),
                                    f"duplicate attribute {attr_name!r} in entity {name!r}"))
            if isinstance(attr_name, str):
                seen.add(attr_name)
    links = {r.get("through") for _, r in _items(data, "relationships") if r.get("through")}
    targets = {**names, **{str(t): -1 for t in links if isinstance(t, str) and t not in names}}
    for list_key, key in _ENTITY_REFS:
        for i, item in _items(data, list_key):
            ref = item.get(key)
            known = names if list_key == "relationships" else targets  # many-to-many links have rules too
            if isinstance(ref, str) and ref not in known:
                problems.append(_at(parsed, (list_key, i, key), f"unknown entity {ref!r}{_known(names)}"))
    for i, ref in enumerate(data.get("audit_entities") or []):
        if isinstance(ref, str) and ref not in names:
            problems.append(_at(parsed, ("audit_entities", i), f"unknown entity {ref!r}{_known(names)}"))
    return problems


def _items(data: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def _known(names: dict[str, int]) -> str:
    shown = ", ".join(sorted(names)[:12]) + (" …" if len(names) > 12 else "")
    return f" — entities are: {shown}" if names else " — the model has no entities"


def _at(parsed: Parsed, path: Path_, message: str) -> Problem:
    return Problem(parsed.line_of(path), f"{dotted(path)}: {message}")


def _unknown_keys(parsed: Parsed, data: dict[str, Any], cls: type[BaseModel], path: Path_) -> list[Problem]:
    problems = []
    fields = cls.model_fields
    for key, value in data.items():
        if key not in fields:
            known = ", ".join(fields)
            problems.append(_at(parsed, (*path, key), f"unknown key {key!r} — {cls.__name__} has: {known}"))
            continue
        inner = _model_in(fields[key].annotation)
        if inner is None:
            continue
        if isinstance(value, dict):
            problems += _unknown_keys(parsed, value, inner, (*path, key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    problems += _unknown_keys(parsed, item, inner, (*path, key, i))
    return problems


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model a field holds directly or as list items (``list[Attribute]`` → Attribute)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
