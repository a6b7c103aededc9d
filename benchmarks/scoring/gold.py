"""The gold format of the development corpus (``specs/README.md``), as typed models.

Gold files are written by hand, so every model ignores unknown keys instead of failing: a
newer gold file must still load in an older scorer. Keys that the README shows only as an
example (document-store ``indexes``/``ttl``/``shard``/``validators``) accept either a single
mapping or a list of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator


def _as_list(value: Any) -> Any:
    """``x`` → ``[x]`` so a gold author may write a single item where a list is expected."""
    if value is None:
        return []
    if isinstance(value, (str, dict)):
        return [value]
    return value


class _Tolerant(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class GoldEntity(_Tolerant):
    """A relational entity: acceptable table names and its attributes' acceptable column names."""

    tables: list[str] = Field(default_factory=list)
    attributes: dict[str, list[str]] = Field(default_factory=dict)

    @field_validator("tables", mode="before")
    @classmethod
    def _tables_list(cls, value: Any) -> Any:
        return _as_list(value)

    @field_validator("attributes", mode="before")
    @classmethod
    def _attributes(cls, value: Any) -> Any:
        if value is None:
            return {}
        if isinstance(value, dict):
            return {k: _as_list(v) if v is not None else [k] for k, v in value.items()}
        return value


class GoldRelationship(_Tolerant):
    """``{from, to}`` (a foreign key), ``{many_to_many: [a, b]}`` (a junction table) or ``{between: [a, b]}``
    (a link whose direction the gold leaves open: a foreign key either way, or a junction table). The last
    exists because a one-to-one is designed equally well from either side, and penalising one of them
    would score a gold author's guess rather than the design."""

    from_: str | None = Field(default=None, alias="from")
    to: str | None = None
    many_to_many: list[str] | None = None
    between: list[str] | None = None

    @property
    def pair(self) -> tuple[str, str] | None:
        """The two ends of a ``many_to_many`` or ``between`` relationship; None for ``{from, to}``."""
        ends = self.many_to_many or self.between
        return (ends[0], ends[-1]) if ends else None

    @property
    def label(self) -> str:
        if self.many_to_many:
            return f"{self.many_to_many[0]} <-> {self.many_to_many[-1]}"
        if self.between:
            return f"{self.between[0]} -- {self.between[-1]}"
        return f"{self.from_} -> {self.to}"


class GoldCheck(_Tolerant):
    kind: str
    entity: str | None = None
    table: str | None = None
    columns: list[str] = Field(default_factory=list)
    from_: str | None = Field(default=None, alias="from")
    to: str | None = None
    rule: list[str] = Field(default_factory=list)

    @field_validator("columns", "rule", mode="before")
    @classmethod
    def _listify(cls, value: Any) -> Any:
        return _as_list(value)

    @property
    def target(self) -> str:
        """What the check is about, for reports."""
        if self.from_ or self.to:
            return f"{self.from_} -> {self.to}"
        return self.entity or self.table or "*"


class TtlRange(_Tolerant):
    min_seconds: float | None = None
    max_seconds: float | None = None
    required: bool = True


class GoldKey(_Tolerant):
    """A key-value key family: words its pattern must contain, acceptable types, TTL range."""

    pattern_has: list[str] = Field(default_factory=list)
    type: list[str] = Field(default_factory=list)
    ttl: TtlRange | None = None

    @field_validator("pattern_has", "type", mode="before")
    @classmethod
    def _listify(cls, value: Any) -> Any:
        return _as_list(value)


