"""Small lookups over reader output, shared by the schema-reader tests."""

from __future__ import annotations

from typing import TypeVar

from schemawright.domain.facts import Fact

F = TypeVar("F")


def of(facts: list[Fact], kind: type[F]) -> list[F]:
    return [f for f in facts if isinstance(f, kind)]


def one(facts: list[Fact], kind: type[F], **fields: object) -> F:
    found = [f for f in of(facts, kind) if all(getattr(f, k) == v for k, v in fields.items())]
    assert len(found) == 1, f"expected one {kind.__name__} with {fields}, got {found}"
    return found[0]
