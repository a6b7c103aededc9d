"""The model of a short spec and small lookups over it, shared by the pattern tests."""

from __future__ import annotations

from schemawright.domain.analyze import analyze
from schemawright.domain.model import DomainModel, Entity, Kind
from schemawright.spec.parser import parse_spec


def data_spec(body: str) -> str:
    """``body`` as the one section of a spec: "# Spec", then "## Data"."""
    return f"# Spec\n\n## Data\n\n{body}\n"


def model_of(text: str) -> DomainModel:
    """The analyzer's model of ``text``, read as a whole spec ending with a newline."""
    return analyze(parse_spec(text if text.endswith("\n") else text + "\n"), "x", "x")


def entity_of(model: DomainModel, name: str) -> Entity:
    found = model.entity(name)
    assert found is not None, [e.name for e in model.entities]
    return found


def attribute_names(model: DomainModel, entity: str) -> list[str]:
    return [a.name for a in entity_of(model, entity).attributes]


def attribute_kinds(model: DomainModel, entity: str) -> dict[str, Kind]:
    return {a.name: a.kind for a in entity_of(model, entity).attributes}


def links(model: DomainModel) -> list[tuple[str, str]]:
    return sorted((r.child, r.parent) for r in model.relationships)


def role_links(model: DomainModel) -> list[tuple[str, str, str]]:
    return sorted((r.child, r.parent, r.role) for r in model.relationships)