class GoldCollection(_Tolerant):
    """A document-store entity: a collection, or a document embedded in another entity's one.

    ``embedded_in: parent`` requires embedding in the parent's documents; ``embedded_in_ok``
    (a parent, a list of parents, or ``true`` for any) allows either embedding or a collection.
    """

    names: list[str] = Field(default_factory=list)
    fields: dict[str, list[str]] = Field(default_factory=dict)
    embedded_in: str | None = None
    embedded_in_ok: list[str] | bool = False

    @field_validator("names", mode="before")
    @classmethod
    def _names_list(cls, value: Any) -> Any:
        return _as_list(value)

    @field_validator("fields", mode="before")
    @classmethod
    def _fields(cls, value: Any) -> Any:
        if value is None:
            return {}
        if isinstance(value, dict):
            return {k: _as_list(v) if v is not None else [k] for k, v in value.items()}
        return value

    @field_validator("embedded_in_ok", mode="before")
    @classmethod
    def _embedded_ok(cls, value: Any) -> Any:
        if value is None:
            return False
        return [value] if isinstance(value, str) else value


class GoldDocIndex(_Tolerant):
    """An expected index: ``keys_any_order`` lists alternative key sets (any order within one);
    ``keys`` is an ordered list of fields (or ``[field, direction]`` pairs) that must lead an index."""

    collection: str
    unique: bool | None = None
    keys_any_order: list[list[str]] = Field(default_factory=list)
    keys: list[Any] = Field(default_factory=list)
    partial: bool | None = None


class GoldTtl(_Tolerant):
    collection: str
    min_seconds: float | None = None
    max_seconds: float | None = None


class GoldShard(_Tolerant):
    """A shard-key expectation: the collection is sharded, optionally on one of ``keys_any``
    as the leading field, optionally hashed."""

    collection: str
    keys_any: list[str] = Field(default_factory=list)
    hashed: bool | None = None


class GoldValidator(_Tolerant):
    """A ``$jsonSchema`` expectation: required fields (each an alternative list) and fields
    that must carry an ``enum`` or a range (``minimum``/``maximum``)."""

    collection: str
    required: list[list[str]] = Field(default_factory=list)
    enum: list[list[str]] = Field(default_factory=list)
    range: list[list[str]] = Field(default_factory=list)

    @field_validator("required", "enum", "range", mode="before")
    @classmethod
    def _alternatives(cls, value: Any) -> Any:
        return [_as_list(v) for v in _as_list(value)]


class GoldTimeSeries(_Tolerant):
    collection: str


class Gold(_Tolerant):
    store: Literal["relational", "document", "keyvalue", "none"] = "relational"
    dialect: str | None = None
    existing: str | None = None
    expect_no_tables: bool = False
    entities: dict[str, GoldEntity] = Field(default_factory=dict)
    optional_entities: list[str] = Field(default_factory=list)
    relationships: list[GoldRelationship] = Field(default_factory=list)
    reuse_existing: list[str] = Field(default_factory=list)
    checks: list[GoldCheck] = Field(default_factory=list)
    collections: dict[str, GoldCollection] = Field(default_factory=dict)
    indexes: list[GoldDocIndex] = Field(default_factory=list)
    ttl: list[GoldTtl] = Field(default_factory=list)
    shard: list[GoldShard] = Field(default_factory=list)
    validators: list[GoldValidator] = Field(default_factory=list)
    time_series_or_bucket: list[GoldTimeSeries] = Field(default_factory=list)
    keys: dict[str, GoldKey] = Field(default_factory=dict)
    redis_keys: dict[str, GoldKey] = Field(default_factory=dict)

    @field_validator(
        "optional_entities",
        "reuse_existing",
        "relationships",
        "checks",
        "indexes",
        "ttl",
        "shard",
        "validators",
        "time_series_or_bucket",
        mode="before",
    )
    @classmethod
    def _listify(cls, value: Any) -> Any:
        return _as_list(value)

    @field_validator("entities", "collections", "keys", "redis_keys", mode="before")
    @classmethod
    def _mapping(cls, value: Any) -> Any:
        return {} if value is None else value


def load_gold(path: Path) -> Gold:
    """Read one gold YAML file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: gold file must be a mapping, got {type(data).__name__}")
    return Gold.model_validate(data)
