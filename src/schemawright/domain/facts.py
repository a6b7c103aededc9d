"""Facts: the small, provenance-carrying statements every analyzer stage emits.

Readers (structured blocks) and patterns (prose) never edit a model; they return facts. One resolver
(:mod:`schemawright.domain.resolve`) merges all facts into the :class:`DomainModel`, so no rule can
silently undo another, and every table, column and key can say which rule and line produced it.

Names in facts are *mentions* as the spec wrote them ("Order Items", ``orderItem``, "loan"); the resolver
canonicalises them (snake_case, singular, synonyms). Optional fields left ``None`` mean "this fact says
nothing about it", so a weak fact never overrides a strong one by accident.
"""

from __future__ import annotations

from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, Field

from schemawright.domain.model import Cardinality, Kind, Sensitivity, StoreKind

Origin = Literal["structured", "prose"]
Evidence = Literal[
    "declared", "subject", "object", "has_attributes", "referenced", "event", "glossary", "classifier"
]


class Provenance(BaseModel):
    """Which rule produced a fact, from which spec line and text. ``origin`` sets precedence:
    structured facts beat prose facts; within an origin, higher ``priority`` wins, then the earlier line."""

    rule: str  # e.g. "sql.column", "prisma.relation", "prose.has_many"
    line: int = 0
    text: str = ""
    origin: Origin = "prose"
    priority: int = 0


class _Fact(BaseModel):
    prov: Provenance


class EntityFact(_Fact):
    """A thing the spec wants stored. ``evidence`` says why ("declared", "subject", "has_attributes",
    "referenced", "event"): the resolver decides entity-or-attribute from it."""

    type: Literal["entity"] = "entity"
    name: str
    description: str = ""
    evidence: Evidence = "declared"
    table_name: str | None = None  # a table name the spec itself gives ("user_accounts")
    soft_delete: bool | None = None
    append_only: bool | None = None
    volume_per_month: int | None = None
    retention_days: int | None = None
    time_attribute: str | None = None
    excluded_attributes: list[str] = Field(default_factory=list)


class AttributeFact(_Fact):
    """An attribute of an entity. ``kind`` may be left ``None``: the resolver then infers it from the
    name and the declared type through the lexicon."""

    type: Literal["attribute"] = "attribute"
    entity: str
    name: str
    kind: Kind | None = None
    declared_type: str | None = None  # the spec's own type text: "VARCHAR(255)", "string", "Decimal"
    required: bool | None = None
    unique: bool | None = None
    case_insensitive: bool | None = None
    primary_key: bool = False  # the spec's own key column ("id"); the design still adds its surrogate
    enum_values: list[str] = Field(default_factory=list)
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    sensitivity: Sensitivity | None = None
    default: str | None = None
    description: str = ""
    # prose: "a book has a publisher" names a thing that may be an entity; when the resolver accepts
    # ``refers_to`` as an entity, the attribute becomes a reference to it instead of a text column
    refers_to: str = ""
    many: bool = False  # the phrase names it in the plural ("projects with labels and comments")


class RelationshipFact(_Fact):
    """``child`` refers to ``parent`` (the foreign key sits on the child), or a symmetric many-to-many.

    ``via`` names the child's field when the spec gave one (``author_id``, ``clientId``); the resolver
    turns it into the relationship's role when it differs from the parent's name.
    """

    type: Literal["relationship"] = "relationship"
    child: str
    parent: str
    cardinality: Cardinality = Cardinality.MANY_TO_ONE
    required: bool | None = None
    role: str = ""
    via: str = ""
    ownership: Literal["owned", "reference", "history"] | None = None
    on_delete: Literal["cascade", "restrict", "set_null", "no_action"] | None = None
    through: str = ""
    attributes: list[AttributeFact] = Field(default_factory=list)  # many-to-many link attributes
    ordered: bool | None = None
    # the sentence counts the parent as exactly one ("owned by exactly one landlord")
    one_parent: bool = False
    # the sentence counts the children as many ("a Tower is home to many Ringers")
    many_children: bool = False


class RoleFact(_Fact):
    """A part one entity plays ("each mentor is also an employee", "a manager, who is another employee"):
    the role is no table of its own; a link to it is a link to ``base``, named for the role."""

    type: Literal["role"] = "role"
    role: str
    base: str


class UniqueFact(_Fact):
    type: Literal["unique"] = "unique"
    entity: str
    attributes: list[str]  # attribute names, or relationship roles / parent names ("copy" → copy_id)
    where: str = ""


class CheckFact(_Fact):
    type: Literal["check"] = "check"
    entity: str
    kind: Literal["range", "compare", "enum", "non_negative", "length"]
    attribute: str
    other: str = ""
    op: Literal[">", ">=", "<", "<="] = ">"
    minimum: float | None = None
    maximum: float | None = None
    values: list[str] = Field(default_factory=list)


class IndexFact(_Fact):
    """An index or access path the spec asks for ("list a member's loans by due date")."""

    type: Literal["index"] = "index"
    entity: str
    equality: list[str] = Field(default_factory=list)
    sort: list[str] = Field(default_factory=list)  # "-created_at" for descending
    range: list[str] = Field(default_factory=list)
    unique: bool = False
    text_search: bool = False
    description: str = ""


class StoreFact(_Fact):
    type: Literal["store"] = "store"
    store: StoreKind


class NotUnderstoodFact(_Fact):
    """A sentence that mentions data but produced no fact: listed in the document, never silent."""

    type: Literal["not_understood"] = "not_understood"
    reason: str = ""


class AssumptionFact(_Fact):
    type: Literal["assumption"] = "assumption"
    text: str


Fact = Annotated[
    EntityFact
    | AttributeFact
    | RelationshipFact
    | RoleFact
    | UniqueFact
    | CheckFact
    | IndexFact
    | StoreFact
    | NotUnderstoodFact
    | AssumptionFact,
    Field(discriminator="type"),
]


F = TypeVar("F", bound=_Fact)


class FactSet(BaseModel):
    """The output of one stage: facts in the order they were found."""

    facts: list[Fact] = Field(default_factory=list)

    def of(self, kind: type[F]) -> list[F]:
        return [f for f in self.facts if isinstance(f, kind)]
